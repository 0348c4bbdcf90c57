"""Labels and header sentences of answers to Kamervragen (``data/questions.json``)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import Field, field_validator, model_validator

from kamerbrief.rules.loader import RuleFile, load_rules, needs_groups, one_pattern, pattern_list


class QuestionRules(RuleFile):
    question_labels: tuple[re.Pattern[str], ...] = Field(min_length=1)
    answer_labels: tuple[re.Pattern[str], ...] = Field(min_length=1)
    notice_labels: tuple[re.Pattern[str], ...]
    numbered_questions: tuple[re.Pattern[str], ...]
    inline_number: re.Pattern[str]
    number_token: re.Pattern[str]
    range_words: tuple[str, ...]
    follow_up: re.Pattern[str]
    asker_group: re.Pattern[str]
    name_separator: re.Pattern[str]
    plural_offices: re.Pattern[str]
    office: re.Pattern[str]
    office_separator: re.Pattern[str]
    also_for: re.Pattern[str]
    cover_also_for: re.Pattern[str]
    # a cover letter's other ways of naming the questions it answers, when no "Vragen van ...
    # over ... (ingezonden ...)" sentence does: groups askers and, if printed, date
    cover_questions: tuple[re.Pattern[str], ...] = ()
    registration: tuple[re.Pattern[str], ...]
    aanhangsel: tuple[re.Pattern[str], ...]
    aanhangsel_line: re.Pattern[str]
    vergaderjaar: re.Pattern[str]
    chambers: dict[str, re.Pattern[str]]
    header_chars: int = Field(ge=200, description="how far from the top the header is read")

    @field_validator(
        "question_labels", "answer_labels", "notice_labels", "numbered_questions", "aanhangsel",
        "registration", "cover_questions",
        mode="before",
    )  # fmt: skip
    @classmethod
    def _compile_many(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        return pattern_list(value)

    @field_validator(
        "inline_number", "number_token", "follow_up", "asker_group",
        "name_separator", "plural_offices", "office", "office_separator", "also_for",
        "cover_also_for", "aanhangsel_line", "vergaderjaar",
        mode="before",
    )  # fmt: skip
    @classmethod
    def _compile_one(cls, value: Any) -> re.Pattern[str]:
        return one_pattern(value)

    @field_validator("chambers", mode="before")
    @classmethod
    def _compile_chambers(cls, value: Any) -> dict[str, re.Pattern[str]]:
        if not isinstance(value, dict):
            raise ValueError("expected role -> regular expression")
        return {role: one_pattern(p) for role, p in value.items()}

    @model_validator(mode="after")
    def _groups(self) -> QuestionRules:
        needs_groups(self.question_labels, "numbers")
        needs_groups(self.numbered_questions, "numbers")
        needs_groups(self.cover_questions, "askers")
        needs_groups((self.inline_number,), "number")
        needs_groups((self.asker_group,), "names", "party")
        needs_groups((self.office,), "office", "link", "ministry")
        needs_groups((self.plural_offices,), "office", "rest")
        needs_groups((self.also_for, self.cover_also_for), "offices")
        needs_groups(self.registration, "year", "number")
        needs_groups(self.aanhangsel, "number")
        needs_groups((self.vergaderjaar,), "first", "second")
        return self

    def starts_block(self, line: str, numbered: bool = False) -> bool:
        """Whether ``line`` begins with a question, answer or notice label, with or without
        the question or answer on the same line ("Vraag 1 Is het waar ...?"); with
        ``numbered`` also a numbered question ("1) Is het waar ...?")."""
        line = line.strip()
        patterns = (*self.question_labels, *self.answer_labels, *self.notice_labels)
        if numbered:
            patterns = (*patterns, *self.numbered_questions)
        return any(p.match(line) for p in patterns)

    def is_label(self, line: str) -> bool:
        """Whether ``line`` is a question, answer or notice label on its own ("Vraag 1 en 4",
        "Antwoord op vraag 2", "Mededeling") or a question number alone ("3")."""
        line = line.strip()
        for p in (*self.question_labels, *self.answer_labels, *self.notice_labels,
                  *self.numbered_questions):  # fmt: skip
            m = p.match(line)
            if m and not ("rest" in p.groupindex and m.group("rest")):
                return True
        return False


@cache
def question_rules() -> QuestionRules:
    """Question and answer labels, Aanhangsel header sentences (data/questions.json)."""
    return load_rules(QuestionRules, "questions.json")
