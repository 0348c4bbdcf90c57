"""Sentence starts from the letter's layout, as a spaCy component.

In the normalised text a paragraph is one line, so a line break always ends a
sentence: after a heading, a list item, a signature line. Newspaper-trained
parsers join "1. Inleiding" to the sentence before it; this component marks the
first token after every line break as a sentence start before the parser runs,
and the parser keeps those starts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

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
