"""Scoring the extractor against the gold annotations in ``corpus/gold``.

The gold format is described in ``corpus/README.md``. Sections match on their
number and title (titles compared without case, white space and trailing
punctuation); parents and levels are scored over matched sections; metadata is
scored per field.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kamerbrief.record import ErrorRecord, LetterRecord


class GoldError(ValueError):
    """A gold file that is malformed or points at a letter that is not there."""


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldSender(_Gold):
    name: str
    role: str | None = None


class GoldMetadata(_Gold):
    title: str | None = None
    date: str | None = None
    place: str | None = None
    addressee: str | None = None
    senders: list[GoldSender] = Field(default_factory=list)


class GoldSection(_Gold):
    number: str | None
    title: str
    level: int = Field(ge=1)
    parent: int | None = None


class GoldLetter(_Gold):
    model_config = ConfigDict(extra="allow")  # keys of later item types
    letter: str
    annotator: str = ""
    notes: str = ""
    metadata: GoldMetadata
    sections: list[GoldSection] | None = None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class LetterResult:
    gold: Path
    scores: dict[str, Score] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    error: str | None = None


_TRAILING = re.compile(r"[\s.:;,]+$")


def norm_text(text: str | None) -> str:
    """Comparison key: no case, no white space, no trailing punctuation."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", _TRAILING.sub("", text)).casefold()


def load_gold(path: Path) -> tuple[GoldLetter, Path]:
    """A gold file and the path of its letter."""
    try:
        gold = GoldLetter.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise GoldError(f"{path}: {' '.join(str(exc).split())[:300]}") from None
    for base in path.resolve().parents:
        letter = base / gold.letter
        if letter.is_file():
            return gold, letter
    raise GoldError(f"{path}: letter {gold.letter!r} not found above the gold file")


def gold_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(root.rglob("*.json"))


def _score_sections(gold: list[GoldSection], record: LetterRecord, result: LetterResult) -> None:
    def key(number: str | None, title: str) -> tuple[str, str]:
        return (number or "", norm_text(title))

    pred = record.sections
    unmatched: dict[tuple[str, str], list[int]] = {}
    for n, s in enumerate(pred):
        unmatched.setdefault(key(s.number, s.title), []).append(n)
    gold_to_pred: dict[int, int] = {}
    for g, s in enumerate(gold):
        cands = unmatched.get(key(s.number, s.title))
        if cands:
            gold_to_pred[g] = cands.pop(0)
    score = Score(tp=len(gold_to_pred), fn=len(gold) - len(gold_to_pred))
    score.fp = len(pred) - len(gold_to_pred)
    result.scores["sections"] = score
    matched_pred = set(gold_to_pred.values())
    result.missed += [
        f"section {s.number or ''} {s.title}" for g, s in enumerate(gold) if g not in gold_to_pred
    ]
    result.spurious += [
        f"section {s.number or ''} {s.title}" for n, s in enumerate(pred) if n not in matched_pred
    ]
    ids = {s.id: n for n, s in enumerate(pred)}
    parents, levels = Accuracy(), Accuracy()
    for g, n in gold_to_pred.items():
        gp = gold[g].parent
        want = gold_to_pred.get(gp) if gp is not None else None
        have = ids.get(pred[n].parent) if pred[n].parent else None
        parents.total += 1
        parents.right += int(want == have and (gp is None) == (have is None))
        levels.total += 1
        levels.right += int(gold[g].level == pred[n].level)
    result.accuracies["section_parents"] = parents
    result.accuracies["section_levels"] = levels


def _field(result: LetterResult, name: str, gold: str | None, pred: str | None, same: bool) -> None:
    score = Score()
    if gold is not None and pred is not None and same:
        score.tp = 1
    else:
        score.fn = int(gold is not None)
        score.fp = int(pred is not None)
        if gold is not None or pred is not None:
            result.missed.append(f"metadata.{name}: gold {gold!r}, got {pred!r}")
    result.scores[f"metadata.{name}"] = score


def _score_metadata(gold: GoldMetadata, record: LetterRecord, result: LetterResult) -> None:
    meta = record.metadata
    for name in ("title", "place", "addressee"):
        g, p = getattr(gold, name), getattr(meta, name)
        _field(result, name, g, p, norm_text(g) == norm_text(p))
    date = meta.date.value if meta.date else None
    _field(result, "date", gold.date, date, gold.date == date)
    want = Counter((norm_text(s.name), norm_text(s.role)) for s in gold.senders)
    have = Counter((norm_text(s.name), norm_text(s.role)) for s in meta.senders)
    tp = sum((want & have).values())
    result.scores["metadata.senders"] = Score(tp, sum(have.values()) - tp, sum(want.values()) - tp)
    if want != have:
        result.missed.append(
            f"metadata.senders: gold {[(s.name, s.role) for s in gold.senders]},"
            f" got {[(s.name, s.role) for s in meta.senders]}"
        )


def evaluate(
    root: Path, extract: Callable[[Path], LetterRecord | ErrorRecord]
) -> list[LetterResult]:
    """Score ``extract`` on every gold file under ``root``."""
    results = []
    for path in gold_files(root):
        gold, letter = load_gold(path)
        result = LetterResult(path)
        record = extract(letter)
        if isinstance(record, ErrorRecord):
            result.error = record.error.message
        else:
            _score_metadata(gold.metadata, record, result)
            if gold.sections is not None:
                _score_sections(gold.sections, record, result)
        results.append(result)
    return results


def totals(results: Iterable[LetterResult]) -> tuple[dict[str, Score], dict[str, Accuracy]]:
    scores: dict[str, Score] = {}
    accuracies: dict[str, Accuracy] = {}
    for r in results:
        for name, s in r.scores.items():
            scores.setdefault(name, Score()).add(s)
        for name, a in r.accuracies.items():
            acc = accuracies.setdefault(name, Accuracy())
            acc.right += a.right
            acc.total += a.total
    return scores, accuracies


def report(results: list[LetterResult]) -> dict[str, object]:
    """The figures as a JSON-ready dict."""
    scores, accuracies = totals(results)
    return {
        "letters": len(results),
        "errors": [{"gold": str(r.gold), "error": r.error} for r in results if r.error],
        "scores": {k: v.as_dict() for k, v in sorted(scores.items())},
        "accuracy": {
            k: {"right": v.right, "total": v.total, "value": round(v.value, 4)}
            for k, v in sorted(accuracies.items())
        },
        "per_letter": [
            {
                "gold": str(r.gold),
                "scores": {k: v.as_dict() for k, v in sorted(r.scores.items())},
                "missed": r.missed,
                "spurious": r.spurious,
            }
            for r in results
        ],
    }
