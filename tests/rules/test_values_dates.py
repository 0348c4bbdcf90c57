"""The date rules (data/dates.json) reject what they do not know."""

from __future__ import annotations

import pytest

from kamerbrief.rules.values import DateRules, date_rules


def test_date_rules_reject_unknown_relations() -> None:
    data = date_rules().model_dump()
    data["relations"] = {"voor": "sometime"}
    with pytest.raises(ValueError, match="unknown relations"):
        DateRules.model_validate(data)
