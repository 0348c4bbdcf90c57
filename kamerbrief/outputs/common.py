"""What the analyst outputs share: batch-unique letter ids and values read off records.

Tables and the register both use these; they read records only.
"""

from __future__ import annotations

from datetime import date

from kamerbrief.record import kamerstuk_id
from kamerbrief.rules.calendar import iso_bounds


class UniqueIds:
    """Letter ids unique within a batch: a repeated record id gets "#2", "#3", ..."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, record_id: str) -> str:
        n = self._seen.get(record_id, 0) + 1
        self._seen[record_id] = n
        return record_id if n == 1 else f"{record_id}#{n}"


# -- values ---------------------------------------------------------------------------


def date_range(value: str | None) -> tuple[date | None, date | None, str | None]:
    """First day, last day and precision (day|month|year) of an ISO date or interval."""
    if not value:
        return None, None, None
    return iso_bounds(value)


def target_id(kind: str, dossier: str | None, number: str | None) -> str | None:
    """The record id a citation points at ("kst-36410-XVI-12"), for Kamerstukken and motions."""
    if kind in ("kamerstuk", "motie", "amendement") and dossier and number:
        return kamerstuk_id(dossier, number)
    return None
