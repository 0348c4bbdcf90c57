"""kamerbrief's entity rules as spaCy components, run after the statistical NER.

- ``kamerbrief_gazetteer``: an EntityRuler loaded with the known organisations and
  locations (data/organisations.json, data/locations.json); its matches win over
  the NER and carry the canonical name as ``ent_id_``.
- ``kamerbrief_offices``: "de Minister van Volksgezondheid, Welzijn en Sport" is
  an office, not an organisation: entities inside the portfolio are removed.
- ``kamerbrief_person_names``: names after a title or form of address
  ("Minister Schippers", "het lid Van Eijk en Aartsen (beiden VVD)") and names
  with initials ("E.I. Schippers"); the title stays outside the entity.

Both emit the labels PER, ORG and LOC, which data/labels.json maps to record
types for either pipeline.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kamerbrief.rules import PersonRules, gazetteer, person_rules

GAZETTEER = "kamerbrief_gazetteer"
OFFICES = "kamerbrief_offices"
PERSON_NAMES = "kamerbrief_person_names"
_OFFICE_TITLES = frozenset(
    {
        "minister",
        "ministers",
        "staatssecretaris",
        "staatssecretarissen",
        "bewindspersoon",
        "bewindspersonen",
        "vice-minister",
        "minister-president",
    }
)

_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$")  # "E.", "E.I.", "Th."
_MAX_NAME_TOKENS = 6


@Language.factory(GAZETTEER)
def make_gazetteer(nlp: Language, name: str) -> EntityRuler:
    """An EntityRuler with the gazetteer's names, case-sensitive, overwriting the NER."""
    ruler = EntityRuler(nlp, name, phrase_matcher_attr="ORTH", overwrite_ents=True)
    data = gazetteer()
    patterns = [
        {"label": label, "pattern": form, "id": entry.name}
        for label, entries in (("ORG", data.organisations), ("LOC", data.locations))
        for entry in entries
        for form in entry.forms
    ]
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    return ruler


@cache
def portfolios() -> tuple[str, ...]:
    """Ministry portfolios and their abbreviations ("Volksgezondheid, Welzijn en Sport", "VWS")."""
    found = set()
    for entry in gazetteer().organisations:
        if entry.kind == "ministry":
            found.add(entry.name.removeprefix("Ministerie van "))
            found.update(a for a in entry.aliases if "ministerie" not in a.lower())
    return tuple(sorted(found))


class PersonNames:
    """Marks person names after titles and names written with initials."""

    def __init__(self, rules: PersonRules, portfolios: tuple[str, ...]) -> None:
        self.rules = rules
        self.portfolios = portfolios
        self.titles = sorted(
            (tuple(t.split()) for t in rules.titles | rules.list_titles | rules.forms_of_address),
            key=len,
            reverse=True,
        )

    def __call__(self, doc: Doc) -> Doc:
        known = {t for e in doc.ents if e.ent_id_ for t in range(e.start, e.end)}
        found: list[Span] = []
        i = 0
        while i < len(doc):
            title = self.title_at(doc, i)
            if title is not None:
                end, is_list = title
                found.extend(self.names_after(doc, end, several=is_list, known=known))
                i = end
                continue
            if _INITIALS.match(doc[i].text) and self._capital_after(doc, i):
                end = self.name_end(doc, i, known)
                if end is not None and end - i >= 2:
                    found.append(Span(doc, i, end, label="PER"))
                    i = end
                    continue
            i += 1
        if found:
            ours = filter_spans(found)
            taken = {t for span in ours for t in range(span.start, span.end)}
            rest = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
            doc.ents = sorted([*ours, *rest], key=lambda s: s.start)
        return doc

    @staticmethod
    def _capital_after(doc: Doc, i: int) -> bool:
        # "E.I. Schippers" starts a name; "a." in a list or "nr." does not.
        return i + 1 < len(doc) and doc[i + 1].text[:1].isupper()

    def title_at(self, doc: Doc, i: int) -> tuple[int, bool] | None:
        """(index after the title, whether it introduces a list) for a title at token i."""
        for title in self.titles:
            end = i + len(title)
            if end <= len(doc) and all(doc[i + k].lower_ == word for k, word in enumerate(title)):
                return end, " ".join(title) in self.rules.list_titles
        return None

    def names_after(self, doc: Doc, start: int, *, several: bool, known: set[int]) -> list[Span]:
        """The name after a title at ``start``; after a list title, all names of the list."""
        names: list[Span] = []
        i = start
        while i < len(doc) and doc[i].lower_ in self.rules.academic:
            i += 1
        while True:
            end = self.name_end(doc, i, known)
            if end is None:
                return names
            names.append(Span(doc, i, end, label="PER"))
            i = end
            if not several:
                return names
            if i < len(doc) and doc[i].text == "(":
                close = next(
                    (k for k in range(i, min(i + 12, len(doc))) if doc[k].text == ")"), None
                )
                if close is None:
                    return names
                i = close + 1
            if i + 1 < len(doc) and doc[i].lower_ in {",", "en"}:
                i += 1
                continue
            return names

    def _is_name_word(self, token: Token) -> bool:
        text = token.text
        if _INITIALS.match(text):
            return True
        return (
            text[:1].isupper()
            and not text.isupper()
            and text.lower() not in self.rules.titles
            and all(c.isalpha() or c in "-'’" for c in text)
        )

    def _starts_portfolio(self, doc: Doc, i: int) -> bool:
        rest = doc.text[doc[i].idx : doc[i].idx + 80]
        return any(rest.startswith(p) for p in self.portfolios)

    def name_end(self, doc: Doc, start: int, known: set[int]) -> int | None:
        """The end of a person name that starts at ``start``, or None if none starts there."""
        particles = self.rules.particles
        end = None
        i = start
        while i < len(doc) and i - start < _MAX_NAME_TOKENS and i not in known:
            token = doc[i]
            if self._is_name_word(token):
                if i == start and self._starts_portfolio(doc, i):
                    return None
                end = i + 1
            elif not (token.lower_ in particles and end is not None):
                break
            elif i + 1 < len(doc) and self._starts_portfolio(doc, i + 1):
                break
            i += 1
        if end is None:
            return None
        # A name is more than particles and initials alone.
        words = [t for t in doc[start:end] if t.lower_ not in particles]
        if not words or all(_INITIALS.match(t.text) for t in words):
            return None
        return end


class Offices:
    """Removes entities inside an office ("Staatssecretaris van Financiën")."""

    def __init__(self, portfolios: tuple[str, ...]) -> None:
        self.portfolios = sorted((p.lower() for p in portfolios), key=len, reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        inside: set[int] = set()
        for token in doc[1:-1]:
            # "Minister van X", also "Minister Edith Schippers van X"
            if token.lower_ not in {"van", "voor"}:
                continue
            title = next(
                (t.i for t in doc[max(0, token.i - 5) : token.i] if t.lower_ in _OFFICE_TITLES),
                None,
            )
            if title is None:
                continue
            start = token.idx + len(token.text) + 1
            rest = doc.text[start : start + 80].lower()
            portfolio = next((p for p in self.portfolios if rest.startswith(p)), None)
            if portfolio is None:
                continue
            span = doc.char_span(start, start + len(portfolio), alignment_mode="expand")
            if span is not None:
                inside.update(range(token.i, span.end))
        if inside:
            doc.ents = [e for e in doc.ents if not inside.intersection(range(e.start, e.end))]
        return doc


@Language.factory(OFFICES)
def make_offices(nlp: Language, name: str) -> Offices:
    return Offices(portfolios())


@Language.factory(PERSON_NAMES)
def make_person_names(nlp: Language, name: str) -> PersonNames:
    return PersonNames(person_rules(), portfolios())
