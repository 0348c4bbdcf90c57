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
