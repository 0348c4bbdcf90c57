"""Sentences are cut by punctuation and line starts, not by the parser."""

from __future__ import annotations

from kamerbrief.nlp.sentences import text_sentences


def test_sentences_are_cut_by_punctuation_not_by_the_parser(bundled_nlp) -> None:
    doc = bundled_nlp(
        "Omdat het onderzoek klein is, start UWV een vervolgonderzoek. Motie Mulder (CDA).5 De rest volgt."
    )
    assert [s.text for s in text_sentences(doc)] == [
        "Omdat het onderzoek klein is, start UWV een vervolgonderzoek.",
        "Motie Mulder (CDA).5",
        "De rest volgt.",
    ]
