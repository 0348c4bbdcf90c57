"""OCR artefacts of scanned Kamerstukken (1977-1995) repaired on the letter's own evidence.

"IM" read for "N" in capitals, spaces lost before a month or after a number, and line-end
hyphens kept inside the paragraphs OCR joined; every repair keeps the map to the source.
"""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse
from kamerbrief.structure.normalize import known_words, respaced

# One paragraph a line, as OCR of a printed page gives it: long lines with the hyphens of
# the printed line ends inside them, and some of those words written whole elsewhere.
OCR_LETTER = (
    "Tweede Kamer der Staten-Generaal\n"
    "Vergaderjaar 1986-1987\n"
    "BRIEF VAIM DE MIIMISTER VAN VERKEER EN WATERSTAAT\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
    "'s-Gravenhage, 14maart 1987\n"
    "Hierbij zend ik u, mede namens de minister van Economische Zaken, het rapport over de "
    "be-hoefte aan nieuwe verbindingen in de Randstad. De commissie heeft haar advies op "
    "10oktober 1986 ont-vangen en de behoefte aan een nieuwe oeververbinding onder-zocht. "
    "Zij heeft daarbij gesproken met de Navo-strategie als achtergrond, met het midden-en "
    "kleinbedrijf en met vertegenwoordigers van de niet-verplichte programma's. Het rapport "
    "is door mij op 2 februari ontvangen en ligt ter inzage.\n"
    "Het advies van de commissie is door mij ontvangen en onderzocht. Ik heb het rapport "
    "dat de commissie in de loop van het jaar heeft opgesteld met belangstelling gelezen en "
    "deel u mee dat ik de aanbevelingen over de defensie-uitgaven en de ministervan "
    "Defensie nader zal bezien. Zodra dit onderzoek gereed is, zal ik u over de uitkomsten "
    "berichten en daarbij ook ingaan op de wensen van de betrokken gemeenten.\n"
)


def _render(text: str, known: frozenset[str]) -> str:
    pieces = respaced(text, 100, known)
    for p in pieces:  # copied pieces are the source at their offset
        if p.copied:
            assert text[p.src - 100 : p.src - 100 + len(p.text)] == p.text
    return "".join(p.text for p in pieces)


@pytest.fixture(scope="module")
def ocr_text() -> str:
    return parse(OCR_LETTER).text


@pytest.mark.parametrize(
    ("broken", "whole"),
    [("be-hoefte", "behoefte"), ("ont-vangen", "ontvangen"), ("onder-zocht", "onderzocht")],
)
def test_line_end_hyphen_inside_an_ocr_paragraph_goes(
    ocr_text: str, broken: str, whole: str
) -> None:
    assert broken not in ocr_text
    assert whole in ocr_text


@pytest.mark.parametrize(
    "real", ["Navo-strategie", "midden-en", "niet-verplichte", "defensie-uitgaven"]
)
def test_real_hyphens_inside_an_ocr_paragraph_stay(ocr_text: str, real: str) -> None:
    assert real in ocr_text


def test_glued_month_and_function_word_get_their_space(ocr_text: str) -> None:
    assert "op 10 oktober 1986" in ocr_text
    assert "de minister van Defensie" in ocr_text


def test_source_map_stays_exact() -> None:
    parsed = parse(OCR_LETTER)
    text, smap = parsed.text, parsed.source_map
    for word in ("behoefte", "ontvangen", "oktober", "Defensie", "onderzocht"):
        i = text.index(word)
        src = smap.to_source(i)
        assert OCR_LETTER[src : src + 2] == word[:2]
    # a joined word maps back across the hyphen it lost
    i = text.index("behoefte")
    assert OCR_LETTER[smap.to_source(i + 2) : smap.to_source(i + 2) + 5] == "hoeft"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("BRIEF VAIM DE MIIMISTER VAN DEFENSIE", "BRIEF VAN DE MINISTER VAN DEFENSIE"),
     ("BRIEF VAN DE MINISTER VAIM SOCIALE ZAKEN", "BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN"),
     ("Op 14maart 1985 is het advies ontvangen.", "Op 14 maart 1985 is het advies ontvangen."),
     ("'s-Gravenhage, 10oktober 1991", "'s-Gravenhage, 10 oktober 1991"),
     ("1Is het u bekend dat de minister dit weet?", "1 Is het u bekend dat de minister dit weet?")],
)  # fmt: skip
def test_ocr_repairs_with_evidence(line: str, expected: str) -> None:
    known = known_words("de minister van defensie is het eens\nhet is bekend\n")
    assert _render(line, known) == expected


@pytest.mark.parametrize(
    "line",
    ["Het IMF en de OESO publiceren hun ramingen.",  # no word "nf" or "desd" in the letter
     "Een autoweg met 2x2 rijstroken en een 3D-model.",
     "Het 20ste rapport verschijnt in 1990.",
     "De caravan van de commissie stond in Assen.",
     "Een kant-en-klaar plan voor de zorg-verzekeraar."],
)  # fmt: skip
def test_no_repair_without_evidence(line: str) -> None:
    known = known_words("de minister van defensie is het eens\nhet is bekend\n" + line)
    assert _render(line, known) == line


def test_inline_hyphens_of_a_modern_letter_stay() -> None:
    # Short wrapped lines: an in-line hyphen is a real one, even when the letter also
    # writes the word whole once.
    raw = (
        "Geachte voorzitter,\n\n"
        "De zorg-verzekeraar en de zorgverzekeraar worden in deze brief beide genoemd,\n"
        "net als de ont-vangen en de ontvangen stukken over het beleid van dit jaar.\n"
    )
    text = parse(raw).text
    assert "zorg-verzekeraar" in text and "ont-vangen" in text


@pytest.mark.parametrize(
    "line",
    ["Op basis hiervan zal ik de Kamer informeren.",
     "De uitkomsten daarvan zijn bekend, waarvan de helft positief.",
     "Zie https://www.raadvanstate.nl/adviezen?zoek=20Raad%20van%20State voor het advies."],
)  # fmt: skip
def test_words_that_end_in_van_and_web_addresses_stay(line: str) -> None:
    known = known_words("hier daar waar raad van state de uitkomsten\n" + line)
    assert _render(line, known) == line
