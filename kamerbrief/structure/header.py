"""The letter's header: addressee, place and date, subject, and where the body starts.

Three layouts are read: the Rijksoverheid template (side column with labels
"Datum", "Betreft", "Kenmerk" and their values in a separate block), a plain
letter with a "Den Haag, 25 maart 2015" line, answers to written questions
(Aanhangsel Handelingen), whose header is two sentences: "Vragen van ... over
... (ingezonden ...)" and "Antwoord van Minister X (Ministry) (ontvangen ...)",
and Kamerstuk proposals (motions, amendments): under the masthead a heading
"MOTIE VAN HET LID CEDER" and a line "Voorgesteld 10 april 2025".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kamerbrief.rules.calendar import parse_full_date
from kamerbrief.rules.loader import KamerstukDocument, layout_rules, office_rules
from kamerbrief.structure.normalize import SourceLine

# How far into the letter a header may reach (content lines).
_HEADER_WINDOW = 80
_DATE_TEXT = re.compile(r"\d{1,2}\s+[a-z]+\s+\d{4}")
QUESTION_BLOCK_STARTS = ("Vragen van ", "Antwoord van ", "Mededeling van ")
_QUESTIONS = re.compile(
    r"Vragen van (?:het lid|de leden)\s.*?\sover\s(?P<title>.+?)\s*\(ingezonden\s(?P<date>[^)]+)\)"
)
_ANSWER = re.compile(
    r"(?:Antwoord|Mededeling) van\s(?P<who>.+?)\s*\(ontvangen\s(?:\(ontvangen\s)?(?P<date>[^)]+)\)"
)
_ANSWERER = re.compile(
    r"(?P<office>Minister-President|Minister|Staatssecretaris)\s+"
    r"(?P<name>(?:[A-Z][\w’'\-]*|van|de|der|den|ter|ten)(?:\s+(?:[A-Z][\w’'\-]*|van|de|der|den|ter|ten))*?)"
    r"\s*\((?P<ministry>[^)]+)\)"
)
_QUESTION_START = re.compile(r"^(?:Vraag|Mededeling)\s*\d*$")


@dataclass
class Header:
    """What the header says, and the index of the first line of the body."""

    body_start: int = 0
    content_start: int | None = None  # first line a reader reads as content, if not the body
    title: str | None = None
    date_text: str | None = None
    date_value: str | None = None
    place: str | None = None
    addressee: str | None = None
    senders: list[tuple[str, str]] = field(default_factory=list)
    salutation: int | None = None
    questions: bool = False  # an answer to written questions (Aanhangsel Handelingen)
    proposal: KamerstukDocument | None = None  # a motion or amendment, by its heading
    members: list[str] = field(default_factory=list)  # member names in the heading


def _label_values(lines: list[SourceLine], idx: list[int], header: Header) -> None:
    """Fill date and subject from side-column labels and their values."""
    labels = layout_rules().header_labels
    values: dict[str, list[str]] = {}
    k = 0
    while k < len(idx):
        text = lines[idx[k]].text
        inline = labels.split_inline(text)
        if inline and labels.kind_of(text) is None:
            value = [inline[1]]
            k += 1
            # The value wraps onto the next lines until a blank line or the next label.
            while k < len(idx) and (nxt := lines[idx[k]].text):
                if labels.kind_of(nxt) or labels.split_inline(nxt):
                    break
                value.append(nxt)
                k += 1
            values.setdefault(inline[0], value)
            continue
        run: list[str] = []
        while k < len(idx) and (kind := labels.kind_of(lines[idx[k]].text)) is not None:
            run.append(kind)
            k += 1
        if not run:
            k += 1
            continue
        # The values follow as one block: one line per label, the last takes the rest.
        block: list[str] = []
        j = k
        while j < len(idx) and not lines[idx[j]].text:
            j += 1
        while j < len(idx) and lines[idx[j]].text and labels.kind_of(lines[idx[j]].text) is None:
            block.append(lines[idx[j]].text)
            j += 1
        for n, kind in enumerate(run):
            if n >= len(block):
                break
            taken = block[n:] if n == len(run) - 1 else [block[n]]
            values.setdefault(kind, taken)
        k = j
    if "date" in values and header.date_text is None:
        header.date_text = " ".join(values["date"][:1])
        header.date_value = parse_full_date(header.date_text)
    if "subject" in values and header.title is None:
        header.title = " ".join(" ".join(values["subject"]).split())


def _addressee(lines: list[SourceLine], idx: list[int]) -> str | None:
    rules = layout_rules()
    for k, i in enumerate(idx):
        if rules.addressee_start.match(lines[i].text):
            parts = [lines[i].text]
            for j in idx[k + 1 :]:
                text = lines[j].text
                if not text or rules.addressee_stop.match(text):
                    break
                parts.append(text)
            return " ".join(parts)
    return None


def _questions_header(lines: list[SourceLine], idx: list[int], header: Header) -> bool:
    """Read the header of an answer to written questions; False if this is not one."""
    start = next((k for k, i in enumerate(idx) if _QUESTION_START.match(lines[i].text)), None)
    if start is None:
        return False
    joined = " ".join(lines[i].text for i in idx[:start] if lines[i].text)
    answer = _ANSWER.search(joined)
    if not answer:
        return False
    questions = _QUESTIONS.search(joined)
    if questions:
        header.title = questions.group("title").strip()
    header.date_text = answer.group("date").strip()
    header.date_value = parse_full_date(header.date_text)
    who = re.split(r",?\s+mede namens\s", answer.group("who"))[0]
    offices = office_rules()
    for m in _ANSWERER.finditer(who):
        ministry = re.split(r"\s+[–-]\s+", m.group("ministry"))[0].strip()
        header.senders.append((m.group("name"), offices.office(m.group("office"), ministry)))
    header.body_start = idx[start]
    header.content_start = next(
        (i for i in idx[:start] if lines[i].text.startswith("Vragen van ")), None
    )
    header.questions = True
    return True


def _has_lower(text: str) -> bool:
    return any(ch.islower() for ch in text)


def _kamerstuk_header(lines: list[SourceLine], idx: list[int], header: Header) -> bool:
    """Read the heading and "Voorgesteld" date of a motion or amendment; False if not one.

    The heading is a line in capitals ("GEWIJZIGDE MOTIE VAN HET LID CLAASSEN"),
    wrapped onto more lines in capitals, and a "Voorgesteld <date>" line follows
    within a few lines ("Ter vervanging van die gedrukt onder nr. 8" may come
    between). A sentence that mentions "de motie van het lid ..." is no heading.
    """
    rules = layout_rules().kamerstuk
    content = [i for i in idx if lines[i].text][: rules.heading_window]
    for k, i in enumerate(content):
        if rules.document_of(lines[i].text) is None:
            continue
        parts = [lines[i].text]
        n = k + 1
        while n < len(content) and not _has_lower(lines[content[n]].text):
            parts.append(lines[content[n]].text)
            n += 1
        title = " ".join(" ".join(parts).split())
        found = rules.document_of(title)
        if found is None:
            continue
        for j in content[n : n + 3]:
            m = rules.proposed_date.match(lines[j].text)
            if m and (value := parse_full_date(m.group("date"))):
                header.proposal, members = found
                header.members = rules.members(members)
                header.title = title
                header.date_text = m.group("date")
                header.date_value = value
                header.content_start = i
                header.body_start = j + 1
                return True
    return False


def read_header(lines: list[SourceLine], furniture: frozenset[int]) -> Header:
    """Read the header from the first lines that are not page furniture."""
    rules = layout_rules()
    header = Header()
    idx = [i for i in range(len(lines)) if i not in furniture][:_HEADER_WINDOW]
    if _questions_header(lines, idx, header) or _kamerstuk_header(lines, idx, header):
        return header
    salutation = next((i for i in idx if rules.salutation.match(lines[i].text)), None)
    place_date = None
    for i in idx[:15]:
        m = rules.place_date_line.match(lines[i].text)
        if m and parse_full_date(m.group("date")):
            place_date = i
            header.place = " ".join(m.group("place").split())
            header.date_text = m.group("date")
            header.date_value = parse_full_date(m.group("date"))
            break
    head = [i for i in idx if salutation is None or i < salutation]
    if salutation is not None:
        header.salutation = salutation
        header.content_start = salutation
        header.body_start = salutation + 1
        _label_values(lines, head, header)
        header.addressee = _addressee(lines, head)
    elif place_date is not None:
        header.body_start = place_date + 1
    if header.date_text is None and salutation is not None:
        for i in head:
            if _DATE_TEXT.fullmatch(lines[i].text) and parse_full_date(lines[i].text):
                header.date_text = lines[i].text
                header.date_value = parse_full_date(lines[i].text)
                break
    return header
