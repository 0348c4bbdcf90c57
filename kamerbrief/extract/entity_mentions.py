"""One entity mention: kept, trimmed and typed, or dropped as no name,
with the letter-wide evidence it is judged on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kamerbrief.nlp.entity_rules import (
    INITIALS,
    RULE_PERSON,
    portfolio_across,
    portfolio_pattern,
)
from kamerbrief.nlp.sentences import opens_sentence
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import ITEM_TYPES
from kamerbrief.rules.loader import (
    entity_filter_rules,
    head_rules,
    label_rules,
    month_rules,
    person_rules,
)

ENTITY_TYPES = tuple(t.name for t in ITEM_TYPES if t.entity)  # person, organisation, location


# "Jemen?3", "Remkes2", "NOS?1"
_FOOTNOTE_MARK = re.compile(r"(?<=[a-zà-ÿ])[?!]?\d{1,2}$|(?<=[A-Z])[?!]\d{1,2}$")
_CLAUSE_TAGS = frozenset({"VERB", "AUX", "SCONJ", "PRON"})  # no name word is one in lower case


_PLAIN_NAME = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)*$")  # "Grundberg"


@dataclass
class EntityMention:
    """One mention: its type, offsets, text, canonical name (gazetteer) and role."""

    kind: str
    start: int
    end: int
    text: str
    canonical: str | None = None
    roles: list[str] = field(default_factory=list)
    weak: bool = False  # a person only the statistical NER saw: kept if the letter agrees


@dataclass
class Evidence:
    """What the whole letter says about its words, for decisions on one mention."""

    acronyms: dict[str, str]  # "KRW" -> "instrument", from "Kaderrichtlijn Water (KRW)"
    capitalised_inside: set[str]  # words written with a capital inside a sentence
    lower_words: set[str]  # words the letter writes in lower case ("groei", "kit")


def mention(doc: Doc, ent: Span, parsed: ParsedLetter, evidence: Evidence) -> EntityMention | None:
    kind = label_rules().record_type(ent.label_)
    if kind not in ENTITY_TYPES or ent.start_char < parsed.content_start:
        return None
    if ent.ent_id_:  # a gazetteer match is exact
        return EntityMention(kind, ent.start_char, ent.end_char, ent.text, canonical=ent.ent_id_)
    span = _trim(ent, person=kind == "person")
    if span is None:
        return None
    start, end = span.start_char, span.end_char
    mark = _FOOTNOTE_MARK.search(span[-1].text)
    if mark and (not span[-1].text.isupper() or not mark.group()[0].isdigit()):  # "NOS?1"
        end -= len(mark.group())
    text = parsed.text[start:end]
    if ")" in text and "(" not in text:  # "CDA).5"
        end = start + text.index(")")
        text = parsed.text[start:end]
    ruled = ent.kb_id_ == RULE_PERSON  # a title, initials or a list saw it
    if not _is_name(text) or (not ruled and _unconfirmed_capital(span, evidence)):
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
    return EntityMention(kind, start, end, text, roles=roles, weak=weak)


def _name_like(span: Span, evidence: Evidence) -> bool:
    """Two or more name words ("Hans Grundberg"), none a common word of the letter.

    The NER also calls products, terms and bodies persons ("First Eet Kit", "Groene
    Groei", "Philips"); a name it found on its own, without a title, initials or a
    role, must look like a given name and a surname, and not run on into more
    capitalised words ("Public Key" in "Public Key Infrastructure").
    """
    particles = person_rules().particles
    words = [t for t in span if t.lower_ not in particles]
    if len(words) < 2 or head_rules().kind_of(span.text) is not None:
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        after is not None
        and after.is_title
        and "\n" not in span[-1].whitespace_
        and after.lower_ not in person_rules().titles  # "Eric Wiebes Minister van ..."
    ):
        return False  # a longer capitalised term: "Public Key Infrastructure"
    return all(
        _PLAIN_NAME.match(t.text) and t.text.lower() not in evidence.lower_words for t in words
    )


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
        end = _clause_start(doc, start, end)
    else:
        end = _person_end(doc, start, end)
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


def _person_end(doc: Doc, start: int, end: int) -> int:
    """Where a person's name ends before the body the NER ran on into: "A. Jansen van de
    Universiteit Utrecht" (a surname, a lower-case "van", an article, then a body's name by
    its head word); "Van de Ven", "J. van de Dijk", "Jansen van der Laan" stay whole."""
    heads = head_rules()
    particles = person_rules().particles
    for i in range(start + 1, end - 2):
        if doc[i].text != "van" or doc[i + 1].lower_ not in {"de", "het"}:
            continue
        # a surname before it ("J. van de Dijk" is a name), a body's name after it
        named = any(t.lower_ not in particles and not INITIALS.match(t.text) for t in doc[start:i])
        rest = doc[i + 2 : end]
        kind = heads.kind_of(rest.text)
        # a body ("de Universiteit Utrecht"), or a place's body of two words or more ("de
        # Gemeente Utrecht"); one word may be a surname ("van de Meer")
        body = kind == "organisation" or (kind == "location" and len(rest) >= 2)
        if named and rest[0].text[:1].isupper() and body:
            return i
    return end


def _clause_start(doc: Doc, start: int, end: int) -> int:
    """Where a body's name ends before the clause the NER ran on into: a verb or a
    conjunction in lower case ("de Raad vraagt", "de Raad dat bij de overlegging")."""
    for i in range(start + 1, end):
        token = doc[i]
        if token.is_lower and token.pos_ in _CLAUSE_TAGS:
            return i
        if token.is_lower and token.pos_ == "DET" and doc[i - 1].text[:1].isupper():
            return i  # "de Raad het wenselijk": an article after a name word, not "Raad voor de"
    return end


def _particle_of_surname(doc: Doc, i: int, end: int) -> bool:
    """Token i is "De" in "Minister De Jonge": capitalised particle before a name word."""
    people = person_rules()
    token = doc[i]
    if not token.text[:1].isupper() or token.lower_ not in people.particles or i + 1 >= end:
        return False
    after = doc[i + 1]
    return after.text[:1].isupper() and after.lower_ not in people.titles | people.particles


_HEAD_AND_NAME = re.compile(r"(?P<head>[^\W\d_]+)[\s-]+[A-ZÀ-Þ]")


def _is_name(text: str) -> bool:
    filters = entity_filter_rules()
    bodies = head_rules().organisation
    # "stichting Kiem", "vaste commissie voor Financiën": a body's name in lower case
    lower_head = text.split()[0].lower() in bodies.before | bodies.qualifiers
    # "commissie Kolthoff", "commissie-Albeda": a body's head before the name it bears
    named = _HEAD_AND_NAME.match(text)
    lower_head = lower_head or bool(named and named["head"].lower() in bodies.words)
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


def _lower_case_word(span: Span, evidence: Evidence) -> bool:
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


def capitalised_inside(doc: Doc, texts: list[str]) -> set[str]:
    """The words ``doc`` capitalises inside a sentence; ``texts`` are its tokens' texts."""
    return {
        text
        for i, text in enumerate(texts)
        if text[:1].isupper() and not text.isupper() and not opens_sentence(doc[i])
    }


def _unconfirmed_capital(span: Span, evidence: Evidence) -> bool:
    """A single capitalised word at a sentence start, never capitalised elsewhere.

    "Concluderend", "Kennisopbouw" (a heading) and "Pilots" are capitalised only
    because they start a sentence or a line; a name is capitalised everywhere.
    """
    if len(span) != 1:
        return False
    token = span[0]
    if token.text.isupper() or not opens_sentence(token):
        return False
    if _title_before(span.doc, token.i) is not None:
        return False
    return token.text not in evidence.capitalised_inside


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
        # "Koning, president W. van der Zanden, secretaris": not the next name's initial
        role = re.sub(r"\s+[A-Z]$", "", apposition.group("role").strip())
        if role.split()[0].lower() in person_rules().apposition_roles:
            roles.append(role)
    return roles


def _another_body(
    tail: str, start: int, inside: list[EntityMention], links: frozenset[str]
) -> EntityMention | None:
    """The body that the words after a body's link name on their own ("... van het
    Nederlands Jeugdinstituut", "... van het Ministerie van Buitenlandse Zaken"), or None
    when they go on with the name ("voor Wiskunde", "van Deskundigen")."""
    words = tail.split()
    k = 0
    while k < len(words) and words[k].lower() in links:
        k += 1
    if k == 0 or k == len(words) or words[k - 1].lower() not in ("het", "de"):
        return None
    offset = start + tail.index(words[k], len(" ".join(words[:k])))
    known = next((g for g in inside if g.start == offset), None)
    if known is not None:
        return known
    end = start + len(tail)
    rest = tail[offset - start :]
    if head_rules().kind_of(rest) != "organisation":
        return None
    return EntityMention("organisation", offset, end, rest)


def _second_body(name: str, tail: str, joiners: frozenset[str]) -> str | None:
    """The part after the last joiner of ``tail`` when it names a body of its own: two
    capitalised words ("House of Animals" + " en RTÉ Investigates") that make no portfolio
    with the name ("Ministerie van Volkshuisvesting" + " en Ruimtelijke Ordening")."""
    words = tail.split()
    last = max((k for k, w in enumerate(words) if w in joiners), default=None)
    if last is None:
        return None
    part = words[last + 1 :]
    if len(part) < 2 or not all(w[:1].isupper() for w in part[:2]):
        return None
    cut = len(name) + tail.rindex(" " + words[last] + " ")
    if portfolio_across(name + tail, cut):
        return None
    return tail[cut - len(name) + len(words[last]) + 2 :]


def _joined_bodies(f: EntityMention, joiners: frozenset[str]) -> tuple[str, EntityMention] | None:
    """(the first name, the second body) of one NER span over two bodies joined by "en"
    ("House of Animals en RTÉ Investigates"), by the rule of :func:`_second_body` at the
    span's last joiner; None when the span is one name ("Ministerie van Volkshuisvesting en
    Ruimtelijke Ordening") or the first part has fewer than two words."""
    head, space, rest = f.text.partition(" ")
    second = _second_body(head, space + rest, joiners) if space else None
    if not second:
        return None
    first = f.text[: len(f.text) - len(second)].rstrip().rsplit(" ", 1)[0]  # without "en"
    if len(first.split()) < 2:
        return None
    return first, EntityMention("organisation", f.end - len(second), f.end, second)


def complete_bodies(found: list[EntityMention], text: str) -> list[EntityMention]:
    """Bodies whose name the NER cut short, completed over the words that continue it.

    "Centrum voor Wiskunde" + " en Informatica", "Gemengde Commissie" + " van
    Deskundigen", "Institute" + " of Standards and Technology": a link word
    (data/entities.json ``name_links``, with an article) or, in a name that already has
    one, a joiner ("en") followed by capitalised words. A body's fragment the NER made of
    these words goes; a place or a person stops it ("DRA voor Jemen"), as do a title and
    a month.
    """
    filters = entity_filter_rules()
    if not filters.name_links:
        return found
    cap = r"[A-ZÀ-Þ][\w'’&-]*"
    words = rf"{cap}(?: {cap})*"
    links = "|".join(map(re.escape, sorted(filters.name_links)))
    joiners = "|".join(map(re.escape, sorted(filters.name_joiners)))
    articles = "|".join(map(re.escape, sorted(filters.name_articles)))
    tail = rf"(?:, {words})* (?:{joiners}) {words}" if joiners else r"(?!)"
    linked = re.compile(rf"(?: (?:{links})(?: (?:{articles}))? {words})+(?:{tail})?")
    joined = re.compile(tail)
    stops = person_rules().titles | set(month_rules().months)
    dropped: set[int] = set()
    added: list[EntityMention] = []
    for f in found:
        if f.kind != "organisation" or f.canonical or id(f) in dropped:
            continue
        split = _joined_bodies(f, filters.name_joiners)
        if split is not None:  # "Stockholm Center for Freedom en Amnesty International"
            f.end, f.text = f.start + len(split[0]), split[0]
            added.append(split[1])
            continue
        m = linked.match(text, f.end)
        words_of = set(f.text.split())
        # a name with a link takes one joined part: "... voor Wiskunde" + " en Informatica",
        # but "... voor Wiskunde en Informatica" + " en TNO" is a list of two bodies
        if m is None and filters.name_links & words_of and not filters.name_joiners & words_of:
            m = joined.match(text, f.end)
        if m is None:
            continue
        if any(w.strip(",").lower() in stops for w in m.group().split()):
            continue
        second = _second_body(f.text, m.group(), filters.name_joiners)
        if second:  # a list of two bodies: the second is one too
            start = f.end + len(m.group()) - len(second)
            if not any(g.start <= start < g.end for g in found):
                added.append(EntityMention("organisation", start, f.end + len(m.group()), second))
            continue
        inside = [g for g in found if g is not f and f.end <= g.start < m.end()]
        if any(g.kind != "organisation" or g.end > m.end() or g.canonical for g in inside):
            continue  # a place, a person, or a known body of its own ("... en Amnesty ...")
        body = _another_body(m.group(), f.end, inside, filters.name_links | filters.name_articles)
        if body is not None:
            if body not in found:
                added.append(body)
            continue
        dropped.update(id(g) for g in inside)
        f.end = m.end()
        f.text = text[f.start : f.end]
    return [f for f in found if id(f) not in dropped] + added
