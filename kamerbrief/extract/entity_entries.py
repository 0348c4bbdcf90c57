"""Mentions to the record's entries: one person, body or place under all its names."""

from __future__ import annotations

import re
from collections import defaultdict

from kamerbrief.extract.entity_mentions import EntityMention
from kamerbrief.nlp.entity_rules import INITIALS
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import Mention, Person
from kamerbrief.rules.loader import (
    person_rules,
)

_ACRONYM_AFTER = re.compile(r"\s?\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")


def split_name(text: str) -> tuple[list[str], str]:
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
    given, _ = split_name(text)
    full_given = any(not INITIALS.match(g) for g in given)
    return (int(full_given), len(given), len(text))


def persons(found: list[EntityMention], parsed: ParsedLetter) -> list[Person]:
    clusters: list[dict] = []
    for f in sorted(found, key=lambda f: (-_fullness(f.text)[1], f.start)):
        given, surname = split_name(f.text)
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
        name = max(forms, key=lambda t: (_fullness(t), not t.isupper(), -forms.index(t)))
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


def named(
    found: list[EntityMention], parsed: ParsedLetter, text: str, *, acronyms: bool
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

    # A known body's name written by the NER alone ("Gezondheidsraad") joins its entry.
    known = {norm(f.text): norm(f.canonical) for f in found if f.canonical}
    keys = []
    for f in found:
        key = norm(f.canonical) if f.canonical else known.get(norm(f.text), norm(f.text))
        parent.setdefault(key, key)
        keys.append(key)
    by_form = {norm(f.text): k for f, k in zip(found, keys, strict=True)}
    if acronyms:
        for f, key in zip(found, keys, strict=True):
            defined = _ACRONYM_AFTER.match(text, f.end)
            if defined and norm(defined.group("acronym")) in by_form:
                union(key, by_form[norm(defined.group("acronym"))])
        # "de Stuurgroep" after "Stuurgroep Toegankelijkheid": the one body so named.
        for f, key in zip(found, keys, strict=True):
            if " " in key or f.canonical:
                continue
            heads = {k for k in set(keys) if " " in k and key in (k.split()[0], k.split()[-1])}
            if len(heads) == 1:
                union(heads.pop(), key)
    groups: dict[str, list[EntityMention]] = defaultdict(list)
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


def norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _forms(items: list[EntityMention]) -> list[str]:
    forms: list[str] = []
    for f in items:
        form = " ".join(f.text.split())
        if form not in forms:
            forms.append(form)
    return forms


def _mentions(items: list[EntityMention], parsed: ParsedLetter) -> list[Mention]:
    return [
        Mention(text=f.text, start=f.start, end=f.end, section=parsed.section_at(f.start))
        for f in items
    ]
