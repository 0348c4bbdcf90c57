"""-o DIR that cannot take a record (disk full, unwritable): one line on stderr, exit 2,
no partial record files."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamerbrief.cli import app
from tests.helpers import SEED_TOP

BLANK = ["--model", "blank:nl"]
TOP = SEED_TOP.read_text(encoding="utf-8")


def _letters(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"l{i}.txt").write_text(f"{TOP}\nBrief {i}.\n", encoding="utf-8")


class _FullDisk:
    """A file whose writes stop half-way with ENOSPC, as on a full disk."""

    def __init__(self, fh) -> None:
        self.fh = fh

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.fh.close()

    def write(self, data: str) -> int:
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_stops_the_run_with_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    _letters(tmp_path / "in", 4)
    out = tmp_path / "out"
    real = os.fdopen
    calls: list[int] = []

    def fdopen(fd, *args, **kwargs):
        fh = real(fd, *args, **kwargs)
        if not os.readlink(f"/proc/self/fd/{fd}").startswith(str(out)):
            return fh  # not a record file
        calls.append(fd)
        return _FullDisk(fh) if len(calls) >= 2 else fh  # the second record fills the disk

    import kamerbrief.batch.engine as engine

    monkeypatch.setattr(engine.os, "fdopen", fdopen)
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "-o", str(out),
                                      "--jobs", jobs, *BLANK])  # fmt: skip
    monkeypatch.undo()
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("kamerbrief: cannot write the record")
    assert "No space left on device" in lines[0] and "l1.json" in lines[0]
    # The first record is whole; nothing else is there, not even a temporary file.
    assert sorted(p.name for p in out.iterdir()) == ["l0.json"]
    assert json.loads((out / "l0.json").read_text(encoding="utf-8"))["source"]["path"].endswith(
        "l0.txt"
    )


def test_an_unwritable_folder_stops_the_run_with_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _letters(tmp_path / "in", 2)
    out = tmp_path / "out"

    def mkstemp(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    import kamerbrief.batch.engine as engine

    monkeypatch.setattr(engine.tempfile, "mkstemp", mkstemp)
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "-o", str(out),
                                      "--jobs", "1", *BLANK])  # fmt: skip
    monkeypatch.undo()
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"kamerbrief: cannot write the record {out / 'l0.json'}: Permission denied; the run stops"
    ]
    assert list(out.iterdir()) == []


def test_an_output_path_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    _letters(tmp_path / "in", 1)
    (tmp_path / "out").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "-o",
                                      str(tmp_path / "out"), *BLANK])  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.startswith("kamerbrief: cannot create output directory")
