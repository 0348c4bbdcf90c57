"""Rule tables for what a document is and for the print and OCR layout of older Kamerstukken.

``data/kinds.json``: the cues that tell a letter from a motion, an amendment, an advice of
the Raad van State, answers to Kamervragen ... (``metadata.kind``).
``data/structure.json``: page furniture of printed Kamerstukken (running footers, printers'
colophons, mastheads), OCR artefacts of the scanned pages of 1977-1995 and the shapes of
headings and of question and answer labels.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kamerbrief.record import DocumentKind
from kamerbrief.rules.loader import (
    RuleFile,
    load_rules,
    lower_case_words,
    one_pattern,
    pattern_list,
)
from kamerbrief.rules.words import lexicon

_KINDS = frozenset(get_args(DocumentKind))


_patterns = pattern_list
_pattern = one_pattern


class KindCue(BaseModel):
    """Lines that make a document of ``kind``: "BRIEF VAN DE MINISTER ..." is a letter."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    kind: str
    lines: tuple[re.Pattern[str], ...] = Field(min_length=1)

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in _KINDS:
            raise ValueError(f"unknown document kind {value!r}; known: {sorted(_KINDS)}")
        return value

    @field_validator("lines", mode="before")
    @classmethod
    def _compile(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        return _patterns(value)

    def matches(self, line: str) -> bool:
        return any(p.match(line) for p in self.lines)


class KindRules(RuleFile):
    masthead_lines: int = Field(ge=1, description="non-blank lines from the top a masthead is in")
    mastheads: tuple[KindCue, ...] = Field(min_length=1)
    answers: tuple[re.Pattern[str], ...]
    answer_masthead: tuple[re.Pattern[str], ...]
    min_answer_labels: int = Field(ge=1)
    letter: tuple[re.Pattern[str], ...]

    @field_validator("answers", "answer_masthead", "letter", mode="before")
    @classmethod
    def _compile(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        return _patterns(value)


class FurnitureRules(BaseModel):
    """Page furniture of printed Kamerstukken (officielebekendmakingen, SGD scans)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    running_footer: tuple[re.Pattern[str], ...]
    colophon: tuple[re.Pattern[str], ...]
    masthead: tuple[re.Pattern[str], ...]
    page_number: re.Pattern[str]
    page_end_lines: int = Field(
        ge=1, description="non-blank lines before a page end a footer is in"
    )

    @field_validator("running_footer", "colophon", "masthead", mode="before")
    @classmethod
    def _compile_many(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        return _patterns(value)

    @field_validator("page_number", mode="before")
    @classmethod
    def _compile_one(cls, value: Any) -> re.Pattern[str]:
        return _pattern(value)


class Confusion(BaseModel):
    """Letters OCR reads for others in capitals: "IM" for "N" ("VAIM" is "VAN")."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    seen: str = Field(min_length=1)
    meant: str = Field(min_length=1)


class OcrRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    confusions: tuple[Confusion, ...]
    paragraph_line: int = Field(ge=40, description="a line this long is a paragraph OCR joined")
    glued_after_number: tuple[str, ...] = Field(
        description="words OCR glues to a number before them ('14maart'); month names are added"
    )
    glued_function_words: tuple[str, ...] = Field(
        description="short words OCR glues to the word before them ('ministervan')"
    )
    not_glued: frozenset[str] = Field(
        description="stems that form one word with a glued function word ('hiervan', 'waarvan')"
    )
    min_glued_stem: int = Field(ge=3)

    @field_validator("glued_after_number", "glued_function_words", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise ValueError("expected a list of words")
        return tuple(v.lower() for v in value)


class HeadingRules(BaseModel):
    """Shapes of headings that the general heading rules would miss or wrongly take."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    run_in: tuple[re.Pattern[str], ...]
    answer_labels: tuple[re.Pattern[str], ...]
    numbered_question: re.Pattern[str]
    min_answer_labels: int = Field(ge=1)
    abbreviation: re.Pattern[str]
    note_number_end: re.Pattern[str]
    not_headings: tuple[re.Pattern[str], ...]
    quoted_after: tuple[re.Pattern[str], ...]
    # a run-in heading of any words: a short title, then a sentence's first word
    # ("Defensie-activiteiten en het milieu De belangrijkste ...") or, for one word, its
    # full stop ("Geluidhinder. Vliegtuigen ..."); group "title", group "stop" for the latter
    run_in_free: re.Pattern[str] | None = None
    run_in_not_words: frozenset[str] = frozenset()  # verbs and titles: a sentence, no title
    run_in_common_rank: int = Field(default=0, ge=0)  # one word this common is no title
    # a line this long is a paragraph OCR joined, where a heading may run in
    run_in_min_line: int = Field(default=300, ge=40)
    # a footnote's text after its number, never a title numbered without a full stop
    # ("1 Kamerstuk 36 410, nr. 5", "2 Zie https://...", "3 Zie het rapport")
    footnote_like: tuple[re.Pattern[str], ...] = ()

    @field_validator(
        "run_in", "answer_labels", "not_headings", "quoted_after", "footnote_like", mode="before"
    )
    @classmethod
    def _compile_many(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        return _patterns(value)

    @field_validator("run_in_not_words", mode="before")
    @classmethod
    def _lower_words(cls, value: Any) -> frozenset[str]:
        return lower_case_words(value, "run_in_not_words")

    @field_validator(
        "abbreviation", "note_number_end", "numbered_question", "run_in_free", mode="before"
    )
    @classmethod
    def _compile_one(cls, value: Any) -> re.Pattern[str]:
        return _pattern(value)

    def is_answer_label(self, line: str) -> bool:
        return any(p.match(line) for p in self.answer_labels)

    def is_not_heading(self, line: str) -> bool:
        return any(p.match(line) for p in self.not_headings)

    def introduces_quote(self, line: str) -> bool:
        return any(p.search(line) for p in self.quoted_after)

    def run_in_end(self, line: str) -> tuple[int, int] | None:
        """(end of the heading, start of the paragraph after it) of a heading printed at the
        start of a paragraph's line, or None."""
        for p in self.run_in:
            m = p.match(line)
            if m and "title" in p.groupindex:
                return m.end("title"), m.end("title")
        return self._free_run_in_end(line)

    def _free_run_in_end(self, line: str) -> tuple[int, int] | None:
        if self.run_in_free is None:
            return None
        m = self.run_in_free.match(line)
        if m is None:
            return None
        words = m["title"].lower().split()
        if any(w in self.run_in_not_words for w in words):
            return None
        if len(words) == 1:  # "Inderdaad. Het ...": a common word answers, it names nothing
            if lexicon().get(words[0], self.run_in_common_rank) < self.run_in_common_rank:
                return None
        elif m["stop"]:
            return None  # "Dat klopt niet. De ...": a short sentence
        return m.end("title"), m.end("stop") if m["stop"] else m.end("title")


class StructureRules(RuleFile):
    furniture: FurnitureRules
    ocr: OcrRules
    headings: HeadingRules
    # "zee-eend", "auto-ongeluk": letter pairs across a hyphen that Dutch spelling keeps
    hyphen_vowel_pairs: frozenset[str]

    @field_validator("hyphen_vowel_pairs", mode="before")
    @classmethod
    def _letter_pairs(cls, value: Any) -> frozenset[str]:
        if not isinstance(value, list) or not all(
            isinstance(v, str) and len(v) == 2 and v.isalpha() and v.islower() for v in value
        ):
            raise ValueError("expected a list of two lower-case letters each")
        return frozenset(value)


@cache
def kind_rules() -> KindRules:
    """Cues of the kinds of parliamentary documents (data/kinds.json)."""
    return load_rules(KindRules, "kinds.json")


@cache
def structure_rules() -> StructureRules:
    """Furniture, OCR and heading rules of printed Kamerstukken (data/structure.json)."""
    return load_rules(StructureRules, "structure.json")
