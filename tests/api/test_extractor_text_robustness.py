"""Any text gives a valid record; a failure inside extraction gives an error record."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamerbrief.record import ErrorRecord, LetterRecord
from tests.helpers import SEED_REPORT

LETTER_LINES = SEED_REPORT.read_text(encoding="utf-8").splitlines()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_random_text_gives_a_valid_record_or_an_error_record(extractor, text: str) -> None:
    record = extractor.from_bytes(text.encode("utf-8"), "random.txt")
    if isinstance(record, LetterRecord):
        LetterRecord.model_validate_json(record.model_dump_json())
    else:
        assert record.error.kind in {"empty", "binary", "undecodable"}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(LETTER_LINES), max_size=60))
def test_shuffled_letter_lines_give_a_valid_record(extractor, lines: list[str]) -> None:
    record = extractor.from_bytes("\n".join(lines).encode("utf-8"), "shuffled.txt")
    if isinstance(record, LetterRecord):
        LetterRecord.model_validate_json(record.model_dump_json())
    else:
        assert record.error.kind == "empty"


def test_a_bug_in_extraction_gives_an_internal_error_record(extractor, monkeypatch) -> None:
    import kamerbrief.api as extraction

    def broken(text: str):
        raise RuntimeError("boom")

    monkeypatch.setattr(extraction, "parse", broken)
    record = extractor.from_path(SEED_REPORT)
    assert isinstance(record, ErrorRecord)
    assert record.error.kind == "internal"
    assert "RuntimeError: boom" in record.error.message
