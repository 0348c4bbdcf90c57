"""The local worker pool: one process per job, a watchdog in each, a time budget per input.

The parent sends each worker one input at a time over the worker's own pipe and
gets its record back, keyed by the input's place in the batch, so the records
come out in input order whatever finishes first. At most ``window`` inputs are
in flight or waiting for an earlier one, so memory stays flat.

- **No orphans.** A worker must never outlive the batch. Each worker asks the
  kernel to kill it when its parent dies (``PR_SET_PDEATHSIG``, Linux), a thread
  in it waits on a pipe whose only writer is the batch's process (end of file:
  the batch is gone, the worker exits at once, busy or not), and between inputs
  it also checks that its parent is still the one it started with.
- **A time budget.** An input still running after ``timeout`` seconds gets an
  error record of kind ``timeout``; its worker is killed and replaced (the new
  one loads the pipeline before it gets work; loading does not count against
  the budget), and the batch goes on in input order.
- **A worker that dies** (killed from outside, a crash in native code) gives its
  input an ``internal`` error record and is replaced in the same way.

A :class:`~kamerbrief.errors.SetupError` in a worker (the pipeline does not load)
is raised in the parent: the run stops with exit code 2.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from kamerbrief.batch.convert import Converted, convert, timeout_record
from kamerbrief.batch.inputs import Input
from kamerbrief.batch.window import Pending, in_input_order
from kamerbrief.errors import SetupError, SourceError
from kamerbrief.sources.limits import Limits, use_limits

if TYPE_CHECKING:
    from kamerbrief.api import Extractor

WINDOW = 8  # inputs in flight or waiting, per worker
PR_SET_PDEATHSIG = 1


# --- in the worker ---------------------------------------------------------------------------


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent dies (Linux only)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):  # not Linux, no prctl
        return False


def _watch(alive: Connection) -> None:
    """Exit the process as soon as the batch's end of ``alive`` is closed (its process died)."""
    try:
        alive.recv()  # nothing is ever sent: this returns only by EOF
    except (EOFError, OSError):
        pass
    os._exit(3)


def _worker_main(
    conn: Connection, alive: Connection, model: str | None, pretty: bool, limits: Limits
) -> None:
    parent = os.getppid()
    die_with_parent()
    threading.Thread(target=_watch, args=(alive,), daemon=True, name="watchdog").start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    use_limits(limits)
    from kamerbrief.api import Extractor

    try:
        extractor = Extractor(model)
        _ = extractor.nlp
        conn.send(("ready", None, None))
    except SetupError as exc:
        conn.send(("setup", None, exc))
        return

    def get_extractor() -> Extractor:
        return extractor

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the batch is gone
        if message is None or os.getppid() != parent:
            return
        seq, inp = message
        try:
            result: Any = convert(get_extractor, inp, pretty)
        except SetupError as exc:
            result = exc
        except Exception as exc:  # a bug: an internal error record, and the worker goes on
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
            failed = SourceError("internal", f"conversion failed: {detail}")
            result = convert(
                get_extractor, Input(inp.path, inp.name, inp.origin, None, failed), pretty
            )
        try:
            conn.send(("done", seq, result))
        except (OSError, ValueError):
            return


# --- in the parent ---------------------------------------------------------------------------


def _context() -> multiprocessing.context.BaseContext:
    # Never fork: a forked worker would inherit the batch's end of the watchdog pipe.
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    # The server imports the code (not the pipeline: that loads in each worker), so the
    # workers it forks start without importing spaCy again.
    ctx.set_forkserver_preload(["kamerbrief.api"])
    return ctx


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    seq: int | None = None
    input: Input | None = None
    started: float = 0.0


class Pool:
    """``jobs`` worker processes; see the module's documentation."""

    def __init__(
        self, *, model: str | None, jobs: int, pretty: bool, timeout: float, limits: Limits
    ) -> None:
        self.model, self.jobs, self.pretty = model, jobs, pretty
        self.timeout, self.limits = timeout, limits
        self.ctx = _context()
        # The batch holds the only writing end; workers wait for its end of file.
        self._alive_r, self._alive_w = self.ctx.Pipe(duplex=False)
        self.workers: list[_Worker] = [self._start() for _ in range(jobs)]

    def _start(self) -> _Worker:
        mine, theirs = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(
            target=_worker_main,
            args=(theirs, self._alive_r, self.model, self.pretty, self.limits),
            name="kamerbrief-worker",
            daemon=True,
        )
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker, kill=True)
        self.workers[self.workers.index(worker)] = self._start()

    @staticmethod
    def _stop(worker: _Worker, kill: bool) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        else:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(5)
        worker.conn.close()

    def close(self) -> None:
        for worker in self.workers:
            self._stop(worker, kill=worker.seq is not None)
        self._alive_w.close()
        self._alive_r.close()

    def run(
        self, inputs: Iterable[Input], window: int | None = None
    ) -> Iterator[tuple[Input, Converted]]:
        """(input, record) in input order."""
        size = window or WINDOW * self.jobs
        return in_input_order(inputs, lambda: size, self._send, lambda done, _: self._wait(done))

    def _send(self, queue: Pending) -> None:
        for worker in self.workers:
            if worker.ready and worker.seq is None and queue:
                seq, inp = queue.pop(0)
                worker.seq, worker.input, worker.started = seq, inp, time.monotonic()
                try:
                    worker.conn.send((seq, inp))
                except (OSError, ValueError):
                    pass  # it died: its sentinel says so in _wait

    def _wait(self, done: dict[int, tuple[Input, Converted]]) -> None:
        now = time.monotonic()
        wait_for = None
        if self.timeout > 0:
            deadlines = [w.started + self.timeout for w in self.workers if w.seq is not None]
            if deadlines:
                wait_for = max(0.0, min(deadlines) - now)
        handles: list[Any] = []
        for worker in self.workers:
            handles += [worker.conn, worker.process.sentinel]
        ready = set(wait(handles, wait_for))
        for worker in list(self.workers):
            if worker.conn in ready:
                try:
                    kind, seq, result = worker.conn.recv()
                except (EOFError, OSError):
                    self._died(worker, done)
                    continue
                if kind == "setup" or isinstance(result, SetupError):
                    raise result
                if kind == "ready":
                    worker.ready = True
                    continue
                if seq == worker.seq and worker.input is not None:
                    done[seq] = (worker.input, result)
                worker.seq, worker.input = None, None
            elif worker.process.sentinel in ready:
                self._died(worker, done)
            elif (
                self.timeout > 0
                and worker.seq is not None
                and worker.input is not None
                and time.monotonic() - worker.started >= self.timeout
            ):
                inp = worker.input
                done[worker.seq] = (inp, timeout_record(inp, self.timeout, self.pretty))
                self._replace(worker)

    def _died(self, worker: _Worker, done: dict[int, tuple[Input, Converted]]) -> None:
        if worker.seq is not None and worker.input is not None:
            code = worker.process.exitcode
            if code is None:
                worker.process.join(1)
                code = worker.process.exitcode
            message = f"the worker converting this input died (exit code {code}); it was replaced"
            inp = worker.input
            failed = Input(inp.path, inp.name, inp.origin, None, SourceError("internal", message))
            done[worker.seq] = (inp, convert(lambda: None, failed, self.pretty))  # type: ignore[arg-type, return-value]
        elif not worker.ready:
            self._stop(worker, kill=True)
            code = worker.process.exitcode
            raise SetupError(f"a worker process died while loading the pipeline (exit code {code})")
        self._replace(worker)


def run_pool(
    inputs: Iterable[Input],
    *,
    model: str | None,
    jobs: int,
    pretty: bool,
    timeout: float = 0,
    limits: Limits | None = None,
) -> Iterator[tuple[Input, Converted]]:
    """(input, record) in input order from ``jobs`` worker processes."""
    pool = Pool(model=model, jobs=jobs, pretty=pretty, timeout=timeout, limits=limits or Limits())
    try:
        yield from pool.run(inputs)
    finally:
        pool.close()
