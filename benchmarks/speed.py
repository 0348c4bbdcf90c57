"""Speed and memory of kamerbrief on the corpus letters: prints figures, asserts nothing.

    python benchmarks/speed.py [--model NAME_OR_PATH] [--repeat N] [LETTER_DIR ...]

Runs on one core (BLAS threads pinned to 1). Words are tokens that are neither
white space nor punctuation. Figures: the spaCy pipeline alone, letter by letter
as kamerbrief runs it (paragraphs through ``nlp.pipe``) and as one document per
letter; and the whole extraction (parse, pipeline, extractors, record) per letter.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from kamerbrief.api import Extractor  # noqa: E402
from kamerbrief.nlp.annotate import annotate  # noqa: E402
from kamerbrief.parse import parse  # noqa: E402
from kamerbrief.sources.read import read_path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [ROOT.parent / "shared" / "corpus", ROOT / "corpus" / "letters"]


def letters(dirs: list[Path]) -> list[Path]:
    for folder in dirs:
        found = sorted(folder.rglob("*.txt"))
        found = [p for p in found if p.name not in {"SOURCES.md"}]
        if found:
            return found
    raise SystemExit(f"no .txt letters under {', '.join(map(str, dirs))}")


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    paths = letters(args.dirs or DEFAULT_DIRS)
    extractor = Extractor(args.model)
    nlp = extractor.nlp
    sources = [read_path(p) for p in paths]
    texts = [parse(s.text).text for s in sources]
    chars = sum(len(t) for t in texts)
    annotate(nlp, texts[0])  # warm up
    words = sum(1 for t in texts for tok in nlp.make_doc(t) if not (tok.is_space or tok.is_punct))

    paragraphs = best_of(args.repeat, lambda: [annotate(nlp, t) for t in texts])
    whole = best_of(args.repeat, lambda: [nlp(t) for t in texts])
    records = best_of(args.repeat, lambda: [extractor.from_source(s) for s in sources])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    info = extractor.provenance
    print(f"pipeline        {info.model} {info.model_version or ''} ({extractor.choice.why})")
    print(f"components      {', '.join(nlp.pipe_names)}")
    print(f"letters         {len(paths)} from {paths[0].parent.parent}")
    print(f"words           {words:,} ({chars:,} characters)")
    print(f"pipeline        {words / paragraphs:,.0f} words/s  (paragraphs, as kamerbrief runs it)")
    print(f"pipeline        {words / whole:,.0f} words/s  (one document per letter)")
    print(
        f"extraction      {words / records:,.0f} words/s, {len(paths) / records:.1f} letters/s"
        "  (parse + pipeline + extractors + record)"
    )
    print(f"peak memory     {peak_mb:,.0f} MB")
    print(f"python          {sys.version.split()[0]}, best of {args.repeat}")


if __name__ == "__main__":
    main()
