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

from spacy.tokens import Doc, Span

from kamerbrief.entity_rules import portfolios
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import Location, Mention, Organisation, Person
from kamerbrief.rules import entity_filter_rules, label_rules, person_rules

ENTITY_TYPES = ("person", "organisation", "location")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$")
_FOOTNOTE_MARK = re.compile(r"(?<=[a-zà-ÿ])[?!]?\d{1,2}$")  # "Jemen?3", "Remkes2"
_ACRONYM_AFTER = re.compile(r"\s?\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")
_NAME_POS = frozenset({"PROPN", "X", ""})


@dataclass
class Found:
    """One mention: its type, offsets, text, canonical name (gazetteer) and role."""

    kind: str
    start: int
    end: int
    text: str
    canonical: str | None = None
    roles: list[str] = field(default_factory=list)


def extract_entities(doc: Doc, parsed: ParsedLetter) -> dict[str, object]:
    """The record's ``persons``, ``organisations`` and ``locations``."""
    found = [f for ent in doc.ents if (f := _mention(doc, ent, parsed)) is not None]
    found += _signatories(parsed, found)
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
            for n, a, m in _named(by_kind["organisation"], parsed, doc.text, acronyms=True)
        ],
        "locations": [
            Location(name=n, aliases=a, mentions=m)
            for n, a, m in _named(by_kind["location"], parsed, doc.text, acronyms=False)
        ],
    }


# --- one mention ---------------------------------------------------------------------


def _mention(doc: Doc, ent: Span, parsed: ParsedLetter) -> Found | None:
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
    text = doc.text[start:end]
    if not _is_name(text, span):
        return None
    roles = _roles(doc, span) if kind == "person" else []
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


def _is_name(text: str, span: Span) -> bool:
    filters = entity_filter_rules()
    if len(text) < 2 or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.lower() in filters.not_names or text.endswith("-"):
        return False
    if any(marker in text for marker in filters.not_in_names):
        return False
    if len(span) == 1:
        token = span[0]
        # A capitalised common noun (a heading word, the first word of a sentence).
        if token.pos_ not in _NAME_POS and not token.text.isupper():
            return False
    return True


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


def _roles(doc: Doc, name: Span) -> list[str]:
    roles = []
    title = _title_before(doc, name.start)
    after = doc.text[name.end_char : name.end_char + 120]
    if title:
        link = re.match(r" (van|voor) ", after)
        rest = after[link.end() :] if link else ""
        portfolio = next((p for p in portfolios() if rest.startswith(p)), None)
        roles.append(f"{title} {link.group(1)} {portfolio}" if link and portfolio else title)
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
    full_given = any(not _INITIALS.match(g) for g in given)
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
