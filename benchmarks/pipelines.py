"""Two Dutch pipelines compared in one run: words/s on one core, prints figures only.

    python benchmarks/pipelines.py --old DIR --new DIR [--repeat N] [LETTER_DIR ...]

For each pipeline, on the same letters (the .txt files of corpus/letters unless given):
raw ``nlp.pipe`` as kamerbrief runs it (paragraph by paragraph, with kamerbrief's own
components) and the whole extraction (read, parse, pipeline, extractors, record). Words
are tokens that are neither white space nor punctuation. BLAS threads are pinned to one.
Issue 18 asks the new pipeline's whole extraction for at least twice the old one's words/s.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402

from speed import best_of as _best  # noqa: E402  (benchmarks/speed.py, beside this script)

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="the pipeline to compare against")
    ap.add_argument("--new", required=True, help="the pipeline measured")
    ap.add_argument("--repeat", type=int, default=2, help="runs per figure; the best counts")
    ap.add_argument("dirs", nargs="*", type=Path)
    args = ap.parse_args(argv)

    import spacy

    from kamerbrief.api import Extractor
    from kamerbrief.nlp.annotate import annotate, prepare_pipeline
    from kamerbrief.parse import parse
    from kamerbrief.sources.read import read_path

    dirs = args.dirs or [ROOT / "corpus" / "letters"]
    paths = sorted(p for d in dirs for p in d.rglob("*.txt") if p.name != "SOURCES.md")
    texts = [parse(read_path(p).text).text for p in paths]
    blank = spacy.blank("nl")
    words = sum(1 for t in texts for tok in blank.make_doc(t) if not (tok.is_space or tok.is_punct))
    print(f"letters   {len(paths)}, {words:,} words; best of {args.repeat} runs, one core")
    figures = {}
    for name, model in (("old", args.old), ("new", args.new)):
        nlp = prepare_pipeline(spacy.load(model))
        raw = _best(args.repeat, lambda nlp=nlp: [annotate(nlp, t) for t in texts])
        extractor = Extractor(model, nlp=nlp)
        whole = _best(args.repeat, lambda e=extractor: [e.from_path(p) for p in paths])
        figures[name] = (words / raw, words / whole)
        print(f"{name:4} {Path(model).name:22} pipeline {', '.join(nlp.pipe_names)}")
        print(f"     raw nlp.pipe       {words / raw:10,.0f} words/s")
        print(f"     whole extraction   {words / whole:10,.0f} words/s")
    print(f"new / old, whole extraction: {figures['new'][1] / figures['old'][1]:.2f}x")
    print(f"new / old, raw nlp.pipe:     {figures['new'][0] / figures['old'][0]:.2f}x")


if __name__ == "__main__":
    main()
