"""Normalised text with a map back to the source.

A :class:`TextBuilder` assembles the normalised text from pieces of the source
(copied) and from characters the normaliser writes itself (a space for a line
break, a paragraph break); :class:`SourceMap` maps every normalised offset back
to an offset in the source text.

:func:`join_wrapped` joins the lines of one paragraph and repairs words that
PDF typesetting hyphenated across a line break, keeping real hyphens.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kamerbrief.rules.loader import layout_rules


@dataclass(frozen=True)
class SourceMap:
    """Maps offsets in the normalised text to offsets in the source text."""

    # Parallel lists: normalised start, source start, and whether the segment
    # was copied (offsets advance together) or written (all map to one place).
    norm_starts: tuple[int, ...]
    src_starts: tuple[int, ...]
    copied: tuple[bool, ...]

    def to_source(self, offset: int) -> int:
        """The source offset of normalised offset ``offset``."""
        if not self.norm_starts:
            return 0
        i = max(bisect.bisect_right(self.norm_starts, offset) - 1, 0)
        if self.copied[i]:
            return self.src_starts[i] + (offset - self.norm_starts[i])
        return self.src_starts[i]


@dataclass
class TextBuilder:
    """Builds normalised text piece by piece, remembering where each came from."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    _norm: list[int] = field(default_factory=list)
    _src: list[int] = field(default_factory=list)
    _copied: list[bool] = field(default_factory=list)

    def copy(self, text: str, src_start: int) -> tuple[int, int]:
        """Append ``text``, which is the source from ``src_start`` on."""
        return self._add(text, src_start, True)

    def write(self, text: str, src_pos: int) -> tuple[int, int]:
        """Append ``text`` that the normaliser wrote in place of source at ``src_pos``."""
        return self._add(text, src_pos, False)

    def add_pieces(self, pieces: Iterable[Piece]) -> tuple[int, int]:
        start = self.length
        for piece in pieces:
            self._add(piece.text, piece.src, piece.copied)
        return start, self.length

    def _add(self, text: str, src: int, copied: bool) -> tuple[int, int]:
        start = self.length
        if text:
            self.parts.append(text)
            self._norm.append(start)
            self._src.append(src)
            self._copied.append(copied)
            self.length += len(text)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)

    def source_map(self) -> SourceMap:
        return SourceMap(tuple(self._norm), tuple(self._src), tuple(self._copied))


@dataclass(frozen=True)
class Piece:
    """A run of normalised text: copied from source offset ``src``, or written there."""

    text: str
    src: int
    copied: bool = True


@dataclass(frozen=True)
class SourceLine:
    """One line of the source, without its surrounding white space."""

    text: str
    start: int  # source offset of text[0]
    page: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


# Dutch keeps a hyphen where two vowels would otherwise read as one sound
# (Taalunie, "klinkerbotsing"): zee-eend, na-apen, auto-ongeluk.
_VOWEL_PAIRS = {
    "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu", "ij",
}  # fmt: skip
_WORD_END = re.compile(r"([^\W_]+)-$")
_FIRST_WORD = re.compile(r"[^\s]+")


def _hyphen_join(left_word: str, right_line: str, known: frozenset[str]) -> str:
    """How to join a line ending in ``left_word-`` to ``right_line``.

    Returns "" (a typesetter's hyphen: drop it and the break), "-" (a real
    hyphen: keep it, no space) or "- " (a suspended hyphen: "moeder- en").
    """
    rules = layout_rules()
    m = _FIRST_WORD.match(right_line)
    right_word = m.group(0) if m else ""
    bare_right = right_word.rstrip(".,;:!?)»”’'\"")
    if bare_right.lower() in rules.suspended_hyphen_followers:
        return "- "
    if not bare_right or not bare_right[0].isalpha():
        return "-"
    if bare_right[0].isupper() or not left_word[-1:].islower():
        return "-"  # Russisch-Nederlandse, IT-hoofdstad, CO2-uitstoot
    if left_word.lower() in rules.hyphen_prefixes:
        return "-"  # e-health, ex-minister, niet-gouvernementeel
    joined = (left_word + bare_right).lower()
    hyphenated = (left_word + "-" + bare_right).lower()
    if hyphenated in known and joined not in known:
        return "-"  # the letter writes this compound with a hyphen elsewhere
    if joined in known:
        return ""
    if (left_word[-1] + bare_right[0]).lower() in _VOWEL_PAIRS:
        return "-"  # zee-eend, auto-ongeluk: Dutch spelling keeps this hyphen
    return ""


_LETTERS = re.compile(r"[^\W\d_]+")


def _fragment(word: str, short_words: frozenset[str]) -> bool:
    return len(word) <= 3 and word.lower() not in short_words


def respaced(text: str, start: int, known: frozenset[str]) -> list[Piece]:
    """``text`` (source from ``start``) as pieces without PDF letter-spacing artefacts.

    pdftotext sometimes splits a word at a kerned letter: "We w erken", "Inf rastructuur",
    "uit te voere n". A space goes when one side is a fragment (at most three letters
    and no short Dutch word) and the joined word occurs elsewhere in the letter.
    """
    if not known:
        return [Piece(text, start)]
    short = layout_rules().short_words
    words = list(_LETTERS.finditer(text))
    drop: list[int] = []
    k = 0
    while k + 1 < len(words):
        left, right = words[k], words[k + 1]
        x, y = left.group(), right.group()
        if (
            right.start() == left.end() + 1
            and text[left.end()] == " "
            and y[0].islower()
            and (_fragment(x, short) or _fragment(y, short))
            and (x + y).lower() in known
        ):
            drop.append(left.end())
            k += 2
            continue
        k += 1
    pieces: list[Piece] = []
    pos = 0
    for gap in drop:
        pieces.append(Piece(text[pos:gap], start + pos))
        pos = gap + 1
    pieces.append(Piece(text[pos:], start + pos))
    return pieces


def join_wrapped(lines: list[SourceLine], known: frozenset[str] = frozenset()) -> list[Piece]:
    """Join the wrapped lines of one paragraph into pieces of normalised text.

    ``known`` holds the lower-cased words of the whole letter: a compound that
    the letter writes elsewhere decides whether a line-end hyphen is real.
    """
    pieces: list[Piece] = []
    for i, line in enumerate(lines):
        text = line.text
        if i + 1 < len(lines) and text.endswith("-"):
            m = _WORD_END.search(text)
            if m and len(text) >= 2 and text[-2] != " ":
                how = _hyphen_join(m.group(1), lines[i + 1].text, known)
                if how == "":
                    pieces.extend(respaced(text[:-1], line.start, known))
                else:
                    pieces.extend(respaced(text, line.start, known))
                    if how == "- ":
                        pieces.append(Piece(" ", line.end, copied=False))
                continue
        pieces.extend(respaced(text, line.start, known))
        if i + 1 < len(lines):
            pieces.append(Piece(" ", line.end, copied=False))
    return pieces


_WORDS = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def known_words(text: str) -> frozenset[str]:
    """Lower-cased words and hyphenated compounds that occur inside lines of ``text``."""
    words: set[str] = set()
    for line in text.splitlines():
        body = line.rstrip()
        if body.endswith("-"):
            body = body[: body.rfind(" ") + 1] if " " in body else ""
        words.update(w.lower() for w in _WORDS.findall(body))
    return frozenset(words)
