"""kamerbrief: Dutch parliamentary letters (Kamerbrieven) as structured, validated JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["ErrorRecord", "Extractor", "LetterRecord", "__version__", "extract", "extract_text"]

if TYPE_CHECKING:
    from kamerbrief.extraction import Extractor, extract, extract_text
    from kamerbrief.record import ErrorRecord, LetterRecord


def __getattr__(name: str) -> Any:
    # Lazy, so that "import kamerbrief" stays cheap and free of side effects.
    if name in ("Extractor", "extract", "extract_text"):
        from kamerbrief import extraction as module

        return getattr(module, name)
    if name in ("LetterRecord", "ErrorRecord"):
        from kamerbrief import record

        return getattr(record, name)
    raise AttributeError(name)
