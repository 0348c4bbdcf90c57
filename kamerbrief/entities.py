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
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kamerbrief.nlp.entity_rules import INITIALS, INSTRUMENTS, RULE_PERSON, portfolio_pattern
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import ITEM_TYPES, Location, Mention, Organisation, Person
from kamerbrief.rules.loader import (
    EntityFilterRules,
    entity_filter_rules,
    gazetteer,
    head_rules,
    label_rules,
    month_rules,
    person_rules,
)

ENTITY_TYPES = tuple(t.name for t in ITEM_TYPES if t.entity)  # person, organisation, location
_FOOTNOTE_MARK = re.compile(r"(?<=[a-zà-ÿ])[?!]?\d{1,2}$")  # "Jemen?3", "Remkes2"
_PLAIN_NAME = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)*$")  # "Grundberg"
_NAME_PART = r"[A-ZÀ-Þ][a-zß-ÿ'’]{2,}"  # one surname of "Klaver-Westerveld"
_ACRONYM_AFTER = re.compile(r"\s?\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")
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


@dataclass
class Found:
    """One mention: its type, offsets, text, canonical name (gazetteer) and role."""

    kind: str
    start: int
    end: int
    text: str
    canonical: str | None = None
    roles: list[str] = field(default_factory=list)
    weak: bool = False  # a person only the statistical NER saw: kept if the letter agrees


@dataclass
class _Evidence:
    """What the whole letter says about its words, for decisions on one mention."""

    acronyms: dict[str, str]  # "KRW" -> "instrument", from "Kaderrichtlijn Water (KRW)"
    capitalised_inside: set[str]  # words written with a capital inside a sentence
    lower_words: set[str]  # words the letter writes in lower case ("groei", "kit")


def extract_entities(doc: Doc, parsed: ParsedLetter) -> dict[str, object]:
    """The record's ``persons``, ``organisations`` and ``locations``."""
    definitions = _definitions(parsed.text)
    evidence = _Evidence(
        _acronym_kinds(definitions),
        _capitalised_inside(doc),
        {t.text for t in doc if t.text.islower()},
    )
    found = [f for ent in doc.ents if (f := _mention(doc, ent, parsed, evidence)) is not None]
    names, acronyms = _instrument_names(doc)
    names |= {_norm(parsed.text[d.start : d.end]) for d in definitions if d.kind == "instrument"}
    found = _defined_names(found, definitions, parsed)
    found = _not_instruments(found, parsed.text, names, acronyms)
    found = _one_sense(found, parsed.text)
    found = _joint_names(found, parsed.text)
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
    span = _trim(ent, person=kind == "person")
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
    if kind != "person" and (_common_noun(span) or _lower_case_word(span, evidence)):
        return None
    if ent.kb_id_ != RULE_PERSON and _on_capitals_line(parsed.text, start):
        return None
    defined = evidence.acronyms.get(text)
    if defined == "instrument":
        return None
    if defined in ENTITY_TYPES and kind != "person":
        kind = defined
    roles = _roles(parsed.text, span) if kind == "person" else []
    weak = kind == "person" and not (
        ent.kb_id_ == RULE_PERSON or roles or _name_like(span, evidence)
    )
    return Found(kind, start, end, text, roles=roles, weak=weak)


def _name_like(span: Span, evidence: _Evidence) -> bool:
    """Two or more name words ("Hans Grundberg"), none a common word of the letter.

    The NER also calls products, terms and bodies persons ("First Eet Kit", "Groene
    Groei", "Philips"); a name it found on its own, without a title, initials or a
    role, must look like a given name and a surname.
    """
    particles = person_rules().particles
    words = [t for t in span if t.lower_ not in particles]
    if len(words) < 2 or head_rules().kind_of(span.text) is not None:
        return False
    return all(
        _PLAIN_NAME.match(t.text) and t.text.lower() not in evidence.lower_words for t in words
    )


def _instrument_names(doc: Doc) -> tuple[set[str], set[str]]:
    """The names the letter gives its instruments, and their acronyms ("DRC")."""
    names, acronyms = set(), set()
    for span in doc.spans.get(INSTRUMENTS, []):
        names.add(_norm(span.text))
        initials = "".join(t.text[0] for t in span if t.text[:1].isupper())
        if len(initials) >= 2:
            acronyms.add(initials)
    return names, acronyms


def _not_instruments(
    found: list[Found], text: str, names: set[str], acronyms: set[str]
) -> list[Found]:
    """Without the mentions of instruments: the letter calls "Delta Rhine Corridor" a
    project once, so neither it nor "DRC" is a place or body anywhere in the letter.

    A mention inside an instrument's name goes ("Understanding" in "Memorandum of
    Understanding"), and one that runs on from it into ordinary words ("Delta Rhine
    Corridor cruciaal"); a longer name that contains it stays ("CE Delft").
    """
    inside = _occurrences(text, names)

    def instrument(f: Found) -> bool:
        if f.canonical or f.roles:
            return False
        if f.text in acronyms:
            return True
        for s, e in inside:
            if s <= f.start and f.end <= e:
                return True
            if s == f.start and e < f.end and text[e : f.end].strip().islower():
                return True
        return False

    return [f for f in found if not instrument(f)]


def _one_sense(found: list[Found], text: str) -> list[Found]:
    """One type per name in a letter: the type most of its mentions have.

    "Tatarstan" tagged nine times as an organisation and eight times as a place, of
    which several follow "in" or "naar", is a place throughout. A gazetteer match
    decides; a place after a locative preposition (data/entities.json) weighs more.
    A person only the NER saw takes the letter's type for that name, or is dropped.
    """
    filters = entity_filter_rules()
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for f in found:
        if f.weak:
            continue
        weight = 1
        if f.canonical:
            weight = 100
        elif f.kind == "location" and _after_preposition(text, f.start, filters):
            weight = 3
        votes[_norm(f.text)][f.kind] += weight
    kept = []
    for f in found:
        kinds = votes.get(_norm(f.text))
        if f.weak:
            if not kinds:
                continue
            f.kind, f.weak = kinds.most_common(1)[0][0], False
        elif f.kind != "person" and not f.canonical and kinds:
            if kinds["person"] > sum(n for k, n in kinds.items() if k != "person"):
                f.kind = "person"  # "Adel Wafin" is "Minister Wafin" elsewhere
            else:
                places = {k: n for k, n in kinds.items() if k != "person"}
                f.kind = max(places, key=lambda k: (places[k], k == f.kind))
        kept.append(f)
    return kept


def _occurrences(text: str, names: set[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``names`` (case-folded) in ``text``."""
    if not names:
        return []
    alternatives = "|".join(
        r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


def _after_preposition(text: str, start: int, filters: EntityFilterRules) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in filters.location_prepositions


def _trim(ent: Span, *, person: bool = False) -> Span | None:
    """The entity without titles, articles and stray words at its edges, on one line.

    A person's capitalised particle before a surname stays: "De Jonge", "Van Dijk".
    """
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
        if person and _particle_of_surname(doc, start, end):
            break
        start += 1
    if not person:
        end = _name_end(doc, start, end)
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in filters.trailing_words
        or doc[end - 1].like_num
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _name_end(doc: Doc, start: int, end: int) -> int:
    """Where a body's or place's name ends before a date or a person the NER ran on into.

    "Hoge Raad van 24 mei", "Russische Federatie van Koning Willem-Alexander".
    """
    titles = person_rules().titles
    months = month_rules().months
    for i in range(start + 1, end):
        token = doc[i]
        if token.like_num and i + 1 < len(doc) and doc[i + 1].lower_ in months:
            return i
        if token.lower_ in titles and doc[i - 1].lower_ == "van":
            return i
    return end


def _particle_of_surname(doc: Doc, i: int, end: int) -> bool:
    """Token i is "De" in "Minister De Jonge": capitalised particle before a name word."""
    people = person_rules()
    token = doc[i]
    if not token.text[:1].isupper() or token.lower_ not in people.particles or i + 1 >= end:
        return False
    after = doc[i + 1]
    return after.text[:1].isupper() and after.lower_ not in people.titles | people.particles


def _is_name(text: str) -> bool:
    filters = entity_filter_rules()
    lower_head = text.split()[0].lower() in head_rules().organisation.before  # "stichting Kiem"
    if len(text) < 2 or not (text[0].isupper() or text[0].isdigit() or lower_head):
        return False
    low = text.lower()
    if low in filters.not_names or low in month_rules().months or text.endswith("-"):
        return False
    if any(p.search(text) for p in filters.not_name_patterns):
        return False
    return not any(marker in text for marker in filters.not_in_names)


def _common_noun(span: Span) -> bool:
    """A single capitalised noun taken for a place or body ("Bodem", "Zoetwater")."""
    token = span[0]
    if len(span) != 1 or token.pos_ != "NOUN" or token.text.isupper():
        return False
    return head_rules().kind_of(token.text) not in {"organisation", "location"}


def _lower_case_word(span: Span, evidence: _Evidence) -> bool:
    """A single word the letter also writes in lower case: "Bodem", "Water", "Ziekenhuis"."""
    text = span.text
    return len(span) == 1 and not text.isupper() and text.lower() in evidence.lower_words


def _on_capitals_line(text: str, start: int) -> bool:
    """Whether the mention stands on a heading in capitals ("GEWIJZIGDE MOTIE VAN ...").

    The NER reads such lines badly; only the gazetteer and the title rules are trusted.
    """
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = text[begin : end if end >= 0 else len(text)]
    return line.isupper() and len(line.split()) >= 3


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


@dataclass(frozen=True)
class Definition:
    """An acronym the letter defines: "Dutch Relief Alliance (DRA)"."""

    acronym: str
    start: int  # of the long form
    end: int
    kind: str | None  # organisation, location, instrument, or None (no head word)


def _definitions(text: str) -> list[Definition]:
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


def _acronym_kinds(definitions: list[Definition]) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for d in definitions:
        if d.kind:
            kinds.setdefault(d.acronym, d.kind)
    return kinds


def _defined_names(
    found: list[Found], definitions: list[Definition], parsed: ParsedLetter
) -> list[Found]:
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
        if kind == "person":
            result.append(f)
            continue
        typed.setdefault(d.acronym, kind)
        result.append(Found(kind, d.start, d.end, text[d.start : d.end]))
    for d in definitions:
        kind = d.kind if d.kind in ("organisation", "location") else typed.get(d.acronym)
        if kind is None or d.start < parsed.content_start:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(d.acronym)}(?![\w-])", text):
            if m.start() >= parsed.content_start:
                result.append(Found(kind, m.start(), m.end(), m.group()))
    return _without_overlaps(result)


def _without_overlaps(found: list[Found]) -> list[Found]:
    """The longest of overlapping mentions, the first of equal ones."""
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if not any(k.start < f.end and f.start < k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


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


def _joint_names(found: list[Found], text: str) -> list[Found]:
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
            Found("person", start + p.start(), start + p.end(), p.group(), roles=[]) for p in parts
        ]
    return result


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

    # A known body's name written by the NER alone ("Gezondheidsraad") joins its entry.
    known = {_norm(f.text): _norm(f.canonical) for f in found if f.canonical}
    keys = []
    for f in found:
        key = _norm(f.canonical) if f.canonical else known.get(_norm(f.text), _norm(f.text))
        parent.setdefault(key, key)
        keys.append(key)
    by_form = {_norm(f.text): k for f, k in zip(found, keys, strict=True)}
    if acronyms:
        for f, key in zip(found, keys, strict=True):
            defined = _ACRONYM_AFTER.match(text, f.end)
            if defined and _norm(defined.group("acronym")) in by_form:
                union(key, by_form[_norm(defined.group("acronym"))])
        # "de Stuurgroep" after "Stuurgroep Toegankelijkheid": the one body so named.
        for f, key in zip(found, keys, strict=True):
            if " " in key or f.canonical:
                continue
            heads = {k for k in set(keys) if " " in k and key in (k.split()[0], k.split()[-1])}
            if len(heads) == 1:
                union(heads.pop(), key)
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
