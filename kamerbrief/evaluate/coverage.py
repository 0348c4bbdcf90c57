"""A coverage report over records without gold: what the extractor fills in, and what looks wrong.

In: records (letter and error records) with their paths relative to the directory they
came from. Out: figures per folder (the path's first component), per document kind
(``metadata.kind``, "unknown" where a record has none) and in total, and a list of
suspicious outputs. Whether a letter *should* have signatories or a subject is judged
from its ``text`` by the patterns in ``data/coverage.json`` (a role line near the end,
a Betreft/Onderwerp line near the start), never from the extractor's own output.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath

from rich import box
from rich.console import Console
from rich.table import Table

from kamerbrief.record import ErrorRecord, LetterRecord
from kamerbrief.rules.calendar import iso_bounds
from kamerbrief.rules.coverage import CoverageRules, coverage_rules

UNKNOWN = "unknown"
TOP = "."  # the folder of a document directly in the directory


def folder_of(path: str) -> str:
    """The first component of ``path`` (relative to the report's directory), "." if none."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    return parts[0] if len(parts) > 1 else TOP


def kind_of(record: LetterRecord | ErrorRecord) -> str:
    """``metadata.kind`` of a letter record; "unknown" where it has none (and for errors)."""
    metadata = getattr(record, "metadata", None)
    kind = getattr(metadata, "kind", None)
    return str(kind) if kind else UNKNOWN


@dataclass
class Suspicious:
    path: str
    rule: str  # "section_title.phone", "signatory.role_word", "date.future", ...
    value: str
    where: str  # "sections[3].title", "metadata.senders[0].name", "metadata.date"

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "rule": self.rule, "where": self.where, "value": self.value}


def suspicious_outputs(
    path: str, record: LetterRecord, rules: CoverageRules, today: date
) -> list[Suspicious]:
    """The section titles, signatory names and letter date of ``record`` that look wrong."""
    found: list[Suspicious] = []
    names = {
        n.strip() for p in record.persons for n in (p.name, *p.aliases) if len(n.split()) >= 2
    } | {s.name.strip() for s in record.metadata.senders if len(s.name.split()) >= 2}
    for i, section in enumerate(record.sections):
        rule = rules.section_titles.rule_of(section.title)
        if rule is None and section.title.strip().rstrip(".,:") in names:
            rule = "person_name"
        if rule is not None:
            found.append(
                Suspicious(path, f"section_title.{rule}", section.title, f"sections[{i}].title")
            )
    for i, sender in enumerate(record.metadata.senders):
        why = signatory_problem(sender.name, rules)
        if why is not None:
            found.append(
                Suspicious(path, f"signatory.{why}", sender.name, f"metadata.senders[{i}].name")
            )
    value = record.metadata.date.value if record.metadata.date is not None else None
    if value is not None:
        why = date_problem(value, rules, today)
        if why is not None:
            found.append(Suspicious(path, f"date.{why}", value, "metadata.date"))
    return found


def signatory_problem(name: str, rules: CoverageRules) -> str | None:
    """Why ``name`` is not a person's name ("digits", "too_many_words", ...), None if it may be."""
    if any(c.isdigit() for c in name):
        return "digits"
    # initials ("A. P. J. M. M. van der Stee") are no words of a name
    words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z][a-z]?\.-?)+", w)]
    if len(words) > rules.signatory.max_words:
        return "too_many_words"
    if rules.signatory.role_word(name) is not None:
        return "role_word"
    if any(c.isalpha() for c in name) and name == name.lower():
        return "lower_case"
    return None


def date_problem(value: str, rules: CoverageRules, today: date) -> str | None:
    """ "future" for a letter date after ``today``, "before_<year>" for one too early."""
    start, end, _ = iso_bounds(value)
    if start > today:
        return "future"
    if end < date(rules.dates.earliest_year, 1, 1):
        return f"before_{rules.dates.earliest_year}"
    return None


def _share(count: int, of: int) -> dict[str, float | int | None]:
    return {"count": count, "of": of, "share": round(count / of, 3) if of else None}


@dataclass
class _Tally:
    documents: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    dated: int = 0
    signature_blocks: int = 0
    signed: int = 0
    subject_lines: int = 0
    titled: int = 0
    sections: list[int] = field(default_factory=list)
    suspicious: int = 0

    def add(self, record: LetterRecord | ErrorRecord, facts: tuple[bool, bool], n_sus: int) -> None:
        self.documents += 1
        if isinstance(record, ErrorRecord):
            self.errors[record.error.kind] += 1
            return
        signature_block, subject_line = facts
        meta = record.metadata
        self.dated += meta.date is not None and meta.date.value is not None
        if signature_block:
            self.signature_blocks += 1
            self.signed += bool(meta.senders)
        if subject_line:
            self.subject_lines += 1
            self.titled += bool(meta.title and meta.title.strip())
        self.sections.append(len(record.sections))
        self.suspicious += n_sus

    def figures(self) -> dict:
        letters = len(self.sections)
        return {
            "documents": self.documents,
            "letters": letters,
            "errors": dict(sorted(self.errors.items())),
            "date": _share(self.dated, letters),
            "signatories": _share(self.signed, self.signature_blocks),
            "subject": _share(self.titled, self.subject_lines),
            "sections": {
                "mean": round(sum(self.sections) / letters, 2) if letters else None,
                "max": max(self.sections) if letters else None,
            },
            "suspicious": self.suspicious,
        }


def coverage(
    items: Iterable[tuple[str, LetterRecord | ErrorRecord]],
    *,
    today: date | None = None,
    rules: CoverageRules | None = None,
) -> dict:
    """The coverage figures of ``items``: (path relative to the directory, record) pairs.

    ``date`` counts letters whose date has an ISO value; ``signatories`` counts, among the
    letters whose text holds a signature block, those with a sender; ``subject`` counts,
    among those whose text has a Betreft/Onderwerp line, those with a title.
    """
    rules = rules or coverage_rules()
    today = today or date.today()
    total = _Tally()
    by_folder: dict[str, _Tally] = {}
    by_kind: dict[str, _Tally] = {}
    internal: list[dict[str, str]] = []
    suspicious: list[Suspicious] = []
    for path, record in items:
        found: list[Suspicious] = []
        facts = (False, False)
        if isinstance(record, ErrorRecord):
            if record.error.kind == "internal":
                internal.append({"path": path, "message": record.error.message})
        else:
            facts = (rules.has_signature_block(record.text), rules.has_subject_line(record.text))
            found = suspicious_outputs(path, record, rules, today)
            suspicious.extend(found)
        for tally in (
            total,
            by_folder.setdefault(folder_of(path), _Tally()),
            by_kind.setdefault(kind_of(record), _Tally()),
        ):
            tally.add(record, facts, len(found))
    return {
        "total": total.figures(),
        "by_folder": {k: v.figures() for k, v in sorted(by_folder.items())},
        "by_kind": {k: v.figures() for k, v in sorted(by_kind.items())},
        "internal_errors": internal,
        "suspicious": [s.as_dict() for s in suspicious],
        "suspicious_by_rule": dict(sorted(Counter(s.rule for s in suspicious).items())),
    }


def _cell(share: dict) -> str:
    if not share["of"]:
        return "-"
    return f"{share['count']}/{share['of']} {share['share']:4.0%}"


def _table(title: str, groups: dict[str, dict], total: dict) -> Table:
    table = Table(
        title=title, box=box.SIMPLE_HEAD, title_justify="left", padding=(0, 0, 0, 2), pad_edge=False
    )
    for col in ("", "docs", "err.", "date", "signed", "subject", "sections", "susp."):
        table.add_column(col, justify="left" if not col else "right", no_wrap=True)
    rows = [*groups.items(), ("total", total)]
    for i, (name, f) in enumerate(rows):
        sections = f["sections"]
        table.add_row(
            name, str(f["documents"]), str(sum(f["errors"].values())), _cell(f["date"]),
            _cell(f["signatories"]), _cell(f["subject"]),
            "-" if sections["mean"] is None else f"{sections['mean']:.1f}/{sections['max']}",
            str(f["suspicious"]),
            style="bold" if i == len(rows) - 1 else None,
            end_section=i == len(rows) - 2,
        )  # fmt: skip
    return table


def print_report(figures: dict, console: Console) -> None:
    """Two tables (by folder, by kind), then error kinds, internal errors and suspicious outputs."""
    total = figures["total"]
    console.print(f"kamerbrief evaluate --coverage: {total['documents']} documents", markup=False)
    console.print(_table("by folder", figures["by_folder"], total))
    console.print(_table("by kind (metadata.kind)", figures["by_kind"], total))
    console.print(
        "date: letters with an ISO date. signed: letters with a signatory, of those whose"
        " text holds a signature block. subject: letters with a title, of those with a"
        " Betreft/Onderwerp line. sections: mean/max per letter. susp.: suspicious outputs.",
        markup=False,
    )
    errors = total["errors"]
    if errors:
        kinds = ", ".join(f"{k} {v}" for k, v in errors.items())
        console.print(f"\nerror records ({sum(errors.values())}): {kinds}", markup=False)
    for e in figures["internal_errors"]:
        console.print(f"  internal: {e['path']}: {e['message']}", markup=False)
    if figures["suspicious"]:
        counts = ", ".join(f"{k} {v}" for k, v in figures["suspicious_by_rule"].items())
        console.print(
            f"\nsuspicious outputs ({len(figures['suspicious'])}): {counts}", markup=False
        )
        for s in figures["suspicious"]:
            console.print(f"  {s['path']}  {s['rule']}  {s['where']}: {s['value']!r}", markup=False)
