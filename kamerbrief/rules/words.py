"""Dutch function words (``data/words.json``), validated on load."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import field_validator

from kamerbrief.rules.loader import RuleFile, load_rules, lower_case_words


class WordRules(RuleFile):
    line_continuations: frozenset[str]
    no_content: frozenset[str]
    glue_words: frozenset[str] = frozenset()
    glue_keep: frozenset[str] = frozenset()
    # subjects and auxiliaries split off a word the letter prints alone ("ikalleen")
    glue_subjects: frozenset[str] = frozenset()
    # "de", "het": the word after one is a noun
    noun_articles: frozenset[str] = frozenset()
    # particles of separable verbs, printed apart in a main clause ("maken de balans op")
    verb_particles: frozenset[str] = frozenset()

    @field_validator(
        "line_continuations",
        "no_content",
        "glue_words",
        "glue_keep",
        "glue_subjects",
        "noun_articles",
        "verb_particles",
        mode="before",
    )
    @classmethod
    def _lower(cls, value: Any) -> frozenset[str]:
        return lower_case_words(value, "function words")


@cache
def word_rules() -> WordRules:
    """Dutch function words (data/words.json)."""
    return load_rules(WordRules, "words.json")


class Lexicon(RuleFile):
    """Dutch word forms (data/lexicon.json), one string of lower-case words, most
    frequent first."""

    words: tuple[str, ...]

    @field_validator("words", mode="before")
    @classmethod
    def _split(cls, value: Any) -> tuple[str, ...]:
        if not isinstance(value, str):
            raise ValueError("words must be one string of words separated by spaces")
        words = tuple(value.split())
        if bad := [w for w in words if not (w.isalpha() and w.islower())][:5]:
            raise ValueError(f"not lower-case words: {bad}")
        return words


@cache
def lexicon() -> dict[str, int]:
    """Dutch word forms that the glue splitter treats as words of their own, with their
    frequency rank (0 is the most frequent)."""
    return {word: rank for rank, word in enumerate(load_rules(Lexicon, "lexicon.json").words)}
