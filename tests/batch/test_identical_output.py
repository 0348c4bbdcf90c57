"""The same inputs give byte-identical records with --jobs 1, --jobs 2 and the Dask
engine, and in two runs: over every document in corpus/letters (blank pipeline, for
speed) and over one document of each form with the bundled pipeline."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import LETTERS, ROOT

pytest.importorskip("distributed")

ENGINES = {
    "jobs 1": ["--jobs", "1"],
    "jobs 2": ["--jobs", "2"],
    "jobs 2 again": ["--jobs", "2"],
    "dask": ["--engine", "dask", "--jobs", "2"],
}


def _records(inputs: list[str], model: list[str], engine: list[str]) -> bytes:
    proc = subprocess.run(
        [sys.executable, "-m", "kamerbrief", "extract", *inputs, "--quiet", *model, *engine],
        capture_output=True, cwd=ROOT, timeout=600, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode("utf-8")[-2000:]
    return proc.stdout


def _same_everywhere(inputs: list[str], model: list[str], records: int) -> None:
    outputs = {name: _records(inputs, model, engine) for name, engine in ENGINES.items()}
    first = outputs["jobs 1"]
    assert first.count(b"\n") == records
    for name, out in outputs.items():
        assert out == first, f"{name} differs from --jobs 1"


def test_every_corpus_document_gives_the_same_bytes_everywhere() -> None:
    documents = [p for p in LETTERS.rglob("*") if p.suffix in {".txt", ".pdf", ".docx"}]
    assert len(documents) >= 80
    _same_everywhere([str(LETTERS)], ["--model", "blank:nl"], len(documents))


def test_the_bundled_pipeline_gives_the_same_bytes_everywhere() -> None:
    forms = [
        LETTERS / "formats" / "kst-21501-02-3121_motie-ceder.pdf",
        LETTERS / "formats" / "kst-36278-32_motie-rikkers-oosterkamp.docx",
        LETTERS / "kamervragen" / "2024-06-14_fin_gezonde-lunch-arbovrijstelling.txt",
        LETTERS / "historical" / "sgd-1985-brief-stimuleringsprogramma-gezondheid.txt",
    ]
    _same_everywhere([str(p) for p in forms], [], len(forms))
