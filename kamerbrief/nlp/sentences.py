"""Sentence starts from the letter's layout, as a spaCy component.

In the normalised text a paragraph is one line, so a line break always ends a
sentence: after a heading, a list item, a signature line. Newspaper-trained
parsers join "1. Inleiding" to the sentence before it; this component marks the
first token after every line break as a sentence start before the parser runs,
and the parser keeps those starts.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kamerbrief.nlp.columns import token_texts

COMPONENT = "kamerbrief_line_starts"


class LineStarts:
    """Marks the first token of every line as a sentence start."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            before = doc[token.i - 1]
            if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
                if not token.is_space:
                    token.is_sent_start = True
        return doc


@Language.factory(COMPONENT)
def make_line_starts(nlp: Language, name: str) -> LineStarts:
    return LineStarts()


_SENTENCE_ENDS = frozenset(".!?:;")


def starts_sentence(token: Token) -> bool:
    """Whether ``token`` opens a sentence by the text itself: after '.', ':' or a line break.

    Unlike ``Token.is_sent_start`` this does not depend on the parser, which cuts
    "het Programma Natura 2000" before "Natura".
    """
    if token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return prev.text in _SENTENCE_ENDS or prev.is_space or "\n" in prev.whitespace_


_OPENERS = "«»\"'‘’“”(-–•"
_OPENING_ENDS = frozenset({".", ":", "?", "!"})


def opens_sentence(token: Token) -> bool:
    """Whether ``token`` is the first word of a sentence, a line or a quotation: as
    :func:`starts_sentence`, but looking past opening quotes and brackets, and trusting
    the pipeline's own sentence starts (names at a sentence start are capitalised
    anyway, so this errs towards "starts")."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and (doc[i].is_punct and doc[i].text in _OPENERS):
        i -= 1
    return token.is_sent_start or i < 0 or doc[i].is_space or doc[i].text in _OPENING_ENDS


_FINAL = frozenset(".!?")
# "(CDA).5": a full stop with a footnote number glued to it, as one token
_FINAL_WITH_NOTE = re.compile(r"[.!?]\d{1,3}$")
_OPENS = "«‘“\"'(-–•"


def text_sentences(doc: Doc) -> list[Span]:
    """Sentences by punctuation and line breaks alone, independent of the parser.

    A sentence ends at a line break, or at '.', '!' or '?' (with or without a
    footnote number glued to it: "(CDA).5") followed by a capital, a digit or a
    quote. The parser of a small pipeline also cuts before names ("... betreft,
    start | UWV een vervolgonderzoek"); this does not.
    """
    spans: list[Span] = []
    start = 0
    content = False  # a token other than white space since ``start``
    # Doc's whitespace_ is " " or "": a line break is a token of its own
    texts = token_texts(doc)
    n = len(texts)
    for i, text in enumerate(texts):
        content = content or not text.isspace()
        ends = "\n" in text
        if not ends and i + 1 < n and (text in _FINAL or _FINAL_WITH_NOTE.search(text)):
            first = texts[i + 1][:1]
            ends = first.isupper() or first.isdigit() or first in _OPENS
        if ends:
            if content:
                spans.append(doc[start : i + 1])
            start = i + 1
            content = False
    if start < n and content:
        spans.append(doc[start:n])
    return spans
