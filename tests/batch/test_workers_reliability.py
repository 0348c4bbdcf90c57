"""The worker pool: no orphans after kill -9, a time budget per input, dead workers replaced."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.helpers import ROOT, SEED_TOP

BLANK = ["--model", "blank:nl"]
TOP = SEED_TOP.read_text(encoding="utf-8")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def _letters(folder: Path, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        (folder / name).write_text(f"{TOP}\nDit is brief {i}.\n", encoding="utf-8")


def _records(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


def test_kill_9_of_the_batch_leaves_no_process_behind(tmp_path: Path) -> None:
    # Every input is slow (the test hook), so the workers are busy when the parent dies.
    _letters(tmp_path / "in", [f"SLOWINPUT_{i}.txt" for i in range(6)])
    cmd = [sys.executable, "-m", "kamerbrief", "extract", str(tmp_path / "in"), "--jobs", "2",
           "--quiet", *BLANK]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=_env(KAMERBRIEF_TEST_SLOW="SLOWINPUT_"), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    parent = psutil.Process(proc.pid)
    family: set[psutil.Process] = set()
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:  # the fork server, both workers, the tracker
            family |= set(parent.children(recursive=True))
            if len([p for p in family if p.is_running()]) >= 3:
                break
            time.sleep(0.2)
        time.sleep(3)  # the workers load the pipeline and take a slow input each
        family |= set(parent.children(recursive=True))
        assert len(family) >= 2, "the batch started no workers"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        _gone, alive = psutil.wait_procs(list(family), timeout=10)
        assert alive == [], f"orphans 10 s after kill -9: {[(p.pid, _name(p)) for p in alive]}"
    finally:
        for p in family:
            try:
                p.kill()
            except psutil.Error:
                pass


def _name(p: psutil.Process) -> str:
    try:
        return " ".join([p.name(), *p.cmdline()])
    except psutil.Error:
        return ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_slow_input_gives_a_timeout_record_and_the_batch_goes_on(
    tmp_path: Path, jobs: str
) -> None:
    # The budget leaves a busy machine time for the ordinary inputs; the slow one waits
    # an hour (testhook), so only it can exceed the budget.
    _letters(tmp_path / "in", ["a.txt", "b_SLOWINPUT.txt", "c.txt", "d.txt"])
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "kamerbrief", "extract", str(tmp_path / "in"), "--jobs", jobs,
         "--timeout", "10", *BLANK],
        cwd=ROOT, env=_env(KAMERBRIEF_TEST_SLOW="_SLOWINPUT"), capture_output=True, timeout=240,
        check=False,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    records = _records(proc.stdout)
    assert [Path(r["source"]["path"]).name for r in records] == ["a.txt", "b_SLOWINPUT.txt",
                                                                "c.txt", "d.txt"]  # fmt: skip
    assert records[1]["error"]["kind"] == "timeout"
    assert "10 s" in records[1]["error"]["message"]
    assert all("error" not in r for r in (records[0], *records[2:]))
    assert "4 inputs, 3 records, 1 errors" in proc.stderr.decode("utf-8")
    assert time.monotonic() - start < 200


def test_a_worker_killed_from_outside_gives_an_internal_record_and_is_replaced(
    tmp_path: Path,
) -> None:
    from kamerbrief.batch.inputs import Input
    from kamerbrief.batch.workers import Pool
    from kamerbrief.sources.limits import Limits

    _letters(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    paths = sorted(str(p) for p in (tmp_path / "in").iterdir())
    pool = Pool(model="blank:nl", jobs=1, pretty=False, timeout=0, limits=Limits())
    try:
        out = []
        for inp, result in pool.run(Input(p, Path(p).stem, p) for p in paths):
            out.append((inp, result))
            if len(out) == 1:
                pool.workers[0].process.kill()  # idle now: the next input finds it dead
        assert [Path(i.path).name for i, _ in out] == ["a.txt", "b.txt", "c.txt"]
        kinds = [json.loads(r.data).get("error", {}).get("kind") for _, r in out]
        assert kinds[0] is None and kinds[2] is None
        assert kinds[1] in (None, "internal")
    finally:
        pool.close()


def test_the_limits_reach_the_workers(tmp_path: Path) -> None:
    import io

    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(3):
        document.new_page(200, 200)
    buf = io.BytesIO()
    document.save(buf)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.pdf").write_bytes(buf.getvalue())
    (tmp_path / "in" / "b.xml").write_bytes(b"<kamerstuk>" + b"<al>" * 5 + b"x" + b"</al>" * 5
                                            + b"</kamerstuk>")  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-m", "kamerbrief", "extract", str(tmp_path / "in"), "--jobs", "2",
         "--max-pages", "2", "--max-depth", "4", *BLANK],
        cwd=ROOT, env=_env(), capture_output=True, timeout=240, check=False,
    )  # fmt: skip
    records = _records(proc.stdout)
    assert [r["error"]["kind"] for r in records] == ["too_large", "too_large"], proc.stderr
    assert "limit of 2" in records[0]["error"]["message"]
    assert "limit of 4" in records[1]["error"]["message"]


def test_more_inputs_than_the_window_all_come_out_in_order(tmp_path: Path) -> None:
    """A slow first input fills the window with records waiting for it; when it is done,
    handing them out must make room for the rest (it once waited for ever here)."""
    import shutil
    import threading

    from kamerbrief.batch.inputs import Input
    from kamerbrief.batch.workers import Pool
    from kamerbrief.sources.limits import Limits
    from tests.helpers import SEED_REPORT

    names = [f"l{i:02d}.txt" for i in range(1, 7)]
    _letters(tmp_path / "in", names)
    shutil.copy(SEED_REPORT, tmp_path / "in" / "l00.txt")  # the big one, first
    paths = [str(tmp_path / "in" / n) for n in ["l00.txt", *names]]
    pool = Pool(model="blank:nl", jobs=2, pretty=False, timeout=0, limits=Limits())
    out: list[str] = []

    def run() -> None:
        out.extend(inp.path for inp, _ in pool.run((Input(p, Path(p).stem, p) for p in paths), 2))

    thread = threading.Thread(target=run, daemon=True)
    try:
        thread.start()
        thread.join(60)
        assert not thread.is_alive(), f"stuck after {len(out)} of {len(paths)} records"
    finally:
        pool.close()
    assert out == paths
