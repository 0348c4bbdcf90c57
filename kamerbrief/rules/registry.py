"""Every rule data file in ``kamerbrief/data`` and the loader that validates it.

:func:`load_all` validates them all, eagerly: an Extractor calls it when it starts, so a
broken file is one :class:`kamerbrief.errors.RuleDataError` before any letter is read.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import Any

from kamerbrief.rules.commitments import commitment_rules
from kamerbrief.rules.coverage import coverage_rules
from kamerbrief.rules.document_rules import kind_rules, structure_rules
from kamerbrief.rules.loader import (
    entity_filter_rules,
    gazetteer,
    head_rules,
    label_rules,
    layout_rules,
    month_rules,
    office_rules,
    person_rules,
    reference_rules,
)
from kamerbrief.rules.motions import motion_rules
from kamerbrief.rules.numbers import DERIVED_CACHES
from kamerbrief.rules.questions import question_rules
from kamerbrief.rules.register import register_rules
from kamerbrief.rules.values import amount_rules, date_rules, number_rules
from kamerbrief.rules.words import lexicon, word_rules

# data file name -> the cached loader that validates it (the gazetteer reads two files).
RULE_FILES: dict[str, Callable[[], Any]] = {
    "amounts.json": amount_rules,
    "commitments.json": commitment_rules,
    "coverage.json": coverage_rules,
    "dates.json": date_rules,
    "entities.json": entity_filter_rules,
    "heads.json": head_rules,
    "kinds.json": kind_rules,
    "labels.json": label_rules,
    "layout.json": layout_rules,
    "lexicon.json": lexicon,
    "locations.json": gazetteer,
    "months.json": month_rules,
    "motions.json": motion_rules,
    "numbers.json": number_rules,
    "offices.json": office_rules,
    "organisations.json": gazetteer,
    "persons.json": person_rules,
    "public_figures.json": gazetteer,
    "questions.json": question_rules,
    "references.json": reference_rules,
    "register.json": register_rules,
    "structure.json": structure_rules,
    "words.json": word_rules,
}


def data_files() -> list[str]:
    """The names of the JSON files shipped in ``kamerbrief/data``."""
    root = resources.files("kamerbrief.data")
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".json"))


def load_all() -> None:
    """Validate every rule data file; raises RuleDataError for the first that fails."""
    for loader in dict.fromkeys(RULE_FILES.values()):
        loader()


def clear_caches() -> None:
    """Forget the loaded rules and what was derived from them (tests that swap a data file
    call this)."""
    for loader in dict.fromkeys(RULE_FILES.values()):
        loader.cache_clear()
    for derived in DERIVED_CACHES:
        derived.cache_clear()
