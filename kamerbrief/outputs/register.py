"""The register of commitments (toezeggingen) across letters, with fulfilment links.

One row per commitment of every record, plus one row per motion in the batch
(kind "motie": the dictum, "verzoekt de regering ..."). A row whose sentence
reports something as done (status "fulfilled") is linked to what it fulfils:

1. by parsed references: the papers cited in the sentence, else in the sentences
   before it in its paragraph ("Hiermee doe ik mijn toezegging gestand"). A cited
   paper in the batch (a record whose id is "kst-<dossier>-<nr>") gives its motion
   rows, or its open commitment that shares the most topic words with the report;
   commitments that cite the same paper in earlier letters (or restate it before
   the report in its own letter: "In mijn brief ... heb ik toegezegd") are linked too;
2. else by actor, topic words and date order: the open commitment of an earlier
   letter by the same actor that shares the most topic words.

The earlier row gets ``fulfilled_by`` and the later row ``fulfils``; every link
carries a ``confidence``: "high" (cited in the sentence, one candidate), "medium"
(cited in the paragraph, or a motion by member name, or topic words chose among
several commitments), "low" (no citation: actor and topic words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from kamerbrief.outputs.common import UniqueIds, date_range, target_id
from kamerbrief.record import LetterRecord, kamerstuk_id
from kamerbrief.rules.register import register_rules

Row = dict[str, Any]

REGISTER_COLUMNS: tuple[str, ...] = (
    "row_id", "letter_id", "letter_date", "item_id", "kind", "actor", "actor_role", "ministry",
    "member", "action", "deadline_text", "deadline_value", "deadline_end", "strength", "status",
    "open", "text", "start", "end", "section", "cites", "fulfilled_by", "fulfils",
    "link_confidence", "link_basis", "action_short", "mentions", "question",
)  # fmt: skip
CONFIDENCE_ORDER = ("high", "medium", "low")
_MIN_TOPIC_WORDS = 2  # shared topic words a link without a citation needs

# -- motions --------------------------------------------------------------------------


def is_motion(record: LetterRecord) -> bool:
    """Whether the record is a motion (``metadata.kind``)."""
    return record.metadata.kind == "motie"


def _motion_member(record: LetterRecord) -> str | None:
    """The members who move a motion: its signatories."""
    return ", ".join(s.name for s in record.metadata.senders) or None


def _record_date(record: LetterRecord) -> str | None:
    """The letter's date; a motion's is the day it was proposed ("Voorgesteld ...")."""
    return record.metadata.date.value if record.metadata.date else None


# -- topic words ----------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{4,}")


def topic_words(text: str) -> set[str]:
    """Content words of a sentence, cut to six letters so that inflections meet."""
    from spacy.lang.nl.stop_words import STOP_WORDS

    generic = register_rules().generic_topic_words
    words = (w.lower() for w in _WORD.findall(text))
    return {w[:6] for w in words if w not in STOP_WORDS and w not in generic}


# -- building -------------------------------------------------------------------------


def _cited(record: LetterRecord, start: int, end: int) -> tuple[list[str], list[str]]:
    """Ids of the papers cited within start:end, and the members of unnumbered motions."""
    ids: list[str] = []
    members: list[str] = []
    for ref in record.references:
        if start <= ref.start and ref.end <= end:
            tid = target_id(ref.kind, ref.dossier, ref.number)
            if tid and tid not in ids:
                ids.append(tid)
            elif tid is None and ref.kind == "motie" and ref.member:
                members.append(ref.member)
    return ids, members


def _paragraph_before(text: str, start: int) -> int:
    return text.rfind("\n\n", 0, start) + 1 if "\n\n" in text[:start] else 0


class _Letter:
    def __init__(self, record: LetterRecord, letter_id: str) -> None:
        self.record = record
        self.id = letter_id
        self.date = _record_date(record)
        self.day: date | None = date_range(self.date)[0]
        self.motion = is_motion(record)
        kst = record.metadata.kamerstuk
        self.paper = kamerstuk_id(kst.dossier, kst.number) if kst and kst.number else record.id
        self.rows: list[Row] = []


def _rows_of(letter: _Letter) -> list[Row]:
    record = letter.record
    rows: list[Row] = []
    for i, c in enumerate(record.commitments, 1):
        value = c.deadline.value if c.deadline else None
        cites, _ = _cited(record, c.start, c.end)
        rows.append(_row(
            letter, f"c{i}", "toezegging", c.actor, c.actor_role, c.ministry, None,
            c.action, c.deadline.text if c.deadline else None, value, c.strength, c.status,
            c.text, c.start, c.end, c.section, cites,
        ))  # fmt: skip
        # the short form for tables, and every occurrence of a repeated promise
        rows[-1]["action_short"] = c.action_short or c.action
        rows[-1]["mentions"] = [[m.start, m.end] for m in c.mentions] or [[c.start, c.end]]
        rows[-1]["question"] = c.question  # the question a promise in an answer answers
    member = _motion_member(record) if letter.motion else None
    for i, r in enumerate(record.requests, 1):
        rows.append(_row(
            letter, f"motie{i}", "motie", None, None, None, member, " ".join(r.text.split()),
            r.deadline.text if r.deadline else None, r.deadline.value if r.deadline else None,
            "firm", "new", r.text, r.start, r.end, r.section, [],
        ))  # fmt: skip
        rows[-1]["action_short"] = rows[-1]["action"]
        rows[-1]["mentions"] = [[r.start, r.end]]
    return rows


def _row(letter: _Letter, item_id: str, kind: str, *values: Any) -> Row:
    names = (
        "actor", "actor_role", "ministry", "member", "action", "deadline_text", "deadline_value",
        "strength", "status", "text", "start", "end", "section", "cites",
    )  # fmt: skip
    row: Row = dict.fromkeys(REGISTER_COLUMNS)
    row.update(zip(names, values, strict=True))
    end = date_range(row["deadline_value"])[1]
    row.update(
        row_id=f"{letter.id}/{item_id}", letter_id=letter.id, letter_date=letter.date,
        item_id=item_id, kind=kind, deadline_end=end.isoformat() if end else None,
        open=row["status"] == "new", fulfils=[],
    )  # fmt: skip
    return row


def commitment_register(records: Iterable[LetterRecord]) -> list[Row]:
    """The register rows of a batch, with fulfilment links (see the module's docstring).

    Rows are plain dicts with the keys of :data:`REGISTER_COLUMNS`, in letter order.
    """
    ids = UniqueIds()
    letters = [_Letter(r, ids(r.id)) for r in records]
    for letter in letters:
        letter.rows = _rows_of(letter)
    by_paper: dict[str, list[_Letter]] = {}
    for letter in letters:
        for key in {letter.paper, letter.record.id}:
            by_paper.setdefault(key, []).append(letter)
    # Reports in date order, so that the earliest report of a promise is its fulfilment.
    reports = [
        (letter, row)
        for letter in letters
        for row in letter.rows
        if row["kind"] == "toezegging" and row["status"] == "fulfilled"
    ]
    reports.sort(key=lambda lr: (lr[0].day or date.max, lr[1]["start"]))
    for letter, row in reports:
        _link(letter, row, letters, by_paper)
    return [row for letter in letters for row in letter.rows]


def _earlier(a: _Letter, b: _Letter, *, strict: bool = False) -> bool:
    """Whether letter a can hold what letter b fulfils: another letter, not dated after b."""
    if a is b:
        return False
    if a.day is None or b.day is None:
        return not strict
    return a.day < b.day if strict else a.day <= b.day


def _link(letter: _Letter, report: Row, letters: list[_Letter], by_paper: dict) -> None:
    record = letter.record
    ids, members = _cited(record, report["start"], report["end"])
    in_sentence = bool(ids or members)
    para = _paragraph_before(record.text, report["start"])
    if not in_sentence:
        ids, members = _cited(record, para, report["start"])
    context = record.text[para : report["end"]] if not in_sentence else report["text"]
    topic = topic_words(context)
    own = {letter.paper, letter.record.id}
    found: list[tuple[Row | None, _Letter, str, str]] = []  # (row, its letter, confidence, basis)
    cite_conf = "high" if in_sentence else "medium"
    where = "in the sentence" if in_sentence else "in the paragraph"
    for paper in ids:
        if paper in own:
            continue
        basis = f"cites {paper} {where}"
        for target in by_paper.get(paper, []):
            if not _earlier(target, letter):
                continue
            motions = [r for r in target.rows if r["kind"] == "motie"]
            if motions:
                found.extend((r, target, cite_conf, basis) for r in motions)
                continue
            chosen, conf = _best(_open_rows(target), topic, cite_conf)
            found.append((chosen, target, conf, basis))
        for other in letters:  # earlier commitments that cite the same paper
            if other is not letter and not _earlier(other, letter):
                continue
            for r in _open_rows(other):
                # in the report's own letter: a promise restated before the report
                if paper in r["cites"] and (other is not letter or r["start"] < report["start"]):
                    found.append((r, other, cite_conf, f"both cite {paper}"))
    for member in members:
        for target in letters:
            if target.motion and _earlier(target, letter) and _same_member(target, member):
                basis = f"motion of {member} {where}, matched by member name"
                found.extend(
                    (r, target, "medium", basis) for r in target.rows if r["kind"] == "motie"
                )
    if not ids and not members:
        found.extend(_by_actor(letter, report, letters, topic))
    seen: set[str] = set()
    for row, target, conf, basis in found:
        key = row["row_id"] if row else target.id
        if key in seen:
            continue
        seen.add(key)
        report["fulfils"].append(
            {"letter_id": target.id, "row_id": row["row_id"] if row else None, "confidence": conf}
        )
        _lower(report, conf, basis)
        if row is not None and row["fulfilled_by"] is None:
            row["fulfilled_by"] = {
                "letter_id": letter.id, "row_id": report["row_id"],
                "sentence": report["text"], "confidence": conf,
            }  # fmt: skip
            row["open"] = False
            _lower(row, conf, basis)
    report["open"] = False


def _lower(row: Row, confidence: str, basis: str) -> None:
    old = row["link_confidence"]
    if old is None or CONFIDENCE_ORDER.index(confidence) > CONFIDENCE_ORDER.index(old):
        row["link_confidence"] = confidence
    row["link_basis"] = basis if not row["link_basis"] else f"{row['link_basis']}; {basis}"


def _open_rows(letter: _Letter) -> list[Row]:
    return [
        r for r in letter.rows
        if r["kind"] == "toezegging" and r["status"] == "new" and r["fulfilled_by"] is None
    ]  # fmt: skip


def _best(rows: list[Row], topic: set[str], confidence: str) -> tuple[Row | None, str]:
    """The row sharing most topic words; "medium" when it had to choose, "low" on a tie or none."""
    if len(rows) == 1:
        return rows[0], confidence
    scored = sorted(
        ((len(topic & topic_words(r["text"])), i) for i, r in enumerate(rows)), reverse=True
    )
    if not scored or scored[0][0] == 0:
        return None, "low"  # the letter is cited, but none of its commitments matches
    tie = len(scored) > 1 and scored[1][0] == scored[0][0]
    worst = "low" if tie else "medium"
    chosen = rows[scored[0][1]]
    return chosen, max(confidence, worst, key=CONFIDENCE_ORDER.index)


def _same_member(motion: _Letter, member: str) -> bool:
    mover = _motion_member(motion.record) or ""
    return member.lower() in mover.lower()


def _by_actor(
    letter: _Letter, report: Row, letters: list[_Letter], topic: set[str]
) -> list[tuple[Row | None, _Letter, str, str]]:
    best: tuple[int, Row, _Letter] | None = None
    for other in letters:
        if not _earlier(other, letter, strict=True):
            continue
        for r in _open_rows(other):
            same = (r["actor"] and r["actor"] == report["actor"]) or (
                not r["actor"] and r["ministry"] and r["ministry"] == report["ministry"]
            )
            if not same:
                continue
            score = len(topic & topic_words(r["text"]))
            if score >= _MIN_TOPIC_WORDS and (best is None or score > best[0]):
                best = (score, r, other)
    if best is None:
        return []
    basis = f"no citation: same actor, {best[0]} shared topic words, earlier letter"
    return [(best[1], best[2], "low", basis)]


# -- filtering ------------------------------------------------------------------------


def filter_register(
    rows: Iterable[Row],
    *,
    open_only: bool = False,
    due_before: date | str | None = None,
    actor: str | None = None,
) -> list[Row]:
    """Rows that are open, due before a day (the deadline's last day), or by an actor.

    ``actor`` matches, case-insensitively, part of the actor, role, ministry or motion member.
    """
    day = date.fromisoformat(due_before) if isinstance(due_before, str) else due_before
    needle = actor.lower() if actor else None
    out = []
    for row in rows:
        if open_only and not row["open"]:
            continue
        if day is not None and not (row["deadline_end"] and row["deadline_end"] < day.isoformat()):
            continue
        if needle is not None:
            fields = (row["actor"], row["actor_role"], row["ministry"], row["member"])
            if not any(f and needle in f.lower() for f in fields):
                continue
        out.append(row)
    return out


def register_table(rows: Iterable[Row]) -> Any:
    """The register as a rich Table."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="commitments", title_justify="left", expand=True, show_lines=True)
    for col, ratio, least in (
        ("letter", 2, 12), ("date", 1, 10), ("actor", 2, 8), ("action", 5, 20),
        ("deadline", 2, 8), ("strength", 1, 5), ("status", 1, 9), ("link", 3, 10),
    ):  # fmt: skip
        table.add_column(col, overflow="fold", ratio=ratio, min_width=least)
    for row in rows:
        deadline = row["deadline_text"] or "-"
        if row["deadline_value"]:
            deadline += f" ({row['deadline_value']})"
        status = "open" if row["open"] else row["status"]
        if row["fulfilled_by"]:
            status = "fulfilled"
        link = ""
        if row["fulfilled_by"]:
            link = f"fulfilled by {row['fulfilled_by']['row_id']}"
        elif row["fulfils"]:
            link = "fulfils " + ", ".join(f["row_id"] or f["letter_id"] for f in row["fulfils"])
        if row["link_confidence"]:
            link += f" [{row['link_confidence']}]"
        actor = row["actor"] or row["member"] or "-"
        if row["ministry"]:
            actor += f" ({row['ministry']})"
        if row.get("question"):
            actor += f", answer to question {row['question']}"
        table.add_row(
            Text(row["row_id"]), row["letter_date"] or "-", Text(actor),
            Text(row["action_short"] or row["action"] or row["text"]), Text(deadline),
            row["strength"], status, Text(link),
        )  # fmt: skip
    return table
