"""kamerbrief's entity rules as spaCy components, run after the statistical NER.

- ``kamerbrief_name_heads``: types the NER's entities by head words and by the
  noun before them (data/heads.json): "Stichting Kiem" is an organisation,
  "Kaderrichtlijn Water" a policy instrument and no entity, "het project Delta
  Rhine Corridor" an instrument too (kept in ``doc.spans["kamerbrief_instruments"]``).
- ``kamerbrief_gazetteer``: the known organisations and locations
  (data/organisations.json, data/locations.json); its matches correct the NER
  and carry the canonical name as ``ent_id_``.
- ``kamerbrief_offices``: "de Minister van Volksgezondheid, Welzijn en Sport" is
  an office, not an organisation: entities inside the portfolio are removed.
- ``kamerbrief_person_names``: names after a title or form of address
  ("Minister Schippers", "het lid Van Eijk en Aartsen (beiden VVD)") and names
  with initials ("E.I. Schippers"); the title stays outside the entity. Its
  persons carry ``kb_id_ == "kamerbrief_person"``: a rule, not the NER alone, saw them.

Both emit the labels PER, ORG and LOC, which data/labels.json maps to record
types for either pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import Any, ClassVar

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kamerbrief.rules.loader import (
    PersonRules,
    gazetteer,
    head_rules,
    label_rules,
    office_rules,
    person_rules,
)
from kamerbrief.rules.words import word_rules

NAME_HEADS = "kamerbrief_name_heads"
GAZETTEER = "kamerbrief_gazetteer"
OFFICES = "kamerbrief_offices"
PERSON_NAMES = "kamerbrief_person_names"
INSTRUMENTS = "kamerbrief_instruments"  # doc.spans key: names the letter gives to instruments
# doc.spans key: names that are instruments by their head word ("Verdrag van Lissabon"); no
# place or body of the gazetteer is taken from inside them
NAMED_INSTRUMENTS = "kamerbrief_named_instruments"

# kb_id of the persons this module marks: a title, initials or an apposition confirms them.
RULE_PERSON = "kamerbrief_person"
_ANOTHER_PORTFOLIO = re.compile(r"\s+en\s+(?:van|voor)\s+")
# "E.", "E.I.", "Th.", "B.-J.", and the Dutch digraph "IJ." ("D. IJ. W. de Graaff-Nauta")
INITIALS = re.compile(r"^(?:IJ|[A-Z][a-z]?)\.(?:-?(?:IJ|[A-Z][a-z]?)\.)*$")
_LIST_GAP = 3  # role words between two members of a list: "Van Erp (VVD) voorzitter. Van Muiden"
_RESUME_WINDOW = 6  # tokens of OCR noise a list of members may hold before its next comma
_MAX_NAME_TOKENS = 6
_PORTFOLIO_TOKENS = 16  # the longest portfolio, "Landbouw, Visserij, ...", is 7 tokens


def _overwrite_ents(doc: Doc, spans: list[Span]) -> None:
    """Set ``spans`` (not overlapping each other) as entities, dropping those they overlap."""
    taken = {t for span in spans for t in range(span.start, span.end)}
    rest = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
    doc.ents = sorted([*spans, *rest], key=lambda s: s.start)


_LOWER_CASE_FORM_WORDS = 3  # "Nederlandse orde van advocaten", "Raad van state"


def _lower_case_forms(forms: Sequence[str]) -> list[str]:
    """A long name with every word after the first in lower case, as older letters and laws
    print names of bodies: "Nederlandse orde van advocaten" for "Nederlandse Orde van
    Advocaten" (a form no letter prints, "... van de verenigde naties", simply never
    matches)."""
    out = []
    for form in forms:
        words = form.split(" ")
        if len(words) < _LOWER_CASE_FORM_WORDS or not form[:1].isupper():
            continue
        if any(w.isupper() and len(w) > 1 for w in words):
            continue  # an acronym inside ("Raad voor de EU") keeps its case
        lowered = " ".join([words[0], *(w.lower() for w in words[1:])])
        if lowered not in forms:
            out.append(lowered)
    return out


def _saint_forms(forms: Sequence[str]) -> list[str]:
    """A place named after a saint as letters abbreviate it: "St. Eustatius", "St
    Eustatius" for "Sint Eustatius", "St. Petersburg" for "Sint-Petersburg"."""
    out = []
    for form in forms:
        m = re.match(r"^Sint[ -](?=[A-Z])", form)
        if m is not None:
            name = form[m.end() :]
            out += [f for f in (f"St. {name}", f"St {name}") if f not in forms]
    return out


class Gazetteer:
    """Marks the known organisations and locations, correcting the NER.

    A match replaces the entities it overlaps, except a longer organisation or
    location that contains it ("Eindhoven Airport", "CE Delft"): that one stays.
    The canonical name goes into ``ent_id_``.
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        data = gazetteer()
        for label, entries in (
            ("ORG", data.organisations),
            ("LOC", data.locations),
            ("PER", data.persons),
        ):
            for entry in entries:
                forms = [*entry.forms, *_lower_case_forms(entry.forms), *_saint_forms(entry.forms)]
                self.matcher.add(f"{label}|{entry.name}", list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in self.matcher(doc):
            label, name = doc.vocab.strings[match_id].split("|", 1)
            found.append(Span(doc, start, end, label=label, span_id=name))
        if not found:
            return doc
        instruments = [*doc.spans.get(NAMED_INSTRUMENTS, []), *doc.spans.get(INSTRUMENTS, [])]
        matches = filter_spans(found)
        # an entity of the NER that holds two known names is a list of them, no longer name
        # ("Loon op Zand en Waalwijk")
        lists = {(e.start, e.end) for e in doc.ents if self._lists(doc, e, matches)}
        # "Stockholm Center for Freedom en Amnesty International": a name, "en" and a known
        # name closing the entity are two bodies; the first keeps the NER's label
        heads = []
        for e in doc.ents:
            tail = self._known_tail(doc, e, matches)
            if tail is not None:
                lists.add((e.start, e.end))
                heads.append(Span(doc, e.start, tail.start - 1, label=e.label_))
        keep = [
            span
            for span in matches
            if not any(i.start <= span.start and span.end <= i.end for i in instruments)
            and not (span.label_ == "LOC" and self._after_particle(doc, span))
            and not any(
                e.start <= span.start
                and span.end <= e.end
                and len(e) > len(span)
                and (e.start, e.end) not in lists
                and (
                    (
                        e.label_ in {"ORG", "LOC", "GPE", "FAC"}
                        and self._name_goes_on(doc[e.start : span.start], doc[span.end : e.end])
                    )
                    or (e.label_ == "PER" and self._surname(doc, e, span))
                )
                for e in doc.ents
            )
        ]
        _overwrite_ents(doc, filter_spans([*keep, *heads]))
        return doc

    @staticmethod
    def _known_tail(doc: Doc, ent: Span, matches: list[Span]) -> Span | None:
        """The known body that closes ``ent`` after "en" and a name of two words or more
        before it, or None."""
        if ent.label_ != "ORG":
            return None
        for m in matches:
            if (
                m.label_ == "ORG"
                and m.end == ent.end
                and m.start - 1 >= ent.start + 2
                and doc[m.start - 1].lower_ == "en"
                and doc[m.start - 2].text[:1].isupper()
            ):
                return m
        return None

    @staticmethod
    def _lists(doc: Doc, ent: Span, matches: list[Span]) -> bool:
        """Whether ``ent`` is known names joined by "en" or commas and nothing else."""
        inside = [m for m in matches if ent.start <= m.start and m.end <= ent.end]
        if len(inside) < 2 or inside[0].start != ent.start or inside[-1].end != ent.end:
            return False
        return all(
            b.start > a.end and all(t.lower_ in {"en", ","} for t in doc[a.end : b.start])
            for a, b in pairwise(inside)
        )

    @staticmethod
    def _after_particle(doc: Doc, span: Span) -> bool:
        """Whether a place follows a surname's particle that opens with a capital inside a
        sentence ("het lid Van den Haarlem"), or anywhere before a bracket ("Van Muiden
        (CDA)"): a surname."""
        particles = person_rules().particles
        i = span.start - 1
        while i >= 0 and doc[i].lower_ in particles and doc[i].is_lower:
            i -= 1
        if i < 0 or doc[i].lower_ not in particles or not doc[i].text[:1].isupper():
            return False
        inside = i > 0 and not doc[i].is_sent_start and not doc[i - 1].is_punct
        return inside or (span.end < len(doc) and doc[span.end].text == "(")

    @staticmethod
    def _surname(doc: Doc, person: Span, span: Span) -> bool:
        """Whether a place inside a person's name is the surname after its particle
        ("Van Tilburg", "mevrouw Van den Haarlem")."""
        return span.start > person.start and doc[span.start - 1].lower_ in person_rules().particles

    @staticmethod
    def _name_goes_on(*extra: Span) -> bool:
        """Whether the NER's words around a match continue the name ("Eindhoven Airport").

        Not when they are ordinary words or a title: "Gezondheidsraad
        deskundigheidsbevordering", "Russische Federatie van Koning".
        """
        people = person_rules()
        for token in (t for span in extra for t in span):
            if token.lower_ in people.titles or token.is_space:
                return False
            if (
                token.is_lower
                and token.lower_ not in people.particles | people.lower_case_in_body_names
                and token.lower_ not in head_rules().organisation.qualifiers
            ):
                return False
        return True


@Language.factory(GAZETTEER)
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp)


class NameHeads:
    """Types the NER's entities by their head words (data/heads.json).

    "Stichting Kiem" becomes an organisation, "IJsselmeergebied" a location, and
    "Kaderrichtlijn Water" (a policy instrument) is no entity at all. The noun
    before a name types it too: "het project Delta Rhine Corridor" is no entity,
    and the letter's other mentions of it neither (they are kept in
    ``doc.spans["kamerbrief_instruments"]``); "de gemeente Dronten" is a place;
    "stichting Kiem" an organisation, found also where the NER missed it.
    """

    _LABELS: ClassVar[dict[str, str]] = {"organisation": "ORG", "location": "LOC"}

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        heads = head_rules().organisation.before
        forms = head_rules().organisation.after
        self.matcher.add(
            "ORG",
            [
                [
                    {"LOWER": {"IN": sorted(heads)}},
                    {"IS_TITLE": True},
                    {"IS_TITLE": True, "OP": "*"},
                ],
                # "Shell B.V.", "Andersson Elffers Felix B.V.": a company by its legal form
                [
                    {"IS_TITLE": True, "IS_STOP": False},
                    {"IS_TITLE": True, "OP": "*"},
                    {"LOWER": {"IN": sorted(forms)}},
                ],
            ],
        )

        self.forms = forms
        # heads that introduce a name also as the end of a compound ("onderzoeksbureau X"):
        # a paragraph without one needs no look at its words
        suffixes = head_rules().organisation.compound_suffixes
        self.compound_heads = tuple(h for h in suffixes if h in heads)
        self.bodies = Matcher(nlp.vocab)
        self.bodies.add("ORG", self._body_patterns())
        # Every pattern needs one of these words: a paragraph without any is not matched.
        rules = head_rules().organisation
        self.needed = _hashes(nlp, heads | forms)
        self.needed_by_bodies = _hashes(nlp, rules.words - rules.after)
        # "een Medisch Centrum voor Kazan": a body for a place is no name of its own
        self.places = gazetteer().location_forms

    @staticmethod
    def _body_patterns() -> list[list[dict[str, Any]]]:
        """ "Raad voor Cultuur", "vaste commissie voor Onderwijs, Cultuur en Wetenschappen":
        a head word, a link and capitalised words, with up to two parts joined by "en"
        or a comma; a joined part never starts with an office or a head word."""
        rules = head_rules().organisation
        heads = sorted(rules.words - rules.after)
        offices = sorted(person_rules().titles | rules.words | {"de", "het", "een"})
        name = {"TEXT": {"REGEX": r"^[A-ZÀ-Þ][\w’'\-]*$"}}
        first = {**name, "LOWER": {"NOT_IN": offices}}
        link = {"LOWER": {"IN": sorted(rules.links)}}
        article = {"LOWER": {"IN": ["de", "het"]}, "OP": "?"}
        starts = [
            [{"LOWER": {"IN": heads}, "IS_TITLE": True}, link, article, {**name, "OP": "+"}],
            [{"LOWER": {"IN": sorted(rules.qualifiers)}}, {"LOWER": {"IN": heads}}, link,
             article, {**name, "OP": "+"}],
        ]  # fmt: skip
        more = [{**name, "OP": "*"}]
        joined = [
            [],
            [{"LOWER": "en"}, first, *more],
            [{"LOWER": "en"}, link, article, first, *more],
            [{"ORTH": ","}, first, *more, {"LOWER": "en"}, first, *more],
            [{"ORTH": ","}, first, *more, {"LOWER": "en"}, link, article, first, *more],
        ]
        return [start + tail for start in starts for tail in joined]

    @staticmethod
    def _coordinated(doc: Doc) -> list[Span]:
        """The NER's entities, a body's span that joins two bodies by "en" split in two:
        "Stockholm Center for Freedom en Amnesty International", "House of Animals en RTÉ
        Investigates". The part after "en" opens with two capitalised words or a head word;
        names with "en" inside stay whole ("Centrum voor Wiskunde en Informatica", "Ministerie
        van Volkshuisvesting en Ruimtelijke Ordening": a portfolio runs over the "en")."""
        out: list[Span] = []
        heads = head_rules()
        for ent in doc.ents:
            body = ent.label_ == "ORG" or heads.kind_of(ent.text) == "organisation"
            joins = [t.i for t in ent[2:-1] if t.lower_ == "en"] if body else []
            k = joins[0] if joins else None
            if k is None or k + 2 > ent.end:
                out.append(ent)
                continue
            # "De Inspectie van het Onderwijs en de Inspectie JenV": past an article
            at = k + 2 if doc[k + 1].lower_ in {"de", "het"} and k + 2 < ent.end else k + 1
            first = doc[at]
            second = doc[at + 1] if at + 1 < ent.end else None
            named = second is not None and all(
                t.text[:1].isupper() and t.is_alpha for t in (first, second)
            )
            crosses = portfolio_across(ent.text, doc[k].idx - ent.start_char)
            if (named or heads.kind_of(first.text) == "organisation") and not crosses:
                out += [
                    Span(doc, ent.start, k, label="ORG"),
                    Span(doc, k + 1, ent.end, label="ORG"),
                ]
            else:
                out.append(ent)
        return out

    def _after_compound_head(self, doc: Doc) -> list[Span]:
        """ "het onderzoeksbureau Berenschot": capitalised words after a compound of a head
        that introduces a name ("-bureau"), the name without the descriptor."""
        found: list[Span] = []
        text = doc.text.lower()
        if not any(head in text for head in self.compound_heads):
            return found  # most paragraphs: no head at all
        heads = head_rules()
        for tok in doc[:-1]:
            if (
                not tok.is_alpha
                or tok.lower_ in heads.organisation.before  # the noun itself: self.matcher
                or heads.kind_before(tok.text) != "organisation"
                or not _name_word(doc[tok.i + 1])
            ):
                continue
            end = tok.i + 1
            while end < len(doc) and _name_word(doc[end]):
                end += 1
            found.append(Span(doc, tok.i + 1, end, label="ORG"))
        return found

    @staticmethod
    def _name_after_link(span: Span) -> str:
        links = head_rules().organisation.links
        k = next(i for i, t in enumerate(span) if t.lower_ in links)
        rest = span[k + 1 :]
        if rest[0].lower_ in ("de", "het"):
            rest = rest[1:]
        return rest.text

    def __call__(self, doc: Doc) -> Doc:
        rules = head_rules()
        ents = []
        instruments = []
        named = []
        for ent in self._coordinated(doc):
            before = rules.kind_before(doc[ent.start - 1].text) if ent.start > 0 else None
            kind = rules.kind_of(ent.text)
            if kind == "location" and label_rules().record_type(ent.label_) == "person":
                kind = None  # "Van der Meer" is a name, not a lake
            if before == "instrument":
                instruments.append(Span(doc, ent.start, ent.end, label="INSTRUMENT"))
                continue
            if kind == "instrument":
                named.append(ent)
                continue
            if before == "organisation" and doc[ent.start - 1].lower_ in rules.organisation.before:
                ent = Span(doc, ent.start - 1, ent.end, label="ORG")  # "stichting Kiem"
            elif before == "organisation":
                kind = "organisation"  # "onderzoeksbureau Ecorys": a descriptor, not the name
            elif before == "location" and kind is None:
                kind = "location"
            label = self._LABELS.get(kind or "")
            if label and label != ent.label_:
                ent = Span(doc, ent.start, ent.end, label=label)
            if ent.end < len(doc) and doc[ent.end].lower_ in self.forms:
                # "Van Oord Dredging B.V.": the legal form after a name makes it a company,
                # with the capitalised words before it ("Shell" of "Shell Nederland B.V.")
                start = ent.start
                while (
                    start > 0 and _name_word(doc[start - 1]) and (not ents or ents[-1].end < start)
                ):
                    start -= 1
                ent = Span(doc, start, ent.end + 1, label="ORG")
                if ents and ents[-1].end == ent.start and ents[-1].label_ == "ORG":
                    # "Shell" + "Nederland B.V.": the company's name ran on into a place
                    ents[-1] = Span(doc, ents[-1].start, ent.end, label="ORG")
                    continue
            ents.append(ent)
        taken = {t for e in ents for t in range(e.start - 1, e.end)}
        words = set(doc.to_array(LOWER).tolist())
        matched = self.matcher(doc, as_spans=True) if not words.isdisjoint(self.needed) else []
        matched += self._after_compound_head(doc)
        for span in filter_spans(matched):
            if not taken.intersection(range(span.start, span.end)):
                ents.append(span)
        places = self.places | {
            e.text for e in doc.ents if label_rules().record_type(e.label_) == "location"
        }
        headless = words.isdisjoint(self.needed_by_bodies)
        bodies = [
            b
            for b in filter_spans([] if headless else self.bodies(doc, as_spans=True))
            if self._name_after_link(b) not in places
        ]
        if bodies:  # a named body replaces the NER's pieces of it ("Financiën")
            held = {t for b in bodies for t in range(b.start, b.end)}
            ents = [e for e in ents if not held.intersection(range(e.start, e.end))] + bodies
        doc.ents = filter_spans(ents)
        if instruments:
            doc.spans[INSTRUMENTS] = instruments
        if named:
            doc.spans[NAMED_INSTRUMENTS] = named
        return doc


def _name_word(tok: Token) -> bool:
    """A capitalised word that may be part of a name: no function word ("De", "Het")."""
    return tok.is_title and tok.is_alpha and not tok.is_stop


def _hashes(nlp: Language, words: frozenset[str]) -> frozenset[int]:
    """The string store's hashes of ``words``, as ``Doc.to_array(LOWER)`` gives them."""
    return frozenset(nlp.vocab.strings[w] for w in words)


@Language.factory(NAME_HEADS)
def make_name_heads(nlp: Language, name: str) -> NameHeads:
    return NameHeads(nlp)


def portfolio_across(text: str, cut: int) -> bool:
    """Whether a ministry's portfolio in ``text`` runs over character ``cut`` (a joiner):
    "Ministerie van Volkshuisvesting en Ruimtelijke Ordening" is one body, not two."""
    return any(m.start() < cut < m.end() for m in portfolio_pattern().finditer(text))


@cache
def portfolio_pattern() -> re.Pattern[str]:
    """A ministry portfolio or its abbreviation as written, longest alternative first."""
    return re.compile("|".join(map(re.escape, sorted(portfolios(), key=len, reverse=True))))


@cache
def portfolios() -> tuple[str, ...]:
    """Ministry portfolios and their abbreviations ("Volksgezondheid, Welzijn en Sport", "VWS")."""
    offices = office_rules()
    found = set(offices.abbreviations.values()) | set(offices.portfolios_without_ministry)
    found |= offices.former_ministries
    for entry in gazetteer().organisations:
        if entry.kind == "ministry":
            found.add(entry.name.removeprefix("Ministerie van "))
            found.update(a for a in entry.aliases if "ministerie" not in a.lower())
    return tuple(sorted(found))


class PersonNames:
    """Marks person names after titles and names written with initials."""

    def __init__(self, rules: PersonRules, portfolio: re.Pattern[str]) -> None:
        self.rules = rules
        self.portfolio = portfolio
        # Titles by their first word, longest first: one dict lookup per token.
        self.titles: dict[str, list[tuple[str, ...]]] = {}
        # "prof. Koumans", "dr. Jansen": an academic title names a person too
        every = rules.titles | rules.list_titles | rules.forms_of_address | rules.academic
        for title in sorted((tuple(t.split()) for t in every), key=len, reverse=True):
            self.titles.setdefault(title[0], []).append(title)
        self._opens: dict[int, bool] = {}  # by ORTH: may the word open a title or a name

    def __call__(self, doc: Doc) -> Doc:
        known = {t for e in doc.ents if e.ent_id_ for t in range(e.start, e.end)}
        found: list[Span] = []
        after = 0  # a title or name found: the tokens before this are read
        orths = doc.to_array(ORTH).tolist()
        for i in self._openers(doc, orths):
            if i < after:
                continue
            token = doc[i]
            text, low = token.text, token.lower_
            title = self.title_at(doc, i) if "-" in text or low in self.titles else None
            if title is not None:
                end, is_list = title
                caps = all(t.text.isupper() for t in doc[i:end])  # "MOTIE VAN HET LID CEDER"
                found.extend(self.names_after(doc, end, several=is_list, known=known, caps=caps))
                after = end
                continue
            if (
                INITIALS.match(text)
                and not self._list_letter(doc, i)
                and not self._label_letter(doc, i)
            ):
                end = self.name_end(doc, i, known)
                if end is not None and end - i >= 2:
                    start = i - 1 if self._given_name_before(doc, i, known) else i
                    if found and found[-1].end > start:
                        start = i
                    found.append(Span(doc, start, end, label="PER", kb_id=RULE_PERSON))
                    after = end
                continue
            if low in self.rules.given_names and self._opens_a_name(doc, i, known):
                # a given name and a surname: "Sharon Dijksma", "Hugo de Jonge"; also before a
                # known person's surname: "Faissal Taghi" is not the "Taghi" the list knows
                people = (e for e in doc.ents if e.start == i + 1 and e.label_ == "PER")
                surname = next(people, None)
                end = surname.end if surname is not None else self.name_end(doc, i, known)
                size = self._particles_at(doc, i + 1)
                place = next((e for e in doc.ents if e.start == i + 1 + size), None)
                if size and place is not None and len(place) == 1 and place.label_ != "ORG":
                    end = place.end  # a place as a surname after its particle: "Sander van Delft"
                named = end is not None and end - i >= 2 and self._person_words(doc[i + 1 : end])
                if named and head_rules().kind_of(doc[i:end].text) is None:
                    found.append(Span(doc, i, end, label="PER", kb_id=RULE_PERSON))
                    after = end
        comma = doc.vocab.strings[","]
        commas = [i for i, orth in enumerate(orths) if orth == comma]
        found.extend(self.named_by_apposition(doc, known, commas))
        if found:
            _overwrite_ents(doc, filter_spans(found))
        return doc

    def _openers(self, doc: Doc, orths: list[int]) -> list[int]:
        """The tokens that may open a title or a name with initials: a title's first word,
        a word with a hyphen ("oud-minister", "PVV-leden"), initials. Read by each token's
        ORTH, the verdict kept per distinct word."""
        strings = doc.vocab.strings
        verdicts = self._opens
        if len(verdicts) > 500_000:  # a long batch: keep the memory bounded
            verdicts.clear()
        found = []
        for i, orth in enumerate(orths):
            verdict = verdicts.get(orth)
            if verdict is None:
                text = strings[orth]
                verdict = verdicts[orth] = (
                    "-" in text
                    or text.lower() in self.titles
                    or bool(INITIALS.match(text))
                    or text.lower() in self.rules.given_names
                )
            if verdict:
                found.append(i)
        return found

    def named_by_apposition(self, doc: Doc, known: set[int], commas: list[int]) -> list[Span]:
        """Entities, or two to four name words the NER missed, followed by ", CEO van ..." or
        ", directeur ...": persons, any label. ``commas``: the indices of the commas."""
        people = []
        for ent in doc.ents:
            after = ent.end
            if (
                2 <= len(ent) <= 4
                and not known.intersection(range(ent.start, ent.end))
                and after + 1 < len(doc)
                and doc[after].text == ","
                and doc[after + 1].lower_ in self.rules.apposition_roles
                and all(self._is_name_word(t) or t.lower_ in self.rules.particles for t in ent)
                and head_rules().kind_of(ent.text) is None
            ):
                people.append(Span(doc, ent.start, ent.end, label="PER", kb_id=RULE_PERSON))
        ends = {e.end for e in doc.ents}
        for k in commas:
            if (
                k in ends
                or k + 1 >= len(doc)
                or doc[k + 1].lower_ not in self.rules.apposition_roles
            ):
                continue
            start = k
            while (
                start > 0
                and k - start < 4
                and start - 1 not in known
                and not doc[start - 1].is_sent_start
                and (
                    self._is_name_word(doc[start - 1])
                    or (start < k and doc[start - 1].lower_ in self.rules.particles)
                )
            ):
                start -= 1
            if (  # the NER missed the name; a head word makes it a body ("Stichting ...")
                k - start >= 2
                and doc[start].is_title
                and head_rules().kind_of(doc[start:k].text) is None
            ):
                people.append(Span(doc, start, k, label="PER", kb_id=RULE_PERSON))
        return people

    @staticmethod
    def _opens_a_name(doc: Doc, i: int, known: set[int]) -> bool:
        """Whether the given name at token i opens a name of its own: written in title case,
        no part of a known entity or of a longer capitalised name before it ("Stichting Jan
        Smit"), nor of an entity the NER began before it."""
        token = doc[i]
        if not token.is_title or i in known:
            return False
        if any(e.start < i < e.end for e in doc.ents):
            return False
        before = doc[i - 1] if i else None
        if before is not None and before.lower_ in {"de", "het", "een"}:
            return False  # "de Karel Doorman" (a ship), "het Anne Frank Huis"
        return before is None or before.is_sent_start or not before.is_title or before.is_punct

    def _person_words(self, words: Span) -> bool:
        """Whether the words after a given name are a surname: none a place the gazetteer
        knows ("Frans Polynesië") nor ending like a street, building or prize ("Wim Kok
        Lezing", "Jan Pieterszoon Coenstraat")."""
        places = gazetteer().location_forms
        endings = self.rules.not_name_endings
        # the words before a particle: "Martin van Rijn", "Jan ten Huis" are names
        first = next((k for k, w in enumerate(words) if w.lower_ in self.rules.particles), None)
        return not any(w.text in places or w.lower_.endswith(endings) for w in words[:first])

    def _given_name_before(self, doc: Doc, i: int, known: set[int]) -> bool:
        """A given name written before the initials: "Alexandra C. van Huffelen"."""
        if i == 0 or i - 1 in known:
            return False
        token = doc[i - 1]
        return (
            token.pos_ in {"PROPN", "X", ""}  # "" without a tagger
            and token.is_title
            and token.is_alpha
            and token.lower_ not in self.rules.particles
            and self._is_name_word(token)
        )

    @staticmethod
    def _list_letter(doc: Doc, i: int) -> bool:
        # "B. Daarnaast ..." at the start of a line is a list item, not an initial.
        token = doc[i]
        return len(token.text) == 2 and (i == 0 or "\n" in doc[i - 1].text)

    def _label_letter(self, doc: Doc, i: int) -> bool:
        """Whether a letter and its stop end a sentence as a label, not an initial: before
        a function word ("een D of E. Bij ..."), after a label of its series ("D of E."), or
        between two nouns ("Nutri-Score D. Producten ...": the first may be a name that
        carries labels, when the second is plural)."""
        token = doc[i]
        if len(token.text) != 2 or i + 1 >= len(doc):
            return False
        after = doc[i + 1]
        if after.lower_ in word_rules().glue_words and after.lower_ not in self.rules.particles:
            return True
        before = doc[i - 1] if i > 0 else None
        if before is None:
            return False
        if before.lower_ in {"of", "en", "tot"} and i > 1 and len(doc[i - 2].text) == 1:
            return doc[i - 2].text.isupper()
        # a name that carries labels ("Nutri-Score", "Euro-6"), then a plural common noun:
        # no surname ("Willem J. Vissers" is one, though the tagger may call it plural)
        labelled = (
            before.pos_ == "PROPN"
            and not before.ent_type_  # no name the NER found ("Jan-Willem J. Vissers")
            and ("-" in before.text or any(map(str.isdigit, before.text)))
            and after.pos_ == "NOUN"
            and "Plur" in after.morph.get("Number")
        )
        return (
            (before.pos_ == "NOUN" or labelled)
            and before.lower_ not in self.rules.titles
            and before.lower_ not in self.titles
            and after.pos_ == "NOUN"
        )

    def title_at(self, doc: Doc, i: int) -> tuple[int, bool] | None:
        """(index after the title, whether it introduces a list) for a title at token i."""
        for title in self.titles.get(doc[i].lower_, ()):
            end = i + len(title)
            if end <= len(doc) and all(doc[i + k].lower_ == word for k, word in enumerate(title)):
                return end, " ".join(title) in self.rules.list_titles
        # a party joined to the title: "de PVV-leden Wilders en Bosma", "CDA-Kamerlid Omtzigt"
        party, dash, title = doc[i].text.rpartition("-")
        # a former or a body's office: "oud-minister Hoekstra", "EU-commissaris Timmermans"
        former = party.lower() in self.rules.title_prefixes or party.isupper()
        if dash and former and title.lower() in self.rules.titles:
            return i + 1, False
        if dash and party[:1].isupper() and title.lower() in self.rules.list_titles:
            return i + 1, True
        if dash and party[:1].isupper() and title.lower() in self.rules.party_joined_titles:
            return i + 1, False
        return None

    def names_after(
        self, doc: Doc, start: int, *, several: bool, known: set[int], caps: bool = False
    ) -> list[Span]:
        """The name after a title at ``start``; after a list title, all names of the list."""
        names: list[Span] = []
        i = start
        while i < len(doc) and doc[i].lower_ in self.rules.academic:
            i += 1
        if several and i < len(doc) and doc[i].text == ":":  # "Leden: Van Dis (SGP), ..."
            i += 1
        party = None
        listed = 0  # members found with their party in brackets
        while True:
            end = self.name_end(doc, i, known, caps=caps)
            if end is None and party is not None:  # "(VVD) voorzitter. Van Muiden (CDA)"
                i = self._next_member(doc, i, known, caps=caps) or i
                end = self.name_end(doc, i, known, caps=caps)
            if end is None:
                return names
            names.append(Span(doc, i, end, label="PER", kb_id=RULE_PERSON))
            i = end
            if not several:
                return names
            party = self._bracket_end(doc, i)
            if i < len(doc) and doc[i].text == "(":
                if party is None:
                    return names
                i = party
                listed += 1
            if i + 1 < len(doc) and doc[i].lower_ in {",", "en"}:
                i += 1
            elif party is None:
                # OCR noise inside a long list ("Rosen möller (GroenLinks)", "Van Otterloo
                # JPvdA)"): the list goes on at the next "Name (Party)" after a comma
                resumed = self._resume_list(doc, i, known, caps=caps) if listed >= 2 else None
                if resumed is None:
                    return names
                i = resumed

    @staticmethod
    def _bracket_end(doc: Doc, i: int) -> int | None:
        """The index after the ")" of a bracket at token i ("(VVD)"), None if none is there."""
        if i >= len(doc) or doc[i].text != "(":
            return None
        return next((k + 1 for k in range(i, min(i + 12, len(doc))) if doc[k].text == ")"), None)

    def _resume_list(self, doc: Doc, i: int, known: set[int], *, caps: bool) -> int | None:
        """The next member of a list of "Name (Party)" after the next comma, a few tokens on."""
        for j in range(i, min(i + _RESUME_WINDOW, len(doc) - 1)):
            if doc[j].text != ",":
                continue
            end = self.name_end(doc, j + 1, known, caps=caps)
            if end is not None and self._bracket_end(doc, end) is not None:
                return j + 1
            return None
        return None

    def _next_member(self, doc: Doc, i: int, known: set[int], *, caps: bool) -> int | None:
        """Where the next member of a list of "Name (Party)" starts after role words.

        "Van Erp (VVD) voorzitter. Van Muiden (CDA), ondervoorzitter. Groenman (D66)":
        a few lower-case words and punctuation, then a name with its party in brackets.
        """
        j = i
        while j < len(doc) and j - i < _LIST_GAP and (doc[j].is_lower or doc[j].text in ",."):
            j += 1
        if j >= len(doc) or not any(t.text in ",." for t in doc[i:j]):
            return None  # "(SP) over de Raad van State (RvS)" goes on with the sentence
        end = self.name_end(doc, j, known, caps=caps)
        return j if end is not None and self._bracket_end(doc, end) is not None else None

    def _is_name_word(self, token: Token, *, caps: bool = False) -> bool:
        text = token.text
        if INITIALS.match(text):
            return True
        return (
            text[:1].isupper()
            and (not text.isupper() or (caps and text.lower() not in self.rules.particles))
            and text.lower() not in self.rules.titles
            and all(c.isalpha() or c in "-'’" for c in text)
        )

    def _hyphen_joins(self, doc: Doc, i: int) -> bool:
        """Whether the hyphen at token i joins two parts of one surname, spaced on both sides."""
        if i + 1 >= len(doc) or not doc[i - 1].whitespace_ or not doc[i].whitespace_:
            return False
        after = doc[i + 1]
        return after.text[:1].isupper() and (
            self._is_name_word(after) or after.lower_ in self.rules.particles
        )

    def _starts_portfolio(self, doc: Doc, i: int) -> bool:
        # A span's text is built from its own tokens only (Doc.text is the whole doc).
        return self.portfolio.match(doc[i : i + _PORTFOLIO_TOKENS].text) is not None

    def _particles_at(self, doc: Doc, i: int) -> int:
        """The number of tokens of a tussenvoegsel ("van der") at token i, 0 if none."""
        for sequence in self.rules.particle_sequences:
            end = i + len(sequence)
            if end <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(sequence)):
                return len(sequence)
        return 0

    def name_end(self, doc: Doc, start: int, known: set[int], *, caps: bool = False) -> int | None:
        """The end of a person name that starts at ``start``, or None if none starts there."""
        end = None
        i = start
        had_particles = False  # a name has one tussenvoegsel: "Karin van Dijk van Forcare"
        # Initials do not count towards the length: "A. P. J. M. M. van der Stee".
        limit = start + _MAX_NAME_TOKENS
        while limit < len(doc) and INITIALS.match(doc[limit - _MAX_NAME_TOKENS].text):
            limit += 1
        while i < len(doc) and i < limit and i not in known:
            if self._is_name_word(doc[i], caps=caps):
                if i == start and self._starts_portfolio(doc, i):
                    return None
                end = i + 1
                i += 1
                continue
            if end is not None and doc[i].text in {"-", "–"} and self._hyphen_joins(doc, i):
                i += 1  # a double surname with a spaced hyphen: "Faber - Van de Klashorst"
                had_particles = False
                continue
            size = self._particles_at(doc, i) if end is not None and not had_particles else 0
            if end is not None and doc[i].lower_ in self.rules.noble_particles:
                size = 1  # a second particle of a noble name: "van Voorst tot Voorst"
            had_particles = True
            after = i + size
            if not size or after >= len(doc) or not self._is_name_word(doc[after], caps=caps):
                break
            if self._starts_portfolio(doc, after):
                break
            i = after
        if end is None:
            return None
        # A name is more than particles and initials alone.
        particles = self.rules.particles
        words = [t for t in doc[start:end] if t.lower_ not in particles]
        if not words or all(INITIALS.match(t.text) for t in words):
            return None
        return end


class Offices:
    """Removes entities inside an office ("Staatssecretaris van Financiën").

    Also the portfolio in brackets after a minister's name, as answers to
    Kamervragen write it: "Minister Hermans (Klimaat en Groene Groei)".
    """

    def __init__(self, nlp: Language, portfolios: tuple[str, ...]) -> None:
        # Longest first; words may be wrapped onto the next line.
        alternatives = sorted(portfolios, key=len, reverse=True)
        self.portfolio = re.compile(
            "|".join(r"\s+".join(map(re.escape, p.split())) for p in alternatives), re.IGNORECASE
        )
        self.links = _hashes(nlp, frozenset({"van", "voor", "("}))
        self.titles = _hashes(nlp, person_rules().office_titles)

    def __call__(self, doc: Doc) -> Doc:
        inside: set[int] = set()
        lows = doc.to_array(LOWER).tolist()
        text = ""  # read when first needed: Doc.text is rebuilt on every access
        for i in range(1, len(lows) - 1):
            # "Minister van X", "Minister Edith Schippers van X", "Minister Hermans (X)"
            if lows[i] not in self.links or self.titles.isdisjoint(lows[max(0, i - 5) : i]):
                continue
            token = doc[i]
            text = text or doc.text
            start = token.idx + len(token.text)
            start += len(text[start:]) - len(text[start:].lstrip())
            portfolio = self.portfolio.match(text, start)
            if portfolio is None:
                continue
            end = portfolio.end()
            # "de Ministers van Sociale Zaken en Werkgelegenheid en van Volksgezondheid, ..."
            while (more := _ANOTHER_PORTFOLIO.match(text, end)) and (
                portfolio := self.portfolio.match(text, more.end())
            ):
                end = portfolio.end()
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                inside.update(range(token.i, span.end))
        if inside:
            doc.ents = [e for e in doc.ents if not inside.intersection(range(e.start, e.end))]
        return doc


@Language.factory(OFFICES)
def make_offices(nlp: Language, name: str) -> Offices:
    return Offices(nlp, portfolios())


@Language.factory(PERSON_NAMES)
def make_person_names(nlp: Language, name: str) -> PersonNames:
    return PersonNames(person_rules(), portfolio_pattern())
