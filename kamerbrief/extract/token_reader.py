"""A letter's tokens with their lower-case forms, read by the rule grammars of dates and amounts."""

from __future__ import annotations

from spacy.tokens import Doc, Token


class TokenReader:
    """Position-based access to a doc's tokens: words and the phrases that start at an index."""

    def __init__(self, doc: Doc) -> None:
        self.tokens: list[Token] = list(doc)
        self.low = [t.lower_ for t in doc]

    def _word(self, i: int) -> str:
        """The lower-case token at ``i``; "" outside the doc."""
        return self.low[i] if 0 <= i < len(self.low) else ""

    def _phrase(self, i: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
        """End of the first of ``phrases`` (longest first) that starts at ``i``, or None."""
        for words in phrases:
            if tuple(self.low[i : i + len(words)]) == words:
                return i + len(words)
        return None
