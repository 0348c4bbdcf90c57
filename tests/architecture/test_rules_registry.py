"""Every rule data file is registered, validated (top-level keys included), and a broken
one stops the command line with one line and exit 2 before any letter is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamerbrief.cli import app
from kamerbrief.errors import RuleDataError, SetupError
from kamerbrief.rules import loader
from kamerbrief.rules.registry import RULE_FILES, clear_caches, data_files, load_all

LETTER = Path(__file__).resolve().parents[2] / "corpus/letters/seeds/003_70a63ba4dafeb775.txt"
FILES = data_files()


@pytest.fixture
def broken(monkeypatch):
    """Make one data file broken (as ``how``) for the rest of the test."""
    real = loader.read_rule_file

    def make(name: str, how: str) -> None:
        def fake(wanted: str) -> dict:
            data = real(wanted)
            if wanted != name:
                return data
            if how == "unknown key":
                return {**data, "not_a_key_of_this_file": 1}
            if how == "no about":
                return {k: v for k, v in data.items() if k != "about"}
            raise RuleDataError(f"cannot read rule file kamerbrief/data/{name}: broken on purpose")

        monkeypatch.setattr(loader, "read_rule_file", fake)
        clear_caches()

    yield make
    monkeypatch.undo()
    clear_caches()


def test_every_data_file_has_a_loader() -> None:
    assert len(FILES) >= 14
    assert set(FILES) == set(RULE_FILES)


@pytest.mark.parametrize("name", FILES)
def test_data_file_validates_and_says_where_it_comes_from(name: str) -> None:
    raw = json.loads((Path(loader.__file__).parents[1] / "data" / name).read_text("utf-8"))
    assert len(raw["about"]) >= 10
    assert RULE_FILES[name]() is not None


@pytest.mark.parametrize("how", ["unknown key", "no about", "unreadable"])
@pytest.mark.parametrize("name", FILES)
def test_broken_data_file_is_a_setup_error(broken, name: str, how: str) -> None:
    broken(name, how)
    with pytest.raises(SetupError, match=name.replace(".", r"\.")):
        load_all()


@pytest.mark.parametrize("name", FILES)
def test_broken_data_file_gives_exit_2_and_one_line(broken, name: str) -> None:
    broken(name, "unknown key")
    result = CliRunner().invoke(app, ["extract", str(LETTER), "--model", "blank:nl"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kamerbrief: ") and name in lines[0]
