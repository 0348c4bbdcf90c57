"""Persons, organisations and locations: from the doc's entities to the record's entries.

The statistical NER and kamerbrief's rule components (kamerbrief.nlp.entity_rules)
have marked entities in the doc; this extractor keeps those in the letter's
content, trims titles and stray words from their edges, drops what is not a
name (data/entities.json), and merges the mentions of one person or body into
one entry: "Minister Schippers", "E.I. Schippers" and "Edith Schippers" are one
person; "RIVM" and "Rijksinstituut voor Volksgezondheid en Milieu" one body.
Signatories from the letter's structure are persons too.

Decisions are taken for the whole letter, not per mention: acronym definitions
complete long forms and find acronyms everywhere, a name the letter calls a project
is never a body or place, each name keeps the type most of its mentions have (one
sense per discourse), and a person only the NER saw needs the letter's support.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from kamerbrief.extract.entity_acronyms import acronym_kinds, defined_names, find_definitions
from kamerbrief.extract.entity_entries import named, norm, persons
from kamerbrief.extract.entity_mentions import (
    EntityMention,
    Evidence,
    capitalised_inside,
    complete_bodies,
    mention,
)
from kamerbrief.extract.entity_roles import (
    askers,
    joint_names,
    motion_names,
    signatories,
    surnames_elsewhere,
    with_parties,
)
from kamerbrief.extract.entity_types import (
    instrument_names,
    names_elsewhere,
    not_instruments,
    one_sense,
    short_ministries,
)
from kamerbrief.nlp.columns import token_texts
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import Location, Organisation


def _not_on_date_line(found: list[EntityMention], parsed: ParsedLetter) -> list[EntityMention]:
    """Without the place of the letter's place-and-date line, wherever the page prints it
    ("'s-Gravenhage, 26 september 1983" above a royal signature): the line is no content."""
    meta = parsed.metadata
    if not meta.place or meta.date is None or not meta.date.text:
        return found
    line = re.compile(rf"{re.escape(meta.place)},?\s+{re.escape(meta.date.text)}")
    spans = [(m.start(), m.start() + len(meta.place)) for m in line.finditer(parsed.text)]
    return [f for f in found if not (f.kind == "location" and (f.start, f.end) in spans)]


def _merged_signatories(f: EntityMention, signed: list[EntityMention]) -> bool:
    """Whether ``f`` is one person the NER made of several signatories printed side by side
    ("Wolters G. Terpstra Gerritse"): the signature's own names stand instead."""
    inside = {(e.start, e.end) for e in signed if f.start <= e.start and e.end <= f.end}
    return f.kind == "person" and len(inside) >= 2


def extract_entities(doc: Doc, parsed: ParsedLetter) -> dict[str, object]:
    """The record's ``persons``, ``organisations`` and ``locations``."""
    definitions = find_definitions(parsed.text)
    texts = token_texts(doc)
    evidence = Evidence(
        acronym_kinds(definitions),
        capitalised_inside(doc, texts),
        {text for text in texts if text.islower()},
    )
    found = [f for ent in doc.ents if (f := mention(doc, ent, parsed, evidence)) is not None]
    found = complete_bodies(found, parsed.text)
    names, acronyms = instrument_names(doc)
    names |= {norm(parsed.text[d.start : d.end]) for d in definitions if d.kind == "instrument"}
    found = defined_names(found, definitions, parsed)
    found = not_instruments(found, parsed.text, names, acronyms)
    found = one_sense(found, parsed.text)
    found = joint_names(found, parsed.text)
    found = motion_names(found, parsed.text)
    signed = signatories(parsed, found)
    found = [f for f in found if not _merged_signatories(f, signed)] + signed
    found += askers(parsed, found)
    found += surnames_elsewhere(doc, parsed, found)
    found += names_elsewhere(found, parsed.text, parsed.content_start, evidence)
    found = short_ministries(found, parsed.text, parsed.content_start)
    found = _not_on_date_line(found, parsed)
    by_kind: dict[str, list[EntityMention]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if (f.start, f.end) in seen:
            continue
        # a piece of a longer person's name is no person of its own: "W. de Graaff-Nauta"
        # read by the NER inside the signature "D. IJ. W. de Graaff-Nauta"
        people = by_kind["person"]
        if f.kind == "person" and people and people[-1].start <= f.start < f.end <= people[-1].end:
            continue
        seen.add((f.start, f.end))
        by_kind[f.kind].append(f)
    return {
        "persons": with_parties(persons(by_kind["person"], parsed), parsed),
        "organisations": [
            Organisation(name=n, aliases=a, mentions=m)
            for n, a, m in named(by_kind["organisation"], parsed, parsed.text, acronyms=True)
        ],
        "locations": [
            Location(name=n, aliases=a, mentions=m)
            for n, a, m in named(by_kind["location"], parsed, parsed.text, acronyms=False)
        ],
    }
