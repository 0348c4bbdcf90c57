"""Batch throughput and memory of ``kamerbrief extract``: prints figures, asserts nothing.

    python benchmarks/throughput.py [--quick] [--letters N] [--sizes A,B] [--model M]
                                    [--rss-model M] [--old DIR]

On the same letters (corpus/letters/**/*.txt, repeated to N) and in one run:

1. letters/s and tokens/s of (a) raw ``nlp.pipe`` of the Dutch pipeline (the
   bundled one unless --model) over the letters' texts, in this process, its
   load not counted; (b) ``kamerbrief extract --jobs 1`` and (c) ``--jobs 2``,
   each a fresh process writing to /dev/null, with and without its start-up
   (pipeline load, worker start; measured on two tiny letters);
2. peak RSS of the whole process tree (the CLI, the fork server and the
   workers: the sum of their RSS, sampled every 0.1 s with psutil) of
   ``kamerbrief extract ARCHIVE.zip --jobs 2 -o DIR`` over A and over B letters,
   members of one stored zip archive, with --rss-model (default: --model).

3. with --old DIR (the research-only pipeline this one replaced, see
   ``benchmarks/pipelines.py``): words/s on one core of the old pipeline's whole
   extraction and the new one's (--model), and of raw ``nlp.pipe`` of each, on the
   distinct letters, in alternating runs (issue 18 asks the whole extraction for 2x).

Tokens are the tokenizer's tokens of each letter's normalised text. Defaults:
--letters 48 and --sizes 60,600 (about 12 minutes on 2 cores: extraction runs at
about 1.5 letters/s per core); --quick: 12 and 24,240 (about 4 minutes); the
issue's sizes, --letters 1000 --sizes 1000,10000, take about 3 hours.
"""

from __future__ import annotations

import os

# one core for BLAS before numpy loads: the --old comparison measures words/s on one core
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "corpus" / "letters"


def corpus() -> list[Path]:
    return sorted(p for p in LETTERS.rglob("*.txt") if p.name != "SOURCES.md")


def repeated(paths: list[Path], n: int) -> list[Path]:
    return [paths[i % len(paths)] for i in range(n)]


def letter_dir(paths: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for i, path in enumerate(paths):
        os.symlink(path, folder / f"{i:06d}_{path.name}")
    return folder


def letter_zip(paths: list[Path], archive: Path) -> Path:
    data = {p: p.read_bytes() for p in set(paths)}
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zf:
        for i, path in enumerate(paths):
            zf.writestr(f"letters/{i:06d}_{path.name}", data[path])
    return archive


def tree_rss(proc: object) -> int:
    """The RSS of a psutil process and all its descendants, in bytes."""
    import psutil

    total = 0
    try:
        family = [proc, *proc.children(recursive=True)]  # type: ignore[attr-defined]
    except psutil.Error:
        return 0
    for p in family:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_cli(args: list[str]) -> tuple[float, int]:
    """(wall seconds, peak tree RSS in bytes) of ``kamerbrief ARGS`` with stdout to /dev/null."""
    import psutil

    cmd = [sys.executable, "-m", "kamerbrief", *args, "--quiet"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(ps))
        time.sleep(0.1)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"kamerbrief {' '.join(args)} failed ({proc.returncode}): {stderr}")
    return wall, peak


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="12 letters; RSS at 24 and 240")
    ap.add_argument("--letters", type=int, default=None, help="letters for the throughput runs")
    ap.add_argument("--sizes", default=None, help="two letter counts for the RSS runs: A,B")
    ap.add_argument("--model", default=None, help="pipeline (default: the bundled one)")
    ap.add_argument("--rss-model", default=None, help="pipeline of the RSS runs (default: --model)")
    ap.add_argument("--old", default=None, help="also compare words/s with this older pipeline")
    args = ap.parse_args(argv)
    n = args.letters or (12 if args.quick else 48)
    sizes = [int(x) for x in (args.sizes or ("24,240" if args.quick else "60,600")).split(",")]

    import spacy

    from kamerbrief.nlp.pipeline import bundled_pipeline_path
    from kamerbrief.parse import parse
    from kamerbrief.sources.read import read_path

    model = args.model or str(bundled_pipeline_path())
    rss_model = args.rss_model or model
    paths = repeated(corpus(), n)
    texts_of = {p: parse(read_path(p).text).text for p in set(paths)}
    nlp = spacy.load(model)
    tokens_of = {p: len(nlp.make_doc(t)) for p, t in texts_of.items()}
    texts = [texts_of[p] for p in paths]
    tokens = sum(tokens_of[p] for p in paths)
    print(f"letters         {n} ({len(set(paths))} distinct, repeated), {tokens:,} tokens")
    print(f"pipeline        {model}")
    print(f"machine         {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")

    rows: list[tuple[str, float]] = []
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    rows.append(("(a) raw nlp.pipe", time.perf_counter() - start))
    del nlp

    work = Path(tempfile.mkdtemp(prefix="kamerbrief-bench-"))
    try:
        folder = letter_dir(paths, work / "letters")
        tiny = work / "tiny"
        tiny.mkdir()
        for name in ("a.txt", "b.txt"):
            (tiny / name).write_text("Den Haag, 1 maart 2024\n\nGeachte voorzitter,\n", "utf-8")
        for jobs in (1, 2):
            common = ["extract", "--model", model, "--jobs", str(jobs)]
            startup, _ = run_cli([*common, str(tiny)])
            wall, _ = run_cli([*common, str(folder)])
            rows.append((f"kamerbrief --jobs {jobs}", wall))
            rows.append(
                (f"kamerbrief --jobs {jobs} (less {startup:.1f} s start-up)", wall - startup)
            )
        print()
        print(f"{'':45} {'letters/s':>10} {'tokens/s':>10} {'vs (a)':>7}")
        raw = rows[0][1]
        for name, seconds in rows:
            print(f"{name:45} {n / seconds:10.2f} {tokens / seconds:10,.0f} {raw / seconds:7.2f}")
        one, two = rows[2][1], rows[4][1]
        print(f"--jobs 2 / --jobs 1 (start-up excluded): {one / two:.2f}x")
        print(f"--jobs 1 / raw nlp.pipe (start-up excluded): {raw / one:.2f}")

        print()
        peaks = []
        for size in sizes:
            archive = letter_zip(repeated(corpus(), size), work / f"letters-{size}.zip")
            wall, peak = run_cli(["extract", str(archive), "--model", rss_model,
                                  "--jobs", "2", "-o", str(work / f"out-{size}")])  # fmt: skip
            peaks.append(peak)
            print(
                f"peak RSS        {peak / 2**20:8,.0f} MB for {size:,} letters"
                f" (--jobs 2, one zip, {Path(rss_model).name}; {size / wall:.1f} letters/s)"
            )
            shutil.rmtree(work / f"out-{size}")
            archive.unlink()
        print(f"RSS {sizes[-1]:,} / {sizes[0]:,} letters: {peaks[-1] / peaks[0]:.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.old:
        from pipelines import compare  # benchmarks/pipelines.py, beside this script

        print()
        compare(args.old, model, corpus(), repeat=3)
    print(f"python          {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
