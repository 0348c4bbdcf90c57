"""Dutch numbers as letters write them: "1.250.000", "3,5", "zeven", "vijfentwintig", "30-tal"."""

from __future__ import annotations

import math
import re
from functools import cache

from kamerbrief.rules.values import number_rules

# Thousands grouped by dots (or thin/plain spaces joined earlier), decimals after a comma.
_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_DECIMAL_POINT = re.compile(r"^\d+\.\d{1,2}$")  # "3.5" in English-style tables


def parse_digits(text: str) -> float | None:
    """The value of a numeral in Dutch notation ("1.250.000" -> 1250000, "3,5" -> 3.5)."""
    text = text.strip()
    if _DIGITS.match(text):
        value = float(text.replace(".", "").replace(",", "."))
    elif _DECIMAL_POINT.match(text):
        value = float(text)
    else:
        return None
    return value if math.isfinite(value) else None


@cache  # a letter asks for the same words again and again; cleared with the rule caches
def parse_number_word(word: str) -> int | None:
    """The value of a cardinal written as a word ("zeven", "vijfentwintig", "honderd")."""
    rules = number_rules()
    word = word.lower()
    if word in rules.units:
        return rules.units[word]
    if word in rules.tens:
        return rules.tens[word]
    if word in rules.hundreds:
        return rules.hundreds[word]
    # "vijfentwintig", "eenendertig", "drieënveertig": unit + en/ën + ten
    for ten, value in rules.tens.items():
        if word.endswith(ten):
            head = word[: -len(ten)]
            for joint in ("en", "ën"):
                unit = head[: -len(joint)] if head.endswith(joint) else None
                if unit is not None:
                    if unit == "een":
                        return value + 1
                    if rules.units.get(unit, 0) in range(1, 10):
                        return value + rules.units[unit]
    # "tweehonderd", "honderdvijftig", "tweehonderdduizend": the largest scale first
    for name, scale in sorted(rules.hundreds.items(), key=lambda item: -item[1]):
        if name in word:
            head, _, tail = word.partition(name)
            left = parse_number_word(head) if head else 1
            right = parse_number_word(tail) if tail else 0
            if left is not None and right is not None and 0 < left < scale and right < scale:
                return left * scale + right
    return None


@cache
def parse_group_word(word: str) -> int | None:
    """The value of a group noun: "viertal" -> 4, "tiental" -> 10, "30-tal" -> 30."""
    suffix = number_rules().group_suffix
    word = word.lower()
    if not word.endswith(suffix) or len(word) <= len(suffix):
        return None
    head = word[: -len(suffix)].rstrip("-")
    if head.isdigit():
        return int(head)
    return parse_number_word(head)


def scale_of(word: str) -> float | None:
    """The multiplier of a scale word ("miljoen", "mln", "mld.") or None."""
    return number_rules().scales.get(word.lower())


@cache
def parse_count(text: str) -> float | None:
    """A digit numeral or a number word (not a group noun), or None."""
    value = parse_digits(text)
    if value is not None:
        return value
    if text.lower() in number_rules().not_counts:
        return None
    word = parse_number_word(text)
    return None if word is None else float(word)


# Caches of values derived from the rule data: :func:`kamerbrief.rules.registry.clear_caches`
# clears them with the rule files.
DERIVED_CACHES = (parse_number_word, parse_count, parse_group_word)
