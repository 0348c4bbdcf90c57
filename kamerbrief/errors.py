"""One error hierarchy for every boundary of kamerbrief.

- :class:`SourceError`: an input that gives no letter. It becomes an error record of
  its ``kind`` (one of :data:`ErrorKind`, the record's own type) and the batch goes on.
- :class:`SetupError`: a set-up that cannot run (the pipeline, the rule data, the Dask
  engine). The command line prints its one-line message and exits with 2.
"""

from __future__ import annotations

from typing import Literal, get_args

ErrorKind = Literal[
    "missing",
    "unreadable",
    "empty",
    "binary",
    "undecodable",
    "too_large",
    "refused",  # an archive member whose path would escape the archive, a DOCTYPE, a zip bomb
    "timeout",  # an input still running after the batch's time budget (--timeout)
    "internal",
]
ERROR_KINDS: tuple[str, ...] = get_args(ErrorKind)


class KamerbriefError(Exception):
    """Base of every error kamerbrief raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = " ".join(message.split())  # always one line

    def __str__(self) -> str:
        return self.message


class SourceError(KamerbriefError):
    """An input that gives no text: becomes an error record of kind ``kind``."""

    def __init__(self, kind: ErrorKind, message: str, sha256: str | None = None) -> None:
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown error kind {kind!r}")
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.sha256 = sha256

    def __reduce__(self):  # picklable across worker processes
        return (type(self), (self.kind, self.message, self.sha256))


class SetupError(KamerbriefError):
    """A set-up that cannot run: one line on stderr and exit 2, never an error record."""

    def __reduce__(self):  # picklable across worker processes
        return (type(self), (self.message,))


class ModelError(SetupError):
    """A spaCy pipeline that cannot be loaded."""


class RuleDataError(SetupError, ValueError):
    """A rule data file in ``kamerbrief/data`` that is missing, malformed or invalid."""


class GoldError(SetupError, ValueError):
    """A gold file that is malformed or points at a letter that is not there."""


class EngineError(SetupError):
    """A batch engine that cannot run (Dask not installed, scheduler unreachable)."""
