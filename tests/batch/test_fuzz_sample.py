"""CI's sample of benchmarks/fuzz.py: 300 hostile inputs, no crash, no hang, no broken line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.helpers import ROOT


def test_300_hostile_inputs_give_one_valid_record_each() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fuzz.py"), "--n", "300", "--seed", "19",
         "--jobs", "2", "--timeout", "60", "--json"],
        cwd=ROOT, env=env, capture_output=True, timeout=600, check=False,
    )  # fmt: skip
    report = json.loads(proc.stdout)
    assert report["inputs"] >= 300 and report["records"] == report["inputs"]
    assert report["crashes"] == 0, report["internal"] or report["stderr_tail"]
    assert report["hangs"] == 0, report["timeouts"]
    assert report["broken_lines"] == 0
    assert proc.returncode == 0
    # Every kind of hostile input was there, and each bomb kind was refused.
    assert set(report["generated"]) >= {"random", "html", "xml", "bomb", "pdf", "docx", "archive"}
    assert report["kinds"].get("too_large", 0) > 0 and report["kinds"].get("refused", 0) > 0
