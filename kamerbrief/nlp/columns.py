"""A doc's token texts and lower-case forms as lists, read once per doc and shared.

Iterating a ``Doc`` makes a ``Token`` object per token; the extractors read the same
strings several times, so they are read here from the doc's ORTH and LOWER arrays once and
kept in ``doc.user_data`` (a doc that changes length is read again).
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

_KEY = "kamerbrief.columns"


def _strings(doc: Doc, attr: int) -> list[str]:
    strings = doc.vocab.strings
    seen: dict[int, str] = {}
    out = []
    for key in doc.to_array(attr).tolist():
        text = seen.get(key)
        if text is None:
            text = seen[key] = strings[key]
        out.append(text)
    return out


def _columns(doc: Doc) -> dict[int, list[str]]:
    cached = doc.user_data.get(_KEY)
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), {})
        doc.user_data[_KEY] = cached
    return cached[1]


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, read once per doc."""
    columns = _columns(doc)
    if ORTH not in columns:
        columns[ORTH] = _strings(doc, ORTH)
    return columns[ORTH]


def token_lowers(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, read once per doc."""
    columns = _columns(doc)
    if LOWER not in columns:
        columns[LOWER] = _strings(doc, LOWER)
    return columns[LOWER]
