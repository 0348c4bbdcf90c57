"""The rule data files in the package load, validate, and reject bad data."""

from __future__ import annotations

import pytest

from kamerbrief.errors import RuleDataError
from kamerbrief.rules import loader
from kamerbrief.rules.loader import (
    EntityFilterRules,
    KamerstukRules,
    LayoutRules,
    MonthRules,
    ReferenceRules,
    layout_rules,
    load_rules,
    month_rules,
    office_rules,
    read_rule_file,
    reference_rules,
)


def test_shipped_rule_files_validate() -> None:
    assert layout_rules().salutation.match("Geachte voorzitter,")
    assert month_rules().months["maart"] == 3
    assert office_rules().office("Minister", "BZ") == "Minister van Buitenlandse Zaken"
    assert office_rules().office("Minister", "BHO") == (
        "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"
    )


def test_bad_pattern_is_rejected_with_its_text() -> None:
    raw = read_rule_file("layout.json")
    raw["closing"] = "(Hoogachtend"
    with pytest.raises(ValueError, match="bad regular expression"):
        LayoutRules.model_validate(raw)


def test_unknown_keys_and_bad_months_are_rejected() -> None:
    with pytest.raises(ValueError):
        MonthRules.model_validate({"about": "a test file of months", "months": {"maart": 13}})
    with pytest.raises(ValueError):
        MonthRules.model_validate({"about": "a test file of months", "months": {}, "x": 1})


@pytest.mark.parametrize(
    ("line", "role"),
    [("De Minister van Volksgezondheid, Welzijn en Sport,", True),
     ("DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,", True),
     ("de Minister voor Medische Zorg,", True),
     ("Ministeries van Economische Zaken en Buitenlandse Zaken.", False),
     ("Met deze brief informeer ik uw Kamer,", False)],
)  # fmt: skip
def test_signature_role_pattern(line: str, role: bool) -> None:
    assert bool(layout_rules().signature_role.match(line)) is role


def test_reference_rules_are_valid_and_bad_ones_rejected() -> None:
    rules = reference_rules()
    assert "Kamerstukken" in rules.kamerstuk_cues and rules.chamber_marks["ll"] == "II"
    raw = read_rule_file("references.json")
    raw["dossier_shape"] = "(\\d{5}"
    with pytest.raises(ValueError, match="bad regular expression"):
        ReferenceRules.model_validate(raw)
    raw = read_rule_file("references.json")
    raw["motion_cues"] = {"motie": "besluit"}
    with pytest.raises(ValueError):
        ReferenceRules.model_validate(raw)
    raw = read_rule_file("references.json")
    raw["unknown"] = 1
    with pytest.raises(ValueError):
        ReferenceRules.model_validate(raw)


@pytest.mark.parametrize(
    ("key", "value", "error"),
    [("proposed_date", "^Voorgesteld (.+)$", "needs a group"),
     ("closing", "(en gaat over", "bad regular expression")],
)  # fmt: skip
def test_kamerstuk_rules_are_validated(key: str, value: str, error: str) -> None:
    raw = read_rule_file("layout.json")["kamerstuk"]
    raw[key] = value
    with pytest.raises(ValueError, match=error):
        KamerstukRules.model_validate(raw)


def test_a_heading_pattern_needs_the_members_group() -> None:
    raw = read_rule_file("layout.json")["kamerstuk"]
    raw["documents"][0]["heading"] = "^MOTIE VAN HET LID .+$"
    with pytest.raises(ValueError, match="members"):
        KamerstukRules.model_validate(raw)


def test_bad_not_name_pattern_is_refused(monkeypatch) -> None:
    bad = {**read_rule_file("entities.json"), "not_name_patterns": ["[unclosed"]}
    monkeypatch.setattr(loader, "read_rule_file", lambda name: bad)
    with pytest.raises(RuleDataError, match="bad regular expression"):
        load_rules(EntityFilterRules, "entities.json")
