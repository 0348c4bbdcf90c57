"""Shared fixtures: paths of the corpus letters and a blank-pipeline extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "corpus" / "letters"
SEED_REPORT = LETTERS / "seeds" / "000_604ef20b2c9a042b.txt"
SEED_TOP = LETTERS / "seeds" / "003_70a63ba4dafeb775.txt"
RIJKSOVERHEID = LETTERS / "rijksoverheid-pdf"
WATER_EN_BODEM = RIJKSOVERHEID / "2022-11-25_ienw_water-en-bodem-sturend.txt"
LUCHTVAART = RIJKSOVERHEID / "2022-12-22_ienw_emissies-door-de-luchtvaart.txt"
CIRCULAIR = RIJKSOVERHEID / "2023-02-03_ienw_nationaal-programma-circulaire-economie.txt"
WRITTEN = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def extractor():
    """An extractor on a blank Dutch pipeline: structure does not need a trained model."""
    import spacy

    from kamerbrief.api import Extractor

    return Extractor("blank:nl", nlp=spacy.blank("nl"))


@pytest.fixture(scope="session")
def parsed():
    """Parse a corpus letter once per session."""
    from kamerbrief.parse import parse

    cache: dict[Path, object] = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = parse(path.read_text(encoding="utf-8"))
        return cache[path]

    return get


@pytest.fixture(scope="session")
def bundled_nlp():
    """The pipeline shipped in the package, with kamerbrief's components added."""
    import spacy

    from kamerbrief.nlp.annotate import prepare_pipeline
    from kamerbrief.nlp.pipeline import bundled_pipeline_path

    path = bundled_pipeline_path()
    assert path is not None, "the bundled pipeline kamerbrief/pipelines/nl_kamerbrief_sm is missing"
    return prepare_pipeline(spacy.load(path))


@pytest.fixture(scope="session")
def bundled_extractor(bundled_nlp):
    """An extractor on the bundled pipeline with kamerbrief's rules."""
    from kamerbrief.api import Extractor
    from kamerbrief.nlp.pipeline import bundled_pipeline_path

    return Extractor(str(bundled_pipeline_path()), nlp=bundled_nlp)
