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


@pytest.mark.parametrize("mode", [[], ["--dask-threads"]], ids=["processes", "threads"])
def test_a_slow_input_gives_a_timeout_record_and_the_dask_batch_goes_on(
    tmp_path: Path, mode: list[str]
) -> None:
    # As the local engine's test: the slow input waits an hour (testhook), so only it can
    # exceed the budget; its worker is restarted (processes) or left (threads).
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    for i, name in enumerate(["a.txt", "b_SLOWINPUT.txt", "c.txt", "d.txt"]):
        (folder / name).write_text(f"{SEED_TOP.read_text(encoding='utf-8')}\nBrief {i}.\n",
                                   encoding="utf-8")  # fmt: skip
    env = dict(os.environ, KAMERBRIEF_TEST_SLOW="_SLOWINPUT")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "kamerbrief", "extract", str(folder), "--engine", "dask",
         "--jobs", "2", "--timeout", "10", *mode, *BLANK],
        capture_output=True, cwd=ROOT, env=env, timeout=240, check=False,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [Path(r["source"]["path"]).name for r in records] == ["a.txt", "b_SLOWINPUT.txt",
                                                                "c.txt", "d.txt"]  # fmt: skip
    assert records[1]["error"]["kind"] == "timeout"
    assert "10 s" in records[1]["error"]["message"]
    assert all("error" not in r for r in (records[0], *records[2:]))
    assert "4 inputs, 3 records, 1 errors" in proc.stderr.decode("utf-8")
