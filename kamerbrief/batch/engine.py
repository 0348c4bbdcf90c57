"""The batch engine behind ``kamerbrief extract``: inputs in, records out, in order.

Inputs stream in from :func:`kamerbrief.batch.inputs.expand`; the records come out
in input order whatever the engine:

- ``jobs == 1``: in this process, no pool; the time budget is an alarm;
- ``jobs > 1``: :mod:`kamerbrief.batch.workers`, worker processes (forkserver where
  available, else spawn) that each load the pipeline once, take one input at a
  time, die with the batch (a watchdog in each) and are replaced when an input
  runs over its time budget;
- ``engine="dask"``: :mod:`kamerbrief.batch.dask_engine`.

Workers return each record as JSON text; this process alone writes: one
complete line per record on stdout, or with an output directory one file per
input, written to a temporary file and renamed (``os.replace``), so a run
killed at any moment leaves whole records and at most stray temporary files
(``.NAME.json.*.tmp``), which ``--resume`` removes.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kamerbrief.batch.convert import Converted, convert, timeout_record
from kamerbrief.batch.inputs import Input, output_name
from kamerbrief.batch.workers import run_pool
from kamerbrief.errors import SetupError
from kamerbrief.sources.limits import Limits, use_limits

if TYPE_CHECKING:
    from kamerbrief.api import Extractor


class OutputError(SetupError):
    """The output directory cannot take a record (unwritable, disk full): exit 2."""


class _OverBudget(BaseException):
    """Raised by the alarm in the conversion that ran over its time budget (never an Exception,
    so that no ``except Exception`` on the way turns it into an ``internal`` record)."""


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise :class:`_OverBudget` in this thread after ``seconds`` (0: no budget)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def over(signum: int, frame: object) -> None:
        raise _OverBudget

    old = signal.signal(signal.SIGALRM, over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_inline(
    inputs: Iterable[Input],
    *,
    model: str | None,
    pretty: bool,
    extractor: Extractor | None = None,
    timeout: float = 0,
    limits: Limits | None = None,
) -> Iterator[tuple[Input, Converted]]:
    """(input, record) in input order, in this process.

    The time budget is an alarm here: an input over it is interrupted at its next
    Python instruction and gives a ``timeout`` error record.
    """
    from kamerbrief.api import Extractor

    old = use_limits(limits or Limits())
    try:
        ex = extractor or Extractor(model)
        for inp in inputs:
            try:
                with _budget(timeout):
                    result = convert(lambda: ex, inp, pretty)
            except _OverBudget:
                result = timeout_record(inp, timeout, pretty)
            yield inp, result
    finally:
        use_limits(old)


# --- writing ---------------------------------------------------------------------------------


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file beside it, then a rename.

    Raises :class:`OutputError` (one line, exit 2) when the folder cannot take it
    (unwritable, disk full); no temporary file is left behind.
    """
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise OutputError(f"cannot write the record {path}: {reason}; the run stops") from None
    except BaseException:
        if tmp is not None:
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
    timeout: float = 0  # seconds per input, 0: none
    limits: Limits = field(default_factory=Limits)
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
                timeout=self.timeout,
                limits=self.limits,
            )
        if self.jobs <= 1:
            return run_inline(
                inputs, model=self.model, pretty=self.pretty, extractor=self.extractor,
                timeout=self.timeout, limits=self.limits,
            )  # fmt: skip
        return run_pool(
            inputs, model=self.model, jobs=self.jobs, pretty=self.pretty,
            timeout=self.timeout, limits=self.limits,
        )  # fmt: skip

    def run(self, inputs: Iterable[Input]) -> Summary:
        """Convert every input and write its record; raises SetupError."""
        start = time.perf_counter()
        old_limits = use_limits(self.limits)  # archives are read here, in this process
        try:
            self._run(inputs)
        finally:
            use_limits(old_limits)
        self.summary.seconds = time.perf_counter() - start
        return self.summary

    def _run(self, inputs: Iterable[Input]) -> None:
        if self.output is not None and self.resume:
            remove_stale_temporaries(self.output)
        results = self._results(self._todo(inputs))
        try:
            self._write(results)
        finally:  # an output fault stops the run: the workers stop with it, now
            close = getattr(results, "close", None)
            if close is not None:
                close()

    def _write(self, results: Iterable[tuple[Input, Converted]]) -> None:
        for inp, result in results:
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
