"""The calendar in one place: Dutch dates into ISO 8601 values, and the days an ISO value covers."""

from __future__ import annotations

import calendar
import re
from datetime import date

from kamerbrief.rules.loader import month_rules

_FULL_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DATE = re.compile(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})$")


def month_number(word: str) -> int | None:
    """1..12 for a Dutch month name or abbreviation ("maart", "mrt"), else None; also as
    OCR prints an "m" ("rnaart", "decernber"), which no other Dutch word becomes."""
    months = month_rules().months
    word = word.lower().rstrip(".")
    return months.get(word) or (months.get(word.replace("rn", "m")) if "rn" in word else None)


def parse_full_date(text: str) -> str | None:
    """ISO day for "25 maart 2015", "25-03-2015" or "2015-03-25"; None if it is not a valid
    date."""
    text = " ".join(text.split())
    m = _FULL_DATE.match(text)
    if m:
        month = month_number(m.group(2))
        day, year = int(m.group(1)), int(m.group(3))
    else:
        m = _NUMERIC_DATE.match(text)
        iso = _ISO_DATE.match(text)
        if m:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        elif iso:  # "2024-03-25", as forms and exports write it
            year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        else:
            return None
    if month is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_bounds(value: str) -> tuple[date, date, str]:
    """First day, last day and precision (day|month|year) of an ISO date or interval.

    "2023-03/2023-05" covers 2023-03-01 to 2023-05-31 at month precision.
    """
    first, _, last = value.partition("/")
    start, p1 = _point_bounds(first, end=False)
    end, p2 = _point_bounds(last or first, end=True)
    order = ("day", "month", "year")
    return start, end, max(p1, p2, key=order.index)


def _point_bounds(point: str, *, end: bool) -> tuple[date, str]:
    parts = [int(x) for x in point.split("-")]
    year = parts[0]
    if len(parts) == 3:
        return date(year, parts[1], parts[2]), "day"
    if len(parts) == 2:
        day = calendar.monthrange(year, parts[1])[1] if end else 1
        return date(year, parts[1], day), "month"
    return (date(year, 12, 31) if end else date(year, 1, 1)), "year"


def period_year(year: int, month: int | None, first: int, last: int, relative: str | None) -> int:
    """The year of a season named without one ("dit najaar", "in de zomer"), whose months are
    ``first`` to ``last`` (past 12 into the next year), seen from ``year`` and ``month``:
    relative "this", "next" or "last", or None for the coming one."""
    month = month or 1
    if last > 12 and month <= last - 12:
        year -= 1  # January in a winter that began last December
    if relative == "this":
        return year
    if relative == "next":
        return year if month < first else year + 1
    if relative == "last":
        return year if last < month else year - 1
    return year if month <= last else year + 1
