"""Type decisions for the whole letter: a name the letter calls a project is no body
or place, and each name keeps the type most of its mentions have (one sense per discourse).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache

from spacy.tokens import Doc

from kamerbrief.extract.entity_entries import norm
from kamerbrief.extract.entity_mentions import EntityMention, Evidence
from kamerbrief.nlp.entity_rules import INSTRUMENTS
from kamerbrief.rules.loader import (
    EntityFilterRules,
    entity_filter_rules,
    office_rules,
    person_rules,
)


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


def instrument_names(doc: Doc) -> tuple[set[str], set[str]]:
    """The names the letter gives its instruments, and their acronyms ("DRC")."""
    names, acronyms = set(), set()
    for span in doc.spans.get(INSTRUMENTS, []):
        names.add(norm(span.text))
        initials = "".join(t.text[0] for t in span if t.text[:1].isupper())
        if len(initials) >= 2:
            acronyms.add(initials)
    return names, acronyms


def not_instruments(
    found: list[EntityMention], text: str, names: set[str], acronyms: set[str]
) -> list[EntityMention]:
    """Without the mentions of instruments: the letter calls "Delta Rhine Corridor" a
    project once, so neither it nor "DRC" is a place or body anywhere in the letter.

    A mention inside an instrument's name goes ("Understanding" in "Memorandum of
    Understanding"), and one that runs on from it into ordinary words ("Delta Rhine
    Corridor cruciaal"); a longer name that contains it stays ("CE Delft").
    """
    inside = _occurrences(text, names)

    def instrument(f: EntityMention) -> bool:
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


def one_sense(found: list[EntityMention], text: str) -> list[EntityMention]:
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
        votes[norm(f.text)][f.kind] += weight
    kept = []
    for f in found:
        kinds = votes.get(norm(f.text))
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


def without_overlaps(found: list[EntityMention]) -> list[EntityMention]:
    """The longest of overlapping mentions, the first of equal ones."""
    kept: list[EntityMention] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if not any(k.start < f.end and f.start < k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def names_elsewhere(
    found: list[EntityMention], text: str, start: int, evidence: Evidence
) -> list[EntityMention]:
    """Every other occurrence, written the same, of a body the letter has named.

    "het bedrijf Ebusco" makes "Ebusco" a body; "bussen zoals Ebusco die fabriceert"
    and "321 Ebusco’s" are the same body though the NER missed them. Like the surnames
    of persons, a name keeps its type across the letter (one sense per discourse);
    only from ``start`` (the content), never inside a longer word or another mention.
    Not a word the letter also writes in lower case ("Verklaring", "verklaring"), not
    an acronym unless it is known or the letter spells it out as a body ("NOVEX" may
    be a programme), and not places: the gazetteer and the NER find those. Not inside
    an office either: "de Staatssecretaris van IenW" names no body (kamerbrief_offices).
    """
    names = {
        f.text: f
        for f in found
        if f.kind == "organisation"
        and not f.weak
        and f.text.lower() not in evidence.lower_words
        and (not f.text.isupper() or f.canonical or evidence.acronyms.get(f.text) == "organisation")
        and len(f.text) >= 3
        and f.text[:1].isupper()
        and "\n" not in f.text
    }
    if not names:
        return []
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    taken = sorted((f.start, f.end) for f in found)
    office = _office_of_portfolio()
    extra = []
    for m in pattern.finditer(text, start):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if office.search(text[max(0, m.start() - 60) : m.start()]):
            continue
        known = names[m.group()]
        extra.append(
            EntityMention(known.kind, m.start(), m.end(), m.group(), canonical=known.canonical)
        )
    return extra


@cache
def _office_of_portfolio() -> re.Pattern[str]:
    """An office's title and "van" or "voor" right before a name: "de Staatssecretaris van "."""
    titles = "|".join(map(re.escape, sorted(person_rules().titles, key=len, reverse=True)))
    return re.compile(rf"(?i)(?<!\w)(?:{titles})s?\s+(?:van|voor)\s+$")


def short_ministries(found: list[EntityMention], text: str, start: int) -> list[EntityMention]:
    """``found`` with the ministries named by their portfolio where it names no office.

    A portfolio of two words or more ("Economische Zaken", "Sociale Zaken en
    Werkgelegenheid") is the ministry wherever it stands outside an office ("de begroting
    van Economische Zaken", "medewerkers van Buitenlandse Zaken"); "de Ministeries van
    Justitie, Sociale Zaken en ..." names each ministry. A one-word portfolio is the
    ministry only where the context makes it a body: "vanuit Defensie", "namens
    Financiën", "Defensie heeft besloten ..." (annotation guide: "also when written as EZ
    or vanuit EZ"); "de uitgaven aan Defensie" is a topic. "de Minister van Defensie" and
    "mijn collega van Justitie en Veiligheid" are offices.
    """
    ministries = _portfolio_patterns()[0]
    named = _portfolios_named(text, start)
    found = [f for f in found if not (_plural_ministries(f) and _holds(f, named))]
    taken = [(f.start, f.end) for f in found]
    office = _office_before()
    extra = []
    for s, e, name, listed in named:
        if any(a < e and s < b for a, b in taken):
            continue
        if not listed and office.search(text[max(0, s - 120) : s]):
            continue
        extra.append(EntityMention("organisation", s, e, text[s:e], canonical=ministries[name]))
    return found + extra


@cache
def _office_before() -> re.Pattern[str]:
    """What makes the portfolio after it no ministry: an office ("Minister van X", "...
    en van X", "Minister Bruins (X"), a committee, a chapter of the budget ("hoofdstuk
    XII (X") or another name's head ("de Raad Buitenlandse Zaken")."""
    filters = entity_filter_rules()
    holders = person_rules().titles | filters.portfolio_holders
    holder = "|".join(map(re.escape, sorted(holders, key=len, reverse=True)))
    heads = "|".join(map(re.escape, sorted(filters.portfolio_name_heads, key=len, reverse=True)))
    return re.compile(
        rf"(?i)(?<![\w-])(?:{holder})s?\s+(?:[\w.'’–-]+\s+){{0,5}}?(?:(?:van|voor)\s+"
        rf"(?:[^.;:\n]*?(?:\s+en|,)\s+(?:van\s+|voor\s+)?)?|\(\s*)$"
        r"|hoofdstuk\s+(?:[IVXLC]+\s+)?\(?\s*$"
        rf"|(?<![\w-])(?:{heads or '(?!)'})\s+$"
    )


def _holds(f: EntityMention, named: list[tuple[int, int, str, bool]]) -> bool:
    """Whether ``f`` holds a list of ministries, each found apart."""
    return any(listed and f.start <= s and e <= f.end for s, e, _, listed in named)


def _plural_ministries(f: EntityMention) -> bool:
    """ "Ministeries van Justitie, Sociale Zaken en ...": a list, each ministry found apart."""
    return f.kind == "organisation" and f.text.lower().startswith(
        ("ministeries van", "departementen van")
    )


@cache
def _portfolio_patterns() -> tuple[
    dict[str, str], dict[str, str], re.Pattern[str], re.Pattern[str]
]:
    """The ministries by portfolio, the portfolios by their words, the pattern of a
    portfolio that names its ministry if no office, and that of a list of ministries
    ("Ministeries van X en Y"); built once from the rule data."""
    ministries = office_rules().ministries()
    filters = entity_filter_rules()
    by_words = {" ".join(name.split()): name for name in ministries}
    names = "|".join(
        r"\s+".join(map(re.escape, name.split()))
        for name in sorted(by_words, key=len, reverse=True)
    )
    single = "|".join(
        map(re.escape, sorted((n for n in by_words if " " not in n), key=len, reverse=True))
    )
    cues = "|".join(map(re.escape, sorted(filters.ministry_cues_before))) or "(?!)"
    verbs = "|".join(map(re.escape, sorted(filters.ministry_verbs_after))) or "(?!)"
    openers = "|".join(map(re.escape, sorted(filters.ministry_subject_openers))) or "(?!)"
    objects = "|".join(map(re.escape, sorted(filters.ministry_object_starts))) or "(?!)"
    # a subject: at a sentence's start or after an opener ("Ook Defensie besteedt"), before
    # a finite verb; after its verb, before its object ("neemt Defensie de inspanning");
    # a body's own thing: "het milieubeleid van Defensie" (an office is ruled out later)
    finite = rf"(?:{verbs}|[a-zà-ÿ]{{2,}}[td])"
    pattern = re.compile(
        rf"(?:\b(?i:{cues}) (?P<after>{single})"
        rf"|(?:(?<=[.!?] )|(?<=\n)|^|\b(?i:{openers}) )(?P<subject>{single})(?= {finite}\b)"
        rf"|\b[a-zà-ÿ]{{2,}}[td] (?P<inverted>{single})(?= (?:{objects})\b)"
        rf"|\b[a-zà-ÿ-]{{3,}} van (?P<of>{single})(?=[\s.,;:)])"
        rf"|(?<![\w-])(?P<name>{names}))(?![\w-])",
        re.MULTILINE,
    )
    joint = r"(?:,\s*|\s+en\s+(?:van\s+)?)"
    lists = re.compile(
        rf"(?i:ministeries|departementen) van (?P<list>(?:{names})(?:{joint}(?:{names}))+)"
    )
    return ministries, by_words, pattern, lists


@cache
def _not_owners() -> frozenset[str]:
    """Words before "van <portfolio>" that make it no ministry's own thing: a budget, a
    committee, an office ("de begroting van Defensie", "mijn collega van Financiën")."""
    filters = entity_filter_rules()
    return filters.portfolio_name_heads | filters.portfolio_holders | person_rules().titles


def _portfolios_named(text: str, start: int) -> list[tuple[int, int, str, bool]]:
    """(start, end, portfolio, in a list of ministries) of each portfolio that names its
    ministry if no office."""
    _, by_words, pattern, lists = _portfolio_patterns()
    in_lists = [m.span("list") for m in lists.finditer(text, start)]
    not_owners = _not_owners()
    out = []
    for m in pattern.finditer(text, start):
        group = next(g for g in ("after", "subject", "inverted", "of", "name") if m.group(g))
        s, e = m.span(group)
        if group == "of" and m.group().split()[0].lower() in not_owners:
            continue  # "de begroting van Defensie", "mijn collega van Financiën"
        name = " ".join(m.group(group).split())
        listed = any(a <= s and e <= b for a, b in in_lists)
        if group == "name" and " " not in name and not listed:
            continue  # a one-word portfolio in running text: a topic
        out.append((s, e, by_words[name], listed))
    return out
