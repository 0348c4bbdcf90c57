"""Item F1 of kamerbrief with two pipelines on both gold splits: prints figures only.

    python training/compare_pipelines.py --old DIR --new DIR [--json OUT]

The NER of the new pipeline is trained on the dev split (training/letters_ner.py), so
its dev figures are not unseen; the test split is the measure (issue 18: entity F1 at
least the old pipeline's for persons, organisations and locations; no other item type
lower by more than 0.01).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = (
    "persons.mentions", "organisations.mentions", "locations.mentions", "persons.entries",
    "organisations.entries", "locations.entries", "dates", "amounts", "references",
    "commitments", "sections", "questions",
)  # fmt: skip


def figures(model: str) -> dict[str, dict[str, float]]:
    import spacy

    from kamerbrief.api import Extractor
    from kamerbrief.evaluate.score import evaluate, report_splits

    extractor = Extractor(model, nlp=spacy.load(model))
    root = ROOT / "corpus" / "gold"
    report = report_splits(evaluate(root, extractor.from_path), root)
    return {
        split: {t: report[split]["scores"][t]["f1"] for t in TYPES if t in report[split]["scores"]}
        for split in ("dev", "test")
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    old, new = figures(args.old), figures(args.new)
    for split in ("dev", "test"):
        print(f"{split:5} {'':24} {'old':>7} {'new':>7} {'diff':>7}")
        for t in TYPES:
            if t in old[split]:
                o, n = old[split][t], new[split].get(t, 0.0)
                print(f"      {t:24} {o:7.3f} {n:7.3f} {n - o:+7.3f}")
    if args.json:
        args.json.write_text(json.dumps({"old": old, "new": new}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
