"""Questions and metadata.kamervragen, scored: a question by its number and first 40
characters, an answer by the question it is paired to, the header fields one by one."""

from __future__ import annotations

import json

import pytest

from kamerbrief.evaluate.score import evaluate, same_start, totals
from kamerbrief.record import (
    Answer,
    Asker,
    DateValue,
    Kamervragen,
    LetterRecord,
    Metadata,
    Provenance,
    Question,
    Sender,
)

TEXT = (
    "Vraag 1\nBent u bekend met het bericht over de sluiting van de sluis bij Weurt?\n"
    "Antwoord 1\nJa, dat bericht ken ik.\n"
    "Vraag 2\nWanneer gaat de sluis weer open voor de beroepsvaart op de Maas?\n"
    "Antwoord 2\nDe sluis gaat in juni weer open.\n"
)


def _span(text: str) -> dict[str, object]:
    start = TEXT.index(text)
    return {"text": text, "start": start, "end": start + len(text)}


def _question(n: str, question: str, answer: str | None, group: list[str]) -> Question:
    return Question(
        id=f"q{n}", number=n, **_span(question),
        answer=Answer(**_span(answer)) if answer else None, answered_with=group,
    )  # fmt: skip


def _record(questions: list[Question], kv: Kamervragen | None = None) -> LetterRecord:
    return LetterRecord(
        id="x",
        source={"path": "a.txt", "sha256": "0" * 64, "format": "txt", "chars": len(TEXT)},
        text=TEXT,
        metadata=Metadata(kind="antwoord_kamervragen", kamervragen=kv),
        questions=questions,
        provenance=Provenance(tool_version="test"),
    )


GOLD_QUESTIONS = [
    {"number": "1", "question": "Bent u bekend met het bericht over de sluiting van de sluis",
     "answer": "Ja, dat bericht ken ik."},
    {"number": "2", "question": "Wanneer gaat de sluis weer open voor de beroepsvaart op de Maas?",
     "answer": "De sluis gaat in juni weer open."},
]  # fmt: skip
GOLD_KV = {
    "aanhangsel": "812", "vergaderjaar": "2023-2024",
    "askers": [{"name": "Van Dam", "party": "CDA"}],
    "addressees": ["Minister van Infrastructuur en Waterstaat"],
    "answered_by": [{"name": "Harbers", "role": "Minister van Infrastructuur en Waterstaat"}],
    "ingezonden": "2024-03-04", "ontvangen": "2024-04-02",
}  # fmt: skip


def _gold(tmp_path, questions: list[dict], kv: dict | None = None) -> object:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    metadata: dict[str, object] = {"kind": "antwoord_kamervragen"}
    if kv is not None:
        metadata["kamervragen"] = kv
    gold = {"letter": "a.txt", "metadata": metadata, "questions": questions}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [("Bent u bekend met het bericht over de sluiting van de sluis bij Weurt?",
      "Bent u bekend met het bericht over de\nsluiting van de sluis, en zo ja", True),
     ("Ja.", "Ja.", True),
     ("Ja.", "Ja, maar ...", True),  # the gold's first characters, all of them
     ("Bent u bekend met het bericht over de sluiting", "Bent u bekend met het rapport", False),
     (None, None, True),
     ("Ja.", None, False)],
)  # fmt: skip
def test_same_start(gold, pred, same) -> None:
    assert same_start(gold, pred) is same


def test_questions_and_answers_scored(tmp_path) -> None:
    right = [
        _question("1", "Bent u bekend met het bericht over de sluiting van de sluis bij Weurt?",
                  "Ja, dat bericht ken ik.", []),
        _question("2", "Wanneer gaat de sluis weer open voor de beroepsvaart op de Maas?",
                  "Ja, dat bericht ken ik.", []),  # paired with the wrong answer
    ]  # fmt: skip
    results = evaluate(_gold(tmp_path, GOLD_QUESTIONS), lambda _: _record(right))
    scores, acc = totals(results)
    assert (scores["questions"].tp, scores["questions"].fp, scores["questions"].fn) == (2, 0, 0)
    assert (acc["questions.answer"].right, acc["questions.answer"].total) == (1, 2)
    assert acc["questions.answered_with"].value == 1.0


def test_a_missing_or_misnumbered_question_counts_both_ways(tmp_path) -> None:
    wrong = [_question("3", "Wanneer gaat de sluis weer open voor de beroepsvaart op de Maas?",
                       "De sluis gaat in juni weer open.", [])]  # fmt: skip
    results = evaluate(_gold(tmp_path, GOLD_QUESTIONS), lambda _: _record(wrong))
    scores, _ = totals(results)
    assert (scores["questions"].tp, scores["questions"].fp, scores["questions"].fn) == (0, 1, 2)
    assert any(s.startswith("questions 3") for s in results[0].spurious)


def test_kamervragen_fields_scored(tmp_path) -> None:
    kv = Kamervragen(
        aanhangsel="812", vergaderjaar="2023-2024",
        askers=[Asker(name="Van Dam", party="CDA"), Asker(name="Jansen", party="VVD")],
        addressees=["Minister van Infrastructuur en Waterstaat"],
        answered_by=[Sender(name="Harbers", role="Minister van Infrastructuur en Waterstaat")],
        ingezonden=DateValue(text="4 maart 2024", value="2024-03-04"),
        ontvangen=DateValue(text="3 april 2024", value="2024-04-03"),
    )  # fmt: skip
    results = evaluate(_gold(tmp_path, GOLD_QUESTIONS, GOLD_KV), lambda _: _record([], kv))
    scores, acc = totals(results)
    assert (scores["kamervragen.askers"].tp, scores["kamervragen.askers"].fp) == (1, 1)
    assert scores["kamervragen.addressees"].f1 == 1.0
    assert acc["kamervragen.ingezonden"].value == 1.0
    assert acc["kamervragen.ontvangen"].value == 0.0
    assert acc["kamervragen.number"].value == 1.0  # both null
