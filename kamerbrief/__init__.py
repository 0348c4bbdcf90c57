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
    "letter_view": "show",
    "letter_html": "show",
    "read_records": "tables",
    "table_rows": "tables",
    "arrow_tables": "tables",
    "write_tables": "tables",
    "commitment_register": "register",
}

if TYPE_CHECKING:
    from kamerbrief.extraction import Extractor, extract, extract_text
    from kamerbrief.record import ErrorRecord, LetterRecord
    from kamerbrief.register import commitment_register
    from kamerbrief.show import letter_html, letter_view
    from kamerbrief.tables import arrow_tables, read_records, table_rows, write_tables


def __getattr__(name: str) -> Any:
    # Lazy, so that "import kamerbrief" stays cheap and free of side effects.
    if name in ("Extractor", "extract", "extract_text"):
        from kamerbrief import extraction as module

        return getattr(module, name)
    if name in ("LetterRecord", "ErrorRecord"):
        from kamerbrief import record

        return getattr(record, name)
    if name in _ANALYST:
        from importlib import import_module

        return getattr(import_module(f"kamerbrief.{_ANALYST[name]}"), name)
    raise AttributeError(name)
