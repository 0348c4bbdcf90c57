"""kamerbrief: Dutch parliamentary letters (Kamerbrieven) as structured, validated JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kamerbrief.version import __version__

__all__ = [
    "ErrorRecord",
    "Extractor",
    "LetterRecord",
    "__version__",
    "arrow_tables",
    "commitment_register",
    "extract",
    "extract_text",
    "letter_html",
    "letter_view",
    "read_records",
    "table_rows",
    "write_tables",
]

# Analyst outputs: name -> module.
_ANALYST = {
    "letter_view": "outputs.show",
    "letter_html": "outputs.show",
    "table_rows": "outputs.tables",
    "arrow_tables": "outputs.tables",
    "write_tables": "outputs.tables",
    "commitment_register": "outputs.register",
}

if TYPE_CHECKING:
    from kamerbrief.api import Extractor, extract, extract_text
    from kamerbrief.outputs.register import commitment_register
    from kamerbrief.outputs.show import letter_html, letter_view
    from kamerbrief.outputs.tables import arrow_tables, read_records, table_rows, write_tables
    from kamerbrief.record import ErrorRecord, LetterRecord


def __getattr__(name: str) -> Any:
    # Lazy, so that "import kamerbrief" stays cheap and free of side effects.
    if name in ("Extractor", "extract", "extract_text"):
        from kamerbrief import api as module

        return getattr(module, name)
    if name in ("LetterRecord", "ErrorRecord"):
        from kamerbrief import record

        return getattr(record, name)
    if name == "read_records":
        return _read_records
    if name in _ANALYST:
        from importlib import import_module

        return getattr(import_module(f"kamerbrief.{_ANALYST[name]}"), name)
    raise AttributeError(name)


def _read_records(paths, *, extract=None, errors=None):  # type: ignore[no-untyped-def]
    """:func:`kamerbrief.outputs.tables.read_records`; letters are extracted by default."""
    from kamerbrief.api import lazy_extract
    from kamerbrief.outputs.tables import read_records

    return read_records(paths, extract=extract or lazy_extract(), errors=errors)
