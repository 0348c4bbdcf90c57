"""The info command: which pipeline, why, and how good it is."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kamerbrief.cli import app
from kamerbrief.nlp import pipeline


def test_info_command_says_which_pipeline_why_and_how_good(monkeypatch) -> None:
    monkeypatch.delenv(pipeline.ENV_VAR, raising=False)
    monkeypatch.setattr(pipeline, "is_installed", lambda name: False)
    result = CliRunner().invoke(app, ["info"])
    assert result.exit_code == 0
    for expected in (
        "nl_kamerbrief_sm",
        "shipped with kamerbrief",
        "UPOS",
        "entities F1",
        "PER -> person",
        "CC BY-SA 4.0",
    ):
        assert expected in result.stdout
    assert "Research use only" not in result.stdout  # issue 18: no CoNLL-2002 data shipped
    as_json = CliRunner().invoke(app, ["info", "--json"])
    assert json.loads(as_json.stdout)["reason"] == "bundled"
