"""The rule data files in the package load, validate, and reject bad data."""

from __future__ import annotations

import pytest

from kamerbrief.rules.loader import (
    LayoutRules,
    MonthRules,
    _read_json,
    layout_rules,
    month_rules,
    office_rules,
)


def test_shipped_rule_files_validate() -> None:
    assert layout_rules().salutation.match("Geachte voorzitter,")
    assert month_rules().months["maart"] == 3
    assert office_rules().office("Minister", "BZ") == "Minister van Buitenlandse Zaken"
    assert office_rules().office("Minister", "BHO") == (
        "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"
    )


def test_bad_pattern_is_rejected_with_its_text() -> None:
    raw = _read_json("layout.json")
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
