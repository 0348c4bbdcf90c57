"""Reading Dutch calendar expressions into ISO 8601 values."""

from __future__ import annotations

import re
from datetime import date

from kamerbrief.rules.loader import month_rules

_FULL_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def month_number(word: str) -> int | None:
    """1..12 for a Dutch month name or abbreviation ("maart", "mrt"), else None."""
    return month_rules().months.get(word.lower().rstrip("."))


def parse_full_date(text: str) -> str | None:
    """ISO day for "25 maart 2015" or "25-03-2015"; None if it is not a valid date."""
    text = " ".join(text.split())
    m = _FULL_DATE.match(text)
    if m:
        month = month_number(m.group(2))
        day, year = int(m.group(1)), int(m.group(3))
    else:
        m = _NUMERIC_DATE.match(text)
        if not m:
            return None
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if month is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
