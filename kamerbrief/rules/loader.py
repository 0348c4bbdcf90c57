"""Rule data shipped in ``kamerbrief/data``: loaded once, validated by a model.

Each data file has an ``about`` key that says where its content comes from.
Unknown keys and patterns that do not compile are rejected with a clear error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from re import _constants, _parser  # the standard library's own parser of patterns
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kamerbrief.errors import RuleDataError


def compile_pattern(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc


def required_text(pattern: re.Pattern[str]) -> str:
    """The longest run of literal characters that every match of ``pattern`` holds ("" when
    none is certain): "hierbij" for ``\\bhierbij\\b[^.]{0,80}\\b(?:bied|stuur)\\b``."""
    if pattern.flags & re.IGNORECASE:
        return ""
    best = run = ""
    for op, arg in _parser.parse(pattern.pattern, pattern.flags):
        if op is _constants.LITERAL:
            run += chr(arg)
        elif op is not _constants.AT:  # "\\b", "^": zero width, the run goes on
            run = ""
        best = max(best, run, key=len)
    return best


class Patterns(tuple[re.Pattern[str], ...]):
    """Compiled patterns that tell fast whether any of them occurs in a text: a pattern is
    only tried on a text that holds its :func:`required_text`."""

    _needles: tuple[tuple[str, re.Pattern[str]], ...]

    def __new__(cls, patterns: Iterable[re.Pattern[str]] = ()) -> Patterns:
        self = super().__new__(cls, patterns)
        self._needles = tuple((required_text(p), p) for p in self)
        return self

    def search_any(self, text: str) -> bool:
        """``any(p.search(text) for p in self)``."""
        return any(needle in text and p.search(text) is not None for needle, p in self._needles)


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    about: str = Field(min_length=10)


class HeaderLabels(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    date: tuple[str, ...]
    subject: tuple[str, ...]
    reference: tuple[str, ...]
    annex: tuple[str, ...]
    contact: tuple[str, ...]
    return_address: tuple[str, ...] = ()

    def strip_trailing(self, line: str) -> tuple[str, str | None]:
        """A value line with a label glued to its end (two columns read as one line).

        "... en Europees Nederland Uw kenmerk" -> ("... en Europees Nederland", "reference").
        """
        for kind, labels in self.model_dump().items():
            for label in sorted(labels, key=len, reverse=True):
                if " " in label and line.endswith(" " + label) and len(line) > len(label) + 1:
                    return line[: -len(label)].rstrip(), kind
        return line, None

    def kind_of(self, line: str) -> str | None:
        """The label kind of a line that is only a label ("Datum", "Datum:"), else None."""
        line = line.removesuffix(":").rstrip()
        for kind, labels in self.model_dump().items():
            if line in labels:
                return kind
        return None

    def split_inline(self, line: str) -> tuple[str, str] | None:
        """(kind, value) for a line 'Label value' or 'Label: value'."""
        for kind, labels in self.model_dump().items():
            for label in sorted(labels, key=len, reverse=True):
                if line.startswith(label) and len(line) > len(label):
                    rest = line[len(label) :]
                    # "Datum14 maart 2024": PDF text glued a value that opens with a digit
                    if rest[0] in " :\t" or (kind == "date" and rest[0].isdigit()):
                        value = rest.lstrip(" :\t")
                        if value:
                            return kind, value
        return None


def _one_pattern(value: Any) -> re.Pattern[str]:
    if not isinstance(value, str):
        raise ValueError("expected a regular expression")
    return compile_pattern(value)


def one_pattern(value: Any) -> re.Pattern[str]:
    """A validator's regular expression: a non-empty string that compiles."""
    if not isinstance(value, str) or not value:
        raise ValueError("expected a regular expression")
    return compile_pattern(value)


def needs_groups(patterns: tuple[re.Pattern[str], ...], *groups: str) -> None:
    """A validator's check that each of ``patterns`` has the named ``groups``."""
    for p in patterns:
        missing = set(groups) - set(p.groupindex)
        if missing:
            raise ValueError(f"{p.pattern!r} needs the groups {sorted(missing)}")


def pattern_list(value: Any, *, non_empty: bool = False) -> tuple[re.Pattern[str], ...]:
    """A validator's list of regular expressions (non-empty strings that compile)."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("expected a list of regular expressions")
    if non_empty and not value:
        raise ValueError("expected a non-empty list of regular expressions")
    return tuple(compile_pattern(v) for v in value)


class MastheadRules(BaseModel):
    """The masthead of a printed Kamerstuk: Kamer, session, dossier number, dossier title, Nr."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    start: re.Pattern[str]
    session: re.Pattern[str]
    dossier: re.Pattern[str]
    skip: re.Pattern[str]
    end: re.Pattern[str]
    window: int = Field(ge=1, description="content lines the masthead may take")

    @field_validator("start", "session", "dossier", "skip", "end", mode="before")
    @classmethod
    def _compile_one(cls, value: Any) -> re.Pattern[str]:
        return _one_pattern(value)


class AanhangselRules(BaseModel):
    """The header of an answer to written questions: "Vragen van ..." and "Antwoord van ..."."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    questions: re.Pattern[str]
    answer: re.Pattern[str]
    answerers: tuple[re.Pattern[str], ...] = Field(min_length=1)
    also_for: re.Pattern[str]
    questions_line: re.Pattern[str]
    window: int = Field(ge=1, description="content lines the answer's header may take")
    ministries_from: dict[str, str] = Field(
        default_factory=dict, description="portfolio -> ISO day from which it is a ministry"
    )
    office_ministries: dict[str, str] = Field(
        default_factory=dict, description="an office printed without its ministry -> that ministry"
    )

    @staticmethod
    def date_of(match: re.Match[str]) -> str:
        """The date of a "Vragen van ..." or "Antwoord van ..." match: in brackets as printed
        ("(ingezonden 4 maart 2024)"), after the bare word ("ingezonden: 4 maart 2024"), or in
        a cover letter's next sentence ("Deze vragen werden ingezonden op 4 maart 2024")."""
        groups = match.groupdict()
        for name in ("date", "bare_date", "sent_date", "sent_on"):
            if groups.get(name):
                return groups[name]
        return ""

    def office(self, title: str, ministry: str, on: str | None) -> str:
        """ "Minister van X" or "Minister voor X" on the day ``on`` (ISO, or None)."""
        since = self.ministries_from.get(ministry)
        if since is not None and on is not None and on >= since:
            return f"{title} van {ministry}"
        return office_rules().office(title, ministry)

    @field_validator("questions", "answer", "also_for", "questions_line", mode="before")
    @classmethod
    def _compile_one(cls, value: Any) -> re.Pattern[str]:
        return _one_pattern(value)

    @field_validator("answerers", mode="before")
    @classmethod
    def _compile_many(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        if not isinstance(value, list):
            raise ValueError("expected a list of regular expressions")
        patterns = tuple(_one_pattern(v) for v in value)
        for p in patterns:
            if not {"office", "name", "ministry"} <= set(p.groupindex):
                raise ValueError(f"answerer {p.pattern!r} needs groups office, name, ministry")
        return patterns

    @model_validator(mode="after")
    def _groups(self) -> AanhangselRules:
        if not {"title", "date", "askers", "addressees"} <= set(self.questions.groupindex):
            raise ValueError(
                "aanhangsel.questions needs groups (?P<askers>), (?P<addressees>), (?P<title>)"
                " and (?P<date>)"
            )
        if not {"who", "date"} <= set(self.answer.groupindex):
            raise ValueError("aanhangsel.answer needs groups (?P<who>) and (?P<date>)")
        return self


class SignatureRules(BaseModel):
    """Signature blocks beyond the role line: "mede namens", "voor deze", the name's form."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    also_for_line: re.Pattern[str]
    also_for_inline: re.Pattern[str]
    next_role: re.Pattern[str]
    for_this: re.Pattern[str]
    name_start: re.Pattern[str]
    not_name_words: frozenset[str]
    max_between: int = Field(ge=0, description="lines that may stand between role and name")
    glued_office: re.Pattern[str] = Field(
        description="an office glued to its 'van' by OCR ('Ministervan'): groups office, word"
    )
    name_particles: frozenset[str] = Field(
        default_factory=frozenset, description="the words of a name in lower case ('van', 'ter')"
    )
    signed_mark: re.Pattern[str] = Field(description="'(w.g.)' before a name: signed")
    noble_predicates: frozenset[str] = Field(
        default_factory=frozenset,
        description="a predicate of nobility inside a name ('baron', 'jhr.'), not part of it",
    )
    initial_misreads: dict[str, str] = Field(
        default_factory=dict, description="a digit OCR read for a capital initial ('0.' for 'O.')"
    )
    monarchs: frozenset[str] = Field(
        default_factory=frozenset,
        description="names a royal message is signed with, alone under its place and date",
    )
    board_line: re.Pattern[str] | None = Field(
        default=None, description="a college that signs by its officers ('De Algemene Rekenkamer,')"
    )
    board_functions: frozenset[str] = Field(
        default_factory=frozenset,
        description="the functions its officers sign with, after the name ('president')",
    )

    @field_validator(
        "also_for_line",
        "also_for_inline",
        "next_role",
        "for_this",
        "name_start",
        "glued_office",
        "signed_mark",
        "board_line",
        mode="before",
    )
    @classmethod
    def _compile_one(cls, value: Any) -> re.Pattern[str]:
        return _one_pattern(value)

    @field_validator("not_name_words", "name_particles", "board_functions", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of words")
        return frozenset(v.lower() for v in value)


class KamerstukDocument(BaseModel):
    """A kind of Kamerstuk proposal known by its printed heading ("MOTIE VAN HET LID ...")."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    kind: str = Field(min_length=2)
    heading: re.Pattern[str]
    sections: bool = Field(description="whether the document has headings of its own")

    @field_validator("heading", mode="before")
    @classmethod
    def _compile_heading(cls, value: Any) -> re.Pattern[str]:
        pattern = _one_pattern(value)
        if "members" not in pattern.groupindex:
            raise ValueError(f"heading pattern {value!r} needs a group (?P<members>...)")
        return pattern


class KamerstukRules(BaseModel):
    """The print layout of Tweede Kamer proposals: motions and amendments."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    documents: tuple[KamerstukDocument, ...] = Field(min_length=1)
    heading_window: int = Field(ge=1, description="content lines a heading may be into the text")
    proposed_date: re.Pattern[str]
    member_separator: re.Pattern[str]
    member_suffix: re.Pattern[str]
    clause_start: re.Pattern[str]
    closing: re.Pattern[str]
    # "Nr. 12 MOTIE VAN HET LID ...": the number printed on the heading's line
    number_prefix: re.Pattern[str] | None = None
    # "BRIEF VAN DE LEDEN X EN Y", "Voorstel van wet van de leden X, Y en Z tot ...":
    # documents that the members named sign.
    member_documents: tuple[re.Pattern[str], ...] = ()

    @field_validator(
        "proposed_date", "member_separator", "member_suffix", "clause_start", "closing",
        "number_prefix", mode="before",
    )  # fmt: skip
    @classmethod
    def _compile_one(cls, value: Any) -> re.Pattern[str]:
        return _one_pattern(value)

    @field_validator("member_documents", mode="before")
    @classmethod
    def _member_documents(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        patterns = pattern_list(value)
        for pattern in patterns:
            if "members" not in pattern.groupindex:
                raise ValueError(f"pattern {pattern.pattern!r} needs a group (?P<members>...)")
        return patterns

    def members_of(self, line: str) -> list[str] | None:
        """The members who sign the document that ``line`` heads, or None."""
        for pattern in self.member_documents:
            m = pattern.match(line)
            if m:
                return self.members(m.group("members"))
        return None

    @field_validator("proposed_date")
    @classmethod
    def _has_date(cls, value: re.Pattern[str]) -> re.Pattern[str]:
        if "date" not in value.groupindex:
            raise ValueError("proposed_date needs a group (?P<date>...)")
        return value

    def document_of(self, line: str) -> tuple[KamerstukDocument, str] | None:
        """(document kind, member names as printed) if ``line`` is a proposal's heading."""
        for document in self.documents:
            m = document.heading.match(line)
            if m:
                return document, m.group("members")
        return None

    def members(self, text: str) -> list[str]:
        """The member names of a heading's "VAN DE LEDEN X, Y EN Z" part."""
        text = self.member_suffix.sub("", text.strip())
        return [name for name in self.member_separator.split(text) if name.strip()]


class LayoutRules(RuleFile):
    page_footer: tuple[re.Pattern[str], ...]
    furniture_lines: tuple[re.Pattern[str], ...]
    salutation: re.Pattern[str]
    closing: re.Pattern[str]
    header_labels: HeaderLabels
    header_value_date: re.Pattern[str]
    header_prose_words: int = Field(ge=1, description="words from which a line is prose")
    sentence_openers: frozenset[str] = frozenset()  # "Bij brief van ...": the body's first line
    side_column_notes: tuple[str, ...] = ()  # the template's standing notes, never a value

    def note_fragment(self, line: str) -> bool:
        """Whether ``line`` is a piece of a side-column note ("deze brief.")."""
        words = line.split()
        if len(words) < 2:
            return False
        text = " ".join(words)
        return any(text in note for note in self.side_column_notes)

    def without_note(self, line: str) -> str:
        """``line`` without a side-column note's words glued to its end ("Evaluatie
        justitiële rijkswetten en ons kenmerk vermelden." -> "Evaluatie justitiële
        rijkswetten")."""
        words = line.split()
        for k in range(1, len(words) - 2):
            if self.note_fragment(" ".join(words[k:])) and len(words) - k >= 3:
                return " ".join(words[:k])
        return line

    addressee_start: re.Pattern[str]
    addressee_stop: re.Pattern[str]
    addressee_skip: re.Pattern[str]
    addressee_end: re.Pattern[str]
    place_date_line: re.Pattern[str]
    place_apostrophe_end: re.Pattern[str]
    document_date_line: re.Pattern[str]
    heading_date_line: re.Pattern[str]
    header_note: re.Pattern[str]
    bare_date_line: re.Pattern[str]
    # "'s-Gravenhage," alone on the line before the date's: The Hague or one capitalised word
    lone_place_line: re.Pattern[str]
    # a line that ends inside a chemical formula ("CO -"): the number after it, its subscript
    formula_end: re.Pattern[str]
    # the words after which a number on a line of its own is the text's number ("artikel" /
    # "3" / "lid 2"), never a footnote mark
    number_before_words: frozenset[str] = frozenset()
    # "... Staten-Generaal 's.Gravenhage, 26 februari 1991 dient te ...": a date line that
    # two-column OCR printed inside another line
    embedded_place_date: re.Pattern[str]
    signature_role: re.Pattern[str]
    academic_titles: frozenset[str]
    lowercase_words_in_titles: frozenset[str]
    not_headings: tuple[re.Pattern[str], ...]
    list_item: re.Pattern[str]
    hyphen_prefixes: frozenset[str]
    suspended_hyphen_followers: frozenset[str]
    short_words: frozenset[str]
    kamerstuk: KamerstukRules
    masthead: MastheadRules
    aanhangsel: AanhangselRules
    signature: SignatureRules

    @field_validator(
        "page_footer",
        "furniture_lines",
        "not_headings",
        mode="before",
    )
    @classmethod
    def _compile_many(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of regular expressions")
        return tuple(compile_pattern(v) for v in value)

    @field_validator(
        "salutation",
        "closing",
        "addressee_start",
        "addressee_stop",
        "addressee_skip",
        "addressee_end",
        "header_value_date",
        "place_date_line",
        "place_apostrophe_end",
        "document_date_line",
        "heading_date_line",
        "header_note",
        "bare_date_line",
        "lone_place_line",
        "formula_end",
        "embedded_place_date",
        "signature_role",
        "list_item",
        mode="before",
    )
    @classmethod
    def _compile_one(cls, value: Any) -> re.Pattern[str]:
        return _one_pattern(value)

    def is_furniture(self, line: str) -> bool:
        return any(p.match(line) for p in self.page_footer) or any(
            p.match(line) for p in self.furniture_lines
        )

    def is_page_footer(self, line: str) -> bool:
        return any(p.match(line) for p in self.page_footer)

    def is_not_heading(self, line: str) -> bool:
        return any(p.match(line) for p in self.not_headings)


class MonthRules(RuleFile):
    months: dict[str, int]

    @field_validator("months")
    @classmethod
    def _valid_months(cls, value: dict[str, int]) -> dict[str, int]:
        bad = {k: v for k, v in value.items() if not 1 <= v <= 12 or k != k.lower()}
        if bad:
            raise ValueError(f"months must map lower-case names to 1..12: {bad}")
        return value


def read_rule_file(name: str) -> dict[str, Any]:
    """The JSON of ``kamerbrief/data/<name>``, not yet validated; RuleDataError if unreadable."""
    try:
        raw = resources.files("kamerbrief.data").joinpath(name).read_text(encoding="utf-8")
        return json.loads(raw)
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleDataError(f"cannot read rule file kamerbrief/data/{name}: {exc}") from exc


def load_rules(model: type[RuleFile], name: str) -> Any:
    """``kamerbrief/data/<name>`` validated by ``model``; RuleDataError if it does not fit."""
    try:
        return model.model_validate(read_rule_file(name))
    except ValueError as exc:
        if isinstance(exc, RuleDataError):
            raise
        raise RuleDataError(f"invalid rule file kamerbrief/data/{name}: {exc}") from exc


@cache
def layout_rules() -> LayoutRules:
    """The layout rules (data/layout.json)."""
    return load_rules(LayoutRules, "layout.json")


@cache
def month_rules() -> MonthRules:
    """Dutch month names (data/months.json)."""
    return load_rules(MonthRules, "months.json")


class OfficeRules(RuleFile):
    abbreviations: dict[str, str]
    portfolios_without_ministry: frozenset[str]
    former_ministries: frozenset[str] = frozenset()  # "Sociale Zaken" (until 1981)
    acting_marks: tuple[str, ...] = ()  # after the ministry, not of it: "a.i." (ad interim)

    def ministries(self) -> dict[str, str]:
        """Each ministry's portfolio as written ("Economische Zaken") -> its full name."""
        names = {*self.abbreviations.values(), *self.former_ministries}
        names -= self.portfolios_without_ministry
        for entry in gazetteer().organisations:
            if entry.kind == "ministry":
                names.add(entry.name.removeprefix("Ministerie van "))
        return {name: f"Ministerie van {name}" for name in names}

    def office(self, title: str, ministry: str) -> str:
        """ "Minister van X" or "Minister voor X" for a ministry name or abbreviation."""
        ministry = self.abbreviations.get(ministry, ministry)
        link = "voor" if ministry in self.portfolios_without_ministry else "van"
        if title == "Minister-President":  # as the signature writes it
            return f"{title}, Minister {link} {ministry}"
        return f"{title} {link} {ministry}"


@cache
def office_rules() -> OfficeRules:
    """Ministries, abbreviations and portfolios (data/offices.json)."""
    return load_rules(OfficeRules, "offices.json")


class LabelRules(RuleFile):
    types: tuple[str, ...]
    labels: dict[str, str | None]

    @field_validator("labels")
    @classmethod
    def _upper_case(cls, value: dict[str, str | None]) -> dict[str, str | None]:
        bad = [k for k in value if k != k.upper() or not k]
        if bad:
            raise ValueError(f"entity labels are upper case: {bad}")
        return value

    @model_validator(mode="after")
    def _known_types(self) -> LabelRules:
        unknown = {t for t in self.labels.values() if t is not None} - set(self.types)
        if unknown:
            raise ValueError(f"labels map to unknown record types: {sorted(unknown)}")
        return self

    def record_type(self, label: str) -> str | None:
        """The record type of an entity label ("PER" and "PERSON" -> "person"); None if none."""
        return self.labels.get(label.upper())


@cache
def label_rules() -> LabelRules:
    """Entity labels of both pipelines mapped to record types (data/labels.json)."""
    return load_rules(LabelRules, "labels.json")


def lower_case_words(value: Any, what: str) -> frozenset[str]:
    """``value``, a list of strings, as a set of words, refusing any written with a capital."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} must be a list of strings")
    words = frozenset(value)
    upper = sorted(w for w in words if w != w.lower())
    if upper:
        raise ValueError(f"{what} must be lower case: {upper}")
    return words


def _lower_words(value: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("expected a list of words")
    return frozenset(v.lower() for v in value)


class PersonRules(RuleFile):
    titles: frozenset[str]
    list_titles: frozenset[str]
    forms_of_address: frozenset[str]
    academic: frozenset[str]
    particles: frozenset[str]
    particle_sequences: tuple[tuple[str, ...], ...]
    apposition_roles: frozenset[str]
    joint_titles: frozenset[str] = frozenset()
    # "oud-minister", "ex-premier": a title after one of these, or after a body's
    # abbreviation ("EU-commissaris"), still names a person
    title_prefixes: frozenset[str] = frozenset()
    # "de commissie-Albeda", "het kabinet-Lubbers": a body or paper named after a person
    eponym_heads: frozenset[str] = frozenset()
    noble_particles: frozenset[str] = frozenset()
    office_titles: frozenset[str] = frozenset()  # an office before a name: "minister"
    party_joined_titles: frozenset[str] = frozenset()  # "CDA-Kamerlid Omtzigt"
    lower_case_in_body_names: frozenset[str] = frozenset()  # "Universiteit voor Humanistiek"
    given_names: frozenset[str] = frozenset()  # "Sharon" in "Sharon Dijksma" (lower case)
    not_name_endings: tuple[str, ...] = ()  # "Wim Kok Lezing", "Coenstraat": no person

    @field_validator("particle_sequences", mode="before")
    @classmethod
    def _sequences(cls, value: Any) -> tuple[tuple[str, ...], ...]:
        words = sorted((tuple(v.lower().split()) for v in _lower_words(value)), key=len)
        return tuple(reversed(words))  # longest first

    @field_validator(
        "titles",
        "list_titles",
        "forms_of_address",
        "academic",
        "particles",
        "apposition_roles",
        "joint_titles",
        "title_prefixes",
        "eponym_heads",
        "noble_particles",
        "office_titles",
        "party_joined_titles",
        "lower_case_in_body_names",
        "given_names",
        mode="before",
    )
    @classmethod
    def _words(cls, value: Any) -> frozenset[str]:
        return _lower_words(value)


class EntityFilterRules(RuleFile):
    not_names: frozenset[str]
    leading_words: frozenset[str]
    trailing_words: frozenset[str]
    not_in_names: tuple[str, ...]
    location_prepositions: frozenset[str]
    not_name_patterns: tuple[re.Pattern[str], ...] = ()
    name_links: frozenset[str] = frozenset()  # "Centrum voor Wiskunde", "Institute of ..."
    name_joiners: frozenset[str] = frozenset()  # "... voor Wiskunde en Informatica"
    name_articles: frozenset[str] = frozenset()  # "Ondersteuningsteam Zorg voor de Jeugd"
    ministry_cues_before: frozenset[str] = frozenset()  # "vanuit Defensie"
    ministry_verbs_after: frozenset[str] = frozenset()  # "Defensie heeft ..."
    # "Ook Defensie besteedt ...": words that open a clause before a portfolio as subject
    ministry_subject_openers: frozenset[str] = frozenset()
    # "neemt Defensie de inspanning op zich": what follows a portfolio after its verb
    ministry_object_starts: frozenset[str] = frozenset()
    # "mijn collega van Justitie en Veiligheid": a holder of the office, no body
    portfolio_holders: frozenset[str] = frozenset()
    # "de Raad Buitenlandse Zaken": a name whose head stands right before the portfolio
    portfolio_name_heads: frozenset[str] = frozenset()

    @field_validator(
        "not_names",
        "leading_words",
        "trailing_words",
        "location_prepositions",
        "name_links",
        "name_joiners",
        "name_articles",
        "ministry_cues_before",
        "ministry_verbs_after",
        "ministry_subject_openers",
        "ministry_object_starts",
        "portfolio_holders",
        "portfolio_name_heads",
        mode="before",
    )
    @classmethod
    def _words(cls, value: Any) -> frozenset[str]:
        return _lower_words(value)

    @field_validator("not_name_patterns", mode="before")
    @classmethod
    def _patterns(cls, value: Any) -> tuple[re.Pattern[str], ...]:
        return pattern_list(value)


class GazetteerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=2)
    kind: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Gazetteer(RuleFile):
    organisations: tuple[GazetteerEntry, ...] = ()
    locations: tuple[GazetteerEntry, ...] = ()
    persons: tuple[GazetteerEntry, ...] = ()

    @property
    def location_forms(self) -> frozenset[str]:
        """Every written form of a known place ("Den Haag", "'s-Gravenhage")."""
        return frozenset(form for entry in self.locations for form in entry.forms)

    @model_validator(mode="after")
    def _forms_are_unique(self) -> Gazetteer:
        seen: dict[str, str] = {}
        for entry in (*self.organisations, *self.locations, *self.persons):
            for form in entry.forms:
                if seen.setdefault(form, entry.name) != entry.name:
                    raise ValueError(f"{form!r} names both {seen[form]!r} and {entry.name!r}")
        return self


class OrganisationsFile(RuleFile):
    organisations: tuple[GazetteerEntry, ...]


class LocationsFile(RuleFile):
    locations: tuple[GazetteerEntry, ...]


class PersonsFile(RuleFile):
    persons: tuple[GazetteerEntry, ...]


@cache
def person_rules() -> PersonRules:
    """Titles, particles and role words around person names (data/persons.json)."""
    return load_rules(PersonRules, "persons.json")


@cache
def entity_filter_rules() -> EntityFilterRules:
    """What the NER finds that is not a name (data/entities.json)."""
    return load_rules(EntityFilterRules, "entities.json")


@cache
def gazetteer() -> Gazetteer:
    """Known organisations, locations and public figures (data/organisations.json,
    data/locations.json, data/public_figures.json)."""
    organisations = load_rules(OrganisationsFile, "organisations.json")
    locations = load_rules(LocationsFile, "locations.json")
    persons = load_rules(PersonsFile, "public_figures.json")
    merged = {
        "about": "organisations.json, locations.json and public_figures.json",
        "organisations": organisations.organisations,
        "locations": locations.locations,
        "persons": persons.persons,
    }
    try:
        return Gazetteer.model_validate(merged)
    except ValueError as exc:
        raise RuleDataError(
            f"invalid gazetteer (organisations.json, locations.json, public_figures.json): {exc}"
        ) from exc


class HeadWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    words: frozenset[str]
    compound_suffixes: tuple[str, ...] = ()
    before: frozenset[str] = frozenset()  # nouns written before a name: "de website X"
    after: frozenset[str] = frozenset()  # legal forms written after a name: "Shell B.V."
    # "Raad voor Cultuur", "vaste commissie voor Financiën": a head word, a link and
    # capitalised words name a body; after a qualifier the head may be in lower case.
    links: frozenset[str] = frozenset()
    qualifiers: frozenset[str] = frozenset()

    @field_validator("words", "before", "after", "links", "qualifiers", mode="before")
    @classmethod
    def _words(cls, value: Any) -> frozenset[str]:
        return _lower_words(value)

    def matches(self, word: str) -> bool:
        """Whether ``word`` is a head word or a compound ending in one."""
        low = word.lower()
        if low in self.words:
            return True
        return any(low.endswith(s) and len(low) > len(s) + 2 for s in self.compound_suffixes)


class HeadRules(RuleFile):
    organisation: HeadWords
    location: HeadWords
    instrument: HeadWords

    def kind_of(self, name: str) -> str | None:
        """ "organisation", "location" or "instrument" from the first head word in ``name``."""
        for word in re.split(r"[\s\-–/]+", name):
            # "N.V." keeps its dots: a legal form is written with them
            forms = {word.strip("«»\"'(),."), word.strip("«»\"'(),")}
            for kind in ("instrument", "organisation", "location"):
                if any(getattr(self, kind).matches(form) for form in forms):
                    return kind
        return None

    def kind_before(self, word: str) -> str | None:
        """The kind of a name that ``word`` introduces ("project" -> "instrument")."""
        low = word.lower()
        kinds = ("instrument", "organisation", "location")
        found = next((k for k in kinds if low in getattr(self, k).before), None)
        if found is None:
            # "onderzoeksbureau Significant", "adviesbureau X": a compound of a noun that
            # introduces a name and is a compound head of its kind
            found = next(
                (
                    k
                    for k in kinds
                    for head in getattr(self, k).before.intersection(
                        getattr(self, k).compound_suffixes
                    )
                    if low.endswith(head) and len(low) > len(head) + 2
                ),
                None,
            )
        return found


@cache
def head_rules() -> HeadRules:
    """Head words that type a name (data/heads.json)."""
    return load_rules(HeadRules, "heads.json")


def _phrases(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("expected a list of words or phrases")
    return tuple(sorted(value, key=len, reverse=True))  # longest first for alternations


class ReferenceRules(RuleFile):
    """Shapes and cue words of citations of parliamentary papers (data/references.json)."""

    kamerstuk_cues: tuple[str, ...]
    # a bill named by its title, its dossier in brackets after it: "het wetsvoorstel Wet
    # betaalbare huur (36 512)"
    bill_cues: tuple[str, ...] = ()
    chamber_cues: dict[str, Literal["I", "II"]]
    handelingen_cues: tuple[str, ...]
    aanhangsel_cues: tuple[str, ...]
    year_cues: tuple[str, ...]
    chamber_marks: dict[str, Literal["I", "II"]]
    number_cues: tuple[str, ...]
    page_cues: tuple[str, ...] = ()  # "Handelingen II 1984-1985, blz. 2345"
    chapter_cues: tuple[str, ...] = ()  # "20 800 Hfdst. XVI": a budget chapter's cue word
    item_cues: tuple[str, ...]
    list_words: tuple[str, ...]
    year_shape: re.Pattern[str]
    dossier_shape: re.Pattern[str]
    chapter_shape: re.Pattern[str]
    number_shape: re.Pattern[str]
    zaak_number: re.Pattern[str]
    identifiers: dict[Literal["kamerstuk", "handelingen"], re.Pattern[str]]
    series_with_subdossiers: frozenset[str]
    motion_cues: dict[str, Literal["motie", "amendement"]]
    plural_motion_cues: dict[str, Literal["motie", "amendement"]]
    member_intros: tuple[str, ...]
    name_particles: tuple[str, ...]
    name_joiners: tuple[str, ...]
    name_tail: re.Pattern[str]
    not_names: frozenset[str]
    url_kinds: dict[str, Literal["motie", "amendement", "kamervragen"]]
    replaces_own_number: re.Pattern[str]
    # "het amendement op stuk nr. 8": a number of the document's own dossier
    own_dossier_number: re.Pattern[str]
    words_after_listed_number: tuple[str, ...]
    letter_number_shape: re.Pattern[str]
    # "Stb. 2019, 370", "Staatscourant 2023, 12345", "Trb. 1957, 91": cue -> kind
    publication_cues: dict[str, Literal["staatsblad", "staatscourant", "tractatenblad"]] = Field(
        min_length=1
    )
    publication_year_shape: re.Pattern[str]

    @field_validator(
        "words_after_listed_number",
        "kamerstuk_cues",
        "chapter_cues",
        "handelingen_cues",
        "aanhangsel_cues",
        "year_cues",
        "number_cues",
        "item_cues",
        "list_words",
        "member_intros",
        "name_particles",
        "name_joiners",
        mode="before",
    )
    @classmethod
    def _longest_first(cls, value: Any) -> tuple[str, ...]:
        return _phrases(value)

    @field_validator(
        "year_shape",
        "dossier_shape",
        "chapter_shape",
        "number_shape",
        "zaak_number",
        "name_tail",
        "replaces_own_number",
        "own_dossier_number",
        "letter_number_shape",
        "publication_year_shape",
        mode="before",
    )
    @classmethod
    def _compile_one(cls, value: Any) -> re.Pattern[str]:
        return _one_pattern(value)

    @field_validator("identifiers", mode="before")
    @classmethod
    def _compile_identifiers(cls, value: Any) -> dict[str, re.Pattern[str]]:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError("expected a mapping of kind to regular expression")
        compiled = {k: compile_pattern(v) for k, v in value.items()}
        for kind, pattern in compiled.items():
            if "number" not in pattern.groupindex:
                raise ValueError(f"identifier pattern {kind!r} has no group 'number'")
        return compiled

    @model_validator(mode="after")
    def _groups(self) -> ReferenceRules:
        needs_groups((self.replaces_own_number, self.own_dossier_number), "text", "number")
        return self


@cache
def reference_rules() -> ReferenceRules:
    """Cue words and shapes of parliamentary citations (data/references.json)."""
    return load_rules(ReferenceRules, "references.json")
