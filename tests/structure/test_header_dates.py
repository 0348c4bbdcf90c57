"""Place and date lines of every era, and the dates of Kamerstukken without one."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse
from kamerbrief.structure.header import read_date

MASTHEAD = """\
Tweede Kamer der Staten-Generaal
2
Vergaderjaar 1982-1983
17 100
Wijziging van de Wet op het basisonderwijs
Nr. 12
BRIEF VAN DE MINISTER VAN ONDERWIJS EN WETENSCHAPPEN
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
{date_line}
Hierbij bied ik u het rapport van de commissie aan, waarom uw Kamer tijdens de behandeling van de begroting heeft gevraagd.
De Minister van Onderwijs en Wetenschappen, W. J. Deetman
"""


@pytest.mark.parametrize(
    ("date_line", "place", "iso"),
    [
        ("'s-Gravenhage, 14 maart 1983", "'s-Gravenhage", "1983-03-14"),
        ("’s-Gravenhage, 14maart 1983", "’s-Gravenhage", "1983-03-14"),
        ("'\ns-Gravenhage, 2 februari 1983", "'s-Gravenhage", "1983-02-02"),
        ("’\ns-Gravenhage, 2 februari 1983", "’s-Gravenhage", "1983-02-02"),
        ("s-Gravenhage, 2 februari 1983", "'s-Gravenhage", "1983-02-02"),
        ("Den Haag, 25 maart 2015", "Den Haag", "2015-03-25"),
        ("Zoetermeer, 18 december 1985", "Zoetermeer", "1985-12-18"),
        # a weekday, an abbreviated month, a numeric date
        ("Den Haag, dinsdag 14 maart 2024", "Den Haag", "2024-03-14"),
        ("Den Haag, 14 mrt. 2024", "Den Haag", "2024-03-14"),
        ("Den Haag, 14-03-2024", "Den Haag", "2024-03-14"),
        # OCR's letters for digits in the day or the year
        ("'s-Gravenhage, l maart 1990", "'s-Gravenhage", "1990-03-01"),
        ("'s-Gravenhage, 2l april 1990", "'s-Gravenhage", "1990-04-21"),
        ("'s-Gravenhage, 1O mei 1990", "'s-Gravenhage", "1990-05-10"),
        ("'s-Gravenhage, I5 juni l988", "'s-Gravenhage", "1988-06-15"),
        # OCR's spaces in a day or year, no space after the comma, no hyphen, a capital
        # month, a full stop after the year
        ("'s-Gravenhage, 1 4 maart 1983", "'s-Gravenhage", "1983-03-14"),
        ("'s-Gravenhage, 14 maart 19 83", "'s-Gravenhage", "1983-03-14"),
        ("'s-Gravenhage,14 maart 1983", "'s-Gravenhage", "1983-03-14"),
        ("'sGravenhage, 14 maart 1983", "'sGravenhage", "1983-03-14"),
        ("'s-Gravenhage, 14 Maart 1983", "'s-Gravenhage", "1983-03-14"),
        ("'s-Gravenhage, 14 maart 1983.", "'s-Gravenhage", "1983-03-14"),
        # a place in capitals, a month in capitals, OCR's "rn" for "m"
        ("'S-GRAVENHAGE, 14 maart 1983", "'S-GRAVENHAGE", "1983-03-14"),
        ("'s-Gravenhage, 14 MAART 1983", "'s-Gravenhage", "1983-03-14"),
        ("'s-Gravenhage, 14 rnaart 1983", "'s-Gravenhage", "1983-03-14"),
        ("Den Haag, 3 decernber 1990", "Den Haag", "1990-12-03"),
        # "'s-" broken off onto its own line; the date on the line after the place
        ("'s-\nGravenhage, 14maart 1983", "'s-Gravenhage", "1983-03-14"),
        ("'s-Gravenhage,\n14 maart 1983", "'s-Gravenhage", "1983-03-14"),
    ],
)
def test_place_and_date_line(date_line: str, place: str, iso: str) -> None:
    letter = parse(MASTHEAD.format(date_line=date_line))
    meta = letter.metadata
    assert meta.place == place
    assert meta.date is not None and meta.date.value == iso
    assert meta.addressee == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert letter.text[letter.body_start :].startswith("Hierbij bied ik u")
    # The masthead is no section and no title: the dossier title names the dossier.
    assert letter.sections == []
    assert meta.title is None


def test_date_line_that_goes_on_with_the_salutation() -> None:
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
        "'s-Gravenhage, 28 februari 1986 Geachte voorzitter, Onlangs zijn drie onderzoeken"
        " afgerond naar de effecten van het beleid.\n"
    )
    letter = parse(text)
    assert letter.metadata.date is not None and letter.metadata.date.value == "1986-02-28"
    assert "Onlangs zijn drie onderzoeken" in letter.text[letter.body_start :]


def test_a_place_and_date_in_running_text_is_no_date_line() -> None:
    text = (
        "Geachte voorzitter,\n\nUtrecht, 5 maart 2020 was de dag waarop de eerste besmetting"
        " werd gemeld, zoals u weet.\n"
    )
    assert parse(text).metadata.date is None


@pytest.mark.parametrize(
    ("heading", "iso"),
    [
        ("MEMORIE VAN ANTWOORD\nOntvangen 6 februari 1989", "1989-02-06"),
        ("VERSLAG VAN EEN MONDELING OVERLEG Vastgesteld 9 februari 1989", "1989-02-09"),
    ],
)
def test_received_or_adopted_date_of_a_kamerstuk(heading: str, iso: str) -> None:
    text = (
        "Eerste Kamer der Staten-Generaal\nVergaderjaar 1988-1989 Nr. 53a\n19 979\n"
        f"Invoeringswet Boek 8 B.W., tweede gedeelte\n{heading}\n"
        "De commissie merkt op dat de in het artikel genoemde vorderingen bij voorrang"
        " worden voldaan, en vraagt de regering dit toe te lichten.\n"
    )
    letter = parse(text)
    assert letter.metadata.date is not None and letter.metadata.date.value == iso
    assert letter.metadata.place is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("17juli 1980", "1980-07-17"),
        ("10 oktober 1991", "1991-10-10"),
        ("9-2-1993", "1993-02-09"),
        ("31 februari 1990", None),
        ("1 4 maart 1983", "1983-03-14"),
        ("14 maart 19 83", "1983-03-14"),
        ("14 maart 1983 19 83", None),  # no year cut in two but a year and more
        # the day as forms and exports write it, and a month that is none
        ("1983-03-14", "1983-03-14"),
        ("1983-14-03", None),
    ],
)
def test_read_date(text: str, iso: str | None) -> None:
    assert read_date(text) == iso


@pytest.mark.parametrize(
    "label_line",
    [
        "Datum dinsdag 14 maart 2024",
        "Datum14 maart 2024",
        "Datum: 14-03-2024",
        "Datum 2024-03-14",
        # text extraction glued the next label to the date
        "Datum 14 maart 2024Kenmerk 2024-0000123456",
    ],
)
def test_side_column_dates_in_every_print(label_line: str) -> None:
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nPostbus 20018\n\n"
        f"{label_line}\nBetreft De brug\n\nGeachte voorzitter,\n\nDe brug is veilig.\n"
    )
    meta = parse(text).metadata
    assert meta.date is not None and meta.date.value == "2024-03-14"
    assert meta.title == "De brug"


@pytest.mark.parametrize(
    "line",
    [
        "Leidschendam, Informatie over de begroting",
        "Den Haag, IOM juni",
        # a place on its line and a sentence on the next
        "Den Haag,\n14 mensen kwamen naar de bijeenkomst over de begroting.",
    ],
)
def test_a_place_and_words_make_no_date(line: str) -> None:
    letter = parse(MASTHEAD.format(date_line=line))
    assert letter.metadata.date is None


def test_a_date_line_that_two_column_ocr_printed_inside_another_line() -> None:
    text = MASTHEAD.format(
        date_line="Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Staten-Generaal"
        " ontvangen op 28 februari 1991. De wens 's.Gravenhage, 26 februari 1991 dient te"
        " geschieden kan door de Kamer worden gegeven"
    )
    meta = parse(text).metadata
    assert meta.date is not None and meta.date.value == "1991-02-26"  # not the registry's
    assert meta.place == "'s-Gravenhage"


@pytest.mark.parametrize(
    "line",
    [
        # a registry's stamp, a date after another place, a date without its year
        "Staten-Generaal ontvangen op 28 februari 1991 dient te geschieden",
        "De vergadering in Utrecht, 26 februari 1991 werd goed bezocht",
        "De wens 's-Gravenhage, 26 februari dient te geschieden",
    ],
)
def test_no_date_line_inside_another_line_without_the_hagues_name_and_a_year(line) -> None:
    assert parse(MASTHEAD.format(date_line=line)).metadata.date is None


@pytest.mark.parametrize(
    "line",
    ["Uw kenmerk,", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal,"],
)
def test_a_line_ending_in_a_comma_before_a_date_is_no_place(line: str) -> None:
    meta = parse(f"{line}\n14 maart 1983\n\nGeachte voorzitter,\n\nDe brug is klaar.\n").metadata
    assert meta.place is None
    assert meta.date is not None and meta.date.value == "1983-03-14"
