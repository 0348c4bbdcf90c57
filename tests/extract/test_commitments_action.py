"""The action of a commitment: the promised act as a readable clause, and its short form."""

from __future__ import annotations

import pytest

from kamerbrief.extract.commitments import short_action

LETTER = (
    "Geachte voorzitter,\n\n{body}\n\n"
    "De Minister van Sociale Zaken en Werkgelegenheid,\n\nY.J. van Hijum\n"
)


@pytest.fixture(scope="module")
def commitments(bundled_extractor):
    def run(body: str):
        record = bundled_extractor.from_bytes(LETTER.format(body=body).encode(), "brief.txt")
        for c in record.commitments:
            assert record.text[c.start : c.end] == c.text
        return record.commitments

    return run


@pytest.mark.parametrize(
    ("body", "action"),
    [
        # the particle stays with its verb, the connective goes (an effort is a promise
        # only when dated)
        ("UWV zet dit najaar om die reden extra in op de scholing van verzekeringsartsen.",
         "UWV zet dit najaar extra in op de scholing van verzekeringsartsen"),
        # a fronted phrase follows the subject and its verb
        ("Samen met de provincies werken we toe naar een robuuste drinkwatervoorziening.",
         "we werken samen met de provincies toe naar een robuuste drinkwatervoorziening"),
        # "Daarom" goes, the clause of contrast after ", maar" is cut off
        ("Daarom zal ik de Kamer voor de zomer informeren over de uitkomsten, maar de gesprekken"
         " met de sector lopen nog.",
         "ik zal de Kamer voor de zomer informeren over de uitkomsten"),
        # the purpose clause is part of the act
        ("Het kabinet zal de regeling in 2026 evalueren om te bezien of de doelen worden gehaald.",
         "Het kabinet zal de regeling in 2026 evalueren om te bezien of de doelen worden gehaald"),
        # a fronted subordinate clause is no part of the act
        ("Wanneer het onderzoek is afgerond zal ik uw Kamer informeren over de uitkomsten.",
         "ik zal uw Kamer informeren over de uitkomsten"),
        # a subject of two ("... willen de jeugdzorg toegankelijk houden" is an aim, no act)
        ("De Minister van VWS en ik willen de regeling voor jeugdzorg in 2025 evalueren.",
         "De Minister van VWS en ik willen de regeling voor jeugdzorg in 2025 evalueren"),
        # ... but not a clause before "en"
        ("Op 26 september vindt een bijeenkomst plaats en ik verwacht uw Kamer dit najaar te"
         " informeren.", "ik verwacht uw Kamer dit najaar te informeren"),
        # a clause inserted after the verb is no part of the act; the act goes on after it
        ("Daarom ga ik, zoals ook blijkt uit mijn antwoord op vraag 4, de komende tijd in gesprek"
         " met de NOvA.", "ik ga de komende tijd in gesprek met de NOvA"),
        # "en" and a verb without subject begin a new clause
        ("Ik zal deze uitleg blijven benadrukken en is ook onderdeel van de communicatieleidraad.",
         "Ik zal deze uitleg blijven benadrukken"),
        # what was promised, after "heeft toegezegd"
        ("Ik heb toegezegd dat de Belastingdienst de brieven aan ouders vereenvoudigt.",
         "de Belastingdienst de brieven aan ouders vereenvoudigt"),
    ],
)  # fmt: skip
def test_the_action_is_the_clause_with_subject_and_verb(commitments, body, action) -> None:
    found = commitments(body)
    assert [c.action for c in found] == [action]


@pytest.mark.parametrize(
    "body",
    [
        "UWV start een vervolgonderzoek naar de beoordeling van post-COVID.",
        "Daarom zet ik dit najaar in op betere voorlichting aan werkgevers.",
        "Op basis hiervan bekijk ik samen met UWV of een vervolgactie nodig is.",
    ],
)
def test_the_action_never_starts_after_its_verb(commitments, body) -> None:
    (found,) = commitments(body)
    words = found.action.split()
    assert words[0] in {"UWV", "ik"}  # the subject as written, then its verb
    assert words[1] in {"start", "zet", "bekijk"}


@pytest.mark.parametrize(
    ("body", "action"),
    [
        ("Conform mijn toezegging in het commissiedebat van 4 juli jl. stuur ik u bijgaand het"
         " overzicht van de uitgaven toe.", "ik stuur u bijgaand het overzicht van de uitgaven toe"),
        ("Zoals toegezegd tijdens het debat over de begroting, informeer ik u hierbij over de"
         " stand van zaken.", "ik informeer u over de stand van zaken"),
        # the "ik" of the relative clause is not the main clause's subject
        ("Ter voldoening aan de toezegging die ik tijdens het debat van 22 september 1988 heb"
         " gedaan, doe ik u hierbij een notitie toekomen.", "ik doe u een notitie toekomen"),
    ],
)  # fmt: skip
def test_a_kept_promise_acts_in_its_main_clause_not_its_opener(commitments, body, action) -> None:
    (found,) = commitments(body)
    assert found.status == "fulfilled"
    assert found.action == action


def test_a_kept_promise_without_own_clause_keeps_the_sentence(commitments) -> None:
    # no "ik"/"we" with a verb: nothing to cut the act from, the sentence stays whole
    (found,) = commitments("Hiermee is uitvoering gegeven aan de motie van het lid Omtzigt.")
    assert found.status == "fulfilled"
    assert found.action == "Hiermee is uitvoering gegeven aan de motie van het lid Omtzigt"


def test_a_sentence_first_word_moved_inside_the_clause_is_lower_case(commitments) -> None:
    (found,) = commitments("Op basis hiervan bekijk ik samen met UWV of een vervolgactie nodig is.")
    assert found.action == "ik bekijk op basis hiervan samen met UWV of een vervolgactie nodig is"


def test_short_form_is_cut_at_a_clause_boundary_never_inside_a_word() -> None:
    action = (
        "ik zal samen met de gemeenten, de provincies en de waterschappen de regeling voor het"
        " herstel van de bodem in het veenweidegebied uitwerken en daarbij de gevolgen voor de"
        " landbouw en de natuur betrekken zodat de doelen voor 2030 worden gehaald"
    )
    short = short_action(action, 25)
    assert short is not None and len(short.split()) <= 25
    assert action.startswith(short)
    assert action[len(short)] in " ,"  # a whole word
    assert short.endswith("uitwerken")  # before "en daarbij ...": a clause boundary
    longer = (
        "ik ga de komende tijd graag in gesprek met de sector over de knelpunten, de oplossingen"
        " en de kosten van de afvoer van rookgassen en de gevolgen voor de eigenaars van flats"
    )
    assert short_action(longer, 25).endswith("over de knelpunten")  # a comma before an "en"
    assert short_action("ik zal de Kamer informeren", 25) == "ik zal de Kamer informeren"
    assert short_action(None, 25) is None


def test_the_record_carries_the_short_form(commitments) -> None:
    (found,) = commitments("Ik zal de Kamer voor de zomer informeren over de evaluatie.")
    assert (
        found.action_short
        == found.action
        == "Ik zal de Kamer voor de zomer informeren over de evaluatie"
    )


def test_short_form_keeps_the_particle_of_a_separable_verb(commitments) -> None:
    body = (
        "We werken maatregelen voor het beheer van landbouwgronden op het gebied van materieel,"
        " nutriënten, gewasbeschermingsmiddelen, drainage, beregening, vruchtwisseling en de"
        " inzet van groenbemesters samen met de provincies en de waterschappen uit."
    )
    (found,) = commitments(body)
    assert found.action.endswith(" uit")
    assert found.action_short.endswith(" … uit")
    assert len(found.action_short.split()) <= 26  # 23 words, the ellipsis and the particle
    assert short_action("ik werk " + "x " * 30 + "uit", 25, "uit").endswith("… uit")


@pytest.mark.parametrize(
    ("body", "action"),
    [
        # "en" and a main clause with a subject of its own end the act
        ("Het kabinet blijft de zorgen uitdragen in Europees verband en de Europese Commissie"
         " brengt dit steeds op in contacten met de landen.",
         "Het kabinet blijft de zorgen uitdragen in Europees verband"),
        ("Ik heb de bereidheid uitgesproken mijn reisagenda hierop af te stemmen en vanuit EZ"
         " wordt bijvoorbeeld nagegaan hoe de regelgeving kan helpen.",
         "mijn reisagenda hierop af te stemmen"),
        # ... but a verb that shares the subject, or the auxiliary, goes on with the act
        ("We maken na de zomer de balans op en besluiten of het project doorgaat.",
         "We maken na de zomer de balans op en besluiten of het project doorgaat"),
        ("Ik zal de regeling evalueren en de sector raadplegen.",
         "Ik zal de regeling evalueren en de sector raadplegen"),
        ("Ik zal het rapport voorzien van mijn reactie en met uw Kamer delen.",
         "Ik zal het rapport voorzien van mijn reactie en met uw Kamer delen"),
        ("Ik zal de regeling evalueren en de resultaten delen met de Kamer.",
         "Ik zal de regeling evalueren en de resultaten delen met de Kamer"),
        ("Ik zal bekijken hoe de regeling werkt en welke knelpunten er zijn.",
         "Ik zal bekijken hoe de regeling werkt en welke knelpunten er zijn"),
        # what was promised, after "werd toegezegd" or "heeft aangegeven", as a te-clause
        ("Door mij werd toegezegd over dit onderwerp met betrokkenen nader overleg te voeren.",
         "over dit onderwerp met betrokkenen nader overleg te voeren"),
        ("In het debat heb ik toegezegd de Kamer voor de zomer te informeren over de uitkomsten.",
         "de Kamer voor de zomer te informeren over de uitkomsten"),
        ("Ik heb eerder aangegeven de regeling te willen evalueren.",
         "de regeling te willen evalueren"),
        # a remark between commas inside the act is left out; the act goes on after it
        ("Ik zal uw Kamer, zoals toegezegd, voor de zomer informeren.",
         "Ik zal uw Kamer voor de zomer informeren"),
        ("Ik zal de regeling, zoals toegezegd, in 2025 evalueren.",
         "Ik zal de regeling in 2025 evalueren"),
        # ... but a remark at the end ends it
        ("Ik zal uw Kamer informeren over de uitkomsten, zoals ook blijkt uit de brief van de VNG.",
         "Ik zal uw Kamer informeren over de uitkomsten"),
        # ... but a participle before its noun is no promise said
        ("Ik zal de in de brief aangegeven maatregelen uitwerken om de kosten te beperken.",
         "Ik zal de in de brief aangegeven maatregelen uitwerken om de kosten te beperken"),
    ],
)  # fmt: skip
def test_the_action_ends_where_another_clause_begins(commitments, body, action) -> None:
    assert [c.action for c in commitments(body)] == [action]


def test_words_glued_in_the_letter_stand_apart_in_the_action(commitments) -> None:
    # the glue repair split "hetkabinet" and "ditnajaar" into two tokens each, without a
    # space between them in the letter; the action prints them apart
    body = (
        "Het kabinet zal de Kamer informeren. Ook hetkabinet zal de regeling ditnajaar"
        " evalueren, en het kabinet zal dit najaar de Kamer informeren."
    )
    actions = [c.action for c in commitments(body)]
    assert "hetkabinet" not in " ".join(actions)
    assert any(a.startswith("het kabinet zal de regeling dit najaar evalueren") for a in actions)
