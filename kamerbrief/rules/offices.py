"""The ministry an office names: one definition, for the structure and the outputs."""

from __future__ import annotations

import re

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
    found = _MINISTRY.findall(role)
    return found[-1].strip().rstrip(".") if found else None
