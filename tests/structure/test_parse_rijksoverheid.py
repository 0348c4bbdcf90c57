"""Letters in the rijksoverheid.nl template: side column, Datum/Betreft, Pagina x van y."""

from __future__ import annotations

import pytest

from tests.helpers import CIRCULAIR, LUCHTVAART, WATER_EN_BODEM

HARBERS = ("Mark Harbers", "Minister van Infrastructuur en Waterstaat")
HEIJNEN = ("V.L.W.A. Heijnen", "Staatssecretaris van Infrastructuur en Waterstaat")


@pytest.mark.parametrize(
    ("path", "date", "title", "senders"),
    [
        (WATER_EN_BODEM, "2022-11-25", "Water en Bodem sturend", [HARBERS, HEIJNEN]),
        (LUCHTVAART, "2022-12-22", "Emissies door de luchtvaart", [HARBERS]),
        (CIRCULAIR, "2023-02-03",
         "Nationaal Programma Circulaire Economie 2023-2030 (NPCE) incl. kabinetsreactie op ICER"
         " en SER-verkenning", [HEIJNEN]),
    ],
)  # fmt: skip
def test_date_subject_and_signatories(parsed, path, date, title, senders) -> None:
    meta = parsed(path).metadata
    assert meta.date is not None and meta.date.value == date
    assert meta.title == title
    assert [(s.name, s.role) for s in meta.senders] == senders
    assert meta.addressee == "De voorzitter van de Tweede Kamer der Staten-Generaal"
    assert meta.place is None


def test_water_en_bodem_numbered_headings_and_not_its_policy_choices(parsed) -> None:
    sections = parsed(WATER_EN_BODEM).sections
    numbered = [s for s in sections if s.number is not None]
    assert [s.number for s in numbered] == ["1", "1.1", "1.2", "2", "3", "3.1", "3.2", "3.3"]
    by_id = {s.id: s for s in sections}
    parents = {s.number: by_id[s.parent].number if s.parent else None for s in numbered}
    assert parents == {"1": None, "1.1": "1", "1.2": "1", "2": None, "3": None,
                       "3.1": "3", "3.2": "3", "3.3": "3"}  # fmt: skip
    titles = " | ".join(s.title for s in sections)
    assert "Op basis van het huidige klimaatscenario" not in titles
    assert not any(s.title.startswith(("We werken", "We staan", "We houden")) for s in sections)


def test_luchtvaart_headings_after_a_numbered_agenda(parsed) -> None:
    numbered = [(s.number, s.title) for s in parsed(LUCHTVAART).sections if s.number]
    assert numbered[:3] == [
        ("1", "Ultrafijn stof"),
        (
            "1.1",
            "Blootstelling van de omgeving van luchthavens aan ultrafijn stof van de luchtvaart",
        ),
        ("1.2", "Blootstelling van platformmedewerkers aan ultrafijn stof en andere stoffen"),
    ]
    assert [n for n, _ in numbered] == ["1", "1.1", "1.2", "2", "3", "4", "5", "6", "7"]


@pytest.mark.parametrize("path", [WATER_EN_BODEM, LUCHTVAART, CIRCULAIR])
def test_side_column_and_page_numbers_are_not_headings(parsed, path) -> None:
    for s in parsed(path).sections:
        assert "Ministerie" not in s.title
        assert "agina" not in s.title
        assert "Kenmerk" not in s.title


def test_annex_after_the_signature_stays_in_the_text(parsed) -> None:
    letter = parsed(CIRCULAIR)
    assert "Bijlage: Mogelijke aanvullende maatregelen op het NPCE" in letter.text
    assert letter.text.index("V.L.W.A. Heijnen") < letter.text.index("Bijlage: Mogelijke")
