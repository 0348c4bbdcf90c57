"""The word lists of the commitment register (``data/register.json``), validated on load."""

from __future__ import annotations

from functools import cache

from pydantic import field_validator

from kamerbrief.rules.loader import RuleFile, load_rules


class RegisterRules(RuleFile):
    generic_topic_words: frozenset[str]

    @field_validator("generic_topic_words")
    @classmethod
    def _lower_case(cls, value: frozenset[str]) -> frozenset[str]:
        upper = sorted(w for w in value if w != w.lower())
        if upper:
            raise ValueError(f"generic_topic_words must be lower case: {upper}")
        return value


@cache
def register_rules() -> RegisterRules:
    """The register's word lists (data/register.json)."""
    return load_rules(RegisterRules, "register.json")
