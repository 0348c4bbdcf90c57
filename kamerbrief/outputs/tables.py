"""Letter records as relational tables: letters, sections, persons, mentions, ... .

Each record becomes rows in a dozen tables linked by keys: ``letter_id`` (the
record's id, made unique within a batch) and ``item_id`` (``p1``, ``o2``, ``d3``
... in the record's order; sections keep their own ids). Rows are plain dicts
(:func:`table_rows`); :func:`arrow_tables` and :func:`write_tables` need the
``tables`` extra (pyarrow, duckdb). :func:`write_tables` streams: a batch of
records at a time, so a large batch never sits in memory as tables.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamerbrief.outputs.common import (
    UniqueIds,
    date_range,
    target_id,
)
from kamerbrief.record import ENTITY_TYPES, ITEM_TYPES, ErrorRecord, LetterRecord

if TYPE_CHECKING:
    import pyarrow as pa

Row = dict[str, Any]
# A letter's path -> its record: how a caller lets outputs read letters, not only records.
Extract = Callable[[Path], LetterRecord | ErrorRecord]

# Column name -> type: str, int, float, bool, date, list (of strings).
_SPAN = {"text": "str", "start": "int", "end": "int", "section": "str"}
_ITEM_SPAN = {**_SPAN, "question": "str"}  # items also name the question they answer in
_ENTITY = {"name": "str", "aliases": "list", "mention_count": "int"}
SCHEMAS: dict[str, dict[str, str]] = {
    "letters": {
        "letter_id": "str", "record_id": "str", "title": "str", "date_text": "str",
        "date": "str", "date_start": "date", "date_end": "date", "place": "str",
        "addressee": "str", "sender": "str", "sender_role": "str", "ministry": "str",
        "kamerstuk_dossier": "str", "kamerstuk_number": "str", "kamerstuk_year": "str",
        "source_path": "str", "source_sha256": "str", "source_format": "str", "chars": "int",
        "warning_count": "int", "schema_version": "str", "tool_version": "str", "model": "str",
        "text": "str",
    },
    "senders": {"letter_id": "str", "position": "int", "name": "str", "role": "str"},
    "sections": {
        "letter_id": "str", "section_id": "str", "number": "str", "level": "int",
        "title": "str", "start": "int", "end": "int", "parent": "str",
    },
    "persons": {"letter_id": "str", "item_id": "str", **_ENTITY, "roles": "list", "party": "str"},
    "organisations": {"letter_id": "str", "item_id": "str", **_ENTITY},
    "locations": {"letter_id": "str", "item_id": "str", **_ENTITY},
    "mentions": {
        "letter_id": "str", "item_id": "str", "mention_id": "str", "entity_type": "str",
        "name": "str", **_SPAN,
    },
    "dates": {
        "letter_id": "str", "item_id": "str", **_ITEM_SPAN, "value": "str", "value_start": "date",
        "value_end": "date", "precision": "str", "approximate": "bool",
    },
    "amounts": {
        "letter_id": "str", "item_id": "str", **_ITEM_SPAN, "kind": "str", "value": "float",
        "value_max": "float", "unit": "str", "qualifier": "str",
    },
    "references": {
        "letter_id": "str", "item_id": "str", **_ITEM_SPAN, "kind": "str", "dossier": "str",
        "number": "str", "year": "str", "chamber": "str", "member": "str", "target_id": "str",
    },
    "commitments": {
        "letter_id": "str", "item_id": "str", **_ITEM_SPAN, "actor": "str", "actor_role": "str",
        "ministry": "str", "action": "str", "deadline_text": "str", "deadline_value": "str",
        "deadline_start": "date", "deadline_end": "date", "strength": "str", "status": "str",
        "action_short": "str", "occurrences": "int",
    },
    "requests": {
        "letter_id": "str", "item_id": "str", **_ITEM_SPAN, "addressee": "str",
        "deadline_text": "str", "deadline_value": "str", "deadline_start": "date",
        "deadline_end": "date",
    },
    "questions": {
        "letter_id": "str", "question_id": "str", "number": "str", "question": "str",
        "question_start": "int", "question_end": "int", "answer": "str", "answer_start": "int",
        "answer_end": "int", "answered": "bool", "answered_with": "list", "askers": "list",
        "answered_by": "str", "answering_role": "str", "ministry": "str", "ingezonden": "date",
        "ontvangen": "date", "days_to_answer": "int",
    },
}  # fmt: skip
for _t in ITEM_TYPES:  # an item type without a table of its own: span and value
    SCHEMAS.setdefault(_t.key, {"letter_id": "str", "item_id": "str", **_ITEM_SPAN, "value": "str"})
TABLE_NAMES: tuple[str, ...] = tuple(SCHEMAS)

# -- reading records ------------------------------------------------------------------

RECORD_SUFFIXES = frozenset({".json", ".jsonl"})


def read_records(
    paths: Iterable[str | Path],
    *,
    extract: Extract | None = None,
    errors: list[ErrorRecord] | None = None,
) -> Iterator[LetterRecord]:
    """The letter records in record files (.json, .jsonl, directories of them, "-" for stdin).

    Any other file is a letter, turned into a record by ``extract`` (the caller's
    extractor, e.g. ``kamerbrief.Extractor().from_path``); without it, a ValueError.
    Error records are skipped, and appended to ``errors`` if given. Raises ValueError
    for a line that is no valid record.
    """
    import sys

    for given in paths:
        p = Path(given)
        if str(given) == "-":
            yield from _parse_lines(sys.stdin, "-", errors)
        elif p.is_dir():
            for f in sorted(f for f in p.rglob("*") if f.suffix.lower() in RECORD_SUFFIXES):
                yield from _read_record_file(f, errors)
        elif p.suffix.lower() in RECORD_SUFFIXES:
            yield from _read_record_file(p, errors)
        else:
            if extract is None:
                raise ValueError(f"{p}: not a record file (.json, .jsonl)")
            record = extract(p)
            if isinstance(record, ErrorRecord):
                if errors is not None:
                    errors.append(record)
            else:
                yield record


def _read_record_file(path: Path, errors: list[ErrorRecord] | None) -> Iterator[LetterRecord]:
    with path.open(encoding="utf-8") as fh:
        first = fh.read(1)
        fh.seek(0)
        if path.suffix.lower() == ".json" and first in "{[":
            text = fh.read()
            try:
                data = json.loads(text)
            except json.JSONDecodeError:
                data = None  # JSON Lines under a .json name
            if data is not None:
                for obj in data if isinstance(data, list) else [data]:
                    record = _parse(obj, str(path), errors)
                    if record is not None:
                        yield record
                return
            fh.seek(0)
        yield from _parse_lines(fh, str(path), errors)


def _parse_lines(
    lines: Iterable[str], where: str, errors: list[ErrorRecord] | None
) -> Iterator[LetterRecord]:
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}:{n}: not JSON: {exc.msg}") from None
            record = _parse(obj, f"{where}:{n}", errors)
            if record is not None:
                yield record


def _parse(obj: object, where: str, errors: list[ErrorRecord] | None) -> LetterRecord | None:
    from pydantic import ValidationError

    try:
        if isinstance(obj, dict) and "error" in obj:
            if errors is not None:
                errors.append(ErrorRecord.model_validate(obj))
            return None
        return LetterRecord.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise ValueError(f"{where}: not a letter record: {loc}: {first['msg']}") from None


# -- rows -----------------------------------------------------------------------------


def record_rows(record: LetterRecord, letter_id: str | None = None) -> dict[str, list[Row]]:
    """The rows one record gives, per table; ``letter_id`` defaults to the record's id."""
    lid = letter_id or record.id
    md = record.metadata
    rows: dict[str, list[Row]] = {name: [] for name in SCHEMAS}
    d_start, d_end, _ = date_range(md.date.value if md.date else None)
    first = md.senders[0] if md.senders else None
    ministry = md.ministry
    rows["letters"].append({
        "letter_id": lid, "record_id": record.id, "title": md.title,
        "date_text": md.date.text if md.date else None,
        "date": md.date.value if md.date else None, "date_start": d_start, "date_end": d_end,
        "place": md.place, "addressee": md.addressee,
        "sender": first.name if first else None, "sender_role": first.role if first else None,
        "ministry": ministry,
        "kamerstuk_dossier": md.kamerstuk.dossier if md.kamerstuk else None,
        "kamerstuk_number": md.kamerstuk.number if md.kamerstuk else None,
        "kamerstuk_year": md.kamerstuk.year if md.kamerstuk else None,
        "source_path": record.source.path, "source_sha256": record.source.sha256,
        "source_format": record.source.format, "chars": record.source.chars,
        "warning_count": len(record.warnings), "schema_version": record.schema_version,
        "tool_version": record.provenance.tool_version, "model": record.provenance.model,
        "text": record.text,
    })  # fmt: skip
    for i, s in enumerate(md.senders, 1):
        rows["senders"].append({"letter_id": lid, "position": i, "name": s.name, "role": s.role})
    for s in record.sections:
        rows["sections"].append({
            "letter_id": lid, "section_id": s.id, "number": s.number, "level": s.level,
            "title": s.title, "start": s.start, "end": s.end, "parent": s.parent,
        })  # fmt: skip
    for t in ENTITY_TYPES:
        for i, entry in enumerate(getattr(record, t.key), 1):
            item = f"{t.prefix}{i}"
            row: Row = {
                "letter_id": lid, "item_id": item, "name": entry.name,
                "aliases": list(entry.aliases), "mention_count": len(entry.mentions),
            }  # fmt: skip
            if "roles" in SCHEMAS[t.key]:
                row["roles"] = list(entry.roles)
                row["party"] = entry.party
            rows[t.key].append(row)
            for j, m in enumerate(entry.mentions, 1):
                rows["mentions"].append({
                    "letter_id": lid, "item_id": item, "mention_id": f"{item}.m{j}",
                    "entity_type": t.name, "name": entry.name, **_span(m),
                })  # fmt: skip
    for t in ITEM_TYPES:
        if not t.entity:
            fields = _ITEM_FIELDS.get(t.name, _value_fields)
            for i, x in enumerate(getattr(record, t.key), 1):
                rows[t.key].append({
                    "letter_id": lid, "item_id": f"{t.prefix}{i}", **_span(x),
                    "question": x.question, **fields(record, x),
                })  # fmt: skip
    rows["questions"] = _question_rows(record, lid)
    return rows


def _question_rows(record: LetterRecord, lid: str) -> list[Row]:
    """One row per question of an answer to Kamervragen, with who asked and who answered."""
    kv = record.metadata.kamervragen
    sent = kv.ingezonden.value if kv and kv.ingezonden else None
    received = kv.ontvangen.value if kv and kv.ontvangen else None
    sent_day = date_range(sent)[0] if sent and len(sent) == 10 else None
    received_day = date_range(received)[0] if received and len(received) == 10 else None
    days = (received_day - sent_day).days if sent_day and received_day else None
    by = kv.answered_by[0] if kv and kv.answered_by else None
    askers = [f"{a.name} ({a.party})" if a.party else a.name for a in kv.askers] if kv else []
    rows = []
    for q in record.questions:
        a = q.answer
        rows.append({
            "letter_id": lid, "question_id": q.id, "number": q.number, "question": q.text,
            "question_start": q.start, "question_end": q.end,
            "answer": a.text if a else None, "answer_start": a.start if a else None,
            "answer_end": a.end if a else None, "answered": a is not None,
            "answered_with": list(q.answered_with), "askers": askers,
            "answered_by": by.name if by else None, "answering_role": by.role if by else None,
            "ministry": by.ministry if by else record.metadata.ministry,
            "ingezonden": sent_day, "ontvangen": received_day, "days_to_answer": days,
        })  # fmt: skip
    return rows


def _span(item: Any) -> Row:
    return {"text": item.text, "start": item.start, "end": item.end, "section": item.section}


def _date_fields(record: LetterRecord, d: Any) -> Row:
    start, end, precision = date_range(d.value)
    return {
        "value": d.value, "value_start": start, "value_end": end, "precision": precision,
        "approximate": d.approximate,
    }  # fmt: skip


def _amount_fields(record: LetterRecord, a: Any) -> Row:
    return {
        "kind": a.kind, "value": a.value, "value_max": a.value_max, "unit": a.unit,
        "qualifier": a.qualifier,
    }  # fmt: skip


def _reference_fields(record: LetterRecord, r: Any) -> Row:
    return {
        "kind": r.kind, "dossier": r.dossier, "number": r.number, "year": r.year,
        "chamber": r.chamber, "member": r.member,
        "target_id": target_id(r.kind, r.dossier, r.number),
    }  # fmt: skip


def _commitment_fields(record: LetterRecord, c: Any) -> Row:
    deadline = c.deadline.value if c.deadline else None
    start, end, _ = date_range(deadline)
    return {
        "actor": c.actor, "actor_role": c.actor_role, "ministry": c.ministry, "action": c.action,
        "deadline_text": c.deadline.text if c.deadline else None, "deadline_value": deadline,
        "deadline_start": start, "deadline_end": end, "strength": c.strength,
        "status": c.status, "action_short": c.action_short or c.action,
        "occurrences": max(1, len(c.mentions)),
    }  # fmt: skip


def _request_fields(record: LetterRecord, r: Any) -> Row:
    deadline = r.deadline.value if r.deadline else None
    start, end, _ = date_range(deadline)
    return {
        "addressee": r.addressee, "deadline_text": r.deadline.text if r.deadline else None,
        "deadline_value": deadline, "deadline_start": start, "deadline_end": end,
    }  # fmt: skip


def _value_fields(record: LetterRecord, item: Any) -> Row:
    """The columns of an item type without its own: its value as text."""
    value = getattr(item, "value", None)
    return {"value": None if value is None else str(value)}


# item type -> the columns of one item beyond letter_id, item_id and the span
_ITEM_FIELDS: dict[str, Callable[[LetterRecord, Any], Row]] = {
    "date": _date_fields,
    "amount": _amount_fields,
    "reference": _reference_fields,
    "commitment": _commitment_fields,
    "request": _request_fields,
}


def iter_table_rows(
    records: Iterable[LetterRecord], batch_size: int = 200
) -> Iterator[dict[str, list[Row]]]:
    """Rows per table for ``batch_size`` records at a time, with batch-unique letter ids."""
    ids = UniqueIds()
    it = iter(records)
    while batch := list(islice(it, batch_size)):
        out: dict[str, list[Row]] = {name: [] for name in SCHEMAS}
        for record in batch:
            for name, rows in record_rows(record, ids(record.id)).items():
                out[name].extend(rows)
        yield out


def table_rows(records: Iterable[LetterRecord]) -> dict[str, list[Row]]:
    """All rows per table, as plain dicts (no pandas, no pyarrow)."""
    out: dict[str, list[Row]] = {name: [] for name in SCHEMAS}
    for batch in iter_table_rows(records):
        for name, rows in batch.items():
            out[name].extend(rows)
    return out


# -- Arrow, CSV, Parquet, DuckDB ------------------------------------------------------


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one table."""
    import pyarrow as pa

    types = {
        "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
        "date": pa.date32(), "list": pa.list_(pa.string()),
    }  # fmt: skip
    return pa.schema([(col, types[t]) for col, t in SCHEMAS[table].items()])


def _to_arrow(table: str, rows: list[Row]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schema(table))


def arrow_tables(records: Iterable[LetterRecord]) -> dict[str, pa.Table]:
    """The tables as pyarrow Tables (needs the ``tables`` extra)."""
    return {name: _to_arrow(name, rows) for name, rows in table_rows(records).items()}


def output_format(out: str | Path) -> str:
    """csv, parquet or duckdb, from the output path: *.duckdb, *.parquet, else a CSV folder."""
    suffix = Path(out).suffix.lower()
    return {".duckdb": "duckdb", ".parquet": "parquet"}.get(suffix, "csv")


def write_tables(
    records: Iterable[LetterRecord],
    out: str | Path,
    *,
    fmt: str | None = None,
    batch_size: int = 200,
) -> dict[str, int]:
    """Write the tables to ``out`` and return the row count per table.

    ``fmt`` (default from the path, :func:`output_format`): "csv" a folder of
    <table>.csv, "parquet" a folder of <table>.parquet, "duckdb" one database
    file with a table each. The output replaces what was there, atomically for
    a DuckDB file.
    """
    out = Path(out)
    fmt = fmt or output_format(out)
    if fmt not in ("csv", "parquet", "duckdb"):
        raise ValueError(f"unknown table format {fmt!r}: csv, parquet or duckdb")
    batches = iter_table_rows(records, batch_size)
    if fmt == "duckdb":
        return _write_duckdb(batches, out)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        return _write_parquet(batches, out)
    return _write_csv(batches, out)


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return value


def _write_csv(batches: Iterable[dict[str, list[Row]]], out: Path) -> dict[str, int]:
    counts = dict.fromkeys(SCHEMAS, 0)
    handles = {
        name: (out / f"{name}.csv").open("w", encoding="utf-8", newline="") for name in SCHEMAS
    }
    try:
        writers = {name: csv.writer(fh) for name, fh in handles.items()}
        for name, writer in writers.items():
            writer.writerow(SCHEMAS[name])
        for batch in batches:
            for name, rows in batch.items():
                cols = SCHEMAS[name]
                writers[name].writerows([_csv_value(r.get(c)) for c in cols] for r in rows)
                counts[name] += len(rows)
    finally:
        for fh in handles.values():
            fh.close()
    return counts


def _write_parquet(batches: Iterable[dict[str, list[Row]]], out: Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    counts = dict.fromkeys(SCHEMAS, 0)
    writers = {
        name: pq.ParquetWriter(out / f"{name}.parquet", arrow_schema(name)) for name in SCHEMAS
    }
    try:
        for batch in batches:
            for name, rows in batch.items():
                if rows:
                    writers[name].write_table(_to_arrow(name, rows))
                    counts[name] += len(rows)
    finally:
        for writer in writers.values():
            writer.close()
    return counts


def _write_duckdb(batches: Iterable[dict[str, list[Row]]], out: Path) -> dict[str, int]:
    import duckdb

    counts = dict.fromkeys(SCHEMAS, 0)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmpdir = tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.")
    tmp = Path(tmpdir) / out.name
    try:
        con = duckdb.connect(str(tmp))
        try:
            for name in SCHEMAS:
                empty = _to_arrow(name, [])  # noqa: F841 - read by DuckDB by name
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM empty')
            for batch in batches:
                for name, rows in batch.items():
                    if rows:
                        chunk = _to_arrow(name, rows)  # noqa: F841 - read by DuckDB by name
                        con.execute(f'INSERT INTO "{name}" SELECT * FROM chunk')
                        counts[name] += len(rows)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    return counts
