"""A batch run: input order with --jobs 2, bad inputs, --errors, --resume, kill -9."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamerbrief.cli import app
from kamerbrief.record import ErrorRecord, LetterRecord
from tests.helpers import ROOT, SEED_REPORT, SEED_TOP

runner = CliRunner()
BLANK = ["--model", "blank:nl"]
TOP_LINES = SEED_TOP.read_text(encoding="utf-8").splitlines()


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kamerbrief", *args],
        input=stdin, capture_output=True, cwd=ROOT, timeout=300, check=False,
    )  # fmt: skip


def _records(stdout: bytes | str) -> list[dict]:
    text = stdout.decode("utf-8") if isinstance(stdout, bytes) else stdout
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _letters(folder: Path, n: int) -> list[Path]:
    """``n`` small distinct letters (the seed's first lines plus a numbered sentence)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"letter_{i:03d}.txt"
        head = "\n".join(TOP_LINES[: 20 + i % 7])
        path.write_text(f"{head}\n\nDit is brief nummer {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


MALFORMED_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n"
MALFORMED_XML = b"<?xml version='1.0'?>\n<kamerstuk><tekst><al>open"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A big letter first, small ones after it, a malformed PDF and a malformed XML between."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_REPORT, folder / "a_big.txt")
    (folder / "b_bad.pdf").write_bytes(MALFORMED_PDF)
    _letters(folder / "c", 5)
    (folder / "d_bad.xml").write_bytes(MALFORMED_XML)
    shutil.copy(SEED_TOP, folder / "e_top.txt")
    return folder


def test_jobs_2_writes_records_in_input_order_like_jobs_1(mixed: Path, tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    two = _cli("extract", str(mixed), "--jobs", "2", "--errors", str(errors), *BLANK)
    one = _cli("extract", str(mixed), "--jobs", "1", *BLANK)
    assert two.returncode == one.returncode == 1, two.stderr
    assert two.stdout == one.stdout
    records = _records(two.stdout)
    names = [Path(r["source"]["path"]).name for r in records]
    assert names == ["a_big.txt", "b_bad.pdf", *[f"letter_{i:03d}.txt" for i in range(5)],
                     "d_bad.xml", "e_top.txt"]  # fmt: skip
    # The malformed PDF and XML give error records; the batch goes on after them.
    assert records[1]["error"]["kind"] == "unreadable" and "PDF" in records[1]["error"]["message"]
    assert records[7]["error"]["kind"] == "unreadable" and "XML" in records[7]["error"]["message"]
    for record in records:
        (ErrorRecord if "error" in record else LetterRecord).model_validate(record)
    assert "9 inputs, 7 records, 2 errors" in two.stderr.decode("utf-8")
    # --errors holds the two error records, one a line.
    assert _records(errors.read_text(encoding="utf-8")) == [records[1], records[7]]


def test_quiet_and_not_a_terminal_mean_no_progress_bar(mixed: Path) -> None:
    proc = _cli("extract", str(mixed / "e_top.txt"), "--quiet", *BLANK)
    assert proc.returncode == 0 and proc.stderr == b""
    proc = _cli("extract", str(mixed / "e_top.txt"), *BLANK)
    assert proc.stderr.decode("utf-8").strip() == "kamerbrief: 1 inputs, 1 records, 0 errors"


def test_progress_bar_shows_done_total_rate_and_failures() -> None:
    from rich.console import Console

    from kamerbrief.batch.engine import Progress, Summary

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160)
    with Progress(console, total=4) as bar:
        bar.advance(Summary(done=2, failed=1))
    text = out.getvalue()
    assert "3/4" in text and "letters/s" in text and "1 failed" in text and "ETA" in text


def test_resume_skips_up_to_date_records_and_redoes_stale_ones(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    paths = _letters(folder, 3)
    out = tmp_path / "out"
    args = ["extract", str(folder), "-o", str(out), "--jobs", "1", *BLANK]
    assert runner.invoke(app, args).exit_code == 0
    first = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert sorted(first) == [
        "letter_000.json", "letter_001.json", "letter_002.json"
    ]  # fmt: skip
    # An input changed after its record, a record deleted, a temporary file of a killed run.
    time.sleep(0.01)
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + "Nog een zin.\n", encoding="utf-8")
    (out / "letter_002.json").unlink()
    (out / ".letter_000.json.abc123.tmp").write_text('{"trunc', encoding="utf-8")
    result = runner.invoke(app, [*args, "--resume"])
    assert result.exit_code == 0, result.output
    assert "2 inputs, 2 records, 0 errors, 1 skipped" in result.stderr
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert sorted(after) == sorted(first)  # and the temporary file is gone
    assert after["letter_000.json"] == first["letter_000.json"]
    assert after["letter_001.json"] > first["letter_001.json"]
    assert (
        "Nog een zin." in json.loads((out / "letter_001.json").read_text(encoding="utf-8"))["text"]
    )


def test_archive_members_are_resumed_against_the_archive(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("x.txt", SEED_TOP.read_bytes())
    out = tmp_path / "out"
    args = ["extract", str(archive), "-o", str(out), "--jobs", "1", *BLANK]
    assert runner.invoke(app, args).exit_code == 0
    assert "1 skipped" in runner.invoke(app, [*args, "--resume"]).stderr
    os.utime(archive)  # the archive is newer than the record now
    time.sleep(0.01)
    os.utime(archive)
    assert "1 records" in runner.invoke(app, [*args, "--resume"]).stderr


def test_kill_9_then_resume_gives_every_record_exactly_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    paths = _letters(folder, 40)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "kamerbrief", "extract", str(folder), "-o", str(out),
           "--jobs", "2", *BLANK]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and any(p.suffix == ".json" for p in out.iterdir()):
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        try:  # the workers too, now that their parent is gone
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    killed_with = len(list(out.glob("*.json")))
    assert killed_with >= 1
    resumed = _cli("extract", str(folder), "-o", str(out), "--jobs", "2", "--resume", *BLANK)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{killed_with} skipped" in resumed.stderr.decode("utf-8") or killed_with == 40
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{p.stem}.json" for p in paths)  # each once, no temporary files
    for name in names:
        record = json.loads((out / name).read_text(encoding="utf-8"))
        LetterRecord.model_validate(record)
        assert record["source"]["path"] == str(folder / name.replace(".json", ".txt"))


def test_stdout_records_are_whole_lines_with_pretty_off(mixed: Path) -> None:
    proc = _cli("extract", str(mixed), "--jobs", "2", *BLANK)
    lines = proc.stdout.decode("utf-8").split("\n")
    assert lines[-1] == "" and all(json.loads(line) for line in lines[:-1])
