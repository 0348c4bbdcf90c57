"""One row per promise; questions of Kamervragen and forecasts are no promises."""

from __future__ import annotations

import pytest

LETTER = (
    "Geachte voorzitter,\n\n{body}\n\n"
    "De Minister van Infrastructuur en Waterstaat,\n\nM.G.J. Harbers\n"
)
ANSWERS = (
    "Antwoord van Minister Harbers (Infrastructuur en Waterstaat) (ontvangen 3 april 2024)\n\n"
    "Vraag 1\n\n{question}\n\nAntwoord 1\n\n{answer}\n\n"
    "Vraag 2\n\nWanneer ontvangt de Kamer de evaluatie?\n\nAntwoord 2\n\nZie het antwoord op"
    " vraag 1.\n"
)


@pytest.fixture(scope="module")
def record(bundled_extractor):
    def run(text: str):
        r = bundled_extractor.from_bytes(text.encode(), "brief.txt")
        for c in r.commitments:
            assert r.text[c.start : c.end] == c.text
            assert c.mentions and (c.mentions[0].start, c.mentions[0].text) == (c.start, c.text)
            for m in c.mentions:
                assert r.text[m.start : m.end] == m.text
        return r

    return run


def test_a_repeated_promise_is_one_row_with_every_occurrence(record) -> None:
    body = (
        "Samenvatting\n\nIk zal de regeling voor grondwateronttrekking in 2025 evalueren.\n\n"
        "Grondwater\n\nDe vraag naar grondwater neemt toe. Ik zal de regeling voor"
        " grondwateronttrekking in 2025 evalueren, samen met de provincies.\n"
    )
    r = record(LETTER.format(body=body))
    assert len(r.commitments) == 1
    (c,) = r.commitments
    assert [m.start for m in c.mentions] == sorted(m.start for m in c.mentions)
    assert len(c.mentions) == 2 and c.start == c.mentions[0].start


def test_different_promises_stay_different_rows(record) -> None:
    body = (
        "Ik zal de huurtoeslag voor studenten evalueren. "
        "Ik zal de regels voor verhuurders van kamers aanscherpen."
    )
    r = record(LETTER.format(body=body))
    assert len(r.commitments) == 2
    assert all(len(c.mentions) == 1 for c in r.commitments)


def test_text_inside_a_question_is_never_a_commitment(record) -> None:
    question = (
        "Heeft u kennisgenomen van het bericht waarin de waterschappen schrijven: 'Wij zullen de"
        " dijken in 2026 versterken'? Zal de minister de Kamer voor de zomer informeren?"
    )
    answer = "Ja. Ik zal uw Kamer voor de zomer informeren over de versterking van de dijken."
    r = record(ANSWERS.format(question=question, answer=answer))
    assert [c.text for c in r.commitments] == [answer.split(" ", 1)[1]]


def test_an_answer_in_a_letter_without_questions_still_counts(record) -> None:
    r = record(LETTER.format(body="Antwoord\n\nIk zal de dijken in 2026 versterken."))
    assert len(r.commitments) == 1


@pytest.mark.parametrize(
    "body",
    [
        "Omdat we de ondergrond intensiever gaan benutten, zullen we vaker oude verontreinigingen"
        " tegenkomen.",
        "Door de klimaatverandering zal het op termijn vaker voorkomen dat rivieren droogvallen.",
        "Naar verwachting zal de vraag naar drinkwater de komende jaren toenemen.",
        "De nieuwe norm zal bijdragen aan een betere waterkwaliteit.",
        "Graag wil ik benadrukken dat de waterschappen hun werk goed doen.",
        "Het kabinet had graag willen zien dat de provincies eerder waren begonnen.",
    ],
)
def test_forecasts_and_asides_are_no_promises(record, body) -> None:
    assert record(LETTER.format(body=body)).commitments == []


@pytest.mark.parametrize(
    "body",
    [
        "Ik zeg toe dat ik de regeling aanpas, nu lage rivierstanden vaker voorkomen.",
        "We zullen voorkomen dat de kosten voor drinkwater voor huishoudens stijgen.",
    ],
)
def test_an_actor_who_commits_to_act_is_a_promise_whatever_the_forecast(record, body) -> None:
    assert len(record(LETTER.format(body=body)).commitments) == 1


def test_a_promise_confirmed_by_another_actor_stays_its_own_row(record) -> None:
    body = (
        "President Minnikhanov sprak over de samenwerking. Hij gaf aan in 2014 met Minister"
        " Schippers een Memorandum of Understanding af te zullen sluiten. Dat laatste is"
        " toegezegd door Minister Schippers."
    )
    r = record(LETTER.format(body=body))
    assert [c.strength for c in r.commitments] == ["soft", "firm"]
