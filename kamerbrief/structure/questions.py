"""Questions and answers of an answer to Kamervragen, and what its header says about them.

Three layouts cover what archives hold (labels and sentences are data,
``data/questions.json``):

- labelled blocks: "Vraag 1" ... "Antwoord 1" / "Antwoord op vraag 1" / "Antwoord", in
  any order (interleaved, or all questions first), with grouped labels ("Vraag 3, 4, 5
  en 6", "Antwoord op vragen 2 t/m 6") and a "Mededeling" that answers nothing;
- numbered questions ("1. Kunt u ...?", or "1" on its own line), each followed by an
  "Antwoord" label (the Kamer's Word version);
- inline numbers in OCR'd Aanhangsel pages of 1977-1995: the questions numbered
  "1 Is het ...? 2 Is het waar ...", then "Antwoord van minister X (Ontvangen ...)", then
  the answers numbered the same way.

Spans are offsets into the normalised text; a question ends where the next label begins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from kamerbrief.record import Answer, Asker, DateValue, Kamervragen, Question, Sender
from kamerbrief.rules.loader import layout_rules, office_rules
from kamerbrief.rules.questions import QuestionRules, question_rules
from kamerbrief.structure.header import read_printed_date


@dataclass
class _Event:
    """A label in the text: a question ("q"), an answer ("a") or a notice ("n")."""

    kind: str
    numbers: list[str]
    start: int  # where the label begins
    content: int  # where its text begins
    end: int = 0  # where its text ends: the next label


@dataclass
class _Pair:
    number: str
    question: tuple[int, int]
    answer: tuple[int, int] | None = None
    answered_with: list[str] = field(default_factory=list)


def question_numbers(printed: str, rules: QuestionRules | None = None) -> list[str]:
    """The numbers of a label as printed: "3, 4, 5 en 6" and "3 t/m 6" give 3, 4, 5, 6."""
    rules = rules or question_rules()
    numbers: list[str] = []
    pos = 0
    pending_range = False
    for m in rules.number_token.finditer(printed):
        between = printed[pos : m.start()].strip()
        pos = m.end()
        if numbers and between in rules.range_words:
            pending_range = True
        number = m.group()
        if pending_range and number.isdigit() and numbers[-1].isdigit():
            low, high = int(numbers[-1]), int(number)
            if 0 < high - low <= 30:
                numbers.extend(str(n) for n in range(low + 1, high + 1))
                pending_range = False
                continue
        pending_range = False
        numbers.append(number)
    return list(dict.fromkeys(numbers))


def _successors(number: str | None) -> set[str]:
    """The numbers that may follow ``number`` in a sequence: 1 -> 2, 2a, 1a; 2a -> 2b, 3."""
    if number is None:
        return {"1", "1a"}
    digits = re.match(r"\d+", number)
    if digits is None:
        return set()
    n = int(digits.group())
    letter = number[digits.end() :]
    nxt = {str(n + 1), f"{n + 1}a"}
    if letter:
        nxt.add(f"{n}{chr(ord(letter) + 1)}")
    else:
        nxt.add(f"{n}a")
    return nxt


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of each non-blank line of text[start:end]."""
    found = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        line = m.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            s = start + m.start() + lead
            found.append((s, s + len(stripped), stripped))
    return found


def _rest_start(match: re.Match[str], line_start: int, line_end: int) -> int:
    if "rest" in match.re.groupindex and match.group("rest"):
        return line_start + match.start("rest")
    return line_end


def _label_events(text: str, start: int, rules: QuestionRules) -> list[_Event]:
    events: list[_Event] = []
    for s, e, line in _lines(text, start, len(text)):
        for kind, patterns in (
            ("q", rules.question_labels),
            ("a", rules.answer_labels),
            ("n", rules.notice_labels),
            ("#", rules.numbered_questions),
        ):
            m = next((m for p in patterns if (m := p.match(line))), None)
            if m is None:
                continue
            numbers = []
            if "numbers" in m.re.groupindex and m.group("numbers"):
                numbers = question_numbers(m.group("numbers"), rules)
            events.append(_Event(kind, numbers, s, _rest_start(m, s, e)))
            break
    return events


def _close(events: list[_Event], end: int) -> list[_Event]:
    for ev, nxt in zip(events, [*events[1:], None], strict=True):
        ev.end = nxt.start if nxt is not None else end
    return events


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """start and end moved past white space, and past the stop that ended a label."""
    while start < end and (text[start].isspace() or text[start] in ".:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _asks(text: str, span: tuple[int, int]) -> bool:
    return "?" in text[span[0] : span[1]]


def _numbered_as_questions(text: str, events: list[_Event]) -> list[_Event]:
    """Numbered lines that continue the question sequence, each followed by an answer."""
    kept: list[_Event] = []
    last: str | None = None
    previous_kind = "a"
    for i, ev in enumerate(events):
        if ev.kind == "#":
            nxt = next((e for e in events[i + 1 :] if e.kind != "#"), None)
            # all questions first: a later answer names this number ("Ad 1", "Antwoord 1")
            answered_later = bool(ev.numbers) and any(
                e.kind == "a" and ev.numbers[0] in e.numbers for e in events[i + 1 :]
            )
            following = events[i + 1] if i + 1 < len(events) else None
            ok = (
                ev.numbers
                and ev.numbers[0] in _successors(last)
                and (previous_kind in ("a", "start") or answered_later)
                and nxt is not None
                and (nxt.kind == "a" or answered_later)
                and _asks(text, (ev.content, following.start if following else nxt.start))
            )
            if ok:
                last = ev.numbers[0]
                kept.append(_Event("q", ev.numbers, ev.start, ev.content))
                previous_kind = "q"
        else:
            kept.append(ev)
            previous_kind = ev.kind
    return kept


def _split_group(
    text: str,
    span: tuple[int, int],
    count: int,
    rules: QuestionRules,
    breaks: Callable[[int], bool] | None = None,
) -> list[tuple[int, int]] | None:
    """A grouped question block cut into ``count`` questions, or None if it does not cut so.

    Paragraphs first; then the question marks after which the source broke the line (or
    glued the next question on: "gedaan?Wat vindt u"); then every question mark, a
    follow-up ("Zo ja, ...", a sentence that opens as the one before) kept with the
    question it follows. Text without a question mark (a footnote, a source line) stays
    with the question before it.
    """
    start, end = span
    paragraphs = [(s, e) for s, e, _ in _lines(text, start, end)]
    asking = [p for p in paragraphs if "?" in text[p[0] : p[1]]]
    if len(asking) == count and len(paragraphs) == count:
        return [_after_note_number(text, part) for part in paragraphs]
    strong: list[tuple[int, int]] = []
    every: list[tuple[int, int]] = []
    for s, e in paragraphs:
        cut_strong = cut = s
        for m in _QUESTION_MARK.finditer(text, s, e):
            if m.end() >= e:
                continue
            every.append((cut, m.start() + 1))
            cut = m.end()
            if breaks is not None and breaks(m.start() + len(m.group().rstrip()) - 1):
                strong.append((cut_strong, m.start() + 1))
                cut_strong = m.end()
        every.append((cut, e))
        strong.append((cut_strong, e))
    tries = ((strong, False), (strong, True), (every, False), (every, True))
    for pieces, merge_follow_ups in tries:
        parts = _questions_only(text, pieces, rules, merge_follow_ups)
        if len(parts) == count:
            return [_after_note_number(text, part) for part in parts]
    return None


def _questions_only(
    text: str, pieces: list[tuple[int, int]], rules: QuestionRules, merge_follow_ups: bool
) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        follow = bool(merged) and (
            "?" not in text[s:e]
            or (
                merge_follow_ups
                and (
                    rules.follow_up.match(text[s:e]) is not None
                    or text[merged[-1][0] : merged[-1][1]].split()[:3] == text[s:e].split()[:3]
                )
            )
        )
        if follow:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _after_note_number(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A question part without the footnote number a PDF printed before it ("1 Hoe ...")."""
    m = _NOTE_NUMBER.match(text, span[0], span[1])
    return (m.end(), span[1]) if m else span


_NOTE_NUMBER = re.compile(r"\d{1,2}\s+(?=[A-Z])")


# The end of a question inside a paragraph: "?", a closing quote or footnote number.
_QUESTION_MARK = re.compile(r"\?[»”’\"')]*\d{0,2}\s*")


def _pairs_from_labels(
    text: str,
    events: list[_Event],
    rules: QuestionRules,
    breaks: Callable[[int], bool] | None = None,
) -> list[_Pair]:
    pairs: dict[str, _Pair] = {}
    last_question: list[str] = []
    has_answers = any(ev.kind in ("a", "n") for ev in events)
    for ev in events:
        span = _trimmed(text, ev.content, ev.end)
        if ev.kind == "q":
            # an unnumbered "Vraag" label: the next number in order
            printed = ev.numbers or [str(len(pairs) + 1)]
            numbers = [n for n in printed if n not in pairs]
            if not numbers:
                continue
            parts = (
                _split_group(text, span, len(numbers), rules, breaks) if len(numbers) > 1 else None
            )
            for i, number in enumerate(numbers):
                pairs[number] = _Pair(number, parts[i] if parts else span)
            last_question = numbers
            if not has_answers and len(numbers) == 1:
                _unlabelled_answer(text, pairs[numbers[0]])
        elif ev.kind == "a":
            numbers = [n for n in ev.numbers if n in pairs] if ev.numbers else last_question
            numbers = [n for n in numbers if pairs[n].answer is None]
            for number in numbers:
                pairs[number].answer = span
                pairs[number].answered_with = [n for n in numbers if n != number]
            if ev.numbers or numbers:
                last_question = []
    return list(pairs.values())


def _unlabelled_answer(text: str, pair: _Pair) -> None:
    """A question block that goes on after its last question mark: the rest is the answer.
    A web address's "?" asks nothing ("https://www.rijkswaterstaat.nl/zoeken?q=brug")."""
    start, end = pair.question
    marks = [m for m in _QUESTION_MARK.finditer(text, start, end) if not _in_address(text, m)]
    if not marks or marks[-1].end() >= end:
        return
    cut = marks[-1]
    pair.question = (start, cut.start() + 1)
    a, b = _trimmed(text, cut.end(), end)
    # its label on the question's line: "Vraag 1: Is dat zo? Antwoord: Ja."
    label = next((m for p in question_rules().answer_labels if (m := p.match(text[a:b]))), None)
    if (
        label is not None
        and label.group().lower().startswith("antwoord")
        and "rest" in label.re.groupindex
        and label.group("rest")
    ):
        a += label.start("rest")
    pair.answer = (a, b)


def _in_address(text: str, mark: re.Match[str]) -> bool:
    """Whether a "?" is inside a web address: a query follows it at once ("zoeken?q=brug");
    an address that ends a question ("(https://nos.nl/artikel/2500000)?") still asks."""
    at = mark.start()
    return at + 1 < len(text) and text[at + 1].isalnum() and ("/" in text[max(0, at - 80) : at])


def _inline_spans(
    text: str, start: int, end: int, rules: QuestionRules
) -> list[tuple[list[str], tuple[int, int]]]:
    """The numbered parts of text[start:end]: numbers that continue the sequence, a group
    ("1 en 2 Hoewel ...") taken whole; text before a first number "2" that asks is "1"."""
    chain: list[tuple[list[str], int, int]] = []
    last: str | None = None
    for m in rules.inline_number.finditer(text, start, end):
        numbers = question_numbers(m.group("number"), rules)
        allowed = _successors(last) if chain else _successors(None) | _successors("1")
        if numbers and numbers[0] in allowed:
            chain.append((numbers, m.start(), m.end()))
            last = numbers[-1]
    if chain and chain[0][0][0] not in _successors(None):
        # OCR lost the first number: the question before "2 ..." is question 1
        if chain[0][0][0] in _successors("1") and "?" in text[start : chain[0][1]]:
            chain.insert(0, (["1"], start, start))
    found = []
    for (numbers, _, after), nxt in zip(chain, [*chain[1:], None][: len(chain)], strict=True):
        stop = nxt[1] if nxt is not None else end
        found.append((numbers, _trimmed(text, after, stop)))
    return found


def _pairs_inline(text: str, start: int, rules: QuestionRules) -> list[_Pair]:
    """OCR'd pages: numbered questions after "Vragen van ...", answers after "Antwoord van".

    One unnumbered question ("Vraag van het lid ...") is question 1, answered by all that
    follows "Antwoord van ..." when the answer has no numbers either.
    """
    aanhangsel = layout_rules().aanhangsel
    asked = _search(aanhangsel.questions, text, start)
    answered = _search(aanhangsel.answer, text, start)
    if asked is None or answered is None or answered[0] < asked[1]:
        return []
    questions = _inline_spans(text, asked[1], answered[0], rules)
    answers = _inline_spans(text, answered[1], len(text), rules)
    if not questions:
        if "?" not in text[asked[1] : answered[0]]:
            return []
        questions = [(["1"], _trimmed(text, asked[1], answered[0]))]
        if not answers and answered[1] < len(text):
            answers = [(["1"], _trimmed(text, answered[1], len(text)))]
    by_number = {n: (numbers, span) for numbers, span in answers for n in numbers}
    pairs = []
    for numbers, span in questions:
        for number in numbers:
            group, answer = by_number.get(number, ([], None))
            pairs.append(_Pair(number, span, answer, [n for n in group if n != number]))
    return pairs


def _search(pattern: re.Pattern[str], text: str, start: int) -> tuple[int, int] | None:
    """Where ``pattern`` matches in text[start:], read over line breaks."""
    m = pattern.search(text.replace("\n", " "), start)
    return (m.start(), m.end()) if m else None


def find_questions(
    text: str,
    start: int = 0,
    *,
    aanhangsel: bool = False,
    breaks: Callable[[int], bool] | None = None,
    stops: Sequence[int] = (),
) -> list[Question]:
    """The questions (and answers) in ``text`` from offset ``start`` on.

    ``aanhangsel``: the header says this is an answer to Kamervragen; without it, the
    text needs two answer labels (a ministry's answer letter) to have questions.
    ``breaks(offset)``: whether the source ended a line after the character at ``offset``
    of ``text`` (or glued the next sentence to it), which cuts a grouped block.
    ``stops``: where a closing or signature block begins; the last block ends at the first
    one after its label (an answer letter's signature is not part of its last answer).
    """
    rules = question_rules()
    events = _label_events(text, start, rules)
    answers = sum(1 for ev in events if ev.kind == "a")
    if not aanhangsel and answers < 2:
        return []
    last = events[-1].content if events else start
    end = min((s for s in stops if s > last), default=len(text))
    if any(ev.kind == "q" for ev in events):
        labelled = [ev for ev in events if ev.kind != "#"]
        first = next(i for i, ev in enumerate(labelled) if ev.kind == "q")
        pairs = _pairs_from_labels(text, _close(labelled[first:], end), rules, breaks)
    elif answers:
        numbered = _numbered_as_questions(text, events)
        first = next((i for i, ev in enumerate(numbered) if ev.kind == "q"), None)
        pairs = (
            []
            if first is None
            else _pairs_from_labels(text, _close(numbered[first:], end), rules, breaks)
        )
        inline = _pairs_inline(text, start, rules)
        if len(inline) > len(pairs):  # older pages number questions and answers inline
            pairs = inline
    else:
        pairs = _pairs_inline(text, start, rules)
        if not pairs and aanhangsel:
            pairs = _numbered_blocks(text, events, end, rules, breaks)
    return [_question(text, i, p) for i, p in enumerate(pairs, start=1)]


def _numbered_blocks(
    text: str,
    events: list[_Event],
    end: int,
    rules: QuestionRules,
    breaks: Callable[[int], bool] | None,
) -> list[_Pair]:
    """Numbers alone in order ("1.", "2."), each before a question and its unlabelled answer:
    the answer is what follows the block's last question mark. Two such blocks or more, each
    asking and answered, else none."""
    blocks: list[_Event] = []
    last: str | None = None
    for ev in events:
        if ev.kind == "#" and ev.numbers and ev.numbers[0] in _successors(last):
            blocks.append(_Event("q", ev.numbers[:1], ev.start, ev.content))
            last = ev.numbers[0]
    if len(blocks) < 2:
        return []
    pairs = _pairs_from_labels(text, _close(blocks, end), rules, breaks)
    if len(pairs) < 2 or any(p.answer is None for p in pairs):
        return []
    return pairs


def _question(text: str, index: int, pair: _Pair) -> Question:
    s, e = pair.question
    answer = None
    if pair.answer is not None:
        a, b = pair.answer
        answer = Answer(text=text[a:b], start=a, end=b)
    return Question(
        id=f"q{index}",
        number=pair.number,
        text=text[s:e],
        start=s,
        end=e,
        answer=answer,
        answered_with=pair.answered_with,
    )


# ---------------------------------------------------------------------------------------
# metadata.kamervragen


def _flat(text: str) -> str:
    return " ".join(text.split())


def _flat_paragraphs(text: str) -> str:
    """``text`` on one line per paragraph, so that a pattern's "." stays in its paragraph (a
    "Betreft" line that names the questions never runs on into the cover letter)."""
    return "\n".join(_flat(p) for p in re.split(r"\n\s*\n", text))


def _office(printed: str, rules: QuestionRules, on: str | None) -> tuple[str, str | None] | None:
    """("Minister van Financiën", ministry) for "de Minister van Financiën"."""
    m = rules.office.match(printed.strip().rstrip(",.;"))
    if m is None:
        return None
    title = "-".join(p[:1].upper() + p[1:] for p in m.group("office").split("-"))
    ministry = m.group("ministry")
    if not ministry:
        return title, None
    ministry = known_ministry(re.split(r"\s+[–-]\s+", ministry.strip())[0])
    if m.group("link"):
        return f"{title} {m.group('link')} {ministry}", ministry
    return layout_rules().aanhangsel.office(title, ministry, on), ministry


def known_ministry(printed: str) -> str:
    """A ministry's name as the offices list spells it ("Volksgezondheid, Welzijn en Sport"
    for "Volksgezondheid Welzijn en Sport"), else as printed."""
    key = re.sub(r"[^\w]+", " ", printed).strip().casefold()
    return _ministries().get(key, printed)


@cache
def _ministries() -> dict[str, str]:
    rules = office_rules()
    names = {*rules.abbreviations.values(), *rules.portfolios_without_ministry}
    return {re.sub(r"[^\w]+", " ", n).strip().casefold(): n for n in names}


def read_offices(printed: str, on: str | None = None) -> list[str]:
    """The offices in "de Staatssecretaris van X en de Minister van Y" as roles.

    "de Ministers van X en voor Y" gives "Minister van X", "Minister voor Y"; an office
    printed without its ministry ("de Staatssecretaris en de Minister van Y") takes the
    ministry of the office after it.
    """
    rules = question_rules()
    printed = _flat(printed)
    if printed.count("(") > printed.count(")"):  # "(Fiscaliteit en Belastingdienst" cut short
        printed += ")"
    plural = rules.plural_offices.match(printed)
    if plural:
        title = {"ministers": "Minister", "staatssecretarissen": "Staatssecretaris"}[
            plural.group("office").lower()
        ]
        # "en vanBuitenlandse Zaken": glued by the text extraction, read apart
        rest = re.sub(r"\b(van|voor)(?=[A-Z])", r"\1 ", plural.group("rest"))
        parts = re.split(r"\s+en\s+(?=(?:van|voor)\s)|,\s+(?=(?:van|voor)\s)", rest)
        printed_parts = [f"{title} {p}" for p in parts]
    else:
        printed_parts = rules.office_separator.split(printed)
    offices = [_office(p, rules, on) for p in printed_parts]
    roles: list[str] = []
    for i, found in enumerate(offices):
        if found is None:
            continue
        role, ministry = found
        if ministry is None:
            later = next((o for o in offices[i + 1 :] if o is not None and o[1]), None)
            if later is None:
                continue
            role = later[0].replace(later[0].split(" ")[0], role, 1)
        roles.append(role)
    return list(dict.fromkeys(roles))


def read_askers(printed: str, role: str | None = None) -> list[Asker]:
    """Members and parties from "Sneller (D66), Chakor (GroenLinks-PvdA) en Van Nispen (SP)"
    or "Van Eijk en Aartsen (beiden VVD)"."""
    rules = question_rules()
    printed = _flat(printed)
    askers: list[Asker] = []
    pos = 0
    for m in rules.asker_group.finditer(printed):
        pos = m.end()
        party = m.group("party").strip()
        for name in _names(m.group("names"), rules):
            askers.append(Asker(name=name, party=party, role=role))
    for name in _names(printed[pos:], rules):
        askers.append(Asker(name=name, party=None, role=role))
    return askers


def _names(printed: str, rules: QuestionRules) -> list[str]:
    printed = re.sub(r"^(?:\s*(?:,|en)\s+)+", "", printed.strip())
    names = [n.strip(" ,.´`'’") for n in rules.name_separator.split(printed)]
    return [n for n in names if n and n[0].isupper()]


def _registration(raw: str, rules: QuestionRules) -> str | None:
    for pattern in rules.registration:
        m = pattern.search(raw)
        if m:
            return f"{m.group('year')}Z{m.group('number')}"
    return None


def _aanhangsel(
    found: re.Match[str] | None, top: list[str], asked_line: int | None, rules: QuestionRules
) -> str | None:
    """The Aanhangsel number: from its footer or Word header (``found``), else the number
    printed on the line before "Vragen van ..."."""
    if found is not None:
        return found.group("number").lstrip("0") or None
    if asked_line is not None:
        before = [line for line in top[:asked_line] if line]
        if before and rules.aanhangsel_line.match(before[-1]):
            return before[-1].lstrip("0") or None
    return None


def _date(printed: str) -> DateValue:
    text, value = read_printed_date(printed)
    return DateValue(text=text, value=value)


# a cover letter's addressee comes after its "Retouradres" line, within these lines
_CHAMBER_LINES = 8


def read_kamervragen(
    raw: str, text: str, senders: list[Sender], date: DateValue | None
) -> Kamervragen:
    """``metadata.kamervragen`` of an answer to Kamervragen: its sentences from the
    normalised ``text``, its lines and page furniture from the source text ``raw``."""
    rules = question_rules()
    head = raw[: rules.header_chars]
    top = [line.strip() for line in head.splitlines()]
    flat = _flat_paragraphs(text[: rules.header_chars])
    # the chamber printed at the top (Aanhangsel), or the letter's addressee (cover letter)
    first = [line for line in top if line][:_CHAMBER_LINES]
    chamber = next(
        (role for role, p in rules.chambers.items() if any(p.match(line) for line in first)),
        None,
    )
    aanhangsel = layout_rules().aanhangsel
    # "Vragen van ... over ... (ingezonden ...)"; in a cover letter also "de vragen die het
    # lid X (PVV) op 12 januari 2024 heeft gesteld", "de vragen van het lid X (PVV) over ..."
    asked = aanhangsel.questions.search(flat) or next(
        (m for p in rules.cover_questions if (m := p.search(flat))), None
    )
    answered = aanhangsel.answer.search(flat)
    ingezonden = ontvangen = None
    askers: list[Asker] = []
    addressees: list[str] = []
    if asked:
        printed = aanhangsel.date_of(asked)
        ingezonden = _date(printed) if printed else None
        askers = read_askers(asked.group("askers"), chamber)
        if asked.groupdict().get("addressees"):
            on = ingezonden.value if ingezonden else None
            addressees = read_offices(asked.group("addressees"), on)
    mede_namens: list[str] = []
    if answered:
        ontvangen = _date(aanhangsel.date_of(answered))
        also = rules.also_for.search(answered.group("who"))
        if also:
            mede_namens = read_offices(also.group("offices"), ontvangen.value)
    elif date is not None:
        ontvangen = date
    if not mede_namens and (cover := rules.cover_also_for.search(flat)):
        # a ministry's cover letter: "Hierbij bied ik u, mede namens de Minister van ..., de
        # antwoorden aan op ..."
        mede_namens = read_offices(cover.group("offices"), ontvangen.value if ontvangen else None)
    asked_line = next(
        (i for i, line in enumerate(top) if aanhangsel.questions_line.match(line)), None
    )
    ah = next((m for p in rules.aanhangsel if (m := p.search(raw))), None)
    year = rules.vergaderjaar.search(head)
    vergaderjaar = f"{year.group('first')}-{year.group('second')}" if year else None
    if vergaderjaar is None and ah is not None and "year" in ah.re.groupindex:
        y = ah.group("year")  # "ah-tk-20232024-1178"
        vergaderjaar = f"{y[:4]}-{y[4:]}"
    return Kamervragen(
        number=_registration(head, rules),
        aanhangsel=_aanhangsel(ah, top, asked_line, rules),
        vergaderjaar=vergaderjaar,
        askers=askers,
        addressees=addressees,
        answered_by=list(senders),
        mede_namens=mede_namens,
        ingezonden=ingezonden,
        ontvangen=ontvangen,
    )
