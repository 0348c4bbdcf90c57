"""What the analyst outputs share: batch-unique letter ids and values read off records.

Tables and the register both use these; they read records only.
"""

from __future__ import annotations

import re
from datetime import date

from kamerbrief.record import LetterRecord, kamerstuk_id
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


_OFFICE = r"(?:[Mm]inister(?:-president)?|[Ss]taatssecretaris|[Mm]inisterie)"
# "Volksgezondheid, Welzijn en Sport": a comma before a capital continues the name,
# unless another office follows ("Minister-president, Minister van Algemene Zaken").
_MINISTRY = re.compile(
    rf"\b{_OFFICE}\s+(?:van|voor)\s+((?:[^,;()\n]|,\s*(?!{_OFFICE}\b)(?=[A-Z]))+)"
)


def ministry_of(role: str | None) -> str | None:
    """The ministry or portfolio an office names ("Staatssecretaris van Financiën": "Financiën")."""
    if not role:
        return None
    found = _MINISTRY.findall(role)
    return found[-1].strip().rstrip(".") if found else None


def actor_role(record: LetterRecord, actor: str | None) -> str | None:
    """The office of a commitment's actor: the signatory's role, else the person's first role."""
    if not actor:
        return None
    for sender in record.metadata.senders:
        if sender.name == actor and sender.role:
            return sender.role
    for person in record.persons:
        if (actor == person.name or actor in person.aliases) and person.roles:
            return person.roles[0]
    for org in record.organisations:
        if actor == org.name and ministry_of(org.name):
            return org.name
    return None


def letter_ministry(record: LetterRecord) -> str | None:
    """The ministry of the letter's first signatory with one."""
    for sender in record.metadata.senders:
        found = ministry_of(sender.role)
        if found:
            return found
    return None


def target_id(kind: str, dossier: str | None, number: str | None) -> str | None:
    """The record id a citation points at ("kst-36410-XVI-12"), for Kamerstukken and motions."""
    if kind in ("kamerstuk", "motie", "amendement") and dossier and number:
        return kamerstuk_id(dossier, number)
    return None
