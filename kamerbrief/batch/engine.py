"""The batch engine behind ``kamerbrief extract``: inputs in, records out, in order.

Inputs stream in from :func:`kamerbrief.batch.inputs.expand`; the records come out
in input order whatever the engine:

- ``jobs == 1``: in this process, no pool;
- ``jobs > 1``: a process pool (forkserver where available, else spawn) whose
  workers each load the pipeline once, in their initializer; at most
  :data:`WINDOW` ``* jobs`` chunks of :data:`CHUNK` inputs are in flight (sent,
  or done and waiting for an earlier one), so memory stays flat however many
  inputs there are, and a long letter does not leave the other workers idle;
- ``engine="dask"``: :mod:`kamerbrief.batch.dask_engine`.

Workers return each record as JSON text; this process alone writes: one
complete line per record on stdout, or with an output directory one file per
input, written to a temporary file and renamed (``os.replace``), so a run
killed at any moment leaves whole records and at most stray temporary files
(``.NAME.json.*.tmp``), which ``--resume`` removes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kamerbrief.batch.convert import CHUNK, Converted, convert
from kamerbrief.batch.inputs import Input, output_name
from kamerbrief.errors import SetupError

if TYPE_CHECKING:
    from kamerbrief.api import Extractor

WINDOW = 8  # chunks in flight per worker


# --- the process pool ------------------------------------------------------------------------

_worker_extractor: Extractor | None = None
_worker_error: SetupError | None = None


def _init_worker(model: str | None) -> None:
    """Load the pipeline once per worker process."""
    global _worker_extractor, _worker_error
    from kamerbrief.api import Extractor

    try:
        extractor = Extractor(model)
        _ = extractor.nlp
    except SetupError as exc:
        _worker_error = exc
        return
    _worker_extractor = extractor


def _convert_chunk(chunk: list[Input], pretty: bool) -> list[Converted] | SetupError:
    if _worker_extractor is None:
        return _worker_error or SetupError("the pipeline did not load")
    extractor = _worker_extractor
    return [convert(lambda: extractor, inp, pretty) for inp in chunk]


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    # The server imports the code (not the pipeline: that loads in each worker), so the
    # workers it forks start without importing spaCy again.
    ctx.set_forkserver_preload(["kamerbrief.api"])
    return ctx


def run_pool(
    inputs: Iterable[Input], *, model: str | None, jobs: int, pretty: bool, chunk: int = CHUNK
) -> Iterator[tuple[Input, Converted]]:
    """(input, record) in input order from ``jobs`` worker processes."""
    it = iter(inputs)
    window = WINDOW * jobs
    pending: deque[tuple[list[Input], Future]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=_init_worker, initargs=(model,)
    )
    try:

        def submit() -> bool:
            items = list(islice(it, chunk))
            if items:
                pending.append((items, pool.submit(_convert_chunk, items, pretty)))
            return bool(items)

        while len(pending) < window and submit():
            pass
        while pending:
            items, future = pending.popleft()
            results = future.result()
            if isinstance(results, SetupError):
                raise results
            submit()
            yield from zip(items, results, strict=True)
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def run_inline(
    inputs: Iterable[Input], *, model: str | None, pretty: bool, extractor: Extractor | None = None
) -> Iterator[tuple[Input, Converted]]:
    """(input, record) in input order, in this process."""
    from kamerbrief.api import Extractor

    ex = extractor or Extractor(model)
    for inp in inputs:
        yield inp, convert(lambda: ex, inp, pretty)


# --- writing ---------------------------------------------------------------------------------


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file beside it, then a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(output: Path) -> int:
    """Remove the temporary files a killed run left in ``output``; how many there were."""
    n = 0
    for tmp in output.glob(".*.json.*.tmp"):
        tmp.unlink(missing_ok=True)
        n += 1
    return n


def _write_line(data: str) -> None:
    # One write of the whole line, then flush: a reader never sees half a record.
    line = (data + "\n").encode("utf-8")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(line)
        buffer.flush()
    else:  # a text-only stream (some test harnesses)
        sys.stdout.write(data + "\n")
        sys.stdout.flush()


def _up_to_date(record: Path, origin: str | None) -> bool:
    """Whether ``record`` exists and is newer than the input file (the archive for a member)."""
    if origin is None:
        return False
    try:
        written = record.stat().st_mtime_ns
    except OSError:
        return False
    try:
        return written > os.stat(origin).st_mtime_ns
    except OSError:
        return False  # the input is gone: extract again, which records that


# --- a batch ---------------------------------------------------------------------------------


@dataclass
class Summary:
    """What a batch did."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def inputs(self) -> int:
        return self.done + self.failed

    def line(self) -> str:
        """The summary line on stderr."""
        text = f"kamerbrief: {self.inputs} inputs, {self.done} records, {self.failed} errors"
        if self.skipped:
            text += f", {self.skipped} skipped (up to date)"
        return text


class Progress:
    """A rich progress bar on stderr: done/total, letters/s, ETA, failures so far."""

    def __init__(self, console: object, total: int | None) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        columns = [
            SpinnerColumn(),
            TextColumn("extract"),
            BarColumn(),
            MofNCompleteColumn() if total is not None else TextColumn("{task.completed}"),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]} letters/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failed]} failed"),
        ]
        self._bar = RichProgress(*columns, console=console, transient=False)  # type: ignore[arg-type]
        self._task = self._bar.add_task("extract", total=total, rate="-", failed=0)
        self._start = time.perf_counter()
        self.console = self._bar.console

    def __enter__(self) -> Progress:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def advance(self, summary: Summary) -> None:
        elapsed = max(time.perf_counter() - self._start, 1e-9)
        rate = f"{summary.inputs / elapsed:.1f}"
        self._bar.update(
            self._task, completed=summary.inputs + summary.skipped, rate=rate, failed=summary.failed
        )


@dataclass
class Batch:
    """One run of ``kamerbrief extract`` over a stream of inputs."""

    model: str | None = None
    jobs: int = 1
    pretty: bool = False
    output: Path | None = None
    resume: bool = False
    errors: IO[str] | None = None
    engine: str = "local"
    scheduler: str | None = None
    dask_processes: bool = True
    on_error: Callable[[str, str], None] | None = None
    progress: Progress | None = None
    extractor: Extractor | None = None  # for jobs == 1: an extractor already loaded
    summary: Summary = field(default_factory=Summary)

    def _todo(self, inputs: Iterable[Input]) -> Iterator[Input]:
        """Inputs with their output names; with --resume, up-to-date ones skipped."""
        used: set[str] = set()
        for inp in inputs:
            if self.output is None:
                yield inp
                continue
            name = output_name(inp.name, inp.path, used)
            if self.resume and _up_to_date(self.output / name, inp.origin):
                self.summary.skipped += 1
                if self.progress is not None:
                    self.progress.advance(self.summary)
                continue
            yield Input(inp.path, name, inp.origin, inp.data, inp.error)

    def _results(self, inputs: Iterable[Input]) -> Iterator[tuple[Input, Converted]]:
        if self.engine == "dask":
            from kamerbrief.batch.dask_engine import run_dask

            return run_dask(
                inputs,
                model=self.model,
                pretty=self.pretty,
                scheduler=self.scheduler,
                workers=self.jobs,
                processes=self.dask_processes,
            )
        if self.jobs <= 1:
            return run_inline(
                inputs, model=self.model, pretty=self.pretty, extractor=self.extractor
            )
        return run_pool(inputs, model=self.model, jobs=self.jobs, pretty=self.pretty)

    def run(self, inputs: Iterable[Input]) -> Summary:
        """Convert every input and write its record; raises SetupError."""
        start = time.perf_counter()
        if self.output is not None and self.resume:
            remove_stale_temporaries(self.output)
        for inp, result in self._results(self._todo(inputs)):
            if result.error is not None:
                self.summary.failed += 1
                if self.on_error is not None:
                    self.on_error(inp.path, result.error)
                if self.errors is not None:
                    self.errors.write((result.compact or result.data) + "\n")
                    self.errors.flush()
            else:
                self.summary.done += 1
            if self.output is not None:
                write_atomic(self.output / inp.name, result.data + "\n")
            else:
                _write_line(result.data)
            if self.progress is not None:
                self.progress.advance(self.summary)
        self.summary.seconds = time.perf_counter() - start
        return self.summary
