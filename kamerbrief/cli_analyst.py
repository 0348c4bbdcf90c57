"""The analyst commands: show, table, commitments; a thin layer over show, tables, register.

:func:`register` adds them to the main typer app.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from kamerbrief.errors import SetupError

USAGE_ERROR = 2
err = Console(stderr=True, highlight=False, soft_wrap=True)

RecordsArg = Annotated[
    list[str],
    typer.Argument(
        help="Record files (.json, .jsonl), directories of them, - for stdin; letters"
        " are extracted."
    ),
]


def _fail(message: str) -> typer.Exit:
    err.print(f"kamerbrief: {message}", markup=False)
    return typer.Exit(USAGE_ERROR)


def _skipped(errors: list) -> None:
    if errors:
        err.print(f"kamerbrief: skipped {len(errors)} error records", markup=False)


def show(
    path: Annotated[Path, typer.Argument(help="A letter, or a record file (.json, .jsonl).")],
    html: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained HTML page here instead.")
    ] = None,
    record_id: Annotated[
        str | None, typer.Option("--id", help="The record to show from a file of several.")
    ] = None,
) -> None:
    """Show a letter with its findings marked, on the terminal or as an HTML page.

    Example: kamerbrief show records.jsonl --id kst-36410-XVI-5 --html letter.html
    """
    from kamerbrief.api import lazy_extract
    from kamerbrief.outputs.show import letter_html, letter_view, load_letter

    if not path.exists():
        raise _fail(f"no such file: {path}")
    try:
        record = load_letter(path, record_id=record_id, extract=lazy_extract())
    except (ValueError, SetupError) as exc:
        raise _fail(str(exc)) from None
    if html is not None:
        html.write_text(letter_html(record), encoding="utf-8")
        err.print(f"kamerbrief: wrote {html}", markup=False)
        return
    Console(highlight=False).print(letter_view(record))


def table(
    records: RecordsArg,
    to: Annotated[
        Path,
        typer.Option(
            "--to", help="Output: DIR (CSV files), DIR.parquet (Parquet files) or FILE.duckdb."
        ),
    ],
) -> None:
    """Flatten records into relational tables (letters, sections, persons, mentions, ...).

    Example: kamerbrief table records.jsonl --to records.duckdb
    """
    from kamerbrief.api import lazy_extract
    from kamerbrief.outputs.tables import output_format, read_records, write_tables

    fmt = output_format(to)
    try:
        if fmt in ("parquet", "duckdb"):
            __import__("pyarrow")
            __import__("duckdb" if fmt == "duckdb" else "pyarrow.parquet")
    except ImportError as exc:
        raise _fail(
            f"{fmt} output needs the 'tables' extra: pip install 'kamerbrief[tables]' ({exc})"
        ) from None
    errors: list = []
    try:
        records_in = read_records(records, extract=lazy_extract(), errors=errors)
        counts = write_tables(records_in, to, fmt=fmt)
    except (ValueError, OSError, SetupError) as exc:
        raise _fail(str(exc)) from None
    _skipped(errors)
    summary = ", ".join(f"{name} {n}" for name, n in counts.items())
    err.print(f"kamerbrief: wrote {to} ({fmt}): {summary}", markup=False)


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def commitments(
    records: RecordsArg,
    open_only: Annotated[
        bool, typer.Option("--open", help="Only commitments not reported as fulfilled.")
    ] = False,
    due_before: Annotated[
        str | None,
        typer.Option("--due-before", help="Only deadlines ending before DATE (YYYY-MM-DD)."),
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="Only actors, roles or ministries containing NAME."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
) -> None:
    """The register of commitments across letters, with the letters that fulfil them.

    Example: kamerbrief commitments records.jsonl --open --due-before 2025-01-01 -f table
    """
    from kamerbrief.api import lazy_extract
    from kamerbrief.outputs.register import REGISTER_COLUMNS, commitment_register, filter_register
    from kamerbrief.outputs.tables import read_records

    day = None
    if due_before is not None:
        try:
            day = date.fromisoformat(due_before)
        except ValueError:
            raise _fail(f"--due-before: not a date (YYYY-MM-DD): {due_before}") from None
    errors: list = []
    try:
        rows = commitment_register(read_records(records, extract=lazy_extract(), errors=errors))
    except (ValueError, OSError, SetupError) as exc:
        raise _fail(str(exc)) from None
    _skipped(errors)
    rows = filter_register(rows, open_only=open_only, due_before=day, actor=actor)
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(REGISTER_COLUMNS)
        writer.writerows([_cell(row[c]) for c in REGISTER_COLUMNS] for row in rows)
    else:
        from kamerbrief.outputs.register import register_table

        Console(highlight=False).print(register_table(rows))


def register(app: typer.Typer) -> None:
    """Add the analyst commands to ``app``."""
    app.command()(show)
    app.command()(table)
    app.command()(commitments)
