"""The record models enforce the contract: offsets, ISO dates, section ids."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from kamerbrief.record import LetterRecord, json_schema

TEXT = "Den Haag, 25 maart 2015\n\n1. Inleiding\n\nOp 16 december 2014 bezocht ik Kazan."


def _record(**changes) -> dict:
    base = {
        "id": "sha256-0123456789abcdef",
        "source": {"path": "x.txt", "sha256": "0" * 64, "format": "txt", "chars": len(TEXT)},
        "text": TEXT,
        "metadata": {"date": {"text": "25 maart 2015", "value": "2015-03-25"}},
        "sections": [
            {"id": "s1", "number": "1", "level": 1, "title": "Inleiding", "start": 25,
             "end": len(TEXT), "parent": None}
        ],
        "provenance": {"tool_version": "0.1.0", "model": "blank:nl"},
    }  # fmt: skip
    base.update(changes)
    return base


def test_a_valid_record_has_every_contract_key() -> None:
    data = json.loads(LetterRecord.model_validate(_record()).model_dump_json())
    assert set(data) == {
        "schema_version", "id", "source", "text", "metadata", "sections", "persons",
        "organisations", "locations", "dates", "amounts", "references", "commitments",
        "requests", "questions", "warnings", "provenance",
    }  # fmt: skip
    for key in ("persons", "organisations", "locations", "dates", "amounts", "references",
                "commitments", "questions"):  # fmt: skip
        assert data[key] == []
    assert data["metadata"]["kamervragen"] is None
    assert data["metadata"]["kamerstuk"] is None


def test_questions_extend_the_contract_and_are_checked() -> None:
    # a record written before questions existed still reads
    assert LetterRecord.model_validate(_record()).questions == []
    start = TEXT.index("Inleiding")
    question = {"id": "q1", "number": "1", "text": "Inleiding", "start": start,
                "end": start + len("Inleiding"), "answer": None}  # fmt: skip
    record = LetterRecord.model_validate(_record(questions=[question]))
    assert record.questions[0].answer is None
    with pytest.raises(ValidationError, match="not 'Inleid'"):
        LetterRecord.model_validate(_record(questions=[{**question, "text": "Inleid"}]))
    with pytest.raises(ValidationError, match="question ids are not unique"):
        LetterRecord.model_validate(_record(questions=[question, question]))


def test_item_text_must_equal_the_text_at_its_offsets() -> None:
    start = TEXT.index("16 december 2014")
    good = {"text": "16 december 2014", "start": start, "end": start + 16, "section": "s1"}
    LetterRecord.model_validate(_record(dates=[good]))
    with pytest.raises(ValidationError, match="not '16 december 2015'"):
        LetterRecord.model_validate(_record(dates=[{**good, "text": "16 december 2015"}]))
    with pytest.raises(ValidationError, match="outside text"):
        LetterRecord.model_validate(_record(dates=[{**good, "start": 500, "end": 516}]))


@pytest.mark.parametrize("value", ["2015-03-25", "2014-02", "2014", "2013-11-05/2013-11-09"])
def test_iso_dates_at_every_precision_pass(value: str) -> None:
    LetterRecord.model_validate(_record(metadata={"date": {"text": "x", "value": value}}))


@pytest.mark.parametrize("value", ["25-03-2015", "2015-13-01", "maart 2015", "2015-03-25T10:00"])
def test_non_iso_dates_are_rejected(value: str) -> None:
    with pytest.raises(ValidationError, match="ISO 8601"):
        LetterRecord.model_validate(_record(metadata={"date": {"text": "x", "value": value}}))


def test_section_parents_and_item_sections_must_exist() -> None:
    section = _record()["sections"][0]
    with pytest.raises(ValidationError, match="unknown parent"):
        LetterRecord.model_validate(_record(sections=[{**section, "parent": "s9"}]))
    start = TEXT.index("Kazan")
    date = {"text": "Kazan", "start": start, "end": start + 5, "section": "s7"}
    with pytest.raises(ValidationError, match="unknown section"):
        LetterRecord.model_validate(_record(dates=[date]))


def test_unknown_keys_are_rejected() -> None:
    with pytest.raises(ValidationError):
        LetterRecord.model_validate(_record(extra_key=1))


def test_schema_covers_both_record_kinds() -> None:
    schema = json_schema()
    assert {"LetterRecord", "ErrorRecord", "Section", "Metadata"} <= set(schema["$defs"])
    required = set(schema["$defs"]["LetterRecord"]["required"])
    assert {"id", "source", "text", "metadata", "provenance"} <= required
