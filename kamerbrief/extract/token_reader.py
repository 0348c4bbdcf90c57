"""A letter's tokens with their lower-case forms, read by the rule grammars of dates and amounts."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kamerbrief.nlp.columns import token_lowers

_KEY = "kamerbrief.token_reader"


class TokenReader:
    """Position-based access to a doc's tokens: words and the phrases that start at an index."""

    def __init__(self, doc: Doc) -> None:
        # read once per doc: the date and amount grammars share the lists
        cached = doc.user_data.get(_KEY)
        if cached is None or cached[0] != len(doc):
            cached = (len(doc), list(doc), token_lowers(doc))
            doc.user_data[_KEY] = cached
        self.tokens: list[Token] = cached[1]
        self.low: list[str] = cached[2]

    def _word(self, i: int) -> str:
        """The lower-case token at ``i``; "" outside the doc."""
        return self.low[i] if 0 <= i < len(self.low) else ""

    def _phrase(self, i: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
        """End of the first of ``phrases`` (longest first) that starts at ``i``, or None."""
        for words in phrases:
            if tuple(self.low[i : i + len(words)]) == words:
                return i + len(words)
        return None
