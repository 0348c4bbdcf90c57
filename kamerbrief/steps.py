"""The extractors as declared steps: what each reads, what it writes, in a checked order.

Each :class:`Step` reads the ``Doc``, the parsed letter, the letter's own Kamerstuk and
the record keys it ``requires``, and returns exactly the record keys it ``assigns``. A key
is assigned once, by one step; a step runs after the steps that assign what it requires;
every item type of the record (:data:`kamerbrief.record.ITEM_TYPES`) is assigned.
:func:`check_steps` proves this when an Extractor starts; :func:`run_steps` runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kamerbrief.entities import extract_entities
from kamerbrief.errors import SetupError
from kamerbrief.extract.amounts import extract_amounts
from kamerbrief.extract.commitments import extract_commitments
from kamerbrief.extract.dates import extract_dates
from kamerbrief.extract.offices import with_offices
from kamerbrief.extract.references import extract_references
from kamerbrief.extract.requests import extract_requests
from kamerbrief.record import ITEM_TYPES, DocumentKind, Kamerstuk

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kamerbrief.parse import ParsedLetter


@dataclass
class Context:
    """What the steps read: the Doc, the parsed letter, its own Kamerstuk, the items so far."""

    doc: Doc
    parsed: ParsedLetter
    kamerstuk: Kamerstuk | None = None
    kind: DocumentKind | None = None
    items: dict[str, list[Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """One extractor: its name, the record keys it reads and writes, and how it runs."""

    name: str
    run: Callable[[Context], dict[str, Any]]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STEPS: tuple[Step, ...] = (
    Step(
        "entities",
        lambda c: extract_entities(c.doc, c.parsed),
        assigns=("persons", "organisations", "locations"),
    ),
    Step("dates", lambda c: extract_dates(c.doc, c.parsed), assigns=("dates",)),
    Step(
        "references",
        lambda c: extract_references(c.doc, c.parsed, own=c.kamerstuk),
        assigns=("references",),
    ),
    # Amounts read the dates, so that no date becomes an amount.
    Step(
        "amounts",
        lambda c: extract_amounts(c.doc, c.parsed),  # reads the dates' spans in the doc
        requires=("dates",),
        assigns=("amounts",),
    ),
    # Commitments read who acts and when, and carry the office the actor speaks for.
    Step(
        "commitments",
        lambda c: {
            "commitments": with_offices(
                extract_commitments(
                    c.doc,
                    c.parsed,
                    persons=c.items["persons"],
                    organisations=c.items["organisations"],
                    dates=c.items["dates"],
                )["commitments"],
                c.parsed.metadata,
                c.items["persons"],
                c.items["organisations"],
            )
        },
        requires=("persons", "organisations", "dates"),
        assigns=("commitments",),
    ),
    # A motion's requests: what the Kamer asks of the government, with their dates.
    Step(
        "requests",
        lambda c: extract_requests(c.parsed, kind=c.kind, dates=c.items["dates"]),
        requires=("dates",),
        assigns=("requests",),
    ),
)


def check_steps(steps: Sequence[Step] = STEPS) -> None:
    """Raise SetupError unless every step's needs are met by earlier steps, every key is
    assigned once, and every item type of the record is assigned."""
    assigned: dict[str, str] = {}
    for step in steps:
        for key in step.requires:
            if key not in assigned:
                raise SetupError(f"step {step.name!r} needs {key!r} before it is assigned")
        for key in step.assigns:
            if key in assigned:
                raise SetupError(f"{key!r} is assigned by both {assigned[key]!r} and {step.name!r}")
            assigned[key] = step.name
    missing = [t.key for t in ITEM_TYPES if t.key not in assigned]
    if missing:
        raise SetupError(f"no extractor step assigns {', '.join(missing)}")


def run_steps(context: Context, steps: Sequence[Step] = STEPS) -> dict[str, list[Any]]:
    """Run the steps in order; the record's item lists, by record key."""
    for step in steps:
        found = step.run(context)
        if set(found) != set(step.assigns):
            raise RuntimeError(
                f"extractor step {step.name!r} returned {sorted(found)}, declared {step.assigns}"
            )
        context.items.update(found)
    return context.items
