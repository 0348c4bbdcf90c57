"""Persons from the letter's structure and context: joint motion submitters,
signatories, surnames named again.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from kamerbrief.extract.entity_entries import split_name
from kamerbrief.extract.entity_mentions import EntityMention
from kamerbrief.nlp.entity_rules import INITIALS
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import Person
from kamerbrief.rules.loader import layout_rules, person_rules

_NAME_PART = r"[A-ZÀ-Þ][a-zß-ÿ'’]{2,}"  # one surname of "Klaver-Westerveld"


def joint_names(found: list[EntityMention], text: str) -> list[EntityMention]:
    """ "amendement Klaver-Westerveld", "motie Bontenbal/Grinwis": one person per name.

    A slash always joins two members; a hyphen only when the letter also names one
    of the parts as a person on its own ("het lid Westerveld"); otherwise it is a
    double surname ("motie Rikkers-Oosterkamp").
    """
    titles = person_rules().joint_titles
    if not titles:
        return found
    alternatives = "|".join(map(re.escape, sorted(titles, key=len, reverse=True)))
    pattern = re.compile(
        rf"\b(?:{alternatives})\s+(?P<names>{_NAME_PART}(?:[-/]{_NAME_PART})+)\b", re.IGNORECASE
    )
    people = {f.text for f in found if f.kind == "person" and not f.weak}
    result = list(found)
    for m in pattern.finditer(text):
        names = m.group("names")
        parts = [p for p in re.finditer(_NAME_PART, names)]
        if "/" not in names and not any(p.group() in people for p in parts):
            continue
        start = m.start("names")
        result = [f for f in result if not (f.start < m.end() and start < f.end)]
        result += [
            EntityMention("person", start + p.start(), start + p.end(), p.group(), roles=[])
            for p in parts
        ]
    return result


def motion_names(found: list[EntityMention], text: str) -> list[EntityMention]:
    """The submitter in a motion's or amendment's name written with a hyphen, and the
    person a body or paper is named after.

    "de motie-Lansink c.s.", "het amendement-Van Weyenberg", "de commissie-Albeda": the
    name after the hyphen is a person (annotation guide, Persons), whatever the NER made of
    the compound.
    """
    rules = person_rules()
    heads = rules.joint_titles | rules.eponym_heads
    if not heads:
        return found
    titles = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
    particles = "|".join(
        r"\s+".join(map(re.escape, s)) for s in rules.particle_sequences if s[0].isalpha()
    )
    pattern = re.compile(
        rf"(?<![\w-])(?:{titles})-(?P<name>(?:(?:{particles})\s+)?{_NAME_PART}(?:-{_NAME_PART})?)"
        r"(?![\w-])",
        re.IGNORECASE,
    )
    result = list(found)
    for m in pattern.finditer(text):
        start, end = m.span("name")
        if not text[start].isupper():
            continue  # "motie-achtige", "amendement-van"
        # "de commissie-Albeda" stays a body as well: only a person or place gives way
        body = m.group().split("-")[0].lower() in rules.eponym_heads
        result = [
            f
            for f in result
            if not (f.start < end and start < f.end and not (body and f.kind == "organisation"))
        ]
        result.append(EntityMention("person", start, end, m.group("name")))
    return result


def signatories(parsed: ParsedLetter, found: list[EntityMention]) -> list[EntityMention]:
    """The senders' names where they stand in the text, with their offices as roles."""
    senders = [(s.name, s.role) for s in parsed.metadata.senders]
    return _placed(parsed, found, senders, whole_words=False, start=parsed.content_start)


def askers(parsed: ParsedLetter, found: list[EntityMention]) -> list[EntityMention]:
    """The members who asked the questions an answer answers, where the text names them,
    with their seat ("lid Tweede Kamer") as a role."""
    kv = parsed.metadata.kamervragen
    if kv is None:
        return []
    members = [(a.name, a.role) for a in kv.askers]
    return _placed(parsed, found, members, whole_words=True, start=0)


def _placed(
    parsed: ParsedLetter,
    found: list[EntityMention],
    people: list[tuple[str, str | None]],
    *,
    whole_words: bool,
    start: int,
) -> list[EntityMention]:
    """Every occurrence from ``start`` on of each (name, role) as a person with that role; a
    person the NER found at the same place keeps its offsets and gains the role."""
    extra = []
    for name, role in people:
        if not name:
            continue
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)" if whole_words else _as_printed(name)
        for m in re.finditer(pattern, parsed.text):
            if m.start() >= start:
                roles = [role] if role else []
                extra.append(EntityMention("person", m.start(), m.end(), m.group(), roles=roles))
    for f in found:
        for e in extra:
            if f.kind == "person" and f.start == e.start and f.end == e.end:
                f.roles.extend(r for r in e.roles if r not in f.roles)
    return extra


def _as_printed(name: str) -> str:
    """A pattern of a signatory's name as the letter may print it: across a line break, and
    with the predicate of nobility the name leaves out ("B.-J. M. Baron van Voorst ...")."""
    return _name_gap().join(re.escape(w) for w in name.split())


@cache
def _name_gap() -> str:
    """What may stand between two words of a signatory's name: white space, and a predicate
    of nobility (data/layout.json, signature.noble_predicates)."""
    predicates = sorted(layout_rules().signature.noble_predicates, key=len, reverse=True)
    noble = "|".join(re.escape(w) for w in predicates)
    return rf"\s+(?:(?i:{noble})\s+)?" if noble else r"\s+"


def with_parties(people: list[Person], parsed: ParsedLetter) -> list[Person]:
    """Persons who asked the questions, with the party the answer names them with."""
    kv = parsed.metadata.kamervragen
    if kv is None:
        return people
    party = {a.name.casefold(): a.party for a in kv.askers if a.party}
    for p in people:
        for name in (p.name, *p.aliases):
            if name.casefold() in party:
                p.party = party[name.casefold()]
                break
    return people


def surnames_elsewhere(
    doc: Doc, parsed: ParsedLetter, found: list[EntityMention]
) -> list[EntityMention]:
    """Every other capitalised occurrence of a known person's surname.

    Once the letter has named "Minister Schippers" or "Edith Schippers", a bare
    "Schippers" elsewhere is that person, whatever the NER made of it.
    """
    surnames = set()
    for f in found:
        if f.kind == "person":
            given, surname = split_name(f.text)
            confirmed = f.roles or (given and all(INITIALS.match(g) for g in given))
            if confirmed and len(surname) >= 3 and surname[:1].isupper():
                surnames.add(surname)
    if not surnames:
        return []
    taken = [(f.start, f.end) for f in found]
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b")
    extra = []
    for m in pattern.finditer(parsed.text, parsed.content_start):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            extra.append(EntityMention("person", m.start(), m.end(), m.group()))
    return extra
