"""Page layout of text extracted from PDF: lines, page furniture and footnotes.

pdftotext puts running heads, side columns, page numbers and footnotes in the
middle of the letter's text, wherever a page ends. This module finds them so
that the parser can drop the furniture and move footnotes out of the way of
the paragraphs they interrupt.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kamerbrief.rules.document_rules import FurnitureRules, structure_rules
from kamerbrief.rules.loader import layout_rules
from kamerbrief.structure.normalize import SourceLine

_LONE_NUMBER = re.compile(r"^\d{1,3}$")
_NUMBERED_NOTE = re.compile(r"^\d{1,3}\s?(?:[A-Z«“\"‘(]|https?:|www\.)")
_NOTE_KEYWORD = re.compile(
    r"^(?:Kamerstuk(?:ken)?|Handelingen|Aanhangsel|Bijlage (?:bij|\d)|Stb\.|Stcrt\.|Bron:)\b"
)
_URL = re.compile(r"https?://|www\.")
# A footnote runs on for at most this many lines after its number or source.
_MAX_NOTE_LINES = 4
_LINE_BREAK = re.compile(r"\r\n|\n|\r|\f")


def split_lines(raw: str) -> list[SourceLine]:
    """The lines of ``raw`` without surrounding white space; a form feed starts a page."""
    lines: list[SourceLine] = []
    page = 1
    pos = 0
    for m in _LINE_BREAK.finditer(raw + "\n"):
        body = raw[pos : m.start()]
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        if stripped or m.group() != "\f":
            lines.append(SourceLine(stripped, pos + lead if stripped else pos, page))
        if m.group() == "\f":
            page += 1
        pos = m.end()
        if pos > len(raw):
            break
    while lines and not lines[-1].text:
        lines.pop()
    return _split_run_in(lines)


def _split_run_in(lines: list[SourceLine]) -> list[SourceLine]:
    """A heading printed at the start of a paragraph that OCR joined into one line
    ("Inleiding Op 27 september ...", "Artikel 8, lid 1 De commissie ...", "Geluidhinder.
    Vliegtuigen ...") on a line of its own; the full stop after a one-word heading goes.
    """
    rules = structure_rules()
    out: list[SourceLine] = []
    for line in lines:
        split = (
            rules.headings.run_in_end(line.text)
            if len(line.text) >= rules.headings.run_in_min_line
            else None
        )
        if split is None:
            out.append(line)
            continue
        end, body = split
        rest = line.text[body:]
        skip = len(rest) - len(rest.lstrip())
        out.append(SourceLine(line.text[:end], line.start, line.page))
        out.append(SourceLine(rest.lstrip(), line.start + body + skip, line.page))
    return out


@dataclass(frozen=True)
class PageLayout:
    """Which lines are furniture (dropped) and which are footnotes (moved)."""

    furniture: frozenset[int]
    footnotes: frozenset[int]


def _blocks(lines: list[SourceLine]) -> list[tuple[int, int]]:
    """(start, end) line ranges of runs of non-blank lines."""
    out: list[tuple[int, int]] = []
    start = None
    for i, line in enumerate(lines):
        if line.text and start is None:
            start = i
        elif not line.text and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(lines)))
    return out


def _repeated_blocks(lines: list[SourceLine]) -> set[int]:
    """Lines of short multi-line blocks that recur on several pages (side columns)."""
    blocks = _blocks(lines)
    keyed: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for start, end in blocks:
        texts = tuple(line.text for line in lines[start:end])
        if len(texts) >= 2 and all(len(t) <= 40 for t in texts):
            keyed.setdefault(texts, []).append((start, end))
    out: set[int] = set()
    for ranges in keyed.values():
        pages = {lines[s].page for s, _ in ranges}
        if len(ranges) >= 3 or (len(ranges) >= 2 and len(pages) >= 2):
            for s, e in ranges:
                out.update(range(s, e))
    return out


def _side_column_lines(lines: list[SourceLine], repeated: set[int]) -> set[int]:
    """Single lines that recur inside repeated blocks elsewhere (a side column split up)."""
    texts = Counter(lines[i].text for i in repeated)
    return {
        i
        for i, line in enumerate(lines)
        if i not in repeated and line.text and texts.get(line.text, 0) >= 2 and len(line.text) <= 40
    }


def _page_breaks(lines: list[SourceLine], footers: set[int]) -> list[int]:
    """Line indices at which a page ends: footer lines and lines before a form feed."""
    breaks = set(footers)
    for i in range(1, len(lines)):
        if lines[i].page != lines[i - 1].page:
            breaks.add(i - 1)
    return sorted(breaks)


def _note_start(text: str) -> bool:
    return bool(
        _LONE_NUMBER.match(text)
        or _NUMBERED_NOTE.match(text)
        or _NOTE_KEYWORD.match(text)
        or _URL.match(text.lstrip("("))
    )


def _footnote_like(lines: list[SourceLine], furniture: set[int]) -> list[bool]:
    """Forward marking: note starts, and text that continues a note."""
    marks = [False] * len(lines)
    prev_note = False  # the previous non-blank line was part of a note
    prev_number = False  # ... and it was a lone note number
    blank_since = False
    run = 0  # lines since the last note start
    for i, line in enumerate(lines):
        if not line.text or i in furniture:
            blank_since = blank_since or not line.text
            continue
        text = line.text
        start = _note_start(text) or bool(_URL.search(text))
        run = 0 if start else run + 1
        cont = prev_note and (not blank_since or prev_number) and run <= _MAX_NOTE_LINES
        marks[i] = start or cont
        prev_note = marks[i]
        prev_number = bool(_LONE_NUMBER.match(text))
        blank_since = False
    return marks


def _is_colophon(rules: FurnitureRules, text: str) -> bool:
    return any(p.match(text) for p in rules.colophon)


def _is_running_footer(rules: FurnitureRules, text: str) -> bool:
    return any(p.match(text) for p in rules.running_footer)


def _footer_key(text: str) -> str:
    """A running footer without the page number that an Aanhangsel footer ends in
    ("Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 7"), so that its pages repeat."""
    return _AANHANGSEL_PAGE.sub("Aanhangsel", " ".join(text.split()))


_AANHANGSEL_PAGE = re.compile(r"Aanhangsel\s*\d{1,4}$")


def printed_furniture(lines: list[SourceLine]) -> tuple[set[int], set[int]]:
    """(furniture, running footers) of printed Kamerstukken and their OCR text.

    Colophons (print order number, ISSN, Sdu Uitgeverij, 's-Gravenhage and year) and
    mastheads in capitals go wherever they are. A running footer ("Tweede Kamer, zitting
    1983-1984, 18 100, nr. 12") goes where a footer stands: at the end of a page, before a
    page number or colophon, or repeated on several pages. A line in the same words after a
    note number, or amid the text, is a footnote citing that paper and stays.
    """
    rules = structure_rules().furniture
    furniture: set[int] = set()
    candidates: list[int] = []
    for i, line in enumerate(lines):
        text = line.text
        if not text:
            continue
        if _is_colophon(rules, text) or any(p.match(text) for p in rules.masthead):
            furniture.add(i)
        elif _is_running_footer(rules, text):
            candidates.append(i)
    seen = Counter(_footer_key(lines[i].text) for i in candidates)
    footers: set[int] = set()
    for i in candidates:
        prev = _neighbour(lines, i, -1)
        if prev is not None and _LONE_NUMBER.match(lines[prev].text) and prev not in furniture:
            continue  # "1" then the citation: a footnote
        nxt = _neighbour(lines, i, 1)
        if (
            seen[_footer_key(lines[i].text)] >= 2
            or _page_end_after(lines, i, furniture, rules)
            or (nxt is not None and _is_colophon(rules, lines[nxt].text))
        ):
            footers.add(i)
    furniture |= footers
    # Page numbers: right after a footer, and the lone numbers that end a page.
    for i in footers:
        j = _neighbour(lines, i, 1)
        if j is not None and rules.page_number.match(lines[j].text):
            furniture.add(j)
    for end in _page_ends(lines):
        k: int | None = end
        for _ in range(rules.page_end_lines):
            if k is None:
                break
            if rules.page_number.match(lines[k].text):
                furniture.add(k)
            elif k not in furniture:
                break
            k = _neighbour(lines, k, -1)
    return furniture, footers


def _neighbour(lines: list[SourceLine], i: int, step: int) -> int | None:
    """The next (``step`` 1) or previous (-1) non-blank line on the same page, or None."""
    j = i + step
    while 0 <= j < len(lines) and not lines[j].text:
        j += step
    if not 0 <= j < len(lines) or lines[j].page != lines[i].page:
        return None
    return j


def _page_ends(lines: list[SourceLine]) -> list[int]:
    """The last non-blank line of each page."""
    ends: dict[int, int] = {}
    for i, line in enumerate(lines):
        if line.text:
            ends[line.page] = i
    return sorted(ends.values())


def _page_end_after(
    lines: list[SourceLine], i: int, furniture: set[int], rules: FurnitureRules
) -> bool:
    """Whether only page numbers, colophons and furniture follow line ``i`` on its page."""
    j = _neighbour(lines, i, 1)
    n = 0
    while j is not None:
        text = lines[j].text
        if not (j in furniture or rules.page_number.match(text) or _is_colophon(rules, text)):
            return False
        n += 1
        if n > rules.page_end_lines:
            return False
        j = _neighbour(lines, j, 1)
    return True


_FULL_LINE = 40  # characters of the line before a footnote mark: running text


def _marks_on_their_own_line(lines: list[SourceLine], furniture: set[int]) -> set[int]:
    """Footnote marks that text extraction put on a line of their own inside a sentence
    ("... op de" / "1" / "voortgangsrapportage ..."): a number of one or two digits between
    a full line that does not end the sentence, nor in a word a number follows ("artikel",
    "tot"), and a line that goes on in lower case."""
    rules = layout_rules()
    marks = set()
    for i in range(1, len(lines) - 1):
        if i in furniture or not _LONE_NUMBER.match(lines[i].text) or len(lines[i].text) > 2:
            continue
        before, after = lines[i - 1].text.rstrip(), lines[i + 1].text.lstrip()
        if (
            len(before) >= _FULL_LINE  # a line of running text, no label or table cell
            and before.split()[-1].lower() not in rules.number_before_words
            and after[:1].islower()
            and not after.startswith(("http", "www."))  # a footnote's own number, its link
            and not before.endswith((".", "!", "?", ":", ";"))
            and not rules.formula_end.search(before)
        ):
            marks.add(i)
    return marks


def find_page_layout(lines: list[SourceLine]) -> PageLayout:
    """Find page furniture and the footnotes at page ends."""
    rules = layout_rules()
    # Printed footers are not taken as page breaks: the numbered paragraphs of OCR text
    # ("1 Is het de minister bekend ...") would look like the footnotes above them.
    printed, _ = printed_furniture(lines)
    footers = {i for i, line in enumerate(lines) if line.text and rules.is_page_footer(line.text)}
    furniture = {i for i, line in enumerate(lines) if line.text and rules.is_furniture(line.text)}
    furniture |= printed
    repeated = _repeated_blocks(lines)
    furniture |= repeated | _side_column_lines(lines, repeated)
    marks = _footnote_like(lines, furniture)
    footnotes: set[int] = set()
    for brk in _page_breaks(lines, footers):
        zone: list[int] = []
        i = brk
        while i >= 0 and (not lines[i].text or i in furniture or marks[i]):
            if lines[i].text and i not in furniture:
                zone.append(i)
            i -= 1
        # Lone numbers after the last note are page numbers, not notes.
        if any(not _LONE_NUMBER.match(lines[j].text) for j in zone):
            footnotes.update(zone)
        else:
            furniture.update(zone)
    furniture |= _marks_on_their_own_line(lines, furniture)
    # Note numbers printed as a column carry nothing once notes are moved.
    for j in list(footnotes):
        if _LONE_NUMBER.match(lines[j].text):
            footnotes.discard(j)
            furniture.add(j)
    return PageLayout(frozenset(furniture), frozenset(footnotes))
