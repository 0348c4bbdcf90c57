"""Where an extracted item sits: its text, offsets, section and question, from a token span."""

from __future__ import annotations

from spacy.tokens import Doc

from kamerbrief.parse import ParsedLetter


def span_fields(doc: Doc, parsed: ParsedLetter, start: int, end: int) -> dict[str, object]:
    """``text``, ``start``, ``end``, ``section`` and ``question`` of tokens ``start`` ..
    ``end`` (exclusive)."""
    span = doc[start:end]
    return {
        "text": span.text,
        "start": span.start_char,
        "end": span.end_char,
        "section": parsed.section_at(span.start_char),
        "question": parsed.question_at(span.start_char),
    }
