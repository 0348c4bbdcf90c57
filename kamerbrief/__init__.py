"""kamerbrief: Dutch parliamentary letters (Kamerbrieven) as structured, validated JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

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
    "read_records": "outputs.tables",
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
    if name in _ANALYST:
        from importlib import import_module

        return getattr(import_module(f"kamerbrief.{_ANALYST[name]}"), name)
    raise AttributeError(name)
