"""The word lists of the commitment register (``data/register.json``), validated on load."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import field_validator

from kamerbrief.rules.loader import RuleFile, load_rules, lower_case_words


class RegisterRules(RuleFile):
    generic_topic_words: frozenset[str]

    @field_validator("generic_topic_words", mode="before")
    @classmethod
    def _lower_case(cls, value: Any) -> frozenset[str]:
        return lower_case_words(value, "generic_topic_words")


@cache
def register_rules() -> RegisterRules:
    """The register's word lists (data/register.json)."""
    return load_rules(RegisterRules, "register.json")
