"""One item-type registry: the record, show, tables and evaluate all read it."""

from __future__ import annotations

import pytest

from kamerbrief.evaluate.score import ENTITY_TYPES, ITEM_FIELDS, ITEM_KEYS
from kamerbrief.outputs.show import TYPES
from kamerbrief.outputs.tables import SCHEMAS
from kamerbrief.record import ITEM_TYPES, LetterRecord, item_type, kamerstuk_id


@pytest.mark.parametrize("t", ITEM_TYPES, ids=lambda t: t.name)
def test_every_item_type_reaches_every_output(t) -> None:
    assert t.key in LetterRecord.model_fields
    assert TYPES[t.name][0] == t.key
    assert t.key in SCHEMAS
    assert t.key in (ENTITY_TYPES if t.entity else ITEM_KEYS)
    if not t.entity:
        assert ITEM_FIELDS[t.key] == t.scored
    assert item_type(t.name) is item_type(t.key) is t


def test_prefixes_are_unique() -> None:
    prefixes = [t.prefix for t in ITEM_TYPES]
    assert len(prefixes) == len(set(prefixes))


@pytest.mark.parametrize(
    ("dossier", "number", "expected"),
    [
        ("21501-02", "3121", "kst-21501-02-3121"),
        ("33750-XVI", "36", "kst-33750-XVI-36"),
        ("36410", None, "kst-36410"),
    ],
)
def test_kamerstuk_id(dossier, number, expected) -> None:
    assert kamerstuk_id(dossier, number) == expected


def test_the_records_item_lists_are_the_registry_in_its_order() -> None:
    keys = list(LetterRecord.model_fields)
    start = keys.index("sections") + 1
    assert keys[start : start + len(ITEM_TYPES)] == [t.key for t in ITEM_TYPES]
    assert keys[start + len(ITEM_TYPES) :] == ["questions", "warnings", "provenance"]
    for t in ITEM_TYPES:  # each list holds the registry's model
        assert LetterRecord.model_fields[t.key].annotation == list[t.model]


def test_a_new_item_type_needs_a_registry_entry_and_a_step(monkeypatch) -> None:
    """A new type added to the registry (here a stand-in with the model of dates) is
    refused at start-up until a step assigns it: the registry and the steps are checked
    against each other (kamerbrief.steps.check_steps)."""
    from kamerbrief import steps
    from kamerbrief.errors import SetupError
    from kamerbrief.record import DateItem, ItemType

    extra = ItemType("fact", "facts", "f", DateItem)
    monkeypatch.setattr(steps, "ITEM_TYPES", (*ITEM_TYPES, extra))
    with pytest.raises(SetupError, match="facts"):
        steps.check_steps()
    step = steps.Step("facts", lambda c: {"facts": []}, assigns=("facts",))
    steps.check_steps((*steps.STEPS, step))
