"""The ministry an office names: one definition, for the structure and the outputs."""

from __future__ import annotations

import re
from functools import cache

from kamerbrief.rules.loader import office_rules

_OFFICE = r"(?:[Mm]inister(?:-president)?|[Ss]taatssecretaris|[Mm]inisterie)"
# "Volksgezondheid, Welzijn en Sport": a comma before a capital continues the name,
# unless another office follows ("Minister-president, Minister van Algemene Zaken").
_MINISTRY = re.compile(
    rf"\b{_OFFICE}\s+(?:van|voor)\s+((?:[^,;()\n]|,\s*(?!{_OFFICE}\b)(?=[A-Z]))+)"
)


def ministry_of(role: str | None) -> str | None:
    """The ministry or portfolio an office names ("Staatssecretaris van Financiën":
    "Financiën"); the last one of a combined office."""
    if not role:
        return None
    found = list(_MINISTRY.finditer(role))
    return _printed(found[-1].group(1)) if found else None


def _printed(ministry: str) -> str:
    """The ministry's name as printed, without an acting mark after it ("Financiën a.i.")."""
    name = ministry.strip()
    for mark in office_rules().acting_marks:
        if name.lower().endswith(" " + mark):
            name = name[: -len(mark)].strip()
    return name.rstrip(".")


# an OCR misspelling differs from the name it misspells in at most one letter per this many
# ("Justltie", "Economsiche Zaken"); real names differ more ("Binnenlandse" / "Buitenlandse")
_LETTERS_PER_EDIT = 8


@cache
def _known_names() -> tuple[str, ...]:
    rules = office_rules()
    return tuple(sorted({*rules.ministries(), *rules.portfolios_without_ministry}))


def _edits(a: str, b: str) -> int:
    """Letters inserted, deleted, changed or swapped with their neighbour to make ``b``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            cur.append(cost)
        prev2, prev = prev, cur
    return prev[-1]


def spelt_office(role: str) -> str:
    """``role`` with the ministry an OCR'd page misspelt ("Staatssecretaris van Economsiche
    Zaken") spelt as the offices list does; unchanged when it names a known ministry, or
    when no one name is this close."""
    found = list(_MINISTRY.finditer(role))
    if not found:
        return role
    m = found[-1]
    printed = _printed(m.group(1))
    names = _known_names()
    if printed in names or len(printed) < 6:
        return role
    limit = max(1, len(printed) // _LETTERS_PER_EDIT)
    close = sorted((_edits(printed, n), n) for n in names if abs(len(n) - len(printed)) <= limit)
    if not close or close[0][0] > limit or (len(close) > 1 and close[1][0] == close[0][0]):
        return role
    start = m.start(1)
    return role[:start] + close[0][1] + role[start + len(printed) :]
