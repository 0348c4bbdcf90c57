"""``kamerbrief extract --engine dask``: the same conversion on a Dask cluster.

Each input is one task (:func:`convert_on_worker`) sent to a worker thread that
is free, pinned to its worker: one input per thread at a time, so an input's
time budget starts when it is sent, as with the local worker pool. At most
``WINDOW`` inputs per thread are in flight or waiting for an earlier one, and
the records come back in input order, so the client writes exactly what the
local engine writes (stdout or ``-o DIR``, resumable). Each worker loads the
pipeline before it gets work (a warm-up task; loading does not count against
the budget): :func:`convert_on_worker` keeps one :class:`~kamerbrief.api.Extractor`
per model and worker thread, in this module. Without ``--scheduler`` a
:class:`distributed.LocalCluster` is started (``workers`` worker processes, one
thread each); with a scheduler address, file inputs are read by the workers
(they need the same file system), archive members and stdin travel as bytes.

The time budget (``--timeout``): an input whose task is not done ``timeout``
seconds after it was sent gets an error record of kind ``timeout``, its future
is cancelled and the batch goes on in input order. Cancelling does not stop a
task that is running, so the process of a worker with a nanny (the worker
processes of the local cluster; ``dask worker`` by default) is killed, which
ends it; its nanny starts a new one, which loads the pipeline before it gets
work, and inputs in flight on the same worker are sent again. A thread cannot be stopped: on a
worker without a nanny (``--dask-threads``) the task runs on in its thread,
which gets no more work; the local cluster gets a new worker in its place (a
remote one goes on with the workers it has). A worker that dies under an input
gives it an ``internal`` error record.

Needs the ``dask`` extra: ``pip install 'kamerbrief[dask]'``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kamerbrief.batch.convert import Converted, convert, timeout_record
from kamerbrief.batch.inputs import Input
from kamerbrief.batch.window import Done, Pending, in_input_order
from kamerbrief.errors import EngineError, SetupError, SourceError
from kamerbrief.sources.limits import Limits, use_limits

if TYPE_CHECKING:
    from kamerbrief.api import Extractor

WINDOW = 8  # inputs in flight or waiting, per worker thread
_POLL = 1.0  # seconds between looks at the cluster's workers while tasks run
_RESTART = 120.0  # seconds a stopped worker may take to come back before its slots go

_local = threading.local()


def _extractor(model: str | None) -> Extractor:
    cache: dict[str | None, Extractor] = getattr(_local, "extractors", None) or {}
    _local.extractors = cache
    if model not in cache:
        from kamerbrief.api import Extractor

        extractor = Extractor(model)
        _ = extractor.nlp  # raises a SetupError once, here
        cache[model] = extractor
    return cache[model]


def load_on_worker(model: str | None, limits: Limits | None = None) -> SetupError | None:
    """Load the pipeline on a Dask worker (its warm-up); the set-up error if it does not load."""
    use_limits(limits or Limits())
    try:
        _extractor(model)
    except SetupError as exc:
        return exc
    return None


def convert_on_worker(
    inp: Input, model: str | None, pretty: bool, limits: Limits | None = None
) -> Converted | SetupError:
    """The record of one input, on a Dask worker, or the set-up error that stopped it."""
    use_limits(limits or Limits())
    try:
        if inp.error is None:
            try:
                extractor = _extractor(model)
            except SetupError as exc:
                return exc
            return convert(lambda: extractor, inp, pretty)
        return convert(lambda: _extractor(model), inp, pretty)
    except SetupError as exc:
        return exc
    except Exception as exc:  # a bug: an internal error record, as the local workers give
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        failed = SourceError("internal", f"conversion failed: {detail}")
        return convert(lambda: None, Input(inp.path, inp.name, inp.origin, None, failed), pretty)  # type: ignore[arg-type, return-value]


def _exit_worker() -> None:
    """Run on a worker (``Client.run``): end its process at once; its nanny restarts it."""
    os._exit(70)


def _client(scheduler: str | None, workers: int, processes: bool) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise EngineError(
            "--engine dask needs dask and distributed: pip install 'kamerbrief[dask]'"
        ) from exc
    if scheduler:
        client = Client(scheduler)
        client.wait_for_workers(1)
        return client, None
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
        silence_logs=logging.ERROR,
        **({"host": "127.0.0.1"} if processes else {}),  # in-process workers talk inproc://
    )
    return Client(cluster), cluster


@dataclass
class _Slot:
    """One thread of a worker: the task it runs (a warm-up or an input), if any."""

    worker: Any  # the worker's name: it outlives a restart, its address does not
    address: str
    warm: Any = None  # the warm-up future, until it is done
    seq: int | None = None
    input: Input | None = None
    future: Any = None
    started: float = 0.0
    restarting: str | None = None  # the address its worker had when it was stopped
    since: float = 0.0

    @property
    def busy(self) -> bool:
        return self.warm is not None or self.future is not None


class _Engine:
    """The slots of a cluster's worker threads; see the module's documentation."""

    def __init__(
        self, client: Any, cluster: Any, *, model: str | None, pretty: bool, timeout: float,
        limits: Limits | None,
    ) -> None:  # fmt: skip
        self.client, self.cluster = client, cluster
        self.model, self.pretty, self.timeout, self.limits = model, pretty, timeout, limits
        self.slots: list[_Slot] = []
        self.nanny: dict[Any, bool] = {}
        self.stuck: set[Any] = set()  # workers without a nanny whose thread runs on
        self._synced = 0.0
        self._sync_workers({})

    # --- the workers ---

    def _workers(self) -> dict[Any, tuple[str, int, bool]]:
        """Worker name -> (address, threads, whether a nanny watches it), from the scheduler."""
        info = self.client.scheduler_info()["workers"]
        return {
            w["name"]: (address, int(w.get("nthreads") or 1), w.get("nanny") is not None)
            for address, w in info.items()
        }

    def _warm(self, slot: _Slot) -> None:
        slot.warm = self.client.submit(
            load_on_worker, self.model, self.limits, workers=[slot.address],
            allow_other_workers=False, pure=False,
        )  # fmt: skip

    def _sync_workers(self, done: dict[int, tuple[Input, Converted]]) -> None:
        """Follow the cluster: slots for new workers, none for gone ones; a worker that came
        back at a new address (restarted, or died and restarted by its nanny) loads again."""
        self._synced = time.monotonic()
        workers = self._workers()
        for slot in list(self.slots):
            now = workers.get(slot.worker)
            if slot.restarting is not None:  # stopped by _replace: back at a new address?
                if now is not None and now[0] != slot.restarting:
                    slot.address, slot.restarting = now[0], None
                    self._warm(slot)
                elif time.monotonic() - slot.since > _RESTART:
                    self.slots.remove(slot)
                continue
            if now is not None and now[0] == slot.address:
                continue
            if slot.future is not None and slot.input is not None and slot.seq is not None:
                message = "the Dask worker converting this input died; it was replaced"
                done[slot.seq] = (slot.input, self._failed(slot.input, message))
            elif slot.warm is not None:
                raise SetupError(f"the Dask worker {slot.worker} died while loading the pipeline")
            slot.warm = slot.future = slot.seq = slot.input = None
            if now is None:
                self.slots.remove(slot)
            else:
                slot.address = now[0]
                self._warm(slot)
        known = {slot.worker for slot in self.slots} | self.stuck
        for name, (address, threads, nanny) in workers.items():
            if name in known:
                continue
            self.nanny[name] = nanny
            for _ in range(threads):
                slot = _Slot(name, address)
                self.slots.append(slot)
                self._warm(slot)

    def _failed(self, inp: Input, message: str) -> Converted:
        failed = Input(inp.path, inp.name, inp.origin, None, SourceError("internal", message))
        return convert(lambda: None, failed, self.pretty)  # type: ignore[arg-type, return-value]

    def _replace(self, slot: _Slot, queue: list[tuple[int, Input]]) -> None:
        """Stop the task that ran over its budget on ``slot``'s worker (see the module)."""
        if self.nanny.get(slot.worker):
            # Killing the worker ends all its tasks: the others go back to the queue.
            for other in self.slots:
                if other.worker != slot.worker:
                    continue
                if other.future is not None and other.seq is not None and other.input is not None:
                    other.future.cancel()
                    queue.append((other.seq, other.input))
                elif other.warm is not None:
                    other.warm.cancel()
                other.warm = other.future = other.seq = other.input = None
                other.restarting, other.since = slot.address, time.monotonic()
            queue.sort(key=lambda item: item[0])
            self._kill(slot)
            return  # _sync_workers sees its new address and loads the pipeline there
        # No nanny: the task cannot be stopped (a Python thread cannot be killed) and holds
        # its thread until it ends, so that thread gets no more work. A local cluster gets a
        # new worker in its place; at the end the worker is closed without waiting for the
        # thread, a daemon that ends with the process.
        self.slots.remove(slot)
        if not any(other.worker == slot.worker for other in self.slots):
            self.stuck.add(slot.worker)
        if self.cluster is not None:
            self.cluster.scale(len(self.cluster.worker_spec) + 1)
            self.client.wait_for_workers(len(self._workers()) + 1, timeout=120)

    def _kill(self, slot: _Slot) -> None:
        """End the process of ``slot``'s worker; its nanny starts a new one, as after a crash.

        (``Client.restart_workers`` waits for the task's thread, and in tests came back
        after 120 s from its third restart of one worker.)
        """
        nanny = self.cluster.workers.get(slot.worker) if self.cluster is not None else None
        pid = getattr(nanny, "pid", None)
        if pid:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            return
        with contextlib.suppress(Exception):  # the worker dies before it answers
            self.client.run(_exit_worker, workers=[slot.address], on_error="ignore")

    # --- the batch ---

    def _send(self, slot: _Slot, seq: int, inp: Input) -> None:
        slot.seq, slot.input, slot.started = seq, inp, time.monotonic()
        slot.future = self.client.submit(
            convert_on_worker, inp, self.model, self.pretty, self.limits,
            workers=[slot.address], allow_other_workers=False, pure=False,
        )  # fmt: skip

    def run(self, inputs: Iterable[Input]) -> Iterator[tuple[Input, Converted]]:
        """(input, record) in input order."""
        return in_input_order(
            inputs, lambda: WINDOW * max(1, len(self.slots)), self._send_idle, self._wait
        )

    def _send_idle(self, queue: Pending) -> None:
        for slot in self.slots:
            if not slot.busy and slot.restarting is None and queue:
                self._send(slot, *queue.pop(0))

    def _wait(self, done: Done, queue: Pending) -> None:
        from distributed import wait

        busy = [slot for slot in self.slots if slot.busy]
        if not busy:  # every worker restarts, or none is left: wait for one
            if not self.slots:
                with contextlib.suppress(Exception):
                    self.client.wait_for_workers(len(self.stuck) + 1, timeout=_RESTART)
            else:
                time.sleep(0.1)
            self._sync_workers(done)
            if not self.slots:
                raise EngineError("no Dask worker is left to convert the inputs")
            return
        wait_for = _POLL
        if self.timeout > 0:
            deadlines = [s.started + self.timeout for s in busy if s.future is not None]
            if deadlines:
                wait_for = min(wait_for, max(0.0, min(deadlines) - time.monotonic()))
        futures = [s.warm if s.warm is not None else s.future for s in busy]
        try:
            wait(futures, timeout=wait_for, return_when="FIRST_COMPLETED")
        except Exception:  # a time-out, or a cancelled future: each is looked at below
            pass
        for slot in busy:
            if slot.warm is not None:
                if slot.warm.done():
                    self._warmed(slot)
            elif slot.future is not None and slot.future.done():
                assert slot.seq is not None and slot.input is not None
                done[slot.seq] = (slot.input, self._result(slot))
                slot.future = slot.seq = slot.input = None
            elif (
                self.timeout > 0
                and slot.future is not None
                and slot.seq is not None
                and slot.input is not None
                and time.monotonic() - slot.started >= self.timeout
            ):
                done[slot.seq] = (slot.input, timeout_record(slot.input, self.timeout, self.pretty))
                slot.future.cancel()
                slot.future = slot.seq = slot.input = None
                self._replace(slot, queue)
                self._synced = 0.0  # look for the restarted or new worker now
        if time.monotonic() - self._synced >= _POLL:
            self._sync_workers(done)

    def _warmed(self, slot: _Slot) -> None:
        """Take the warm-up that is done: the slot is ready, or the pipeline did not load."""
        future, slot.warm = slot.warm, None
        if future.status == "finished":
            error = future.result()
            if error is not None:
                raise error
        elif future.status == "error":
            raise SetupError(f"a Dask worker could not load the pipeline: {future.exception()}")
        else:  # cancelled: load again
            self._warm(slot)

    def _result(self, slot: _Slot) -> Converted:
        """The record of the input whose task is done on ``slot``."""
        future, inp = slot.future, slot.input
        assert future is not None and inp is not None
        if future.status == "finished":
            result = future.result()
            if isinstance(result, SetupError):
                raise result
            return result  # type: ignore[no-any-return]
        why = future.exception() if future.status == "error" else "it was cancelled"
        detail = " ".join(str(why).split())[:300] or type(why).__name__
        return self._failed(inp, f"the Dask task converting this input failed: {detail}")

    def close(self) -> None:
        for slot in self.slots:
            for future in (slot.warm, slot.future):
                if future is not None:
                    future.cancel()
        self.client.close()
        if self.cluster is not None:
            for name in self.stuck:  # do not wait for the threads that run on (see _replace)
                worker = self.cluster.workers.get(name)
                if worker is not None:
                    with contextlib.suppress(Exception):
                        self.cluster.sync(worker.close, executor_wait=False, timeout=5)
            self.cluster.close()


def run_dask(
    inputs: Iterable[Input],
    *,
    model: str | None,
    pretty: bool,
    scheduler: str | None = None,
    workers: int = 2,
    processes: bool = True,
    timeout: float = 0,
    limits: Limits | None = None,
) -> Iterator[tuple[Input, Converted]]:
    """(input, record) in input order, computed on a Dask cluster; ``timeout``: seconds per
    input (0: none)."""
    try:
        import dask
        import distributed  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise EngineError(
            "--engine dask needs dask and distributed: pip install 'kamerbrief[dask]'"
        ) from exc
    # A local cluster closes the nanny of a worker that has been gone for this long when
    # the time is up and no worker of its name is there: a worker killed over its time
    # budget 15 s (the default) after another one, and not back yet, would lose its nanny.
    with dask.config.set({"distributed.deploy.lost-worker-timeout": "1 day"}):
        client, cluster = _client(scheduler, workers, processes)
        try:
            engine = _Engine(
                client, cluster, model=model, pretty=pretty, timeout=timeout, limits=limits
            )
        except BaseException:
            client.close()
            if cluster is not None:
                cluster.close()
            raise
        try:
            yield from engine.run(inputs)
        finally:
            engine.close()
