"""Page furniture is dropped; footnotes leave the paragraph they interrupt."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse
from tests.helpers import LUCHTVAART, SEED_REPORT, WATER_EN_BODEM

PAGE_BREAK = """Geachte voorzitter,
Het RIVM heeft op verzoek van het ministerie een voorstel gedaan voor het in Nederland
structureel meten van ultrafijn stof. Zoals aangegeven in

1 Kamerstukken II 2021/22, 30175, nr. 414
P agina 1 van 9

de Hoofdlijnenbrief Schiphol van 24 juni 2022 is normering het uitgangspunt voor het
kabinet. Daarom is kennisopbouw voor het kabinet van groot belang.
"""


def test_page_footer_is_dropped_and_the_paragraph_goes_on() -> None:
    text = parse(PAGE_BREAK).text
    assert "agina 1 van 9" not in text
    assert "Zoals aangegeven in de Hoofdlijnenbrief Schiphol" in text


def test_footnote_moves_behind_the_paragraph() -> None:
    text = parse(PAGE_BREAK).text
    note = text.index("1 Kamerstukken II 2021/22, 30175, nr. 414")
    assert note > text.index("van groot belang.")


AANHANGSEL_PAGE = """Vraag 2
Hoe beoordeelt u de berichten?
Antwoord 2
Het kabinet heeft kennisgenomen van de berichten in the Guardian. Het kabinet blijft dit
1The Guardian, 19 september 2024, «The brutal truth behind Italy’s migrant reduction»,
https://www.theguardian.com/global-development/2024/sep/19/italy-migrant-reduction
\u0020
ah-tk-20242025-583
uitdragen in Europees verband.
"""


def test_a_footnote_before_an_aanhangsel_page_end_leaves_the_sentence() -> None:
    # the Aanhangsel's id line ends a page: the note above it moves, the sentence goes on
    text = parse(AANHANGSEL_PAGE).text
    assert "Het kabinet blijft dit uitdragen in Europees verband." in text
    assert "ah-tk-20242025-583" not in text
    assert text.index("The Guardian, 19 september 2024") > text.index("Europees verband.")


def test_repeated_side_column_is_dropped(parsed) -> None:
    text = parsed(LUCHTVAART).text
    body = text[text.index("Geachte voorzitter") :]
    assert "Ons kenmerk" not in body
    assert "I E NW/BSK-2022/268034" not in body


@pytest.mark.parametrize(
    "line",
    ["P agina 3 van 9", "Pagina 12 van 32", "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel",
     "ah-tk-20232024-2129", "ISSN 0921 - 7398",
     # The printer's order number and ISSN of 1985-1995 print, as OCR reads it.
     "913831F ISSN 0921 -7371 SDU uitgeverij '", "1415546F llSSN 0921 -7371",
     "012144F ISSN0921 7371 Sdu Uitgeverij Plantijnstraat 's Gravenhage 1993"],
)  # fmt: skip
def test_furniture_lines_are_recognised(line: str) -> None:
    from kamerbrief.rules.loader import layout_rules

    assert layout_rules().is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["Pagina’s van het rapport zijn bijgevoegd", "In 2024 is die bijdrage 125 miljoen euro.",
     "Tweede Kamer der Staten-Generaal",
     "Het ISSN 0921-7371 staat op elk Kamerstuk."],
)  # fmt: skip
def test_text_is_not_furniture(line: str) -> None:
    from kamerbrief.rules.loader import layout_rules

    assert not layout_rules().is_furniture(line)


def test_form_feed_starts_a_page_and_is_not_text() -> None:
    text = parse("Geachte voorzitter,\nDe eerste pagina loopt door op\n\fde tweede pagina.\n").text
    assert "\f" not in text
    assert "loopt door op de tweede pagina." in text


@pytest.mark.parametrize(
    "path",
    [SEED_REPORT, LUCHTVAART, WATER_EN_BODEM],
    ids=["SEED_REPORT", "LUCHTVAART", "WATER_EN_BODEM"],
)
def test_every_character_maps_back_to_the_same_character_in_the_source(path) -> None:
    raw = path.read_text(encoding="utf-8")
    letter = parse(raw)
    for offset, char in enumerate(letter.text):
        if not char.isspace():
            assert raw[letter.source_map.to_source(offset)] == char, offset


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        # a footnote mark that the text extraction put on a line of its own in a sentence
        ("De minister heeft tijdens het debat over de waterschappen toegezegd om\n1\nna de"
         " verkiezingen het bestel te evalueren.", "om na de verkiezingen"),
        ("Tegelijkertijd zie ik diverse problemen rondom\n12\nbeweegarmoede op de eilanden.",
         "rondom beweegarmoede"),
    ],
)  # fmt: skip
def test_a_footnote_mark_on_a_line_of_its_own_leaves_the_sentence(lines: str, text: str) -> None:
    parsed = parse(f"Geachte voorzitter,\n\n{lines}\n")
    assert text in " ".join(parsed.text.split())


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # a subscript of a chemical formula, a footnote's own number before its link, a
        # number after a sentence's end, a number before a capital
        ("De uitstoot van CO -\n2\nemissies daalt.", "2"),
        ("Zie de website.\n8\nhttps://www.aivd.nl/documenten\n", "8"),
        ("Dat is de stand van zaken op\n1\nJanuari was het anders.", "1"),
        ("Het aantal bedroeg.\n12\nmaanden lang bleef het gelijk.", "12"),
        # a number after a word that takes one, and a number under a label or table cell
        ("Het aantal aanvragen van studenten uit het buitenland steeg in 2023 tot\n12\nper"
         " maand.", "12"),
        ("Dat geldt voor de regeling die is opgenomen in het wetsvoorstel, artikel\n3\nlid 2.",
         "3"),
        ("Aantal deelnemers\n45\nstudenten", "45"),
    ],
)  # fmt: skip
def test_numbers_on_their_own_line_that_are_no_footnote_mark_stay(lines: str, kept: str) -> None:
    parsed = parse(f"Geachte voorzitter,\n\n{lines}\n")
    assert kept in parsed.text.split()
