"""Header layouts of printed Kamerstukken 1977-1995 and Rijksoverheid letters, as OCR and
PDF text give them: the date line joined to the body's first sentence, a date alone under
the addressee, a cover letter's heading with its date, a motion's date on its heading's
line or after the meeting it was proposed in, an Aanhangsel answer "ingezonden" by the
minister, and a "Datum" label whose value is no date.

Letters written for these tests, in the words such letters use.
"""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse

MASTHEAD = """\
Tweede Kamer der Staten-Generaal
2
Vergaderjaar 1986-1987
19 870
Beleid inzake de binnenvaart
Nr. 7
BRIEF VAN DE MINISTER VAN VERKEER EN WATERSTAAT
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
{date_line}
De Minister van Verkeer en Waterstaat, N. Smit-Kroes
"""

FIRST_SENTENCE = (
    "Naar aanleiding van het mondeling overleg van 3 maart jl. zend ik u hierbij de nota over"
    " het binnenvaartbeleid, waarin de voorstellen van de sector zijn verwerkt."
)


@pytest.mark.parametrize(
    ("date_line", "place", "iso"),
    [
        # OCR joined the date line and the first paragraph into one line.
        (f"'s-Gravenhage, 12 maart 1987 {FIRST_SENTENCE}", "'s-Gravenhage", "1987-03-12"),
        (f"Rijswijk, 4 juni 1987 {FIRST_SENTENCE}", "Rijswijk", "1987-06-04"),
        # The comma after the seat of government lost, with or without the body after it.
        (f"'s-Gravenhage 26 november 1986 {FIRST_SENTENCE}", "'s-Gravenhage", "1986-11-26"),
        (f"'s-Gravenhage 26 november 1986\n{FIRST_SENTENCE}", "'s-Gravenhage", "1986-11-26"),
    ],
)
def test_date_line_joined_to_the_body(date_line: str, place: str, iso: str) -> None:
    letter = parse(MASTHEAD.format(date_line=date_line))
    meta = letter.metadata
    assert meta.place == place
    assert meta.date is not None and meta.date.value == iso
    assert meta.addressee == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert [s.title for s in letter.sections] == []
    assert [(s.name, s.role) for s in meta.senders] == [
        ("N. Smit-Kroes", "Minister van Verkeer en Waterstaat")
    ]
    assert "Naar aanleiding van het mondeling overleg" in letter.text[letter.body_start :]


def test_date_line_with_a_sentence_that_is_no_date_line() -> None:
    """A sentence that opens with a place and a date is no date line."""
    letter = parse(MASTHEAD.format(date_line=(
        "Amsterdam, 3 maart 1987 was de dag waarop de schippers in de haven bijeenkwamen en"
        " hun bezwaren tegen de nieuwe regeling kenbaar maakten aan de gemeente."
    )))  # fmt: skip
    assert letter.metadata.date is None


def test_bare_date_under_the_addressee() -> None:
    text = MASTHEAD.format(date_line=f"1 juli 1994\n{FIRST_SENTENCE}")
    meta = parse(text).metadata
    assert meta.date is not None and meta.date.value == "1994-07-01"
    assert meta.place is None


def test_bare_date_after_the_body_began_is_no_letter_date() -> None:
    text = MASTHEAD.format(date_line=f"{FIRST_SENTENCE}\n1 juli 1994")
    assert parse(text).metadata.date is None


COVER_LETTER = """\
Tweede Kamer der Staten-Generaal
2
Vergaderjaar 1986-1987
19 950
Beleidsoverzicht Milieu 1987
Nr. 1
AANBIEDINGSBRIEF 15 september 1986
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Hierbij bied ik u het Beleidsoverzicht Milieu 1987 aan. Het overzicht geeft de stand van uitvoering van het milieubeleid weer.
De Minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer, P. Winsemius
"""


def test_cover_letter_heading_with_its_date() -> None:
    letter = parse(COVER_LETTER)
    meta = letter.metadata
    assert meta.date is not None and meta.date.value == "1986-09-15"
    assert meta.addressee == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert letter.sections == []
    assert letter.text[letter.body_start :].startswith("Hierbij bied ik u")


MOTION = """\
Tweede Kamer der Staten-Generaal
2
Vergaderjaar 1987-1988
Nota over het natuurbeleid
{heading}
De Kamer,
gehoord de beraadslaging;
overwegende, dat de begrenzing van de natuurgebieden nog niet is vastgesteld;
verzoekt de regering, de begrenzing voor het einde van het jaar aan de Kamer voor te leggen,
en gaat over tot de orde van de dag.
{names}
"""


@pytest.mark.parametrize(
    ("heading", "names", "iso", "senders"),
    [
        (
            "MOTIE VAN HET LID JANSEN\n"
            "Voorgesteld in de uitgebreide commissievergadering van 14 december 1987",
            "Jansen",
            "1987-12-14",
            ["Jansen"],
        ),
        (
            "GEWIJZIGDE MOTIE VAN DE LEDEN DE VRIES EN PIETERS, TER VERVANGING VAN DIE GEDRUKT"
            " ONDER NR. 4 Voorgesteld 2 februari 1988",
            "De Vries Pieters",
            "1988-02-02",
            ["De Vries", "Pieters"],
        ),
    ],
)
def test_motion_dates_in_older_print(
    heading: str, names: str, iso: str, senders: list[str]
) -> None:
    letter = parse(MOTION.format(heading=heading, names=names))
    meta = letter.metadata
    assert meta.date is not None and meta.date.value == iso
    assert [s.name for s in meta.senders] == senders
    assert meta.title is not None and "VERVANGING" not in meta.title
    assert letter.sections == []


AANHANGSEL_EK = """\
Eerste Kamer der Staten-Generaal
1
Vergaderjaar 1988-1989
Aanhangsel van de Handelingen
Vragen van de heer Van Dijk (V.V.D.) inzake de heffing op mestoverschotten. (Ingezonden 2 mei 1989)
1 Is het de minister bekend dat de heffing in sommige provincies tweemaal wordt geheven?
2 Is hij bereid dit te voorkomen?
Antwoord Antwoord van de heer Braks, minister van Landbouw en Visserij. (Ingezonden 12 juni 1989)
1 Ja. De heffing wordt per bedrijf eenmaal opgelegd, ook wanneer de gronden in Duitsland liggen.
2 Zie het antwoord op vraag 1.
"""


def test_aanhangsel_answer_ingezonden_by_the_minister() -> None:
    letter = parse(AANHANGSEL_EK)
    meta = letter.metadata
    assert meta.date is not None and meta.date.value == "1989-06-12"
    assert meta.title == "de heffing op mestoverschotten"
    assert [(s.name, s.role) for s in meta.senders] == [
        ("Braks", "Minister van Landbouw en Visserij")
    ]
    assert letter.sections == []


SIDE_COLUMN_PHONE = """\
> Retouradres Postbus 20401 2500 EK Den Haag
De Voorzitter van de Tweede Kamer
der Staten-Generaal
Binnenhof 4
2513 AA DEN HAAG
Datum  T 070 379 8911 (algemeen)
Betreft Voortgang van de verduurzaming van de energievoorziening
Geachte Voorzitter,
Hierbij informeer ik u over de voortgang van de verduurzaming van de energievoorziening op de eilanden.
"""


def test_datum_label_whose_value_is_no_date() -> None:
    meta = parse(SIDE_COLUMN_PHONE).metadata
    assert meta.date is None
    assert meta.title == "Voortgang van de verduurzaming van de energievoorziening"


REGISTRY_STAMP = """\
Staten-Generaal
1/2
Vergaderjaar 1994-1995 Nr. 101a
23 950
Verkoop van het Staatsbosbeheer-terrein te Hoog Soeren
Nr. 2
BRIEF VAN DE MINISTER VAN LANDBOUW, NATUURBEHEER EN VISSERIJ
Ter griffie van de Eerste en van de Tweede Kamer der Staten-Generaal ontvangen op 3 maart 1995. Het oordeel dat de voorgenomen verkoop een machtiging bij de wet behoeft kan door een van beide Kamers worden uitgesproken uiterlijk 2 april 1995.
Aan de Voorzitters van de Eerste en van de Tweede Kamer der Staten-Generaal
's-Gravenhage, 2 maart 1995
Hierbij deel ik u mee dat ik voornemens ben het terrein te verkopen aan de gemeente Apeldoorn, die het voor woningbouw wil bestemmen.
"""


@pytest.mark.parametrize("griffie", ["griffie", "gritfie", "grifiie"])  # as OCR reads it
def test_registry_stamp_before_the_addressee_is_header(griffie: str) -> None:
    meta = parse(REGISTRY_STAMP.replace("griffie", griffie)).metadata
    assert (
        meta.addressee == "de Voorzitters van de Eerste en van de Tweede Kamer der Staten-Generaal"
    )
    assert meta.date is not None and meta.date.value == "1995-03-02"


def test_ocr_repairs_in_header_lines() -> None:
    """ "VAIM" is "VAN" in a header line as in the body, where the letter writes "van"."""
    text = MASTHEAD.replace("MINISTER VAN VERKEER", "MINISTER VAIM VERKEER").format(
        date_line=f"'s-Gravenhage, 12 maart 1987\n{FIRST_SENTENCE}"
    )
    letter = parse(text)
    assert "BRIEF VAN DE MINISTER VAN VERKEER EN WATERSTAAT" in letter.text
    start = letter.text.index("VAN VERKEER")
    assert text[letter.source_map.to_source(start) :].startswith("VAIM VERKEER")
