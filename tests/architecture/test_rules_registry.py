"""Every rule data file is registered, validated (top-level keys included), and a broken
one stops the command line with one line and exit 2 before any letter is read."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kamerbrief.cli import app
from kamerbrief.errors import RuleDataError, SetupError
from kamerbrief.rules import loader
from kamerbrief.rules.registry import RULE_FILES, clear_caches, data_files, load_all

LETTER = Path(__file__).resolve().parents[2] / "corpus/letters/seeds/003_70a63ba4dafeb775.txt"
FILES = data_files()


def _raw(name: str) -> dict:
    """The data file ``name`` as JSON, unvalidated."""
    return json.loads((Path(loader.__file__).parents[1] / "data" / name).read_text("utf-8"))


def _first(value: Any, wanted: Callable[[Any], bool]) -> tuple[Any, ...] | None:
    """The path (keys and indexes) to the first value inside ``value`` that is ``wanted``."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if wanted(item):
            return (key,)
        if isinstance(item, dict | list) and (inner := _first(item, wanted)) is not None:
            return (key, *inner)
    return None


def _is_word_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _replaced(data: dict, path: tuple[Any, ...], new: Callable[[Any], Any]) -> dict:
    """A deep copy of ``data`` with the value at ``path`` replaced by ``new(value)``."""
    data = copy.deepcopy(data)
    *parents, last = path
    holder = data
    for key in parents:
        holder = holder[key]
    holder[last] = new(holder[last])
    return data


def _wrong_type(data: dict) -> dict:
    """``data`` with its first list made a number (its first key after ``about`` if it has no
    list: lexicon.json, months.json)."""
    path = _first(data, lambda v: isinstance(v, list)) or (next(k for k in data if k != "about"),)
    return _replaced(data, path, lambda _: 7)


def _non_string_item(data: dict) -> dict:
    """``data`` with a number added to its first list of strings."""
    path = _first(data, _is_word_list)
    assert path is not None
    return _replaced(data, path, lambda v: [*v, 7])


# every breakage for every file; a non-string item for every file with a list of strings
BREAKAGES = ["unknown key", "no about", "wrong type", "unreadable"]
BROKEN = [(name, how) for name in FILES for how in BREAKAGES] + [
    (name, "non-string item") for name in FILES if _first(_raw(name), _is_word_list)
]
CLI_BROKEN = [(name, how) for name, how in BROKEN if how not in ("no about", "unreadable")]


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
            if how == "wrong type":
                return _wrong_type(data)
            if how == "non-string item":
                return _non_string_item(data)
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
    assert len(_raw(name)["about"]) >= 10
    assert RULE_FILES[name]() is not None


@pytest.mark.parametrize(("name", "how"), BROKEN)
def test_broken_data_file_is_a_setup_error(broken, name: str, how: str) -> None:
    broken(name, how)
    with pytest.raises(SetupError, match=name.replace(".", r"\.")):
        load_all()


@pytest.mark.parametrize(("name", "how"), CLI_BROKEN)
def test_broken_data_file_gives_exit_2_and_one_line(broken, name: str, how: str) -> None:
    broken(name, how)
    result = CliRunner().invoke(app, ["extract", str(LETTER), "--model", "blank:nl"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kamerbrief: ") and name in lines[0]
