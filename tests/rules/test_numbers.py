"""Dutch numerals: number words, digits in Dutch notation and group nouns ("viertal")."""

from __future__ import annotations

import pytest

from kamerbrief.rules.numbers import parse_digits, parse_group_word, parse_number_word


@pytest.mark.parametrize(
    ("word", "value"),
    [("zeven", 7), ("vijfentwintig", 25), ("tweehonderdduizend", 200000), ("honderdvijftig", 150), ("drieënveertig", 43), ("tweehonderd", 200),
     ("twintig", 20), ("boterham", None)],
)  # fmt: skip
def test_number_words(word, value) -> None:
    assert parse_number_word(word) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.250.000", 1250000), ("3,5", 3.5), ("12.000", 12000), ("0,1", 0.1), ("abc", None)],
)  # fmt: skip
def test_digits_in_dutch_notation(text, value) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("word", "value"), [("viertal", 4), ("30-tal", 30), ("tiental", 10), ("tal", None)]
)
def test_group_nouns(word, value) -> None:
    assert parse_group_word(word) == value
