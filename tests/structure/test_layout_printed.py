"""Furniture of printed Kamerstukken: running footers, printers' colophons, mastheads in
capitals and page numbers go; a footnote citing a Kamerstuk in a footer's words stays."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse
from kamerbrief.structure.layout import find_page_layout, printed_furniture, split_lines

PAGE = """Tweede Kamer der Staten-Generaal
Vergaderjaar 1983-1984
17 649
Taakverdeling en concentratie in het wetenschappelijk onderwijs
Nr. 34
BRIEF VAN DE MINISTER VAN ONDERWIJS EN WETENSCHAPPEN
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
's-Gravenhage, 28 oktober 1983
In aansluiting op mijn brief van 19 oktober bericht ik u het volgende over de voorgestelde moties in het kader van de taakverdeling en concentratie. De universiteiten hebben hun plannen ingediend en ik heb die met belangstelling bestudeerd.
De Minister van Onderwijs en Wetenschappen, W. J. Deetman
{note}
{colophon}
Tweede Kamer, vergaderjaar 1983-1984, 17 649, nr. 34
{page}
"""


def _dropped(raw: str) -> list[str]:
    lines = split_lines(raw)
    layout = find_page_layout(lines)
    return [lines[i].text for i in sorted(layout.furniture)]


@pytest.mark.parametrize(
    "colophon",
    ["913831F ISSN 0921 -7371 SDU uitgeverij",
     "114921F ISSN0921 7371 Sdu Uitgeverij Plantijnstraat 's Gravenhage 1991",
     "ISSN 0921-7371",
     "Sdu Uitgeverij Plantijnstraat",
     "'s-Gravenhage 1989",
     "S-HO S-EMG S-IMG S-GV",
     "S-Fin",
     "S-AFE S-IZ",
     "S-CRM S-V+RO 63 vel"],
)  # fmt: skip
def test_colophon_footer_and_page_number_go(colophon: str) -> None:
    raw = PAGE.format(note="1 Ter inzage gelegd op de bibliotheek.", colophon=colophon, page="3")
    dropped = _dropped(raw)
    assert colophon in dropped
    assert "Tweede Kamer, vergaderjaar 1983-1984, 17 649, nr. 34" in dropped
    assert "3" in dropped
    text = parse(raw).text
    assert "ISSN" not in text and "17 649, nr. 34" not in text.split("Deetman")[-1]


@pytest.mark.parametrize(
    "footer",
    ["Tweede kamer, zitting 1976-1977,14 365, nr. 1",
     "Tweede Kamer, zitting 1978-1979,15 300 hoofdstuk IV, nr. 16",
     "Tweede Kamer, zitting 1982-1983, 17 306, A-B",
     "Eerste Kamer, vergaderjaar 1992-1993, Aanhangsel",
     "Staten-Generaal, vergaderjaar 1994-1995, 23 990, nrs. 95a en 2",
     # as OCR misreads them
     "Tweede Kamerzitting 1981-1982, 17 105, nr. 6",
     "Tweede Kamer, veraaderiaar 1986-1987, 19700 hfdst. XVI, nr.155",
     "Tweede Kamer, vergaderjaar 1988-1 989, 1 6 092, nr. 21",
     "Staten-Generaai, vergaderjaar 1993-1994, 23 856 , nrs. 430 en 1"],
)  # fmt: skip
def test_older_running_footers_go(footer: str) -> None:
    raw = PAGE.replace("Tweede Kamer, vergaderjaar 1983-1984, 17 649, nr. 34", footer)
    raw = raw.format(note="", colophon="", page="12")
    assert footer in _dropped(raw)
    assert "12" in _dropped(raw)


def test_page_number_read_as_a_letter_goes() -> None:
    """OCR reads the page number "1" under a footer as "i"."""
    raw = PAGE.format(note="", colophon="", page="i")
    assert "i" in _dropped(raw)
    assert not parse(raw).text.rstrip().endswith("\ni")


def test_footnote_citing_a_kamerstuk_in_footer_words_stays() -> None:
    # The note number on its own line, then the citation: a reference, not furniture.
    raw = PAGE.format(
        note="1\nTweede Kamer, zitting 1983-1984, 18 100, nr. 12",
        colophon="",
        page="2",
    )
    dropped = _dropped(raw)
    assert "Tweede Kamer, zitting 1983-1984, 18 100, nr. 12" not in dropped
    assert "Tweede Kamer, vergaderjaar 1983-1984, 17 649, nr. 34" in dropped
    assert "18 100, nr. 12" in parse(raw).text


def test_citation_amid_the_text_stays() -> None:
    raw = (
        "Geachte voorzitter,\n\n"
        "Zoals vermeld in\n"
        "Tweede Kamer, zitting 1983-1984, 18 100, nr. 12\n"
        "heeft de commissie haar advies uitgebracht over de plannen van de universiteiten.\n"
    )
    furniture, footers = printed_furniture(split_lines(raw))
    assert not furniture and not footers


def test_masthead_in_capitals_on_a_later_page_goes() -> None:
    raw = (
        "Geachte voorzitter,\n\nDe commissie heeft haar advies uitgebracht.\n\f"
        "TWEEDE KAMER DER STATEN-GENERAAL\n\nZij beveelt aan het plan uit te voeren.\n"
    )
    assert "TWEEDE KAMER DER STATEN-GENERAAL" in _dropped(raw)


def test_numbers_in_the_text_stay() -> None:
    raw = (
        "Geachte voorzitter,\n\nHet aantal deelnemers bedroeg\n"
        "1200\n"
        "in het eerste jaar en is daarna gestegen tot ruim tweeduizend.\n"
    )
    assert "1200" not in _dropped(raw)


def test_aanhangsel_footer_with_a_page_number_goes_on_every_page() -> None:
    # The typeset Aanhangsel prints "..., Aanhangsel <page>" at each page's foot; the page
    # number differs, so the footer is known by what repeats without it.
    raw = (
        "Vraag 1\nKent u het bericht over de sluis?\nAntwoord 1\nJa, dat bericht ken ik. De sluis\n"
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1\n"
        "gaat in juni weer open.\nVraag 2\nWanneer volgt het besluit?\n"
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2\n"
        "Antwoord 2\nIn juli.\n"
    )
    assert _dropped(raw) == [
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1",
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2",
    ]
    assert "Aanhangsel 1" not in parse(raw).text
