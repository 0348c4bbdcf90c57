"""The commitment rules (data/commitments.json) validate and reject bad patterns."""

from __future__ import annotations

import pytest

from kamerbrief.rules.commitments import CommitmentRules, commitment_rules
from kamerbrief.rules.loader import read_rule_file


def test_commitment_rules_are_validated() -> None:
    data = read_rule_file("commitments.json")
    data["firm_patterns"] = ["(unclosed"]
    with pytest.raises(ValueError, match="bad regular expression"):
        CommitmentRules.model_validate(data)
    assert commitment_rules().future_verbs >= {"zal", "zullen"}
