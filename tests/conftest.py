"""Shared fixtures: parsed corpus letters and extractors on a blank and the bundled pipeline.

Paths and helpers needed at import time are in ``tests/helpers.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest


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
