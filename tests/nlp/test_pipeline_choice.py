"""The Dutch pipeline is chosen in one place, in a fixed order."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerbrief.nlp import pipeline
from kamerbrief.nlp.pipeline import ENV_VAR, ModelError, choose_model, load_pipeline
from tests.helpers import SEED_TOP


@pytest.fixture
def nothing_installed(monkeypatch):
    monkeypatch.setattr(pipeline, "is_installed", lambda name: False)
    monkeypatch.setattr(pipeline, "bundled_pipeline_path", lambda: None)


def test_flag_wins_over_everything(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "is_installed", lambda name: True)
    choice = choose_model("my_pipeline", {ENV_VAR: "env_pipeline"})
    assert (choice.name, choice.reason) == ("my_pipeline", "flag")


def test_environment_variable_comes_second(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "is_installed", lambda name: True)
    choice = choose_model(None, {ENV_VAR: "env_pipeline"})
    assert (choice.name, choice.reason) == ("env_pipeline", "environment")


def test_installed_standard_pipeline_comes_third(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "is_installed", lambda name: name == "nl_core_news_sm")
    choice = choose_model(None, {})
    assert (choice.name, choice.reason) == ("nl_core_news_sm", "installed")


def test_bundled_pipeline_comes_fourth(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pipeline, "is_installed", lambda name: False)
    monkeypatch.setattr(pipeline, "bundled_pipeline_path", lambda: tmp_path)
    choice = choose_model(None, {})
    assert (choice.name, choice.reason) == (str(tmp_path), "bundled")


def test_blank_pipeline_last_with_a_warning(nothing_installed) -> None:
    choice = choose_model(None, {})
    assert (choice.name, choice.reason) == ("blank:nl", "blank")
    assert choice.warning is not None and "\n" not in choice.warning
    nlp = load_pipeline(choice)
    assert nlp.lang == "nl" and nlp.pipe_names == []


def test_named_pipeline_that_does_not_load_raises_one_line(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as info:
        load_pipeline(choose_model(str(tmp_path / "missing"), {}))
    assert "\n" not in str(info.value)
    assert "named with --model" in str(info.value)


def test_blank_run_warns_once_on_stderr(nothing_installed, monkeypatch, capsys) -> None:
    from typer.testing import CliRunner

    from kamerbrief.cli import app

    monkeypatch.delenv(ENV_VAR, raising=False)
    result = CliRunner().invoke(app, ["extract", str(SEED_TOP)])
    assert result.exit_code == 0
    assert result.stderr.count("blank Dutch pipeline") == 1
    assert "blank Dutch pipeline" not in result.stdout
