"""Speed and memory of ``kamerbrief table`` into DuckDB: prints figures, asserts nothing.

    python benchmarks/tables.py [--records FILE.jsonl] [--count 10000] [--batch-size 200]

The records are the corpus letters (``kamerbrief extract corpus/letters/``, run in a
child process so that this one never loads spaCy), or FILE.jsonl, repeated until
there are ``--count`` of them. Measured: :func:`kamerbrief.outputs.tables.write_tables`
from the records in memory to a DuckDB file; records/s, rows/s, the file's size,
and the peak RSS of this process (before the write and after it).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from kamerbrief.outputs.tables import read_records, write_tables

ROOT = Path(__file__).resolve().parent.parent


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, help="a JSON Lines file of records")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.records
        if source is None:
            source = Path(tmp) / "corpus.jsonl"
            kamerbrief = Path(sys.executable).with_name("kamerbrief")
            with source.open("w", encoding="utf-8") as fh:
                subprocess.run(
                    [str(kamerbrief), "extract", "-q", str(ROOT / "corpus" / "letters")],
                    stdout=fh,
                    check=False,
                )
        base = list(read_records([source]))
        if not base:
            raise SystemExit(f"no letter records in {source}")
        before = _peak_mb()
        out = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        counts = write_tables(islice(cycle(base), args.count), out, batch_size=args.batch_size)
        seconds = time.perf_counter() - start
        rows = sum(counts.values())
        print(f"records: {args.count} ({len(base)} corpus records repeated)")
        print(f"rows: {rows} in {len(counts)} tables ({counts['mentions']} mentions)")
        speed = f"{args.count / seconds:,.0f} records/s, {rows / seconds:,.0f} rows/s"
        print(f"time: {seconds:.1f} s, {speed}")
        print(f"duckdb file: {out.stat().st_size / 2**20:,.0f} MiB")
        print(f"peak RSS: {_peak_mb():,.0f} MiB (records loaded: {before:,.0f} MiB)")


if __name__ == "__main__":
    main()
