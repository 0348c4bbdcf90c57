"""Rule data for dates, amounts and Dutch numbers (``kamerbrief/data``), validated on load.

Kept apart from :mod:`kamerbrief.rules.loader` so that the calendar and number tables,
which only the date and amount extractors read, have one small home.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field, field_validator, model_validator

from kamerbrief.rules.loader import RuleFile, load_rules


def _is_phrase(value: object) -> bool:
    """A phrase as written ("tot en met") or as split by :func:`_phrases` (a dumped model)."""
    if isinstance(value, tuple):
        return all(isinstance(w, str) for w in value)
    return isinstance(value, str)


def _phrases(values: object) -> tuple[tuple[str, ...], ...]:
    """Phrases as lower-case word tuples, longest first (so that 'tot en met' beats 'tot')."""
    if not isinstance(values, list | tuple) or not all(_is_phrase(v) for v in values):
        raise ValueError("expected a list of phrases (strings)")
    words = {tuple((v if isinstance(v, str) else " ".join(v)).lower().split()) for v in values}
    if () in words:
        raise ValueError("empty phrase")
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


class NumberRules(RuleFile):
    units: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, float]
    group_suffix: str = Field(min_length=1)
    not_counts: frozenset[str]
    # "anderhalf miljard", "een half miljoen": a fraction, a number only before a scale
    fractions: dict[str, float] = Field(default_factory=dict)


class DateRules(RuleFile):
    periods: dict[str, tuple[int, int]]
    relations: dict[str, str]
    parts: dict[str, str]
    ordinals: dict[str, int]
    relative_years: dict[str, int]
    relative_periods: dict[str, str]
    needs_part: frozenset[str] = frozenset()
    coming_years: frozenset[str] = frozenset()
    years_ago: tuple[tuple[str, ...], ...]
    past_marks: frozenset[str]
    future_marks: frozenset[str]
    range_words: tuple[tuple[str, ...], ...]
    range_openers: frozenset[str]
    trim_leading: tuple[tuple[str, ...], ...]
    month_context: frozenset[str]
    not_after: frozenset[str]
    not_before_words: frozenset[str]
    year_range: tuple[int, int]
    # "het schooljaar 1987/1988": the nouns before a year pair that is one period, not a
    # citation's vergaderjaar
    year_pair_nouns: frozenset[str] = frozenset()
    # "de jaren negentig", "de jaren '90": the decade's words and the first year's last digits
    decades: dict[str, int] = Field(default_factory=dict)
    # "Prinsjesdag": days named by their place in a month, (month, weekday 0 = Monday, nth)
    named_days: dict[str, tuple[int, int, int]] = Field(default_factory=dict)

    _phrase_fields = ("years_ago", "range_words", "trim_leading")

    @field_validator(*_phrase_fields, mode="before")
    @classmethod
    def _to_phrases(cls, value: object) -> tuple[tuple[str, ...], ...]:
        return _phrases(value)

    @model_validator(mode="after")
    def _check(self) -> DateRules:
        for name, (first, last) in self.periods.items():
            if not 1 <= first <= last <= first + 11:
                raise ValueError(f"period {name!r}: months {first}..{last} are not a span")
        allowed = {"before", "after", "around", "during"}
        if bad := set(self.relations.values()) - allowed:
            raise ValueError(f"unknown relations {sorted(bad)}; use {sorted(allowed)}")
        if bad := set(self.parts.values()) - {"begin", "middle", "end"}:
            raise ValueError(f"unknown parts {sorted(bad)}")
        if bad := set(self.relative_periods.values()) - {"this", "next", "last"}:
            raise ValueError(f"unknown relative periods {sorted(bad)}")
        for name in ("needs_part", "coming_years"):
            if bad := getattr(self, name) - set(self.relative_years):
                raise ValueError(f"{name} names unknown relative years {sorted(bad)}")
        return self


class AmountRules(RuleFile):
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    minor_units: dict[str, tuple[str, float]]
    percent_words: dict[str, str]
    measure_units: frozenset[str]
    qualifiers: tuple[tuple[str, ...], ...]
    range_words: tuple[tuple[str, ...], ...]
    range_openers: frozenset[str]
    list_words: frozenset[str]
    series_joins: frozenset[str]  # "vragen 3, 4 en 5": what joins a series of numbers
    one_words: frozenset[str]  # "een", "één": 1 before a scale ("een miljard euro")
    money_suffixes: tuple[tuple[str, ...], ...]
    not_after: frozenset[str]
    # "Lijn 3", "pijler 2": a number of one or two digits after them labels a part
    part_labels: frozenset[str] = frozenset()
    # "NAP -4 m": a level a signed height is measured from, no name the number belongs to
    level_datums: frozenset[str] = frozenset()
    # "1½%", "¾%": fraction signs and their values
    fraction_signs: dict[str, float] = Field(default_factory=dict)
    # "Kamerstukken II 2023/24, 36.410": words after which a grouped number is cited
    citation_words: frozenset[str] = frozenset()
    # "het aantal meldingen steeg van 5.971 ...": the noun after one is what is counted
    count_words: frozenset[str] = frozenset()
    not_counted: frozenset[str]
    multipliers: dict[str, str] = Field(default_factory=dict)  # "keer", "x" -> unit "keer"
    comparisons: frozenset[str] = frozenset()  # "twee keer zo vaak": no count
    ocr_scales: dict[str, float] = Field(default_factory=dict)  # "f7 min.": after a sign only
    # "/ 300 mln.": OCR's reading of a sign, a sign only before a number and a scale
    ocr_signs: dict[str, str] = Field(default_factory=dict)
    max_modifiers: int = Field(ge=0, le=6)
    # words between a number and the noun it counts, whatever their tag ("14.000 meer ...")
    count_modifiers: frozenset[str] = frozenset()
    # words that open a clause after a number: the noun after them is not what it counts
    clause_words: frozenset[str] = frozenset()
    money_context: frozenset[str]
    # "510 mln.", "5 mld.": abbreviated scales that letters write for sums only
    money_scales: frozenset[str] = frozenset()
    guilder_until: int = 2001  # a bare sum in a letter dated up to this year is in guilders

    @field_validator("qualifiers", "range_words", "money_suffixes", mode="before")
    @classmethod
    def _to_phrases(cls, value: object) -> tuple[tuple[str, ...], ...]:
        return _phrases(value)


@cache
def number_rules() -> NumberRules:
    """Dutch number words and scales (data/numbers.json)."""
    return load_rules(NumberRules, "numbers.json")


@cache
def date_rules() -> DateRules:
    """Calendar expressions (data/dates.json)."""
    return load_rules(DateRules, "dates.json")


@cache
def amount_rules() -> AmountRules:
    """Money, percentages and counted quantities (data/amounts.json)."""
    return load_rules(AmountRules, "amounts.json")
