"""PDF letter-spacing artefacts ("We w erken", "Inf rastructuur") repaired on the letter's own evidence."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse
from kamerbrief.structure.normalize import respaced
from tests.helpers import WATER_EN_BODEM

KNOWN = frozenset(
    {"werken", "infrastructuur", "voeren", "we", "als", "geïnformeerd", "deze", "de", "ze", "in"}
)


def _joined(text: str, known: frozenset[str] = KNOWN) -> str:
    pieces = respaced(text, 100, known)
    for p in pieces:  # every piece is a copy of the source at its offset
        assert text[p.src - 100 : p.src - 100 + len(p.text)] == p.text
    return "".join(p.text for p in pieces)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("We w erken toe naar", "We werken toe naar"),
     ("Ministerie van Inf rastructuur en Waterstaat", "Ministerie van Infrastructuur en Waterstaat"),
     ("maatregelen uit te voere n", "maatregelen uit te voeren"),
     ("die a ls bijlage is toegevoegd", "die als bijlage is toegevoegd"),
     ("wordt de Kamer ge ïnformeerd", "wordt de Kamer geïnformeerd")],
)  # fmt: skip
def test_a_word_split_at_a_kerned_letter_is_joined(text, expected) -> None:
    assert _joined(text) == expected


@pytest.mark.parametrize(
    "text",
    ["de ze brief",  # two real words, even if "deze" is one too
     "in formatie",  # "informatie" does not occur in this letter
     "7 e Actieprogramma",  # digits are no letters
     "We w Erken"],  # a capital after the space starts a new word
)  # fmt: skip
def test_real_words_and_unknown_joins_are_left_alone(text) -> None:
    assert _joined(text) == text


def test_without_evidence_nothing_changes() -> None:
    assert _joined("We w erken", frozenset()) == "We w erken"


def test_a_pdf_letter_reads_its_split_words_whole() -> None:
    parsed = parse(WATER_EN_BODEM.read_text(encoding="utf-8"))
    assert "We werken toe naar een drinkwatergebruik" in parsed.text
    assert "We w erken" not in parsed.text
