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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De vaste commissie voor Koninkrijksrelaties heeft mij om een reactie gevraagd.",
         ["vaste commissie voor Koninkrijksrelaties"]),
        ("Het verslag van de vaste Commissie voor Onderwijs, Cultuur en Wetenschappen volgt.",
         ["vaste Commissie voor Onderwijs, Cultuur en Wetenschappen"]),
        ("Het verslag van de Commissie voor Milieuhygiëne en voor Landbouw is ontvangen.",
         ["Commissie voor Milieuhygiëne en voor Landbouw"]),
        ("Het Centrum voor Wiskunde en Informatica doet onderzoek.",
         ["Centrum voor Wiskunde en Informatica"]),
        ("Ik heb de Raad voor Cultuur om advies gevraagd.", ["Raad voor Cultuur"]),
        # a joined part that starts with an office is no part of the name
        ("De vaste commissie voor Financiën en de Minister van Financiën overlegden.",
         ["vaste commissie voor Financiën"]),
        # must not fire: a head in lower case without a qualifier, no capitalised name,
        # a body for a place
        ("De commissie voor de toetsing stuurt haar advies.", []),
        ("Het geld gaat naar het fonds voor Nederland.", []),
        ("Ik bied een ontwerp aan voor een Medisch Centrum voor Kazan.", []),
    ],
)  # fmt: skip
def test_a_body_is_named_by_head_link_and_capitalised_words(text: str, expected: list[str]) -> None:
    nlp = spacy.blank("nl")
    doc = nlp(text)
    if "Kazan" in text:  # the NER's place
        k = next(t.i for t in doc if t.text == "Kazan")
        doc.ents = [Span(doc, k, k + 1, label="LOC")]
    doc = NameHeads(nlp)(doc)
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        # the NER's name, with the legal form after it, is a company
        ("Wij spraken met Boskalis N.V. gisteren.", "LOC", [("Boskalis N.V.", "ORG")]),
        ("Wij spraken met Van Oord Dredging B.V. gisteren.", "PER",
         [("Van Oord Dredging B.V.", "ORG")]),
        # a compound of "bureau" before the name: a body, the descriptor not part of its name
        ("Wij spraken met Onderzoeksbureau Significant gisteren.", "LOC",
         [("Significant", "ORG")]),
        ("Wij spraken met het adviesbureau Significant gisteren.", "LOC",
         [("Significant", "ORG")]),
        # must not fire: no legal form after the name; a word that only ends like one
        ("Wij spraken met Boskalis gisteren.", "LOC", [("Boskalis", "LOC")]),
        ("Wij spraken met Karin Jansen gisteren.", "PER", [("Karin Jansen", "PER")]),
        ("Wij spraken met Museum Significant gisteren.", "LOC", [("Significant", "LOC")]),
    ],
)  # fmt: skip
def test_legal_forms_and_bureaus_type_the_ners_names(
    text: str, label: str, expected: list[tuple[str, str]]
) -> None:
    nlp = spacy.blank("nl")
    doc = nlp(text)
    name = text.removeprefix("Wij spraken met ").removesuffix(" gisteren.")
    for head in ("Onderzoeksbureau ", "het adviesbureau ", "Museum "):
        name = name.removeprefix(head)
    for form in (" N.V.", " B.V."):
        name = name.removesuffix(form)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label=label)]
    doc = NameHeads(nlp)(doc)
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_two_bodies_the_ner_read_as_one_place_are_split() -> None:
    """The NER's "Stichting Kiem en Stichting Boog" as a place: a body by its head word, and
    the "en" joins two bodies, as it would in an organisation's span."""
    nlp = spacy.blank("nl")
    doc = nlp("Wij spraken met Stichting Kiem en Stichting Boog gisteren.")
    doc.ents = [Span(doc, 3, 8, label="LOC")]
    doc = NameHeads(nlp)(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Stichting Kiem", "ORG"),
        ("Stichting Boog", "ORG"),
    ]


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        # the NER saw a place in the company's name: the capitalised words before it and
        # the legal form after it are the company
        ("Shell Nederland B.V. heeft een vergunning aangevraagd.", "Nederland",
         ["Shell Nederland B.V."]),
        ("Wij spraken met Boskalis Nederland B.V. gisteren.", "Nederland",
         ["Boskalis Nederland B.V."]),
        # a function word before the place is no part of the name
        ("In Nederland B.V. wordt de vestiging gevestigd.", "Nederland", ["Nederland B.V."]),
    ],
)  # fmt: skip
def test_a_company_named_after_a_place(text: str, place: str, expected: list[str]) -> None:
    nlp = spacy.blank("nl")
    doc = nlp(text)
    start = text.index(place)
    doc.ents = [doc.char_span(start, start + len(place), label="LOC")]
    doc = NameHeads(nlp)(doc)
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compound of a head that introduces a name, where the NER found no name
        ("Het onderzoeksbureau Berenschot heeft het rapport opgesteld.", ["Berenschot"]),
        ("Volgens het adviesbureau Andersson Elffers Felix is de aanpak goed.",
         ["Andersson Elffers Felix"]),
        # must not fire: no capitalised name after it, or a function word
        ("Het ingenieursbureau van de gemeente heeft een plan gemaakt.", []),
        ("Het onderzoeksbureau In opdracht van de minister werkt.", []),
    ],
)  # fmt: skip
def test_a_name_after_a_compound_head(text: str, expected: list[str]) -> None:
    nlp = spacy.blank("nl")
    doc = NameHeads(nlp)(nlp(text))
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == expected
