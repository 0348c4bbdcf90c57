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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kamerbrief.rules.document_rules import structure_rules
from kamerbrief.rules.loader import layout_rules, month_rules


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
    if (left_word[-1] + bare_right[0]).lower() in structure_rules().hyphen_vowel_pairs:
        return "-"  # zee-eend, auto-ongeluk: Dutch spelling keeps this hyphen
    return ""


_LETTERS = re.compile(r"[^\W\d_]+")


def _fragment(word: str, short_words: frozenset[str]) -> bool:
    return len(word) <= 3 and word.lower() not in short_words


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of a line by ``new`` (which the normaliser writes)."""

    start: int
    end: int
    new: str


def _spacing_edits(text: str, known: frozenset[str]) -> list[Edit]:
    short = layout_rules().short_words
    words = list(_LETTERS.finditer(text))
    # Only a pair with a fragment in it can join: the words next to a fragment, in order.
    fragments = [k for k, m in enumerate(words) if _fragment(m.group(), short)]
    edits: list[Edit] = []
    after = 0  # a word joined to the one before it joins nothing more
    for k in sorted({j for f in fragments for j in (f - 1, f) if 0 <= j < len(words) - 1}):
        if k < after:
            continue
        left, right = words[k], words[k + 1]
        x, y = left.group(), right.group()
        if (
            right.start() == left.end() + 1
            and text[left.end()] == " "
            and y[0].islower()
            and (x + y).lower() in known
        ):
            edits.append(Edit(left.end(), left.end() + 1, ""))
            after = k + 2
    return edits


_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")
_INLINE_HYPHEN = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")
_URL_SPAN = re.compile(r"(?:https?://|www\.)\S+|\S+%20\S*")
_GLUED_NUMBER = re.compile(r"\b(\d{1,4})([^\W\d_]{2,})\b")


def _confusion_edits(text: str, known: frozenset[str]) -> list[Edit]:
    """ "VAIM" is "VAN" when the letter writes "van" elsewhere."""
    edits: list[Edit] = []
    for m in _CAPS_WORD.finditer(text):
        word = m.group()
        for c in structure_rules().ocr.confusions:
            if c.seen in word and word.replace(c.seen, c.meant).lower() in known:
                pos = 0
                while (i := word.find(c.seen, pos)) >= 0:
                    edits.append(Edit(m.start() + i, m.start() + i + len(c.seen), c.meant))
                    pos = i + len(c.seen)
                break
    return edits


@cache
def _after_number() -> frozenset[str]:
    """The words OCR glues to a number ("14maart"): the data's own and the months."""
    return frozenset(structure_rules().ocr.glued_after_number) | frozenset(month_rules().months)


_WORD = re.compile(r"\b[^\W\d_]+\b")


def _glued_edits(text: str, known: frozenset[str]) -> list[Edit]:
    """A space where OCR lost it: "14maart", "10oktober", "1Is het ...", "ministervan"."""
    ocr = structure_rules().ocr
    after_number = _after_number()
    edits: list[Edit] = []
    for m in _GLUED_NUMBER.finditer(text):
        word = m.group(2)
        capitalised = word[0].isupper() and word[1:].islower()
        if word.lower() in after_number or (capitalised and word.lower() in known):
            edits.append(Edit(m.end(1), m.end(1), " "))
    lowered = text.lower()
    if not any(small in lowered for small in ocr.glued_function_words):
        return edits  # no word can end in one
    endings = tuple(ocr.glued_function_words)
    for m in _WORD.finditer(text):
        token = m.group()
        low = token.lower()
        if not low.endswith(endings):
            continue  # most words: no function word at their end
        for small in ocr.glued_function_words:
            stem = low[: -len(small)]
            if (
                low.endswith(small)
                and len(stem) >= ocr.min_glued_stem
                and stem in known
                and stem not in ocr.not_glued
                and token[len(stem)].islower()
            ):
                edits.append(Edit(m.start() + len(stem), m.start() + len(stem), " "))
                break
    return edits


def _inline_hyphen_edits(text: str, known: frozenset[str]) -> list[Edit]:
    """Hyphens of line ends that OCR kept inside the paragraph it joined ("be-hoefte")."""
    if not getattr(known, "broken_words", False):
        return []
    edits: list[Edit] = []
    for m in _INLINE_HYPHEN.finditer(text):
        left, right = m.group(1), m.group(2)
        if _broken_word(left, right, known):
            edits.append(Edit(m.end(1), m.end(1) + 1, ""))
    return edits


def _broken_word(left: str, right: str, known: frozenset[str]) -> bool:
    """Whether ``left-right`` inside a joined paragraph is one word broken at a line end.

    Yes when the letter writes the joined word elsewhere; or when Dutch spelling gives the
    hyphen no reason (capital, prefix, vowel clash) and the right half is no word of the
    letter ("aan-merking", "be-hoefte"); after a capital ("Navo-strategie") only the former.
    """
    if not right[0].islower() or not left[-1].islower():
        return False
    joined = (left + right).lower()
    if joined in known:
        return True
    rules = layout_rules()
    if right.lower() in rules.suspended_hyphen_followers or left.lower() in rules.hyphen_prefixes:
        return False
    if (left[-1] + right[0]).lower() in structure_rules().hyphen_vowel_pairs:
        return False
    return left[0].islower() and right.lower() not in known


def ocr_edits(text: str, known: frozenset[str]) -> list[Edit]:
    """The OCR repairs of one line, in order, none overlapping another."""
    edits = sorted(
        [
            *_confusion_edits(text, known),
            *_glued_edits(text, known),
            *_inline_hyphen_edits(text, known),
        ],
        key=lambda e: (e.start, e.end),
    )
    if not edits:
        return []
    urls = [(m.start(), m.end()) for m in _URL_SPAN.finditer(text)]
    out: list[Edit] = []
    for e in edits:
        if any(a <= e.start <= b for a, b in urls):
            continue  # a web address is left as written
        if not out or (e.start >= out[-1].end and (e.start, e.end) != (out[-1].start, out[-1].end)):
            out.append(e)
    return out


def apply_edits(text: str, start: int, edits: Sequence[Edit]) -> list[Piece]:
    """``text`` (source from ``start``) with ``edits`` as pieces: copied runs, written repairs."""
    pieces: list[Piece] = []
    pos = 0
    for e in edits:
        if e.start > pos:
            pieces.append(Piece(text[pos : e.start], start + pos))
        if e.new:
            pieces.append(Piece(e.new, start + e.start, copied=False))
        pos = max(pos, e.end)
    if pos < len(text) or not pieces:
        pieces.append(Piece(text[pos:], start + pos))
    return pieces


def repaired(text: str, known: frozenset[str]) -> str:
    """``text`` with its OCR and letter-spacing repairs (as :func:`respaced` renders it)."""
    return "".join(p.text for p in respaced(text, 0, known))


def respaced(text: str, start: int, known: frozenset[str]) -> list[Piece]:
    """``text`` (source from ``start``) as pieces without PDF letter-spacing and OCR artefacts.

    pdftotext sometimes splits a word at a kerned letter: "We w erken", "Inf rastructuur",
    "uit te voere n". A space goes when one side is a fragment (at most three letters
    and no short Dutch word) and the joined word occurs elsewhere in the letter.
    OCR of printed pages reads "IM" for "N" ("VAIM"), loses spaces ("14maart") and keeps
    the hyphens of line ends inside joined paragraphs ("ont-vangen"): each is repaired only
    where the letter's own words show the repaired form (:func:`ocr_edits`).
    """
    if not known:
        return [Piece(text, start)]
    return apply_edits(text, start, _line_edits(text, known, getattr(known, "broken_words", False)))


@lru_cache(maxsize=4096)
def _line_edits(text: str, known: frozenset[str], broken_words: bool) -> tuple[Edit, ...]:
    """The edits of :func:`respaced`, in order. Memoised: the structure and the document
    kind repair the same lines of a letter with the same known words (``broken_words`` is
    part of the key, as ``known`` compares by its words alone)."""
    edits = ocr_edits(text, known)
    for e in _spacing_edits(text, known):
        if not any(o.start < e.end and e.start < o.end for o in edits):
            edits.append(e)
    edits.sort(key=lambda e: (e.start, e.end))
    return tuple(edits)


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


class KnownWords(frozenset):  # type: ignore[type-arg]
    """The lower-cased words of a letter, with what they show about its OCR.

    ``broken_words``: OCR joined the printed lines into paragraphs and kept their line-end
    hyphens ("be-hoefte"), shown by long lines and by such words that the letter also
    writes whole.
    """

    broken_words: bool

    def __new__(cls, words: Iterable[str], broken_words: bool = False) -> KnownWords:
        self = super().__new__(cls, words)
        self.broken_words = broken_words
        return self


@lru_cache(maxsize=4)
def known_words(text: str) -> KnownWords:
    """Lower-cased words and hyphenated compounds that occur inside lines of ``text``."""
    words: set[str] = set()
    long_lines = False
    paragraph = structure_rules().ocr.paragraph_line
    for line in text.splitlines():
        body = line.rstrip()
        long_lines = long_lines or len(body) >= paragraph
        if body.endswith("-"):
            body = body[: body.rfind(" ") + 1] if " " in body else ""
        words.update(w.lower() for w in _WORDS.findall(body))
    evidence = {
        w for w in words if w.count("-") == 1 and w.replace("-", "") in words and w.islower()
    }
    return KnownWords(words, long_lines and len(evidence) >= 2)
