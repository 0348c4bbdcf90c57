"""Records in input order from workers that finish in any order: the window both local
workers (:mod:`kamerbrief.batch.workers`) and Dask (:mod:`kamerbrief.batch.dask_engine`) run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from kamerbrief.batch.convert import Converted
from kamerbrief.batch.inputs import Input

Pending = list[tuple[int, Input]]  # read, not yet sent: (sequence number, input)
Done = dict[int, tuple[Input, Converted]]  # finished, not yet handed out


def in_input_order(
    inputs: Iterable[Input],
    window: Callable[[], int],
    send: Callable[[Pending], None],
    wait: Callable[[Done, Pending], None],
) -> Iterator[tuple[Input, Converted]]:
    """(input, record) in input order, reading at most ``window()`` inputs ahead of the
    last one handed out. ``send`` gives queued inputs to idle workers (popping them from
    the front); ``wait`` blocks until something changes and puts finished inputs in
    ``done`` (or back in the queue)."""
    it = enumerate(inputs)
    queue: Pending = []
    done: Done = {}
    next_out, read, exhausted = 0, 0, False
    while True:
        # Hand out what is done, in order: that makes room in the window.
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1
        # Read ahead as far as the window allows.
        while not exhausted and read - next_out < window():
            item = next(it, None)
            if item is None:
                exhausted = True
            else:
                queue.append(item)
                read += 1
        if exhausted and next_out == read:
            return
        send(queue)
        wait(done, queue)
