"""The action, the deadline and duplicate rows of commitments, scored over matched items."""

from __future__ import annotations

import json

import pytest

from kamerbrief.evaluate.score import (
    GoldDeadline,
    action_right,
    action_words,
    deadline_verdict,
    evaluate,
    separable_verbs,
    totals,
)
from kamerbrief.record import Commitment, DateValue, LetterRecord, Mention, Metadata, Provenance

TEXT = (
    "Ik zal uw Kamer voor de zomer informeren over de evaluatie. "
    "Op 26 september spreek ik met de sector. "
    "Ik zal uw Kamer voor de zomer informeren over de evaluatie."
)
FIRST = "Ik zal uw Kamer voor de zomer informeren over de evaluatie."


def test_action_words_meet_across_inflection_and_participles() -> None:
    assert action_words("het vaccin beschikbaar stellen") == action_words(
        "het vaccin beschikbaar gesteld"
    )
    assert action_words("de Kamer informeren") & action_words("informeer ik de Kamer") == {
        "kame",
        "info",
    }
    assert action_words(None) == set()


def test_a_separable_verb_printed_apart_meets_the_gold_verb() -> None:
    # a main clause puts the particle last, a te-infinitive before "te"
    assert "opma" in separable_verbs("het kabinet maakt in het voorjaar de balans op")
    assert "afst" in separable_verbs("mijn reisagenda hierop af te stemmen")
    assert "uitw" in separable_verbs("We werken maatregelen voor landbouwgronden uit")
    # a particle inside the clause is a preposition and joins nothing
    assert separable_verbs("ik informeer de Kamer") == set()
    assert separable_verbs("ik wacht op de brief") == set()
    assert separable_verbs("Ik stuur voor de zomer een brief") == set()
    assert not {"voor", "info", "aanp"} & separable_verbs("ik ga informeren in formele zin aan")


@pytest.mark.parametrize(
    ("gold", "pred", "right"),
    [
        ("de Kamer informeren over de evaluatie", "informeer ik uw Kamer over de evaluatie", True),
        ("toewerken naar nieuwe drinkwaterbronnen", "werken toe naar nieuwe drinkwaterbronnen", True),
        ("een vervolgonderzoek laten uitvoeren door UWV", "UWV een vervolgonderzoek", False),
        ("de regeling in 2025 evalueren", None, False),
        ("maatregelen voor het beheer van landbouwgronden uitwerken",
         "We werken maatregelen voor het beheer van landbouwgronden uit", True),
        ("experts van het RIVM laten meekijken naar de vereisten",
         "experts van het RIVM bereid zijn mee te kijken naar de vereisten", True),
        ("de balans opmaken", "we maken de balans op", True),
        ("de balans opmaken", "we maken de balans", False),
        ("de Kamer informeren", "ik uw Kamer over de evaluatie, de monitor, de brief van de"
         " sector en de reactie van de toezichthouder op de jaarcijfers informeer", False),
    ],
)  # fmt: skip
def test_an_action_is_right_when_it_holds_the_gold_words_and_not_much_more(
    gold, pred, right
) -> None:
    assert action_right(gold, pred) is right


@pytest.mark.parametrize(
    ("gold", "pred", "verdict"),
    [
        (None, None, "right"),
        (("dit najaar", "2024-09/2024-11"), ("dit najaar", "2024-09/2024-11"), "right"),
        (("voor de zomer", "2024-03/2024-05"), ("de zomer", "2024-03/2024-05"), "right"),
        (("dit najaar", "2024-09/2024-11"), ("26 september", "2024-09-26"), "wrong"),
        (("dit najaar", "2024-09/2024-11"), None, "missing"),
        (None, ("16 juni 2022", "2022-06-16"), "spurious"),
    ],
)  # fmt: skip
def test_deadline_verdicts(gold, pred, verdict) -> None:
    g = GoldDeadline(text=gold[0], value=gold[1]) if gold else None
    p = DateValue(text=pred[0], value=pred[1]) if pred else None
    assert deadline_verdict(g, p) == verdict


def _record(commitments: list[Commitment]) -> LetterRecord:
    return LetterRecord(
        id="x",
        source={"path": "brief.txt", "sha256": "0" * 64, "format": "txt", "chars": len(TEXT)},
        text=TEXT,
        metadata=Metadata(),
        commitments=commitments,
        provenance=Provenance(tool_version="test"),
    )


def _commitment(start: int, deadline: DateValue | None, action: str) -> Commitment:
    return Commitment(
        text=FIRST,
        start=start,
        end=start + len(FIRST),
        actor="E.I. Schippers",
        action=action,
        deadline=deadline,
        strength="firm",
    )


def _gold(tmp_path, commitments: list[dict]) -> object:
    (tmp_path / "brief.txt").write_text(TEXT, encoding="utf-8")
    gold = {"letter": "brief.txt", "metadata": {"kind": "brief"}, "commitments": commitments}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


GOLD_PROMISE = {
    "text": FIRST,
    "actor": "E.I. Schippers",
    "action": "uw Kamer informeren over de evaluatie",
    "deadline": {"text": "voor de zomer", "value": "2024-03/2024-05"},
    "strength": "firm",
}


def test_evaluate_reports_action_deadline_and_duplicates(tmp_path) -> None:
    second = TEXT.rindex(FIRST)
    rows = [
        _commitment(0, DateValue(text="voor de zomer", value="2024-03/2024-05"),
                    "Ik zal uw Kamer informeren over de evaluatie"),
        _commitment(second, DateValue(text="26 september", value="2024-09-26"),
                    "Ik zal uw Kamer informeren over de evaluatie"),
    ]  # fmt: skip
    results = evaluate(_gold(tmp_path, [GOLD_PROMISE]), lambda _: _record(rows))
    scores, acc = totals(results)
    assert (scores["commitments"].tp, scores["commitments"].fp) == (1, 1)
    assert (acc["commitments.action"].right, acc["commitments.action"].total) == (1, 1)
    assert (acc["commitments.deadline"].right, acc["commitments.deadline"].total) == (1, 1)
    assert (acc["commitments.not_duplicate"].right, acc["commitments.not_duplicate"].total) == (
        1,
        2,
    )
    assert any("duplicate" in e for e in results[0].field_errors)


def test_a_promise_given_once_with_its_repetition_as_a_mention_is_one_row(tmp_path) -> None:
    second = TEXT.rindex(FIRST)
    row = _commitment(0, DateValue(text="voor de zomer", value="2024-03/2024-05"), "informeren")
    row.mentions = [
        Mention(text=FIRST, start=0, end=len(FIRST)),
        Mention(text=FIRST, start=second, end=second + len(FIRST)),
    ]
    results = evaluate(_gold(tmp_path, [GOLD_PROMISE]), lambda _: _record([row]))
    scores, acc = totals(results)
    assert (scores["commitments"].tp, scores["commitments"].fp) == (1, 0)
    assert acc["commitments.not_duplicate"].value == 1.0
    assert acc["commitments.action"].value == 0.0  # one word of five: a fragment
    assert acc["commitments.action_words"].right == 1


def test_a_wrong_deadline_is_listed_with_its_commitment(tmp_path) -> None:
    row = _commitment(0, DateValue(text="26 september", value="2024-09-26"), "informeren")
    gold = {**GOLD_PROMISE, "action": None}
    results = evaluate(_gold(tmp_path, [gold]), lambda _: _record([row]))
    _, acc = totals(results)
    assert acc["commitments.deadline_given"].value == 0.0
    assert "commitments.action" not in acc or acc["commitments.action"].total == 0
    assert results[0].field_errors == [
        f"commitments.deadline wrong: gold 'voor de zomer', got '26 september' in {FIRST!r}"
    ]


def test_a_wrong_actor_is_listed_with_its_commitment(tmp_path) -> None:
    row = _commitment(0, DateValue(text="voor de zomer", value="2024-03/2024-05"), "informeren")
    gold = {**GOLD_PROMISE, "action": None, "actor": "De Jonge"}
    results = evaluate(_gold(tmp_path, [gold]), lambda _: _record([row]))
    _, acc = totals(results)
    assert (acc["commitments.actor"].right, acc["commitments.actor"].total) == (0, 1)
    assert results[0].field_errors == [
        f"commitments.actor: gold 'De Jonge', got 'E.I. Schippers' in {FIRST[:80]!r}"
    ]
