"""The letter record: pydantic models for every key of the public contract.

The models are the single source of truth for the record's shape
(``../shared/docs/record-contract.md``); ``kamerbrief schema`` prints their
JSON Schema. Validation checks what the contract promises: offsets inside
``text`` with ``text[start:end] == item.text``, ISO dates, and section ids and
parents that exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model, model_validator

from kamerbrief.errors import ErrorKind

SCHEMA_VERSION = "1.0"

# ISO 8601 at the precision the letter gives: year, month or day, or an
# interval START/END of those.
_ISO_POINT = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
ISO_DATE_RE = re.compile(rf"^{_ISO_POINT}(?:/{_ISO_POINT})?$")


def _check_iso(value: str) -> str:
    if not ISO_DATE_RE.match(value):
        raise ValueError(f"not an ISO 8601 date or interval: {value!r}")
    return value


IsoDate = Annotated[str, AfterValidator(_check_iso)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    path: str
    sha256: str
    format: Literal["txt", "pdf", "html", "xml", "docx"]
    chars: int = Field(ge=0, description="length of the decoded source text")


class DateValue(_Model):
    text: str
    value: IsoDate | None = None


class Sender(_Model):
    name: str
    role: str | None = None
    ministry: str | None = Field(
        None, description='the ministry or portfolio the role names ("Financiën")'
    )


# What kind of document a record is (metadata.kind).
DocumentKind = Literal[
    "brief",
    "antwoord_kamervragen",
    "motie",
    "amendement",
    "advies_raad_van_state",
    "nader_rapport",
    "memorie_van_toelichting",
    "memorie_van_antwoord",
    "verslag",
    "nota",
    "wetsvoorstel",
    "other",
]


class Kamerstuk(_Model):
    dossier: str
    number: str | None = None
    year: str | None = None


def kamerstuk_id(dossier: str, number: str | None = None) -> str:
    """The record id of a Kamerstuk: "kst-21501-02-3121", "kst-33750-XVI-36", "kst-36410"."""
    return "-".join(["kst", dossier, *([number] if number else [])])


class Asker(_Model):
    """A member who asked written questions."""

    name: str
    party: str | None = None
    role: str | None = Field(None, description='"lid Tweede Kamer" or "lid Eerste Kamer"')


class Kamervragen(_Model):
    """What an answer to Kamervragen prints about itself."""

    number: str | None = Field(None, description='registration number "2024Z01234"')
    aanhangsel: str | None = Field(None, description="number in the Aanhangsel der Handelingen")
    vergaderjaar: str | None = Field(None, description='"2023-2024"')
    askers: list[Asker] = Field(default_factory=list)
    addressees: list[str] = Field(default_factory=list, description="the offices asked")
    answered_by: list[Sender] = Field(default_factory=list)
    mede_namens: list[str] = Field(
        default_factory=list, description='offices the answer is given "mede namens"'
    )
    ingezonden: DateValue | None = None
    ontvangen: DateValue | None = None


class Metadata(_Model):
    title: str | None = None
    date: DateValue | None = None
    place: str | None = None
    addressee: str | None = None
    senders: list[Sender] = Field(default_factory=list)
    kamerstuk: Kamerstuk | None = None
    kind: DocumentKind | None = Field(
        default=None,
        description="what the document is (letter, answers to Kamervragen, motion, ...);"
        " null in records written before it was detected",
    )
    kamervragen: Kamervragen | None = Field(
        None, description="answers to Kamervragen only: numbers, askers, addressees, dates"
    )

    @property
    def ministry(self) -> str | None:
        """The ministry of the first signatory that names one."""
        return next((s.ministry for s in self.senders if s.ministry), None)


class Section(_Model):
    id: str
    number: str | None = Field(
        description='"2.1" for "2.1. Bijeenkomst ...", "II" for "II. Algemeen", null if unnumbered'
    )
    level: int = Field(ge=1)
    title: str
    start: int = Field(ge=0, description="offset of the heading in text")
    end: int = Field(ge=0, description="end of the section's content in text")
    parent: str | None = None


class Span(_Model):
    """An item found in the text: text[start:end] == self.text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    section: str | None = None


class Mention(Span):
    pass


class ItemSpan(Span):
    """An item that may sit inside a question or its answer."""

    question: str | None = Field(
        None, description="number of the question whose question or answer holds the item"
    )


class Answer(_Model):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Question(_Model):
    """One written question (``text``, ``start``, ``end``) and its answer."""

    id: str
    number: str = Field(description='as printed: "1", "2a"')
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    answer: Answer | None = Field(None, description="null when the document gives no answer")
    answered_with: list[str] = Field(
        default_factory=list, description="the other questions of a grouped answer"
    )


class _NamedEntity(_Model):
    """One real-world entity with every mention of it in the letter."""

    name: str = Field(description="the fullest form the letter gives")
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Person(_NamedEntity):
    roles: list[str] = Field(default_factory=list)
    party: str | None = Field(
        None, description="the party a member is named with in an answer to Kamervragen"
    )


class Organisation(_NamedEntity):
    pass


class Location(_NamedEntity):
    pass


class DateItem(ItemSpan):
    value: IsoDate | None = None
    approximate: bool = False


class Amount(ItemSpan):
    kind: Literal["money", "percentage", "quantity"]
    value: float | None = Field(None, description="the scaled number; a range's lower bound")
    value_max: float | None = Field(None, description="a range's upper bound, else null")
    unit: str | None = None
    qualifier: str | None = None


class Reference(ItemSpan):
    kind: str = Field(
        description="kamerstuk|handelingen|motie|amendement|kamervragen"
        "|staatsblad|staatscourant|tractatenblad"
    )
    dossier: str | None = Field(None, description='dossier number plus chapter: "33750-XVI"')
    number: str | None = Field(None, description='the "nr." (a Z-number for Kamervragen)')
    year: str | None = Field(
        None,
        description='parliamentary year as "2014-2015", if cited; the calendar year "2019" of'
        " a staatsblad, staatscourant or tractatenblad",
    )
    chamber: Literal["I", "II"] | None = Field(None, description="I: Eerste, II: Tweede Kamer")
    member: str | None = Field(None, description="the member(s) a motion is named after")


class Commitment(ItemSpan):
    """One promise. ``text``, ``start`` and ``end`` are its first occurrence; a promise the
    letter repeats (a summary and the body) is one commitment with every occurrence in
    ``mentions``."""

    actor: str | None = None
    action: str | None = Field(
        None, description="the promised act as a clause: subject, verb with its particle, objects"
    )
    deadline: DateValue | None = None
    strength: Literal["firm", "soft"]
    status: Literal["new", "fulfilled"] = "new"
    action_short: str | None = Field(
        None, description="the action in at most about 25 words, cut at a clause boundary"
    )
    mentions: list[Mention] = Field(
        default_factory=list,
        description="every occurrence of the promise (the first is the item's own span)",
    )
    actor_role: str | None = Field(
        None, description="the actor's office: a signatory's role, a person's first role"
    )
    ministry: str | None = Field(
        None, description="the ministry of the actor's office, else the letter's first one"
    )


class Request(ItemSpan):
    """What a motion asks of the government: one request of its dictum ("verzoekt de
    regering ...")."""

    addressee: str | None = Field(None, description='whom it asks, "de regering"')
    deadline: DateValue | None = Field(None, description="the first date inside the request")


class Provenance(_Model):
    tool_version: str
    model: str | None = None
    model_version: str | None = None


@dataclass(frozen=True)
class ItemType:
    """One kind of item in a letter record.

    ``key`` is the record's list of it and ``model`` its items' model, ``prefix`` starts
    its item ids in the outputs ("p1", "d3"), ``entity`` says it is an entry with mentions
    (persons, organisations, locations), ``scored`` lists the fields evaluate scores as
    accuracies over matched items. The record's lists, show, tables and evaluate read
    this registry: a new item type is an entry here and the extractor step that fills it.
    """

    name: str
    key: str
    prefix: str
    model: type[BaseModel]
    entity: bool = False
    scored: tuple[str, ...] = ()
    description: str | None = None


ITEM_TYPES: tuple[ItemType, ...] = (
    ItemType("person", "persons", "p", Person, entity=True),
    ItemType("organisation", "organisations", "o", Organisation, entity=True),
    ItemType("location", "locations", "l", Location, entity=True),
    ItemType("date", "dates", "d", DateItem, scored=("value", "approximate")),
    ItemType("amount", "amounts", "a", Amount, scored=("kind", "value", "unit")),
    ItemType("reference", "references", "r", Reference, scored=("kind", "dossier", "number")),
    ItemType("commitment", "commitments", "c", Commitment, scored=("actor", "strength", "status")),
    ItemType(
        "request",
        "requests",
        "v",
        Request,
        description="motions: what the Kamer asks of the government",
    ),
)
ENTITY_TYPES: tuple[ItemType, ...] = tuple(t for t in ITEM_TYPES if t.entity)


class _LetterHead(_Model):
    """A letter record's first keys and its checks; :data:`LetterRecord` adds the rest."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    id: str
    source: Source
    text: str
    metadata: Metadata
    sections: list[Section] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_offsets_and_sections(self) -> _LetterHead:
        text = self.text
        ids = [s.id for s in self.sections]
        if len(set(ids)) != len(ids):
            raise ValueError("section ids are not unique")
        known = set(ids)
        for s in self.sections:
            if s.parent is not None and s.parent not in known:
                raise ValueError(f"section {s.id} has unknown parent {s.parent!r}")
            if s.parent == s.id:
                raise ValueError(f"section {s.id} is its own parent")
            if not 0 <= s.start <= s.end <= len(text):
                raise ValueError(f"section {s.id} offsets {s.start}:{s.end} outside text")
        questions = getattr(self, "questions", [])
        if len({q.id for q in questions}) != len(questions):
            raise ValueError("question ids are not unique")
        for span in self._spans():
            if not 0 <= span.start <= span.end <= len(text):
                raise ValueError(f"offsets {span.start}:{span.end} outside text")
            if text[span.start : span.end] != span.text:
                raise ValueError(
                    f"text[{span.start}:{span.end}] is {text[span.start : span.end]!r},"
                    f" not {span.text!r}"
                )
            section = getattr(span, "section", None)
            if section is not None and section not in known:
                raise ValueError(f"item {span.text!r} refers to unknown section {span.section!r}")
        return self

    def _spans(self) -> list[Span | Question | Answer]:
        spans: list[Span | Question | Answer] = []
        for t in ITEM_TYPES:
            for item in getattr(self, t.key):
                spans.extend(item.mentions if t.entity else [item])
        for q in getattr(self, "questions", []):
            spans.append(q)
            if q.answer is not None:
                spans.append(q.answer)
        return spans


# One letter, structured; every key is always present. Its item lists are those of the
# item registry, in its order, between the sections and the questions.
LetterRecord = create_model(
    "LetterRecord",
    __base__=_LetterHead,
    __doc__="One letter, structured. Every key is always present.",
    __module__=__name__,
    **{  # type: ignore[call-overload]
        t.key: (list[t.model], Field(default_factory=list, description=t.description))
        for t in ITEM_TYPES
    },
    questions=(
        list[Question],
        Field(
            default_factory=list,
            description="answers to Kamervragen: each question and its answer",
        ),
    ),
    warnings=(list[str], Field(default_factory=list)),
    provenance=(Provenance, ...),
)


def item_type(name: str) -> ItemType:
    """The item type called ``name`` ("person") or listed under ``name`` ("persons")."""
    for t in ITEM_TYPES:
        if name in (t.name, t.key):
            return t
    raise KeyError(name)


class ErrorDetail(_Model):
    kind: ErrorKind
    message: str


class ErrorSource(_Model):
    path: str
    sha256: str | None = None


class ErrorRecord(_Model):
    """What a batch writes for an input that gave no letter record."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    source: ErrorSource
    error: ErrorDetail


def json_schema() -> dict:
    """The JSON Schema of a letter record and of an error record."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "kamerbrief output record",
        "oneOf": [{"$ref": "#/$defs/LetterRecord"}, {"$ref": "#/$defs/ErrorRecord"}],
        "$defs": _collect_defs(LetterRecord, ErrorRecord),
    }


def _collect_defs(*models: type[BaseModel]) -> dict:
    defs: dict = {}
    for model in models:
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
    return defs
