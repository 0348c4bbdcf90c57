"""Gold regression for every item type, as deduce does: the failures on corpus/gold with
the bundled pipeline equal the recorded list, so improvements and regressions both show.

After a change that fixes or causes failures, rewrite the list and read its diff:
``python -m tests.evaluate.test_known_failures``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kamerbrief.api import Extractor
from kamerbrief.evaluate.score import evaluate
from kamerbrief.record import ITEM_TYPES

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpus" / "gold"
KNOWN = json.loads((Path(__file__).parent / "known_failures.json").read_text("utf-8"))
KINDS = ["section", "metadata", *(t.key for t in ITEM_TYPES), "questions", "kamervragen"]


def _kind(description: str) -> str:
    head = description.split(":", 1)[0].split(" ", 1)[0]
    return head.split(".", 1)[0]


def current_failures() -> set[tuple[str, str, str]]:
    """Every miss and spurious item on corpus/gold with the bundled pipeline."""
    found = set()
    for r in evaluate(GOLD, Extractor().from_path):
        name = r.gold.relative_to(GOLD).as_posix()
        found |= {(name, "missed", m) for m in r.missed}
        found |= {(name, "spurious", s) for s in r.spurious}
    return found


@pytest.fixture(scope="module")
def failures() -> set[tuple[str, str, str]]:
    return current_failures()


def test_every_failure_has_an_item_type(failures) -> None:
    assert {_kind(d) for _, _, d in failures} <= set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_failures_are_the_known_ones(failures, kind: str) -> None:
    known = {tuple(f) for f in KNOWN["failures"] if _kind(f[2]) == kind}
    assert {f for f in failures if _kind(f[2]) == kind} == known


if __name__ == "__main__":
    KNOWN["failures"] = [list(f) for f in sorted(current_failures())]
    path = Path(__file__).parent / "known_failures.json"
    path.write_text(json.dumps(KNOWN, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{path}: {len(KNOWN['failures'])} known failures")
