"""--engine dask: the same records as the local engine, from a local cluster of 2 workers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, SEED_REPORT, SEED_TOP

pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

BLANK = ["--model", "blank:nl"]


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kamerbrief", *args],
        capture_output=True, cwd=ROOT, timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    import zipfile

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_REPORT, folder / "a.txt")
    (folder / "b.xml").write_bytes(b"<?xml version='1.0'?><kamerstuk><al>open")
    shutil.copy(SEED_TOP, folder / "c.txt")
    with zipfile.ZipFile(folder / "d.zip", "w") as zf:
        zf.writestr("x.txt", SEED_TOP.read_bytes())
        zf.writestr("../y.txt", b"refused")
    return folder


def test_dask_engine_on_a_local_cluster_writes_the_same_records(
    inputs: Path, tmp_path: Path
) -> None:
    # A LocalCluster of 2 worker processes (one thread each); -o DIR, then stdout in order.
    out = tmp_path / "out"
    dask = _cli("extract", str(inputs), "--engine", "dask", "--jobs", "2", "-o", str(out), *BLANK)
    assert dask.returncode == 1, dask.stderr  # the malformed XML and the refused member
    assert "5 inputs, 3 records, 2 errors" in dask.stderr.decode("utf-8")
    local_out = tmp_path / "local"
    local = _cli("extract", str(inputs), "--jobs", "1", "-o", str(local_out), *BLANK)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in local_out.iterdir())
    for path in local_out.iterdir():
        assert (out / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    stdout = _cli("extract", str(inputs), "--engine", "dask", "--jobs", "2", *BLANK)
    local = _cli("extract", str(inputs), "--jobs", "1", *BLANK)
    assert stdout.stdout == local.stdout
    paths = [json.loads(line)["source"]["path"] for line in stdout.stdout.splitlines()]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["a.txt", "b.xml", "c.txt", "x.txt", "y.txt"]


def test_the_pipeline_that_does_not_load_on_the_workers_is_a_usage_error(inputs: Path) -> None:
    proc = _cli("extract", str(inputs), "--engine", "dask", "--jobs", "2", "--dask-threads",
                "--model", "/no/such/pipeline")  # fmt: skip
    assert proc.returncode == 2
    assert "cannot load the spaCy pipeline" in proc.stderr.decode("utf-8")
    assert proc.stdout == b""
