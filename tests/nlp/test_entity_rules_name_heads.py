"""The name-heads component types the NER's entities by their head words (data/heads.json)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from kamerbrief.nlp.entity_rules import NameHeads


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Stichting Kiem", "PER", "ORG"),
        ("Gemengde Economische Commissie", "PER", "ORG"),
        ("IJsselmeergebied", "MISC", "LOC"),
        ("Kaderrichtlijn Water", "ORG", None),
        ("Nationaal Programma Circulaire Economie", "MISC", None),
        # must not fire: a surname that ends like a lake, a plain name
        ("Van der Meer", "PER", "PER"),
        ("Karin Jansen", "PER", "PER"),
    ],
)
def test_name_heads_component(text: str, label: str, expected: str | None) -> None:
    nlp = spacy.blank("nl")
    doc = nlp(f"Wij spraken met {text} gisteren.")
    start = 3
    doc.ents = [Span(doc, start, start + len(nlp.make_doc(text)), label=label)]
    doc = NameHeads(nlp)(doc)
    assert [e.label_ for e in doc.ents] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wij spraken met Shell B.V. gisteren.", ["Shell B.V."]),
        ("Het contract met Nederlandse Aardolie Maatschappij B.V. loopt af.",
         ["Nederlandse Aardolie Maatschappij B.V."]),
        ("De overeenkomst met Acme Ltd. is getekend.", ["Acme Ltd."]),
        # must not fire: no legal form, or a legal form without a name before it
        ("Wij spraken met Shell gisteren.", []),
        ("Een b.v. of een n.v. is een rechtsvorm.", []),
    ],
)  # fmt: skip
def test_a_company_is_found_by_its_legal_form(text: str, expected: list[str]) -> None:
    nlp = spacy.blank("nl")
    doc = NameHeads(nlp)(nlp(text))
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == expected
