"""One input to one record as JSON: the step every batch engine runs on its workers.

A :class:`kamerbrief.errors.SetupError` (a pipeline or rule data that cannot load) is
not an input's fault: workers send it back as the exception itself, and the engine
raises it in the parent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from kamerbrief.batch import testhook
from kamerbrief.batch.inputs import Input
from kamerbrief.errors import SourceError
from kamerbrief.record import ErrorDetail, ErrorRecord, ErrorSource

if TYPE_CHECKING:
    from kamerbrief.api import Extractor

CHUNK = 1  # inputs per task sent to a worker: letters vary from 0.1 s to 10 s


class Converted(NamedTuple):
    """A worker's answer for one input: the record as JSON, and for an error record its message."""

    data: str
    error: str | None = None
    compact: str | None = None  # the error record on one line, for --errors


def convert(get_extractor: Callable[[], Extractor], inp: Input, pretty: bool) -> Converted:
    """The record of one input as JSON; never raises for bad input."""
    if inp.error is not None:
        record: object = ErrorRecord(
            source=ErrorSource(path=inp.path),
            error=ErrorDetail(kind=inp.error.kind, message=inp.error.message),
        )
    elif inp.data is not None:
        testhook.before_convert(inp.path)
        record = get_extractor().from_bytes(inp.data, inp.path)
    else:
        testhook.before_convert(inp.path)
        record = get_extractor().from_path(inp.path)
    data = record.model_dump_json(indent=2 if pretty else None)  # type: ignore[attr-defined]
    if isinstance(record, ErrorRecord):
        compact = data if not pretty else record.model_dump_json()
        return Converted(data, record.error.message, compact)
    return Converted(data)


def timeout_record(inp: Input, seconds: float, pretty: bool) -> Converted:
    """The error record of an input that ran over its time budget."""
    message = (
        f"the input took longer than the time budget of {seconds:g} s (--timeout);"
        " its conversion was stopped"
    )
    failed = Input(inp.path, inp.name, inp.origin, None, SourceError("timeout", message))
    return convert(lambda: None, failed, pretty)  # type: ignore[arg-type, return-value]
