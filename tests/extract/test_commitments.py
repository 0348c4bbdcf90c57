"""Commitments (toezeggingen): cues, exclusions, actors, deadlines and fulfilment."""

from __future__ import annotations

import pytest

LETTER = (
    "Geachte voorzitter,\n\n{body}\n\n"
    "De Minister van Volksgezondheid, Welzijn en Sport,\n\nE.I. Schippers\n"
)
DATED = "Den Haag, 14 maart 2024\n\n" + LETTER


@pytest.fixture(scope="module")
def commitments(bundled_extractor):
    def run(body: str, template: str = LETTER):
        record = bundled_extractor.from_bytes(template.format(body=body).encode(), "brief.txt")
        for c in record.commitments:
            assert record.text[c.start : c.end] == c.text
        return record.commitments

    return run


@pytest.mark.parametrize(
    ("body", "actor", "strength"),
    [
        ("Ik zal uw Kamer voor de zomer informeren over de uitkomsten.", "E.I. Schippers", "firm"),
        ("Tevens zal ik in overleg met de topsector bekijken of een vervolgbijeenkomst gewenst is.",
         "E.I. Schippers", "firm"),
        ("Het kabinet zal de regeling in 2025 evalueren.", None, "firm"),
        ("Wij zullen de regeling in 2025 evalueren.", None, "firm"),
        ("Ik zeg toe dat ik de Kamer over de evaluatie informeer.", "E.I. Schippers", "firm"),
        ("Ik kom hierop na de zomer terug.", "E.I. Schippers", "firm"),
        ("Ik verwacht u in het najaar te kunnen informeren over de voortgang.", "E.I. Schippers", "firm"),
        ("Ik informeer uw Kamer voor het einde van het jaar over de evaluatie.", "E.I. Schippers", "firm"),
        ("Op basis hiervan bekijk ik samen met UWV of een vervolgactie nodig is.", "E.I. Schippers", "firm"),
        ("Ik ben bereid om met de sector in gesprek te gaan.", "E.I. Schippers", "soft"),
        ("Ik heb de bereidheid uitgesproken mijn reisagenda hierop af te stemmen.", "E.I. Schippers", "soft"),
        ("Ik streef ernaar de wet in 2026 in te voeren.", "E.I. Schippers", "soft"),
        ("Wel blijf ik de komende tijd met de NOVAG in gesprek.", "E.I. Schippers", "soft"),
        ("De Radboud universiteit zal hiertoe een voorstel ontwikkelen.", "Radboud universiteit", "firm"),
        ("De heer Thijs Teeling heeft toegezegd te kijken naar de bedrijfsmatige kant.", "Thijs Teeling", "firm"),
    ],
)  # fmt: skip
def test_cues_make_a_commitment_with_its_actor_and_strength(
    commitments, body, actor, strength
) -> None:
    found = commitments(body)
    assert [(c.actor, c.strength, c.status) for c in found] == [(actor, strength, "new")]


@pytest.mark.parametrize(
    "body",
    [
        "Minister Schippers heeft de uitdagingen in de zorg uiteengezet.",
        "Bent u bereid de regeling te evalueren?",
        "Ik zal de regeling niet wijzigen.",
        "Tatarstan wil een Center of Excellence oprichten.",
        "Er is gevraagd om een voorstel voor langjarige samenwerking.",
        "Het aantal aanvragen zal de komende jaren stijgen.",
        "Hierbij stuur ik u het rapport van de commissie.",
        "In deze brief ga ik in op de stand van zaken.",
        "Als de Kamer daarom vraagt, kan ik een brief sturen.",
        "Naar verwachting zal het onderzoek eind dit jaar worden afgerond.",
        "Vorig jaar hebben wij de regeling geëvalueerd.",
        "Hiermee zorgen we voor voldoende drinkwaterbronnen.",
        "Om verzilting tegen te gaan voeren we zoetwater aan uit de rivieren.",
        "Ik vind het een goed initiatief van de sector.",
    ],
)  # fmt: skip
def test_descriptions_questions_negations_and_requests_are_no_commitments(
    commitments, body
) -> None:
    assert commitments(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Met deze Top heb ik uitvoering gegeven aan mijn toezegging (Kamerstuk 29 689, nr. 530).",
        "Hiermee doe ik mijn toezegging gestand.",
        "Daarnaast wordt hierbij invulling gegeven aan de motie Bontenbal/Grinwis (Kamerstukken 32813, nr. 952).",
        "Met deze brief geef ik uitvoering aan de motie van het lid Omtzigt.",
    ],
)  # fmt: skip
def test_a_kept_promise_is_fulfilled_by_the_signatory(commitments, body) -> None:
    assert [(c.actor, c.status) for c in commitments(body)] == [("E.I. Schippers", "fulfilled")]


def test_promise_by_a_named_minister_takes_the_action_from_the_sentence_before(commitments) -> None:
    found = commitments(
        "Minister Wafin zal een delegatie sturen. Dat laatste is toegezegd door Minister Schippers."
    )
    promised = [c for c in found if c.text.startswith("Dat laatste")]
    assert [c.action for c in promised] == ["Minister Wafin zal een delegatie sturen"]
    assert promised[0].actor is not None and promised[0].actor.endswith("Schippers")


def test_he_is_the_most_recent_person_named(commitments) -> None:
    body = (
        "President Minnikhanov sprak over de samenwerking. "
        "Hij gaf aan in 2014 een Memorandum of Understanding af te zullen sluiten."
    )
    found = commitments(body)
    assert [(c.actor, c.strength) for c in found] == [("Minnikhanov", "soft")]
    assert found[0].deadline is not None and found[0].deadline.value == "2014"


@pytest.mark.parametrize(
    ("second", "actors"),
    [
        ("Zij zal in 2025 een nieuw voorstel doen.", ["Van der Berg"]),
        # a plural verb: "zij" are they, not the person last named
        ("Zij willen daarbij goede zorg inkopen voor een goede prijs.", []),
        ("Ze zullen in 2025 een nieuw voorstel doen.", []),
    ],
)
def test_she_is_the_most_recent_person_named_and_they_are_not(
    commitments, second: str, actors: list[str]
) -> None:
    body = f"Mevrouw Van der Berg sprak namens de zorgverzekeraars. {second}"
    assert [c.actor for c in commitments(body)] == actors


def test_deadline_is_the_date_in_the_sentence_with_its_value(commitments) -> None:
    found = commitments("Ik zal uw Kamer voor de zomer informeren over de uitkomsten.", DATED)
    assert [(c.deadline.text, c.deadline.value) for c in found if c.deadline] == [
        ("voor de zomer", "2024-03/2024-05")
    ]


def test_the_own_ministry_is_the_signatory_and_a_named_ministry_is_itself(commitments) -> None:
    found = commitments("Mijn ministerie zal daarom onderzoeken welke instrumenten nodig zijn.")
    assert [c.actor for c in found] == ["E.I. Schippers"]
