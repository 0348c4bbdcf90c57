"""The extract command: stdout is records only, messages on stderr, exit codes mean something."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamerbrief.batch.inputs import expand
from kamerbrief.cli import app
from kamerbrief.record import ErrorRecord, LetterRecord
from tests.helpers import ROOT, SEED_REPORT, SEED_TOP

runner = CliRunner()
BLANK = ["--model", "blank:nl"]


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _validate(record: dict) -> LetterRecord | ErrorRecord:
    model = ErrorRecord if "error" in record else LetterRecord
    return model.model_validate(record)


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kamerbrief", *args],
        input=stdin, capture_output=True, cwd=ROOT, timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture
def batch_dir(tmp_path):
    """The two seeds, an empty file, a binary file and a cp1252 letter."""
    shutil.copy(SEED_REPORT, tmp_path / "a_seed.txt")
    shutil.copy(SEED_TOP, tmp_path / "b_seed.txt")
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "e_cp1252.txt").write_bytes(SEED_TOP.read_text(encoding="utf-8").encode("cp1252"))
    return tmp_path


def test_directory_batch_gives_five_records_and_exit_1(batch_dir) -> None:
    result = runner.invoke(app, ["extract", str(batch_dir), *BLANK])
    assert result.exit_code == 1
    records = _records(result.stdout)
    assert len(records) == 5
    kinds = [r["error"]["kind"] if "error" in r else "record" for r in records]
    assert kinds == ["record", "record", "empty", "binary", "record"]
    for record in records:
        _validate(record)
    # The cp1252 letter reads exactly as the UTF-8 original.
    assert records[4]["text"] == records[1]["text"]
    assert "één" in records[4]["text"] or "Nederland" in records[4]["text"]
    # The seeds' records are the same as when extracted alone.
    alone = _records(runner.invoke(app, ["extract", str(SEED_REPORT), *BLANK]).stdout)[0]
    assert {k: v for k, v in records[0].items() if k != "source"} == {
        k: v for k, v in alone.items() if k != "source"
    }


def test_stdout_carries_only_records_and_stderr_the_messages(batch_dir) -> None:
    proc = _cli("extract", str(batch_dir), *BLANK)
    assert proc.returncode == 1
    lines = proc.stdout.decode("utf-8").splitlines()
    assert len(lines) == 5 and all(json.loads(line) for line in lines)
    stderr = proc.stderr.decode("utf-8")
    assert "5 inputs, 3 records, 2 errors" in stderr
    assert "c_empty.txt" in stderr


def test_stdin_is_read_with_dash() -> None:
    proc = _cli("extract", "-", *BLANK, stdin=SEED_TOP.read_bytes())
    assert proc.returncode == 0, proc.stderr
    (record,) = _records(proc.stdout.decode("utf-8"))
    parsed = LetterRecord.model_validate(record)
    assert parsed.source.path == "-"
    assert parsed.metadata.place == "Den Haag"


def test_output_dir_gets_one_json_per_input(batch_dir, tmp_path_factory) -> None:
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["extract", str(batch_dir), "-o", str(out), "--pretty", *BLANK])
    assert result.exit_code == 1
    assert result.stdout == ""
    names = sorted(p.name for p in out.iterdir())
    assert names == ["a_seed.json", "b_seed.json", "c_empty.json", "d_binary.json", "e_cp1252.json"]
    record = json.loads((out / "a_seed.json").read_text(encoding="utf-8"))
    assert len(LetterRecord.model_validate(record).sections) == 14
    assert (out / "a_seed.json").read_text(encoding="utf-8").startswith("{\n  ")


def test_all_good_inputs_exit_0_and_output_is_deterministic() -> None:
    first = runner.invoke(app, ["extract", str(SEED_REPORT), str(SEED_TOP), *BLANK])
    second = runner.invoke(app, ["extract", str(SEED_REPORT), str(SEED_TOP), *BLANK])
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    assert len(_records(first.stdout)) == 2


def test_missing_input_gives_an_error_record_and_the_run_goes_on() -> None:
    result = runner.invoke(app, ["extract", "no/such/letter.txt", str(SEED_TOP), *BLANK])
    assert result.exit_code == 1
    missing, good = _records(result.stdout)
    assert missing["error"]["kind"] == "missing"
    assert good["metadata"]["senders"][0]["name"] == "E.I. Schippers"


def test_model_that_does_not_load_is_a_one_line_error() -> None:
    proc = _cli("extract", str(SEED_TOP), "--model", "/no/such/pipeline")
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode("utf-8").strip()
    assert len(err.splitlines()) == 1
    assert "cannot load the spaCy pipeline '/no/such/pipeline'" in err
    assert "Traceback" not in err


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["extract"]).exit_code == 2
    assert runner.invoke(app, ["extract", "--no-such-flag", str(SEED_TOP)]).exit_code == 2


def test_schema_command_prints_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "LetterRecord" in schema["$defs"]


def test_directories_are_searched_for_word_files_too(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.DOCX").write_bytes(b"PK")
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    found = [Path(i.path).name for i in expand([str(tmp_path)], read=False)]
    assert found == ["a.txt", "b.DOCX"]
