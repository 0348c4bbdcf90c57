"""Answers to Kamervragen in the outputs: show (terminal and HTML) and the register."""

from __future__ import annotations

import pytest
from rich.console import Console

from kamerbrief.outputs.register import REGISTER_COLUMNS, commitment_register
from kamerbrief.outputs.show import letter_html, letter_view
from kamerbrief.record import LetterRecord
from tests.helpers import LETTERS

ANSWERS = LETTERS / "kamervragen" / "2024-03-07_bzk_quantumproof-encryptie.txt"


@pytest.fixture(scope="module")
def record(bundled_extractor) -> LetterRecord:
    out = bundled_extractor.from_path(ANSWERS)
    assert isinstance(out, LetterRecord)
    return out


def test_show_lists_the_pairs(record) -> None:
    console = Console(width=120, record=True)
    console.print(letter_view(record))
    shown = console.export_text()
    assert "questions and answers" in shown
    assert "Bent u bekend met het risico" in shown and "Ja, het is mij bekend" in shown
    assert "Sneller (D66)" in shown  # the askers, with the header fields


def test_html_questions_jump_to_their_place(record) -> None:
    page = letter_html(record)
    assert 'id="list-questions"' in page
    for q in record.questions:
        assert f'href="#{q.id}"' in page and f'id="{q.id}"' in page


def test_register_rows_name_the_question_they_answer(record) -> None:
    rows = commitment_register([record])
    assert "question" in REGISTER_COLUMNS
    in_answers = [r for r in rows if r["question"]]
    assert in_answers, "the answers promise something"
    numbers = {q.number for q in record.questions}
    assert {r["question"] for r in in_answers} <= numbers
