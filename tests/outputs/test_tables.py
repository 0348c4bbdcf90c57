"""Records as relational tables: every item once in its table, keys that join, three formats.

The records are the corpus letters (.txt and .docx; the .pdf files are the same
letters), extracted once for the module with the bundled pipeline.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from kamerbrief.cli import app
from kamerbrief.outputs.common import date_range
from kamerbrief.outputs.tables import (
    SCHEMAS,
    arrow_tables,
    read_records,
    table_rows,
    write_tables,
)
from kamerbrief.record import LetterRecord
from tests.helpers import LETTERS

duckdb = pytest.importorskip("duckdb", reason="the 'tables' extra (duckdb) is not installed")
pytest.importorskip("pyarrow", reason="the 'tables' extra (pyarrow) is not installed")

# The README's example queries, as written there.
DUE_PER_MINISTRY = """
SELECT ministry, count(*) AS commitments, min(deadline_end) AS first_due
FROM commitments
WHERE status = 'new' AND deadline_end < DATE '2025-01-01'
GROUP BY ministry
ORDER BY commitments DESC, ministry
"""
MONEY_PER_LETTER = """
SELECT l.letter_id, l.title, count(*) AS amounts, sum(a.value) AS total_eur
FROM letters l JOIN amounts a USING (letter_id)
WHERE a.kind = 'money' AND a.unit = 'EUR'
GROUP BY l.letter_id, l.title
ORDER BY total_eur DESC
"""
DAYS_TO_ANSWER = """
SELECT ministry, count(DISTINCT letter_id) AS answers, avg(days_to_answer) AS avg_days
FROM (SELECT DISTINCT letter_id, ministry, days_to_answer FROM questions)
WHERE days_to_answer IS NOT NULL
GROUP BY ministry
ORDER BY avg_days DESC, ministry
"""
PERSONS_MOST_NAMED = """
SELECT name, count(*) AS mentions, count(DISTINCT letter_id) AS letters
FROM mentions
WHERE entity_type = 'person'
GROUP BY name
ORDER BY mentions DESC, name
LIMIT 10
"""


@pytest.fixture(scope="module")
def records(bundled_extractor) -> list[LetterRecord]:
    paths = sorted(p for p in LETTERS.rglob("*") if p.suffix in (".txt", ".docx"))
    out = [bundled_extractor.from_path(p) for p in paths]
    assert all(isinstance(r, LetterRecord) for r in out)
    return out


@pytest.fixture(scope="module")
def rows(records):
    return table_rows(records)


@pytest.fixture(scope="module")
def duckdb_file(records, tmp_path_factory):
    path = tmp_path_factory.mktemp("tables") / "corpus.duckdb"
    write_tables(records, path)
    return path


def _items(record: LetterRecord) -> dict[str, int]:
    mentions = sum(
        len(e.mentions) for g in (record.persons, record.organisations, record.locations) for e in g
    )
    return {
        "letters": 1, "senders": len(record.metadata.senders), "sections": len(record.sections),
        "persons": len(record.persons), "organisations": len(record.organisations),
        "locations": len(record.locations), "mentions": mentions, "dates": len(record.dates),
        "amounts": len(record.amounts), "references": len(record.references),
        "commitments": len(record.commitments), "questions": len(record.questions),
    }  # fmt: skip


def test_every_item_once_in_its_table(records, rows):
    assert set(rows) == set(SCHEMAS)
    for record in records:
        for table, n in _items(record).items():
            mine = [r for r in rows[table] if r["letter_id"] == record.id]
            assert len(mine) == n, (record.id, table)
    # no item twice: the offsets (and entity) are unique within a letter
    for table, key in [
        ("mentions", ("letter_id", "entity_type", "start", "end", "item_id")),
        ("dates", ("letter_id", "start", "end")),
        ("amounts", ("letter_id", "start", "end")),
        ("commitments", ("letter_id", "start", "end")),
    ]:
        seen = [tuple(r[k] for k in key) for r in rows[table]]
        assert len(seen) == len(set(seen)), table
    # the rows carry the items' own text
    by_id = {r.id: r for r in records}
    for table in ("mentions", "dates", "amounts", "references", "commitments"):
        for r in rows[table]:
            assert by_id[r["letter_id"]].text[r["start"] : r["end"]] == r["text"]


def test_keys_join(rows):
    letters = {r["letter_id"] for r in rows["letters"]}
    assert len(letters) == len(rows["letters"])
    for table in SCHEMAS:
        assert {r["letter_id"] for r in rows[table]} <= letters, table
    entities = {
        (t.rstrip("s"), r["letter_id"], r["item_id"])
        for t in ("persons", "organisations", "locations")
        for r in rows[t]
    }
    for m in rows["mentions"]:
        assert (m["entity_type"], m["letter_id"], m["item_id"]) in entities
    sections = {(r["letter_id"], r["section_id"]) for r in rows["sections"]}
    for r in rows["sections"]:
        assert r["parent"] is None or (r["letter_id"], r["parent"]) in sections
    for table in ("mentions", "dates", "amounts", "references", "commitments"):
        for r in rows[table]:
            assert r["section"] is None or (r["letter_id"], r["section"]) in sections


def test_repeated_record_ids_are_made_unique(records):
    got = table_rows([records[0], records[0]])
    assert [r["letter_id"] for r in got["letters"]] == [records[0].id, f"{records[0].id}#2"]
    assert {r["record_id"] for r in got["letters"]} == {records[0].id}


@pytest.mark.parametrize("out", ["csv_dir", "tables.parquet", "tables.duckdb"])
def test_formats_round_trip(records, rows, tmp_path, out):
    path = tmp_path / out
    counts = write_tables(records, path)
    assert counts == {t: len(r) for t, r in rows.items()}
    con = duckdb.connect(str(path) if out.endswith(".duckdb") else ":memory:")
    for table in SCHEMAS:
        if out.endswith(".duckdb"):
            source = f'"{table}"'
        elif out.endswith(".parquet"):
            source = f"read_parquet('{path / (table + '.parquet')}')"
        else:
            source = f"read_csv('{path / (table + '.csv')}', header=true, all_varchar=true)"
        assert con.execute(f"SELECT count(*) FROM {source}").fetchone()[0] == counts[table]
    if out == "csv_dir":
        line = next(r for r in rows["persons"] if r["roles"])
        got = con.execute(
            f"SELECT roles FROM read_csv('{path / 'persons.csv'}', header=true, all_varchar=true)"
            " WHERE letter_id = ? AND item_id = ?", [line["letter_id"], line["item_id"]],
        ).fetchone()[0]  # fmt: skip
        assert json.loads(got) == line["roles"]


def test_arrow_types(records):
    tables = arrow_tables(records[:3])
    assert str(tables["dates"].schema.field("value_start").type) == "date32[day]"
    assert str(tables["persons"].schema.field("roles").type) == "list<item: string>"
    assert tables["letters"].num_rows == 3


@pytest.mark.parametrize(
    ("query", "columns"),
    [
        (DUE_PER_MINISTRY, ["ministry", "commitments", "first_due"]),
        (MONEY_PER_LETTER, ["letter_id", "title", "amounts", "total_eur"]),
        (PERSONS_MOST_NAMED, ["name", "mentions", "letters"]),
        (DAYS_TO_ANSWER, ["ministry", "answers", "avg_days"]),
    ],
)
def test_example_queries_run(duckdb_file, query, columns):
    con = duckdb.connect(str(duckdb_file), read_only=True)
    result = con.execute(query)
    assert [d[0] for d in result.description] == columns
    assert result.fetchall(), "the corpus letters give rows for every example query"


def test_cli_table(records, tmp_path):
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(r.model_dump_json() + "\n" for r in records[:4]), encoding="utf-8")
    out = tmp_path / "out.duckdb"
    result = CliRunner().invoke(app, ["table", str(jsonl), "--to", str(out)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(out), read_only=True)
    assert con.execute("SELECT count(*) FROM letters").fetchone()[0] == 4
    assert next(iter(read_records([jsonl]))).id == records[0].id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-12", (date(2024, 2, 12), date(2024, 2, 12), "day")),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29), "month")),
        ("2024", (date(2024, 1, 1), date(2024, 12, 31), "year")),
        ("2024-03/2024-05", (date(2024, 3, 1), date(2024, 5, 31), "month")),
        ("2030/2050", (date(2030, 1, 1), date(2050, 12, 31), "year")),
        (None, (None, None, None)),
    ],
)
def test_date_range(value, expected):
    assert date_range(value) == expected


def test_commitments_carry_the_short_action_and_their_occurrences(records, rows):
    by_offsets = {
        (r.id, c.start): c for r in records for c in r.commitments
    }  # record id -> commitment
    assert rows["commitments"]
    for row in rows["commitments"]:
        c = by_offsets[(row["letter_id"].split("#")[0], row["start"])]
        assert row["action_short"] == (c.action_short or c.action)
        assert row["occurrences"] == max(1, len(c.mentions))
        assert row["action_short"] is None or len(row["action_short"].split()) <= 25


def test_questions_table_pairs_questions_with_answers_and_askers(records, rows):
    answers = [r for r in records if r.questions]
    assert answers, "the corpus holds answers to Kamervragen"
    by_id = {r.id: r for r in records}
    for row in rows["questions"]:
        record = by_id[row["letter_id"]]
        assert record.text[row["question_start"] : row["question_end"]] == row["question"]
        if row["answered"]:
            assert record.text[row["answer_start"] : row["answer_end"]] == row["answer"]
        kv = record.metadata.kamervragen
        assert kv is not None
        if kv.ingezonden and kv.ontvangen and row["days_to_answer"] is not None:
            assert row["days_to_answer"] == (row["ontvangen"] - row["ingezonden"]).days >= 0
    quantum = next(r for r in rows["questions"] if "Sneller (D66)" in r["askers"])
    assert quantum["askers"] == ["Sneller (D66)"] and quantum["days_to_answer"] == 51
    assert quantum["ministry"] == "Binnenlandse Zaken en Koninkrijksrelaties"


def test_items_in_answers_name_their_question(records, rows):
    by_id = {r.id: r for r in records}
    named = 0
    for table in ("dates", "amounts", "references", "commitments"):
        for row in rows[table]:
            if row["question"] is None:
                continue
            named += 1
            record = by_id[row["letter_id"]]
            q = next(q for q in record.questions if q.number == row["question"])
            inside = [(q.start, q.end)] + ([(q.answer.start, q.answer.end)] if q.answer else [])
            assert any(lo <= row["start"] < hi for lo, hi in inside), row
    assert named > 20
