"""The patterns of the coverage report (``data/coverage.json``), validated on load.

They judge a record's ``text`` on its own (does it hold a signature block, a subject
line?) and flag suspicious extractor output (a section title that is a phone number or
a side-column label, a signatory that is not a name, a date out of range). They are
kept apart from ``data/layout.json`` on purpose: the report must not measure the
extractor with the extractor's own rules.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from kamerbrief.rules.loader import RuleFile, load_rules, pattern_list


def _patterns(value: Any) -> tuple[re.Pattern[str], ...]:
    return pattern_list(value, non_empty=True)


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class SignatureBlock(_Part):
    tail: float = Field(gt=0, le=1, description="the share of the text, from its end, searched")
    role_lines: tuple[re.Pattern[str], ...]

    @field_validator("role_lines", mode="before")
    @classmethod
    def _compile(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        return _patterns(value)


class SubjectLine(_Part):
    head: float = Field(gt=0, le=1, description="the share of the text, from its start, searched")
    lines: tuple[re.Pattern[str], ...]

    @field_validator("lines", mode="before")
    @classmethod
    def _compile(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        return _patterns(value)


class SectionTitleRules(_Part):
    """Section titles that are not headings, by rule; checked in this order."""

    answer_label: tuple[re.Pattern[str], ...]
    side_label: tuple[re.Pattern[str], ...]
    phone: tuple[re.Pattern[str], ...]
    email: tuple[re.Pattern[str], ...]
    url: tuple[re.Pattern[str], ...]
    postcode: tuple[re.Pattern[str], ...]
    address: tuple[re.Pattern[str], ...]
    person_name: tuple[re.Pattern[str], ...]

    @field_validator("*", mode="before")
    @classmethod
    def _compile(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        return _patterns(value)

    def rule_of(self, title: str) -> str | None:
        """The first rule whose pattern is found in ``title`` (stripped), else None."""
        title = title.strip()
        for name in type(self).model_fields:
            if any(p.search(title) for p in getattr(self, name)):
                return name
        return None


class SignatoryRules(_Part):
    max_words: int = Field(ge=1, description="a name has at most this many words")
    role_words: tuple[str, ...] = Field(min_length=1, description="words no name contains")
    _role: re.Pattern[str] = PrivateAttr()

    def model_post_init(self, context: Any) -> None:
        words = sorted({w.lower() for w in self.role_words}, key=len, reverse=True)
        self._role = re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, words)) + r")\b")

    def role_word(self, name: str) -> str | None:
        """The first role word in ``name`` ("Minister"), else None."""
        m = self._role.search(name)
        return m.group(0) if m else None


class DateRules(_Part):
    earliest_year: int = Field(ge=1000)


class CoverageRules(RuleFile):
    signature_block: SignatureBlock
    subject_line: SubjectLine
    section_titles: SectionTitleRules
    signatory: SignatoryRules
    dates: DateRules

    def has_signature_block(self, text: str) -> bool:
        """A role line ("De Minister van ...") within the last ``tail`` of ``text``."""
        start = int(len(text) * (1 - self.signature_block.tail))
        return any(p.search(text, start) for p in self.signature_block.role_lines)

    def has_subject_line(self, text: str) -> bool:
        """A line starting with Betreft or Onderwerp within the first ``head`` of ``text``."""
        end = max(1, round(len(text) * self.subject_line.head))
        return any(p.search(text, 0, end) for p in self.subject_line.lines)


@cache
def coverage_rules() -> CoverageRules:
    """Patterns of the coverage report (data/coverage.json)."""
    return load_rules(CoverageRules, "coverage.json")
