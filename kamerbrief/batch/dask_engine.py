"""``kamerbrief extract --engine dask``: the same conversion as a Dask bag.

The inputs are cut into windows of ``8 * workers * CHUNK`` inputs; each window
is a Dask bag mapped with :func:`convert_on_worker`, at most two windows are in
flight, and their records are gathered back in input order, so the client
writes exactly what the local engine writes (stdout or ``-o DIR``, resumable).
Each worker loads the pipeline once: :func:`convert_on_worker` keeps one
:class:`~kamerbrief.api.Extractor` per model and worker thread, in this
module. Without ``--scheduler`` a :class:`distributed.LocalCluster` is started
(``workers`` worker processes, one thread each); with a scheduler address, file
inputs are read by the workers (they need the same file system), archive
members and stdin travel as bytes.

Needs the ``dask`` extra: ``pip install 'kamerbrief[dask]'``.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from kamerbrief.batch.convert import CHUNK, Converted, convert
from kamerbrief.batch.inputs import Input
from kamerbrief.errors import EngineError, SetupError
from kamerbrief.sources.limits import Limits, use_limits

if TYPE_CHECKING:
    from kamerbrief.api import Extractor

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


def convert_on_worker(
    inp: Input, model: str | None, pretty: bool, limits: Limits | None = None
) -> Converted | SetupError:
    """The record of one input, on a Dask worker, or the set-up error that stopped it."""
    use_limits(limits or Limits())
    if inp.error is None:
        try:
            extractor = _extractor(model)
        except SetupError as exc:
            return exc
        return convert(lambda: extractor, inp, pretty)
    return convert(lambda: _extractor(model), inp, pretty)


def _client(scheduler: str | None, workers: int, processes: bool) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise EngineError(
            "--engine dask needs dask and distributed: pip install 'kamerbrief[dask]'"
        ) from exc
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
        silence_logs=logging.ERROR,
        **({"host": "127.0.0.1"} if processes else {}),  # in-process workers talk inproc://
    )
    return Client(cluster), cluster


def run_dask(
    inputs: Iterable[Input],
    *,
    model: str | None,
    pretty: bool,
    scheduler: str | None = None,
    workers: int = 2,
    processes: bool = True,
    limits: Limits | None = None,
) -> Iterator[tuple[Input, Converted]]:
    """(input, record) in input order, computed as Dask bags on a cluster."""
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise EngineError(
            "--engine dask needs dask and distributed: pip install 'kamerbrief[dask]'"
        ) from exc
    client, cluster = _client(scheduler, workers, processes)
    it = iter(inputs)
    size = 8 * max(1, workers) * CHUNK
    pending: deque[tuple[list[Input], Any]] = deque()

    def submit() -> bool:
        items = list(islice(it, size))
        if items:
            bag = db.from_sequence(items, partition_size=CHUNK)
            mapped = bag.map(convert_on_worker, model, pretty, limits)
            pending.append((items, client.compute(mapped)))
        return bool(items)

    try:
        submit()
        submit()
        while pending:
            items, future = pending.popleft()
            results = future.result()
            for result in results:
                if isinstance(result, SetupError):
                    raise result
            submit()
            yield from zip(items, results, strict=True)
    finally:
        for _, future in pending:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()
