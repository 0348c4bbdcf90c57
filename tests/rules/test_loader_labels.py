"""One table maps both pipelines' entity labels to the record's types."""

from __future__ import annotations

import json

import pytest

from kamerbrief.errors import RuleDataError
from kamerbrief.rules import loader
from kamerbrief.rules.loader import LabelRules, label_rules, load_rules

# The NER labels in nl_core_news_sm 3.x's meta.json, and in the bundled pipeline.
NL_CORE_NEWS_LABELS = [
    "CARDINAL",
    "DATE",
    "EVENT",
    "FAC",
    "GPE",
    "LANGUAGE",
    "LAW",
    "LOC",
    "MONEY",
    "NORP",
    "ORDINAL",
    "ORG",
    "PERCENT",
    "PERSON",
    "PRODUCT",
    "QUANTITY",
    "TIME",
    "WORK_OF_ART",
]
KAMERBRIEF_LABELS = ["PER", "ORG", "LOC", "MISC"]


@pytest.mark.parametrize("label", NL_CORE_NEWS_LABELS + KAMERBRIEF_LABELS)
def test_every_label_of_both_pipelines_is_in_the_table(label: str) -> None:
    assert label in label_rules().labels


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("PER", "person"),
        ("PERSON", "person"),
        ("ORG", "organisation"),
        ("LOC", "location"),
        ("GPE", "location"),
        ("FAC", "location"),
        ("MONEY", "amount"),
        ("PERCENT", "amount"),
        ("DATE", "date"),
        # Nationalities ("Nederlandse") are not locations; MISC is not an item type.
        ("NORP", None),
        ("MISC", None),
        ("CARDINAL", None),
        ("per", "person"),
    ],
)
def test_labels_map_to_record_types(label: str, expected: str | None) -> None:
    assert label_rules().record_type(label) == expected


def test_unknown_label_maps_to_nothing() -> None:
    assert label_rules().record_type("SOMETHING_NEW") is None


def test_table_pointing_at_an_unknown_type_is_refused(monkeypatch) -> None:
    bad = {
        "about": "a label table for this test",
        "types": ["person"],
        "labels": {"PER": "persoon"},
    }
    monkeypatch.setattr(loader, "read_rule_file", lambda name: json.loads(json.dumps(bad)))
    with pytest.raises(RuleDataError, match="unknown record types"):
        load_rules(LabelRules, "labels.json")
