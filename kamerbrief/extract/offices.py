"""The office behind each commitment: its actor's role and the ministry it speaks for.

The actor's role is a signatory's role, else the first role the letter gives the person,
else the name of a ministry that acts itself ("Ministerie van IenW zal ..."); the ministry
is the one that role names, else the letter's first signatory's.
"""

from __future__ import annotations

from collections.abc import Sequence

from kamerbrief.record import Commitment, Metadata, Organisation, Person, Sender
from kamerbrief.rules.offices import ministry_of


def with_offices(
    commitments: Sequence[Commitment],
    metadata: Metadata,
    persons: Sequence[Person],
    organisations: Sequence[Organisation],
) -> list[Commitment]:
    """``commitments`` with ``actor_role`` and ``ministry`` filled in."""
    out = []
    for c in commitments:
        role = _role(c.actor, metadata.senders, persons, organisations)
        ministry = ministry_of(role) or metadata.ministry
        out.append(c.model_copy(update={"actor_role": role, "ministry": ministry}))
    return out


def _role(
    actor: str | None,
    senders: Sequence[Sender],
    persons: Sequence[Person],
    organisations: Sequence[Organisation],
) -> str | None:
    if not actor:
        return None
    for sender in senders:
        if sender.name == actor and sender.role:
            return sender.role
    for person in persons:
        if (actor == person.name or actor in person.aliases) and person.roles:
            return person.roles[0]
    for org in organisations:
        if actor == org.name and ministry_of(org.name):
            return org.name
    return None
