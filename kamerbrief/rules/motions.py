"""What a motion asks of the government (``data/motions.json``)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import field_validator

from kamerbrief.rules.loader import RuleFile, load_rules, needs_groups, one_pattern


class MotionRules(RuleFile):
    request: re.Pattern[str]
    request_end: re.Pattern[str]

    @field_validator("request", "request_end", mode="before")
    @classmethod
    def _pattern(cls, value: Any) -> re.Pattern[str]:
        pattern = one_pattern(value)
        return re.compile(pattern.pattern, re.IGNORECASE)

    @field_validator("request")
    @classmethod
    def _addressee(cls, value: re.Pattern[str]) -> re.Pattern[str]:
        needs_groups((value,), "addressee")
        return value


@cache
def motion_rules() -> MotionRules:
    """The requests of motions (data/motions.json)."""
    return load_rules(MotionRules, "motions.json")
