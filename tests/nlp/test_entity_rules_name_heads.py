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
