"""Persons, organisations and locations: from the doc's entities to the record's entries.

The statistical NER and kamerbrief's rule components (kamerbrief.entity_rules)
have marked entities in the doc; this extractor keeps those in the letter's
content, trims titles and stray words from their edges, drops what is not a
name (data/entities.json), and merges the mentions of one person or body into
one entry: "Minister Schippers", "E.I. Schippers" and "Edith Schippers" are one
person; "RIVM" and "Rijksinstituut voor Volksgezondheid en Milieu" one body.
Signatories from the letter's structure are persons too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kamerbrief.entity_rules import INITIALS, portfolio_pattern
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import Location, Mention, Organisation, Person
from kamerbrief.rules import (
    entity_filter_rules,
    head_rules,
    label_rules,
    month_rules,
    person_rules,
)

ENTITY_TYPES = ("person", "organisation", "location")
_FOOTNOTE_MARK = re.compile(r"(?<=[a-zà-ÿ])[?!]?\d{1,2}$")  # "Jemen?3", "Remkes2"
_ACRONYM_AFTER = re.compile(r"\s?\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")
_ACRONYM_DEFINED = re.compile(
    r"(?P<before>[^\n.;:()]{2,160}?)\s?\((?P<acronym>[A-Z][A-Za-z&]{1,9})(?:[’']s)?\)"
)


@dataclass
class Found:
    """One mention: its type, offsets, text, canonical name (gazetteer) and role."""

    kind: str
    start: int
    end: int
    text: str
    canonical: str | None = None
    roles: list[str] = field(default_factory=list)


@dataclass
class _Evidence:
    """What the whole letter says about its words, for decisions on one mention."""

    acronyms: dict[str, str]  # "KRW" -> "instrument", from "Kaderrichtlijn Water (KRW)"
    capitalised_inside: set[str]  # words written with a capital inside a sentence


def extract_entities(doc: Doc, parsed: ParsedLetter) -> dict[str, object]:
    """The record's ``persons``, ``organisations`` and ``locations``."""
    evidence = _Evidence(_acronym_kinds(parsed.text), _capitalised_inside(doc))
    found = [f for ent in doc.ents if (f := _mention(doc, ent, parsed, evidence)) is not None]
    found += _signatories(parsed, found)
    found += _surnames_elsewhere(doc, parsed, found)
    by_kind: dict[str, list[Found]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if (f.start, f.end) not in seen:
            seen.add((f.start, f.end))
            by_kind[f.kind].append(f)
    return {
        "persons": _persons(by_kind["person"], parsed),
        "organisations": [
            Organisation(name=n, aliases=a, mentions=m)
            for n, a, m in _named(by_kind["organisation"], parsed, parsed.text, acronyms=True)
        ],
        "locations": [
            Location(name=n, aliases=a, mentions=m)
            for n, a, m in _named(by_kind["location"], parsed, parsed.text, acronyms=False)
        ],
    }


# --- one mention ---------------------------------------------------------------------


def _mention(doc: Doc, ent: Span, parsed: ParsedLetter, evidence: _Evidence) -> Found | None:
    kind = label_rules().record_type(ent.label_)
    if kind not in ENTITY_TYPES or ent.start_char < parsed.content_start:
        return None
    if ent.ent_id_:  # a gazetteer match is exact
        return Found(kind, ent.start_char, ent.end_char, ent.text, canonical=ent.ent_id_)
    span = _trim(ent)
    if span is None:
        return None
    start, end = span.start_char, span.end_char
    mark = _FOOTNOTE_MARK.search(span[-1].text)
    if mark and not span[-1].text.isupper():
        end -= len(mark.group())
    text = parsed.text[start:end]
    if ")" in text and "(" not in text:  # "CDA).5"
        end = start + text.index(")")
        text = parsed.text[start:end]
    if not _is_name(text) or _unconfirmed_capital(span, evidence):
        return None
    if kind != "person" and _common_noun(span):
        return None
    defined = evidence.acronyms.get(text)
    if defined == "instrument":
        return None
    if defined in ENTITY_TYPES and kind != "person":
        kind = defined
    roles = _roles(parsed.text, span) if kind == "person" else []
    return Found(kind, start, end, text, roles=roles)


def _trim(ent: Span) -> Span | None:
    """The entity without titles, articles and stray words at its edges, on one line."""
    filters = entity_filter_rules()
    people = person_rules()
    leading = filters.leading_words | people.titles | people.forms_of_address | people.academic
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(ent.start, ent.end):
        if doc[i].is_space or "\n" in doc[i].text:
            end = i
            break
    while start < end and (
        doc[start].is_punct or doc[start].is_space or doc[start].lower_ in leading
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in filters.trailing_words
        or doc[end - 1].like_num
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _is_name(text: str) -> bool:
    filters = entity_filter_rules()
    if len(text) < 2 or not (text[0].isupper() or text[0].isdigit()):
        return False
    low = text.lower()
    if low in filters.not_names or low in month_rules().months or text.endswith("-"):
        return False
    return not any(marker in text for marker in filters.not_in_names)


def _common_noun(span: Span) -> bool:
    """A single capitalised noun taken for a place or body ("Bodem", "Zoetwater")."""
    token = span[0]
    if len(span) != 1 or token.pos_ != "NOUN" or token.text.isupper():
        return False
    return head_rules().kind_of(token.text) not in {"organisation", "location"}


def _capitalised_inside(doc: Doc) -> set[str]:
    return {
        t.text
        for t in doc
        if t.text[:1].isupper() and not _starts_sentence(t) and not t.text.isupper()
    }


def _starts_sentence(token: Token) -> bool:
    """The first word of a sentence, a line or a quotation."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and (doc[i].is_punct and doc[i].text in "«»\"'‘’“”(-–•"):
        i -= 1
    return token.is_sent_start or i < 0 or doc[i].is_space or doc[i].text in {".", ":", "?", "!"}


def _unconfirmed_capital(span: Span, evidence: _Evidence) -> bool:
    """A single capitalised word at a sentence start, never capitalised elsewhere.

    "Concluderend", "Kennisopbouw" (a heading) and "Pilots" are capitalised only
    because they start a sentence or a line; a name is capitalised everywhere.
    """
    if len(span) != 1:
        return False
    token = span[0]
    if token.text.isupper() or not _starts_sentence(token):
        return False
    if _title_before(span.doc, token.i) is not None:
        return False
    return token.text not in evidence.capitalised_inside


def _acronym_kinds(text: str) -> dict[str, str]:
    """Acronyms the letter defines, typed by the head words of their long form.

    "Kaderrichtlijn Water (KRW)" makes KRW an instrument, "Stichting Kinderpostzegels
    (SKN)" an organisation. The long form is the run of words before the bracket that
    starts with the acronym's first letter.
    """
    heads = head_rules()
    kinds: dict[str, str] = {}
    for m in _ACRONYM_DEFINED.finditer(text):
        acronym = m.group("acronym")
        words = m.group("before").split()[-(len(acronym) + 3) :]
        starts = [k for k, w in enumerate(words) if w[:1].lower() == acronym[0].lower()]
        if not starts:
            continue
        long_form = words[starts[0] :]
        # "zeer zorgwekkende stoffen (ZZS)": a thing written in lower case is no name.
        kind = "instrument" if long_form[0].islower() else heads.kind_of(" ".join(long_form))
        if kind:
            kinds.setdefault(acronym, kind)
    return kinds


# --- roles ---------------------------------------------------------------------------


def _title_before(doc: Doc, start: int) -> str | None:
    """The office or title written directly before token ``start`` ("Minister")."""
    rules = person_rules()
    i = start
    while i > 0 and doc[i - 1].lower_ in rules.academic:
        i -= 1
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        words = doc[i - size : i]
        phrase = " ".join(t.lower_ for t in words)
        if phrase in rules.titles and phrase not in rules.forms_of_address:
            return words.text[:1].upper() + words.text[1:]
    return None


def _roles(text: str, name: Span) -> list[str]:
    roles = []
    title = _title_before(name.doc, name.start)
    after = text[name.end_char : name.end_char + 120]
    if title:
        link = re.match(r" (van|voor) ", after)
        portfolio = portfolio_pattern().match(after, link.end()) if link else None
        roles.append(f"{title} {link.group(1)} {portfolio.group()}" if portfolio else title)
    apposition = re.match(r",\s(?P<role>[^,.;:()\n]{3,80})", after)
    if apposition:
        role = apposition.group("role").strip()
        if role.split()[0].lower() in person_rules().apposition_roles:
            roles.append(role)
    return roles


def _signatories(parsed: ParsedLetter, found: list[Found]) -> list[Found]:
    """The senders' names where they stand in the text, with their offices as roles."""
    extra = []
    for sender in parsed.metadata.senders:
        if not sender.name:
            continue
        for m in re.finditer(re.escape(sender.name), parsed.text):
            if m.start() >= parsed.content_start:
                roles = [sender.role] if sender.role else []
                extra.append(Found("person", m.start(), m.end(), m.group(), roles=roles))
    # A sender found by the NER keeps its NER offsets; the role is added to it.
    for f in found:
        for e in extra:
            if f.kind == "person" and f.start == e.start and f.end == e.end:
                f.roles.extend(e.roles)
    return extra


def _surnames_elsewhere(doc: Doc, parsed: ParsedLetter, found: list[Found]) -> list[Found]:
    """Every other capitalised occurrence of a known person's surname.

    Once the letter has named "Minister Schippers" or "Edith Schippers", a bare
    "Schippers" elsewhere is that person, whatever the NER made of it.
    """
    surnames = set()
    for f in found:
        if f.kind == "person":
            given, surname = _split_name(f.text)
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
            extra.append(Found("person", m.start(), m.end(), m.group()))
    return extra


# --- persons ---------------------------------------------------------------------------


def _split_name(text: str) -> tuple[list[str], str]:
    """(given names or initials, surname) of a name: "Edith van der Berg" -> (["Edith"], ...)."""
    words = text.split()
    particles = person_rules().particles
    cut = len(words) - 1
    for k, word in enumerate(words[:-1]):
        if word.lower() in particles and (k > 0 or word[:1].isupper()):
            cut = k
            break
    return words[:cut], " ".join(words[cut:])


def _fullness(text: str) -> tuple[int, int, int]:
    given, _ = _split_name(text)
    full_given = any(not INITIALS.match(g) for g in given)
    return (int(full_given), len(given), len(text))


def _persons(found: list[Found], parsed: ParsedLetter) -> list[Person]:
    clusters: list[dict] = []
    for f in sorted(found, key=lambda f: (-_fullness(f.text)[1], f.start)):
        given, surname = _split_name(f.text)
        key = surname.lower()
        initial = given[0][0] if given else None
        cluster = next(
            (
                c
                for c in clusters
                if c["key"] == key
                and (initial is None or not c["initials"] or initial in c["initials"])
            ),
            None,
        )
        if cluster is None:
            cluster = {"key": key, "initials": set(), "found": []}
            clusters.append(cluster)
        if initial:
            cluster["initials"].add(initial)
        cluster["found"].append(f)
    persons = []
    for c in clusters:
        items = sorted(c["found"], key=lambda f: f.start)
        forms = _forms(items)
        name = max(forms, key=lambda t: (_fullness(t), -forms.index(t)))
        roles: list[str] = []
        for f in items:
            roles.extend(r for r in f.roles if r not in roles)
        persons.append(
            Person(
                name=name,
                aliases=[t for t in forms if t != name],
                roles=roles,
                mentions=_mentions(items, parsed),
            )
        )
    return sorted(persons, key=lambda p: p.mentions[0].start)


# --- organisations and locations ------------------------------------------------------


def _named(
    found: list[Found], parsed: ParsedLetter, text: str, *, acronyms: bool
) -> list[tuple[str, list[str], list[Mention]]]:
    """(name, aliases, mentions) per body or place; gazetteer names and acronyms merge."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra

    keys = []
    for f in found:
        key = f.canonical or _norm(f.text)
        parent.setdefault(key, key)
        keys.append(key)
    by_form = {_norm(f.text): k for f, k in zip(found, keys, strict=True)}
    if acronyms:
        for f, key in zip(found, keys, strict=True):
            defined = _ACRONYM_AFTER.match(text, f.end)
            if defined and _norm(defined.group("acronym")) in by_form:
                union(key, by_form[_norm(defined.group("acronym"))])
    groups: dict[str, list[Found]] = defaultdict(list)
    for f, key in zip(found, keys, strict=True):
        groups[root(key)].append(f)
    result = []
    for items in groups.values():
        items.sort(key=lambda f: f.start)
        forms = _forms(items)
        canonical = next((f.canonical for f in items if f.canonical), None)
        name = canonical or max(forms, key=lambda t: (len(t), -forms.index(t)))
        result.append((name, [t for t in forms if t != name], _mentions(items, parsed)))
    return sorted(result, key=lambda r: r[2][0].start)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _forms(items: list[Found]) -> list[str]:
    forms: list[str] = []
    for f in items:
        form = " ".join(f.text.split())
        if form not in forms:
            forms.append(form)
    return forms


def _mentions(items: list[Found], parsed: ParsedLetter) -> list[Mention]:
    return [
        Mention(text=f.text, start=f.start, end=f.end, section=parsed.section_at(f.start))
        for f in items
    ]
