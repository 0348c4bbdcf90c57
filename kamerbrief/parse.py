"""Text to structure: normalise a letter's text and find its header, sections and signatories.

The steps run one way: split into lines -> find page furniture and footnotes
(:mod:`kamerbrief.structure.layout`) -> read the header (:mod:`kamerbrief.structure.header`) ->
find signature blocks (:mod:`kamerbrief.structure.signature`) and headings
(:mod:`kamerbrief.structure.headings`) -> group lines into blocks -> render the blocks
into the normalised text, whose offsets the record uses, with a map back to
the source (:mod:`kamerbrief.structure.normalize`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kamerbrief.record import DateValue, Metadata, Question, Section, Sender
from kamerbrief.rules.loader import layout_rules
from kamerbrief.rules.offices import ministry_of
from kamerbrief.rules.questions import question_rules
from kamerbrief.rules.words import word_rules
from kamerbrief.structure.header import QUESTION_BLOCK_STARTS, Header, read_header
from kamerbrief.structure.headings import Heading, find_headings, wrap_width
from kamerbrief.structure.layout import find_page_layout, split_lines
from kamerbrief.structure.normalize import (
    Piece,
    SourceLine,
    SourceMap,
    TextBuilder,
    join_wrapped,
    known_words,
    respaced,
)
from kamerbrief.structure.questions import find_questions, read_kamervragen
from kamerbrief.structure.signature import SignatureBlock, find_member_signatures, find_signatures

_END_OF_SENTENCE = (".", "!", "?", ":", ";")


@dataclass
class ParsedLetter:
    """A letter's normalised text and its structure."""

    text: str
    source_map: SourceMap
    metadata: Metadata
    sections: list[Section]
    warnings: list[str] = field(default_factory=list)
    body_start: int = 0  # offset in text where the body begins
    content_start: int = 0  # where a reader's content begins (salutation, "Vragen van ...")
    questions: list[Question] = field(default_factory=list)  # answers to Kamervragen

    def section_at(self, offset: int) -> str | None:
        """The id of the innermost section that contains ``offset``, or None."""
        found = None
        for section in self.sections:
            if section.start > offset:
                break
            if offset < section.end:
                found = section.id
        return found

    def question_at(self, offset: int) -> str | None:
        """The number of the question whose question or answer holds ``offset``, or None."""
        for q in self.questions:
            if q.start <= offset < q.end or (
                q.answer is not None and q.answer.start <= offset < q.answer.end
            ):
                return q.number
        return None


@dataclass
class _Block:
    lines: list[int]
    kind: str  # "para", "lines", "heading", "note"
    heading: int | None = None  # index into headings


def _starts_lower(text: str) -> bool:
    return bool(text) and (text[0].islower() or text[0] in "(")


class _BlockBuilder:
    """Groups the letter's lines into blocks (paragraphs, headings, signature, notes)."""

    def __init__(self, lines: list[SourceLine], width: float) -> None:
        self.lines = lines
        self.width = width
        self.blocks: list[_Block] = []
        self.current: _Block | None = None
        self.notes: list[int] = []

    def close(self) -> None:
        if self.current is not None and self.current.lines:
            self.blocks.append(self.current)
        self.current = None
        if self.notes:
            self.blocks.append(_Block(self.notes, "note"))
            self.notes = []

    def start(self, kind: str, line: int, heading: int | None = None) -> None:
        self.close()
        self.current = _Block([line], kind, heading)

    def add(self, line: int) -> None:
        assert self.current is not None
        self.current.lines.append(line)

    def continues(self, line: int, gap: bool) -> bool:
        """Whether ``line`` continues the open paragraph (``gap``: blank or furniture between)."""
        cur = self.current
        if cur is None or cur.kind != "para":
            return False
        prev = self.lines[cur.lines[-1]].text
        text = self.lines[line].text
        rules = layout_rules()
        if rules.list_item.match(text) or rules.closing.match(text):
            return False
        # "Vraag 2 Is het waar ...?" starts a block; after a sentence's end also a numbered
        # question ("... veilig." / "2 Wordt de brug verbreed?")
        if question_rules().starts_block(text, numbered=prev.endswith(_END_OF_SENTENCE)):
            return False
        if gap:  # a blank line or a page break: the paragraph goes on if its sentence does
            runs_on = prev.split()[-1].lower() in word_rules().line_continuations
            return (_starts_lower(text) or runs_on) and not prev.endswith(_END_OF_SENTENCE)
        if prev.endswith(_END_OF_SENTENCE[:4]) and len(prev) < 0.85 * self.width:
            return _starts_lower(text)
        return True


def _group(
    lines: list[SourceLine],
    header: Header,
    furniture: frozenset[int],
    footnotes: frozenset[int],
    headings: list[Heading],
    signatures: list[SignatureBlock],
    width: float,
) -> list[_Block]:
    rules = layout_rules()
    heading_at = {h.lines[0]: n for n, h in enumerate(headings)}
    heading_rest = {line for h in headings for line in h.lines[1:]}
    # A block of signatures: role and name lines, or the members' names of a proposal.
    signature_at = {s.lines[0] for s in signatures if s.role_lines}
    signature_rest = {i for s in signatures for i in s.lines} - signature_at
    members = sorted(s.name_line for s in signatures if not s.role_lines)
    if members:
        signature_at.add(members[0])
        signature_rest.discard(members[0])
    clause = rules.kamerstuk.clause_start if header.proposal is not None else None
    b = _BlockBuilder(lines, width)
    gap = False
    for i, line in enumerate(lines):
        if i in furniture:
            gap = True
            continue
        if i in footnotes:
            b.notes.append(i)
            continue
        if not line.text:
            gap = True
            if i < header.body_start and b.current is not None and b.current.kind == "lines":
                b.close()
            continue
        text = line.text
        in_question_header = (
            header.questions
            and header.content_start is not None
            and header.content_start <= i < header.body_start
        )
        if in_question_header:
            # "Vragen van ... (ingezonden ...)" and "Antwoord van ... (ontvangen ...)" are prose.
            if (
                b.current is None
                or b.current.kind != "para"
                or gap
                or text.startswith(QUESTION_BLOCK_STARTS)
                or question_rules().starts_block(text, numbered=True)  # "1) Is het ...?"
            ):
                b.start("para", i)
            else:
                b.add(i)
        elif i < header.body_start or i == header.salutation:
            if (
                b.current is None
                or b.current.kind != "lines"
                or gap
                or (header.proposal is not None and i == header.content_start)
            ):
                b.start("lines", i)
            else:
                b.add(i)
        elif i in heading_at:
            b.start("heading", i, heading_at[i])
        elif i in heading_rest:
            b.add(i)
        elif i in signature_at:
            b.start("lines", i)
        elif i in signature_rest:
            b.add(i)
        elif rules.closing.match(text) or (rules.is_not_heading(text) and len(text) < 0.5 * width):
            b.start("lines", i)
            b.close()
        elif clause is not None and clause.match(text):  # "overwegende dat ..." starts a clause
            b.start("para", i)
        elif b.continues(i, gap):
            b.add(i)
        else:
            b.start("para", i)
        gap = False
    b.close()
    return b.blocks


def _letter_members(lines: list[SourceLine], before: int) -> list[str]:
    """The members named in the heading of a document that members sign ("BRIEF VAN
    DE LEDEN ...", "Voorstel van wet van de leden ..."); "C.S." names only the first."""
    rules = layout_rules().kamerstuk
    for line in lines[:before]:
        members = rules.members_of(line.text)
        if members is not None:
            return members
    return []


def _render(
    lines: list[SourceLine], blocks: list[_Block], known: frozenset[str]
) -> tuple[str, SourceMap, list[tuple[int, int]]]:
    out = TextBuilder()
    spans: list[tuple[int, int]] = []
    for n, block in enumerate(blocks):
        first = lines[block.lines[0]]
        if n:
            out.write("\n\n", first.start)
        src = [lines[i] for i in block.lines]
        if block.kind in ("para", "heading"):
            spans.append(out.add_pieces(join_wrapped(src, known)))
        else:
            # Header and signature lines keep their line breaks; OCR repairs apply to them
            # as to paragraphs ("BRIEF VAIM DE MINISTER", "17juli 1980").
            pieces: list[Piece] = []
            for k, line in enumerate(src):
                if k:
                    pieces.append(Piece("\n", line.start, copied=False))
                pieces.extend(respaced(line.text, line.start, known))
            spans.append(out.add_pieces(pieces))
    return out.text(), out.source_map(), spans


def _sections(
    text: str, headings: list[Heading], blocks: list[_Block], spans: list[tuple[int, int]]
) -> list[Section]:
    starts: dict[int, tuple[int, int]] = {}
    for block, span in zip(blocks, spans, strict=True):
        if block.heading is not None:
            starts[block.heading] = span
    sections: list[Section] = []
    for n, h in enumerate(headings):
        start, end_heading = starts[n]
        heading_text = text[start:end_heading]
        title = heading_text
        if h.number is not None:
            title = heading_text.split(None, 1)[1] if " " in heading_text else h.title
        end = len(text)
        for m in range(n + 1, len(headings)):
            if headings[m].level <= h.level:
                end = starts[m][0]
                break
        sections.append(
            Section(
                id=f"s{n + 1}",
                number=h.number,
                level=h.level,
                title=title.strip(),
                start=start,
                end=end,
                parent=None if h.parent is None else f"s{h.parent + 1}",
            )
        )
    return sections


def parse(raw: str) -> ParsedLetter:
    """Normalise ``raw`` (text as extracted from a letter) and find its structure."""
    lines = split_lines(raw)
    layout = find_page_layout(lines)
    header = read_header(lines, layout.furniture)
    body = [
        i
        for i in range(header.body_start, len(lines))
        if i not in layout.furniture and i not in layout.footnotes
    ]
    usable = [i for i in body if lines[i].text]
    if header.proposal is not None:
        signatures = find_member_signatures(lines, usable, header.members)
    else:
        signatures = find_signatures(lines, usable)
        members = _letter_members(lines, header.body_start)
        if members and not signatures:  # "BRIEF VAN DE LEDEN ...": the members sign it
            signatures = find_member_signatures(lines, usable, members)
    taken = frozenset(i for s in signatures for i in s.lines)
    # In answers to written questions the Vraag/Antwoord blocks are the structure;
    # numbered lines inside an answer are list items, not sections. A motion's
    # clauses ("overwegende dat ...") are no headings either.
    no_sections = header.questions or (header.proposal is not None and not header.proposal.sections)
    headings = [] if no_sections else find_headings(lines, body, taken)
    width = wrap_width(lines, body)
    blocks = _group(lines, header, layout.furniture, layout.footnotes, headings, signatures, width)
    text, source_map, spans = _render(lines, blocks, known_words(raw))
    sections = _sections(text, headings, blocks, spans)
    # The answering minister of an Aanhangsel answer, and the signatories; a minister
    # named in the answer's header who also signs is one sender.
    senders = [Sender(name=n, role=r, ministry=ministry_of(r)) for n, r in header.senders]
    named = {n.split()[-1].casefold() for n, _ in header.senders}
    senders += [
        Sender(name=s.name, role=s.role, ministry=ministry_of(s.role))
        for s in signatures
        if not s.name.split() or s.name.split()[-1].casefold() not in named
    ]
    warnings: list[str] = []
    if header.date_text and header.date_value is None:
        warnings.append(f"letter date {header.date_text!r} could not be read")
    metadata = Metadata(
        title=header.title,
        date=DateValue(text=header.date_text, value=header.date_value)
        if header.date_text
        else None,
        place=header.place,
        addressee=header.addressee,
        senders=senders,
    )
    body_offset = _first_offset(blocks, spans, header.body_start, len(text))
    content_offset = body_offset
    if header.content_start is not None:
        content_offset = _line_offset(text, lines, blocks, spans, header.content_start)
    content_offset = min(content_offset, body_offset)
    questions = find_questions(
        text,
        content_offset,
        aanhangsel=header.questions,
        breaks=_source_break(raw, source_map),
        stops=_closing_offsets(lines, blocks, spans, signatures),
    )
    if questions or header.questions:
        metadata.kamervragen = read_kamervragen(raw, text, senders, metadata.date)
    return ParsedLetter(
        text, source_map, metadata, sections, warnings, body_offset, content_offset, questions
    )


def _closing_offsets(
    lines: list[SourceLine],
    blocks: list[_Block],
    spans: list[tuple[int, int]],
    signatures: list[SignatureBlock],
) -> list[int]:
    """Where the letter's closing ("Hoogachtend,") and signature blocks begin in the text:
    the last answer of an answer letter ends there."""
    closing = layout_rules().closing
    signed = {s.lines[0] for s in signatures}
    return [
        span[0]
        for block, span in zip(blocks, spans, strict=True)
        if block.lines[0] in signed or closing.match(lines[block.lines[0]].text)
    ]


def _source_break(raw: str, source_map: SourceMap) -> Callable[[int], bool]:
    """Whether the source broke the line after text[offset], or glued a capital to it."""

    def breaks(offset: int) -> bool:
        at = source_map.to_source(offset)
        after = raw[at + 1 : at + 3]
        return after[:1] == "\n" or after.lstrip(" ")[:1] == "\n" or after[:1].isupper()

    return breaks


def _line_offset(
    text: str,
    lines: list[SourceLine],
    blocks: list[_Block],
    spans: list[tuple[int, int]],
    line: int,
) -> int:
    """The text offset where source line ``line`` begins (its block's start if not found)."""
    for block, (start, end) in zip(blocks, spans, strict=True):
        if line in block.lines:
            found = text.find(lines[line].text, start, end)
            return start if found < 0 else found
    return len(text)


def _first_offset(
    blocks: list[_Block], spans: list[tuple[int, int]], line: int, default: int
) -> int:
    """The text offset of the first block that starts at or after ``line``."""
    return next(
        (span[0] for block, span in zip(blocks, spans, strict=True) if block.lines[0] >= line),
        default,
    )
