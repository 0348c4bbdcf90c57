"""Headings of the letter body: numbered ("2.1. Bijeenkomst ...") and unnumbered.

Numbered candidates are judged by their shape (a short title that starts with
a capital and is not a sentence that runs on) and then by their numbering: of
all candidates, the chain whose numbers follow each other as an outline does
(1, 1.1, 1.2, 2, 2.1 ...) and that scores best is kept. Numbered list items
(policy choices "1. Op basis van ...", an agenda "1. Ultrafijn stof: ...") fail
the shape test or do not fit the chain.

Unnumbered headings are short lines standing alone between paragraphs and
followed by real text. A title may end in "?" (or, standing alone and short, in ":"),
open with "(", carry abbreviations with full stops ("N.V.") and follow a line that ends
in a footnote number. Masthead lines, side-column labels with their values, a name over
a signature's office, and text quoted after "wordt als volgt gelezen:" are no headings
(``data/structure.json``). Answers to Kamervragen ("Vraag 1" / "Antwoord op vraag 1")
have no sections: their labels and numbered questions are the structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamerbrief.rules.document_rules import structure_rules
from kamerbrief.rules.loader import layout_rules
from kamerbrief.rules.words import word_rules
from kamerbrief.structure.normalize import SourceLine

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(\.?)(?:\s+(\S.*))?$")
# a heading numbered in Roman numerals: "II. Artikelsgewijs" (number "II")
_ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3}))\.\s+([A-Z\u00C0-\u00DE«‘“\"(].*)$")
_SENTENCE_BREAK = re.compile(r"[.?!]\s+[A-Z]")
_TITLE_START = re.compile(r"^[«‘“\"'(]?[A-Z\u00C0-\u00DE]")
_MAX_TITLE = 150
_MAX_WORDS = 12  # an unnumbered heading; a longer one must stand alone between blank lines
_MAX_WORDS_ALONE = 18
_MAX_WORDS_COLON = 5  # "Conclusie:" standing alone
# A line ending in one of these words runs on into the next line.


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


@dataclass(frozen=True)
class Heading:
    lines: tuple[int, ...]  # line indices of number and title
    number: str | None
    title: str
    level: int
    parent: int | None  # index into the list of headings


@dataclass(frozen=True)
class _Context:
    """The body's lines in reading order; blank lines kept as empty text."""

    lines: list[SourceLine]
    order: list[int]
    width: float

    def text(self, k: int) -> str:
        return self.lines[self.order[k]].text if 0 <= k < len(self.order) else ""

    def next_nonblank(self, k: int) -> int | None:
        k += 1
        while k < len(self.order) and not self.text(k):
            k += 1
        return k if k < len(self.order) else None

    def prev_nonblank(self, k: int) -> int | None:
        k -= 1
        while k >= 0 and not self.text(k):
            k -= 1
        return k if k >= 0 else None

    def blank_after(self, k: int) -> bool:
        return k + 1 >= len(self.order) or not self.text(k + 1)

    def blank_before(self, k: int) -> bool:
        return k == 0 or not self.text(k - 1)

    def long(self, k: int, share: float = 0.75) -> bool:
        return len(self.text(k)) >= share * self.width


def wrap_width(lines: list[SourceLine], order: list[int]) -> float:
    """The usual length of a full line of body text."""
    lengths = sorted(len(lines[i].text) for i in order if len(lines[i].text) > 20)
    if not lengths:
        return 80.0
    # Text whose lines are whole paragraphs (OCR that joined the printed lines, Word):
    # no line is a wrapped full line, so none may count as "long".
    paragraph = structure_rules().ocr.paragraph_line
    if 2 * sum(n for n in lengths if n >= paragraph) >= sum(lengths):
        return lengths[-1] / 0.8
    return float(lengths[int(0.8 * (len(lengths) - 1))])


def _title_ok(title: str) -> bool:
    return bool(_TITLE_START.match(title)) and not title.endswith((",", ";", ":"))


def _masked(title: str) -> str:
    """``title`` with the full stops of abbreviations ("N.V.", "t.a.v.") taken out."""
    return structure_rules().headings.abbreviation.sub(lambda m: m.group().replace(".", "_"), title)


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence, also when a footnote number follows ("... is.3")."""
    text = structure_rules().headings.note_number_end.sub("", text).rstrip()
    return text.endswith((".", "!", "?", ":"))


def answer_layout(lines: list[SourceLine], order: list[int]) -> bool:
    """Whether the body is answers to Kamervragen: labels "Vraag 1", "Antwoord op vraag 1" ..."""
    rules = structure_rules().headings
    texts = [lines[i].text for i in order if lines[i].text]
    labels = sum(1 for t in texts if rules.is_answer_label(t))
    if labels:  # with an answer label, "1. Bent u bekend met ...?" is a question
        labels += sum(1 for t in texts if rules.numbered_question.match(t))
    return labels >= rules.min_answer_labels


def _numbered_candidate(ctx: _Context, k: int) -> tuple[tuple[int, ...], Heading, float] | None:
    m = _NUMBERED.match(ctx.text(k))
    if not m:
        return None
    parts = tuple(int(p) for p in m.group(1).split("."))
    if parts[0] == 0 or max(parts) > 30:
        return None
    # "1 Inleiding" without the full stop: a heading only alone between blank lines, with
    # no footnote's words ("1 Kamerstuk 36 410, nr. 5", "2 Zie ..."), and only in an
    # outline of two or more such (see _dotless_alone)
    dotless = len(parts) == 1 and not m.group(2)
    footnote = structure_rules().headings.footnote_like
    if dotless and not (
        m.group(3)
        and ctx.blank_before(k)
        and ctx.blank_after(k)
        and not any(p.search(m.group(3)) for p in footnote)
    ):
        return None
    title_ks: list[int]
    if m.group(3):
        first = m.group(3)
        title_ks = [k]
    else:  # the number stands alone; the title is on the next line
        nxt = ctx.next_nonblank(k)
        if nxt is None or nxt - k > 4:
            return None
        first = ctx.text(nxt)
        title_ks = [k, nxt]
    if not _title_ok(first) or layout_rules().is_not_heading(first):
        return None
    last = title_ks[-1]
    parts_text = [first]
    nxt = ctx.next_nonblank(last)
    runs_on = first.split()[-1].lower() in word_rules().line_continuations
    if (
        nxt is not None
        and not first.endswith((".", "?", "!"))
        and (runs_on or (ctx.long(last) and nxt == last + 1))
    ):
        cont = ctx.text(nxt)
        after = ctx.next_nonblank(nxt)
        ends_block = ctx.blank_after(nxt) or after is None or _TITLE_START.match(ctx.text(after))
        if not ctx.long(nxt) and ends_block and not layout_rules().list_item.match(cont):
            parts_text.append(cont)  # the title wraps onto one more line
            title_ks.append(nxt)
        elif runs_on or _starts_lower(cont):
            return None  # a line that runs on into a sentence: not a heading
    title = " ".join(" ".join(parts_text).split())
    if len(title) > _MAX_TITLE or _SENTENCE_BREAK.search(_masked(title)):
        return None
    if _masked(title).endswith(".") and (len(parts) == 1 or not ctx.blank_after(title_ks[-1])):
        return None
    score = 1.0 + 0.5 * ctx.blank_before(k) + 0.5 * ctx.blank_after(title_ks[-1])
    score += 0.25 * (len(parts) > 1)
    number = ".".join(str(p) for p in parts)
    heading = Heading(tuple(ctx.order[j] for j in title_ks), number, title, len(parts), None)
    return parts, heading, score


def _follows(prev: tuple[int, ...] | None, cur: tuple[int, ...]) -> bool:
    """Whether outline number ``cur`` may come right after ``prev``."""
    if prev is None:
        return all(p == 1 for p in cur)
    if cur == (*prev, 1):
        return True
    return any(cur == (*prev[: d - 1], prev[d - 1] + 1) for d in range(len(prev), 0, -1))


def _best_chain(cands: list[tuple[tuple[int, ...], Heading, float]]) -> list[int]:
    """Indices of the best-scoring run of candidates numbered as an outline."""
    best: list[float] = []
    back: list[int | None] = []
    for i, (num, _, score) in enumerate(cands):
        top = score if _follows(None, num) else float("-inf")
        link = None
        for j in range(i):
            if best[j] + score > top and _follows(cands[j][0], num):
                top, link = best[j] + score, j
        best.append(top)
        back.append(link)
    if not best or max(best) == float("-inf"):
        return []
    i: int | None = max(range(len(best)), key=lambda n: best[n])
    chain: list[int] = []
    while i is not None:
        chain.append(i)
        i = back[i]
    return chain[::-1]


def _dotless(ctx: _Context, k: int) -> bool:
    """Whether line k is numbered at the top level without a full stop: "1 Inleiding"."""
    m = _NUMBERED.match(ctx.text(k))
    return bool(m) and "." not in m.group(1) and not m.group(2)


def _dotless_alone(chain: list[int], dotless: list[bool]) -> list[int]:
    """The chain without its headings numbered without a full stop ("1 Inleiding") unless
    there are two or more of them: one alone may be a footnote ("1 Zie bijlage")."""
    if sum(dotless[i] for i in chain) >= 2:
        return chain
    return [i for i in chain if not dotless[i]]


def _not_a_title(ctx: _Context, k: int, text: str) -> bool:
    """Lines shaped like a heading that are not one: mastheads, labels, a signatory's name."""
    layout = layout_rules()
    rules = structure_rules().headings
    if rules.is_not_heading(text) or rules.is_answer_label(text):
        return True
    inline = layout.header_labels.split_inline(text)
    if inline and inline[0] in ("date", "reference", "contact"):
        return True  # "Datum 22 september 2017": the side column
    nxt = ctx.next_nonblank(k)
    if nxt is not None and layout.signature_role.match(ctx.text(nxt)) and ctx.blank_before(k):
        return len(text.split()) <= 5 and not ctx.long(nxt, 0.6)  # a name over its office
    return False


# a sentence's end and a footnote number after it ("... te bereiken.3"), not a number's
# full stop ("Artikel 2.3", "Scenario A.1")
_SENTENCE_THEN_NOTE = re.compile(r"[a-zß-ÿ][)»”’]?[.;!,]\s?\d{1,2}$")


def _end_ok(ctx: _Context, k: int, text: str) -> bool:
    """A title's last character: no sentence end, except "?" and a short ":" standing alone."""
    bare = _masked(text)
    if bare.endswith((".", ",", ";")) or _SENTENCE_THEN_NOTE.search(bare):
        return False
    alone = ctx.blank_before(k) and ctx.blank_after(k)
    if bare.endswith("?"):
        return alone
    if bare.endswith(":"):
        nxt = ctx.next_nonblank(k)
        return (
            alone
            and len(text.split()) <= _MAX_WORDS_COLON
            and nxt is not None
            and not layout_rules().list_item.match(ctx.text(nxt))
            and ctx.long(nxt, 0.6)
        )
    return True


def _unnumbered_ok(ctx: _Context, k: int, taken: set[int], heading_ks: set[int]) -> bool:
    rules = layout_rules()
    text = ctx.text(k)
    if not text or ctx.order[k] in taken or len(text) < 3:
        return False
    words = len(text.split())
    alone = ctx.blank_before(k) and ctx.blank_after(k)
    if words > (_MAX_WORDS_ALONE if alone else _MAX_WORDS):
        return False
    if ctx.long(k, 0.8) and not alone:
        return False  # a full line, unless a long title that stands alone
    if not _TITLE_START.match(text) or not _end_ok(ctx, k, text):
        return False
    if text.split()[-1].lower() in word_rules().line_continuations:
        return False
    if (
        rules.is_not_heading(text)
        or rules.list_item.match(text)
        or rules.salutation.match(text)
        or rules.closing.match(text)
        or rules.signature_role.match(text)
        or rules.header_labels.kind_of(text)
        or _NUMBERED.match(text)
        or _not_a_title(ctx, k, text)
    ):
        return False
    prev = ctx.prev_nonblank(k)
    if prev is not None and structure_rules().headings.introduces_quote(ctx.text(prev)):
        return False  # "... wordt als volgt gelezen:" then the quoted text
    if not (
        prev is None
        or ctx.blank_before(k)
        or prev in heading_ks
        or _ends_sentence(ctx.text(prev))
        or structure_rules().headings.is_not_heading(ctx.text(prev))
    ):
        return False
    nxt = ctx.next_nonblank(k)
    if nxt is None or not (
        _TITLE_START.match(ctx.text(nxt)) or rules.list_item.match(ctx.text(nxt))
    ):
        return False
    if ctx.text(nxt).split()[0].endswith(","):
        return False  # "... Integraal" / "Riviermanagement, komen er ...": a sentence runs on
    # Followed by real text: a full line soon, or another heading.
    j: int | None = nxt
    for _ in range(4):
        if j is None:
            return False
        if j in heading_ks or ctx.long(j, 0.6) or len(ctx.text(j).split()) > _MAX_WORDS_ALONE:
            return True
        j = ctx.next_nonblank(j)
    return False


def find_headings(
    lines: list[SourceLine], order: list[int], taken: frozenset[int] = frozenset()
) -> list[Heading]:
    """Headings among the body lines ``order`` (blank lines included), in reading order.

    ``taken`` holds lines that belong to something else (signature blocks).
    """
    if answer_layout(lines, order):
        return []
    ctx = _Context(lines, order, wrap_width(lines, order))
    cands = []
    for k in range(len(order)):
        if order[k] in taken:
            continue
        cand = _numbered_candidate(ctx, k)
        if cand:
            cands.append((k, cand))
    chain = _dotless_alone(_best_chain([c for _, c in cands]), [_dotless(ctx, k) for k, _ in cands])
    numbered = {cands[i][0]: cands[i][1][1] for i in chain}
    used = {line for h in numbered.values() for line in h.lines} | set(taken)
    # Unnumbered headings, from the end so that "heading followed by heading" is known.
    pos = {line: k for k, line in enumerate(order)}
    heading_ks = {pos[line] for h in numbered.values() for line in h.lines}
    unnumbered: dict[int, str] = {}
    for _ in range(2):  # twice: a heading may stand right after another one
        for k in range(len(order) - 1, -1, -1):
            if k not in heading_ks and _unnumbered_ok(ctx, k, used, heading_ks):
                unnumbered[k] = ctx.text(k)
                heading_ks.add(k)
    return _assign_levels(ctx, numbered, unnumbered)


def _assign_levels(
    ctx: _Context, numbered: dict[int, Heading], unnumbered: dict[int, str]
) -> list[Heading]:
    """Levels and parents: numbers give them; an unnumbered heading is the child of a
    heading it directly follows, else a sibling of the section it comes in."""
    out: list[Heading] = []
    by_number: dict[str, int] = {}
    last_numbered: int | None = None  # index in out
    base: dict[int | None, tuple[int, int | None]] = {}  # numbered idx -> (level, parent)
    prev_heading_k: int | None = None
    for k in sorted([*numbered, *unnumbered]):
        directly = prev_heading_k is not None and ctx.prev_nonblank(k) == _last_line_k(ctx, out)
        if k in numbered:
            h = numbered[k]
            number = h.number or ""
            parent = by_number.get(number.rsplit(".", 1)[0]) if "." in number else None
            out.append(Heading(h.lines, h.number, h.title, h.level, parent))
            by_number[number] = len(out) - 1
            last_numbered = len(out) - 1
        else:
            if directly and out:
                level, parent = out[-1].level + 1, len(out) - 1
            elif last_numbered in base:
                level, parent = base[last_numbered]
            elif last_numbered is not None:
                level, parent = out[last_numbered].level, out[last_numbered].parent
            else:
                level, parent = 1, None
            base.setdefault(last_numbered, (level, parent))
            roman = _ROMAN.match(unnumbered[k])
            number, title = roman.groups() if roman and roman.group(1) else (None, unnumbered[k])
            out.append(Heading((ctx.order[k],), number, title, level, parent))
        prev_heading_k = k
    return out


def _last_line_k(ctx: _Context, out: list[Heading]) -> int | None:
    if not out:
        return None
    last_line = out[-1].lines[-1]
    return ctx.order.index(last_line)
