"""Patterns: the literal every match needs, and a fast "does any pattern occur?"."""

from __future__ import annotations

import re

import pytest

from kamerbrief.rules.commitments import commitment_rules
from kamerbrief.rules.loader import Patterns, required_text


@pytest.mark.parametrize(
    ("pattern", "needle"),
    [
        (r"\bhierbij\b[^.]{0,80}\b(?:bied|stuur)\b", "hierbij"),
        (r"\bin op\b", "in op"),
        (r"^\s*het streven is\b", "het streven is"),
        (r"\bzet(?:ten)?\b[^.]{0,60}\bin\b", "zet"),
        (r"ab*c", "a"),
        (r"toe|terug", "t"),  # the common start of the alternatives
        (r"kom|terug", ""),  # no literal is in every match
        (r"(?i)hierbij", ""),  # case-insensitive: the literal may be written otherwise
    ],
)
def test_required_text(pattern: str, needle: str) -> None:
    assert required_text(re.compile(pattern)) == needle


def test_search_any_is_any_search() -> None:
    rules = commitment_rules()
    texts = [
        "hierbij stuur ik u de brief.",
        "ik ben bereid dit te doen",
        "we zetten extra in op handhaving",
        "kunt u aangeven waarom?",
        "de minister heeft het toegezegd",
        "niets van dit alles",
        "",
    ]
    for patterns in (rules.not_commitment_patterns, rules.soft_patterns, rules.firm_patterns):
        assert isinstance(patterns, Patterns)
        for text in texts:
            assert patterns.search_any(text) == any(p.search(text) for p in patterns)
