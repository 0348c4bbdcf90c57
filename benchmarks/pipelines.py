"""Two Dutch pipelines compared in one run: words/s on one core, prints figures only.

    python benchmarks/pipelines.py --old DIR --new DIR [--repeat N] [LETTER_DIR ...]

For each pipeline, on the same letters (the .txt files of corpus/letters unless given):
raw ``nlp.pipe`` as kamerbrief runs it (paragraph by paragraph, with kamerbrief's own
components) and the whole extraction (read, parse, pipeline, extractors, record). Words
are tokens that are neither white space nor punctuation. BLAS threads are pinned to one.
The runs alternate between the two pipelines (old, new, old, new, ...), so that a machine
that gets busier or quieter during the run weighs on both alike; the best run counts.
Issue 18 asks the new pipeline's whole extraction for at least twice the old one's words/s.

The old, research-only pipeline is no longer shipped; it is in the history of the
repository: ``git archive fe4d39c^ kamerbrief/pipelines/nl_kamerbrief_sm | tar -x -C DIR``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _seconds(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def compare(old: str, new: str, paths: list[Path], repeat: int) -> None:
    """Print raw and whole-extraction words/s of both pipelines on ``paths``, and the ratios."""
    import spacy

    from kamerbrief.api import Extractor
    from kamerbrief.nlp.annotate import annotate, prepare_pipeline
    from kamerbrief.parse import parse
    from kamerbrief.sources.read import read_path

    texts = [parse(read_path(p).text).text for p in paths]
    blank = spacy.blank("nl")
    words = sum(1 for t in texts for tok in blank.make_doc(t) if not (tok.is_space or tok.is_punct))
    print(f"letters   {len(paths)}, {words:,} words; best of {repeat} alternating runs, one core")
    models = {"old": old, "new": new}
    nlps = {name: prepare_pipeline(spacy.load(model)) for name, model in models.items()}
    extractors = {name: Extractor(models[name], nlp=nlp) for name, nlp in nlps.items()}
    best = {(name, part): float("inf") for name in models for part in ("raw", "whole")}
    for _ in range(repeat):
        for name, nlp in nlps.items():
            raw = _seconds(lambda nlp=nlp: [annotate(nlp, t) for t in texts])
            whole = _seconds(lambda e=extractors[name]: [e.from_path(p) for p in paths])
            best[name, "raw"] = min(best[name, "raw"], raw)
            best[name, "whole"] = min(best[name, "whole"], whole)
    for name, nlp in nlps.items():
        print(f"{name:4} {Path(models[name]).name:22} pipeline {', '.join(nlp.pipe_names)}")
        print(f"     raw nlp.pipe       {words / best[name, 'raw']:10,.0f} words/s")
        print(f"     whole extraction   {words / best[name, 'whole']:10,.0f} words/s")
    print(f"new / old, whole extraction: {best['old', 'whole'] / best['new', 'whole']:.2f}x")
    print(f"new / old, raw nlp.pipe:     {best['old', 'raw'] / best['new', 'raw']:.2f}x")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="the pipeline to compare against")
    ap.add_argument("--new", required=True, help="the pipeline measured")
    ap.add_argument("--repeat", type=int, default=2, help="runs per figure; the best counts")
    ap.add_argument("dirs", nargs="*", type=Path)
    args = ap.parse_args(argv)
    dirs = args.dirs or [ROOT / "corpus" / "letters"]
    paths = sorted(p for d in dirs for p in d.rglob("*.txt") if p.name != "SOURCES.md")
    compare(args.old, args.new, paths, args.repeat)


if __name__ == "__main__":
    main()
