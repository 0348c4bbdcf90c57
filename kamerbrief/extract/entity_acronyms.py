"""Acronym definitions ("Kaderrichtlijn Water (KRW)"): they complete long forms,
type acronyms and find them everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamerbrief.extract.entity_mentions import EntityMention
from kamerbrief.extract.entity_types import without_overlaps
from kamerbrief.parse import ParsedLetter
from kamerbrief.rules.loader import (
    gazetteer,
    head_rules,
)

# "Vereniging voor Energie, Milieu en Water (VEMW)": the bracket, then the words before it
_ACRONYM_BRACKET = re.compile(
    r"\((?:hierna:?\s*)?(?P<acronym>[A-Z](?:[A-Za-z&]{1,9}|[A-Za-z&]{0,5}-[A-Z]{1,6}))(?:[’']s)?\)"
)


_LONG_FORM_STOP = re.compile(r"[.;:()]|\n\s*\n")


_LONG_FORM_MAX = 160


def _acronym_definitions(text: str) -> list[tuple[str, int, int]]:
    """(acronym, start, end) of each bracketed acronym and the run of text before it.

    The run stops at a full stop, ';', ':', a bracket or a blank line, and is at most
    160 characters: "... in de Vereniging voor Energie, Milieu en Water (VEMW)".
    """
    found = []
    for m in _ACRONYM_BRACKET.finditer(text):
        end = m.start()
        if end and text[end - 1].isspace():
            end -= 1
        window_start = max(0, end - _LONG_FORM_MAX)
        window = text[window_start:end]
        stops = list(_LONG_FORM_STOP.finditer(window))
        start = window_start + (stops[-1].end() if stops else 0)
        if end - start >= 2:
            found.append((m.group("acronym"), start, end))
    return found


@dataclass(frozen=True)
class Definition:
    """An acronym the letter defines: "Dutch Relief Alliance (DRA)"."""

    acronym: str
    start: int  # of the long form
    end: int
    kind: str | None  # organisation, location, instrument, or None (no head word)


def find_definitions(text: str) -> list[Definition]:
    """Acronyms the letter defines, typed by the head words of their long form.

    "Kaderrichtlijn Water (KRW)" makes KRW an instrument, "Stichting Kinderpostzegels
    (SKN)" an organisation, "ketenaanpak eetstoornissen (hierna: K-EET)" an instrument
    (a thing written in lower case is no name). The long form is the run of words
    before the bracket from the first that starts with the acronym's first letter,
    a capitalised one if there is one.
    """
    heads = head_rules()
    found = []
    known = {form for entry in gazetteer().organisations for form in entry.forms}
    for acronym, before_start, before_end in _acronym_definitions(text):
        if acronym in known:  # "het lid Jansen (CDA)": a party, not a definition
            continue
        before = text[before_start:before_end]
        words = list(re.finditer(r"\S+", before))[-(len(acronym) + 3) :]
        starts = [w for w in words if w.group()[:1].lower() == acronym[0].lower()]
        capitalised = [w for w in starts if w.group()[:1].isupper()]
        if not starts:
            continue
        first = (capitalised or starts)[0]
        begin, end = before_start + first.start(), before_end
        long_form = text[begin:end]
        kind = "instrument" if long_form[0].islower() else heads.kind_of(long_form)
        found.append(Definition(acronym, begin, end, kind))
    return found


def _spelled_out(definition: Definition, name: str) -> bool:
    """Whether ``name`` of two or more words is what the acronym abbreviates ("Rapid Alert")."""
    words = name.split()
    initials = "".join(w[0] for w in words).upper()
    return len(words) >= 2 and definition.acronym.upper().startswith(initials)


def acronym_kinds(definitions: list[Definition]) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for d in definitions:
        if d.kind:
            kinds.setdefault(d.acronym, d.kind)
    return kinds


def defined_names(
    found: list[EntityMention], definitions: list[Definition], parsed: ParsedLetter
) -> list[EntityMention]:
    """Mentions made whole and completed by the letter's acronym definitions.

    A mention inside a long form becomes the long form ("Academie van Eetstoornissen"
    in "Nederlandse Academie van Eetstoornissen (NAE)"), or goes if the long form is an
    instrument; an organisation's or place's acronym is a mention wherever it stands
    ("VEMW", which the NER does not know).
    """
    text = parsed.text
    result = []
    typed: dict[str, str] = {}
    for f in found:
        d = next((d for d in definitions if d.start <= f.start and f.end <= d.end), None)
        if d is None or f.canonical:
            result.append(f)
            continue
        if d.kind == "instrument":
            continue
        kind = d.kind if d.kind in ("organisation", "location") else f.kind
        if kind == "person" and not f.roles and _spelled_out(d, text[f.start : f.end]):
            continue  # a person has no acronym: "Rapid Alert (RASFF)" is a term
        if kind == "person":
            result.append(f)
            continue
        typed.setdefault(d.acronym, kind)
        result.append(EntityMention(kind, d.start, d.end, text[d.start : d.end]))
    for d in definitions:
        kind = d.kind if d.kind in ("organisation", "location") else typed.get(d.acronym)
        if kind is None or d.start < parsed.content_start:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(d.acronym)}(?![\w-])", text):
            if m.start() >= parsed.content_start:
                result.append(EntityMention(kind, m.start(), m.end(), m.group()))
    return without_overlaps(result)
