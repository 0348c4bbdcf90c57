"""Every kind of input of a batch: files, directories, globs, archives, --files-from."""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamerbrief.batch.inputs import expand, output_name, unsafe_member
from kamerbrief.cli import app
from kamerbrief.record import ErrorRecord, LetterRecord
from tests.helpers import SEED_REPORT, SEED_TOP

runner = CliRunner()
ONE = ["--model", "blank:nl", "--jobs", "1"]
TOP = SEED_TOP.read_bytes()


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _valid(record: dict) -> LetterRecord | ErrorRecord:
    return (ErrorRecord if "error" in record else LetterRecord).model_validate(record)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """letters/a.txt, letters/sub/b.txt, letters/sub/c.json (not a letter)."""
    root = tmp_path / "letters"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEED_TOP, root / "a.txt")
    shutil.copy(SEED_REPORT, root / "sub" / "b.txt")
    (root / "sub" / "c.json").write_text("{}", encoding="utf-8")
    return root


def test_a_file(tree: Path) -> None:
    result = runner.invoke(app, ["extract", str(tree / "a.txt"), *ONE])
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert record["source"]["path"] == str(tree / "a.txt")


def test_a_directory_is_walked_recursively_in_name_order(tree: Path) -> None:
    result = runner.invoke(app, ["extract", str(tree), *ONE])
    assert result.exit_code == 0, result.output
    paths = [r["source"]["path"] for r in _records(result.stdout)]
    assert paths == [str(tree / "a.txt"), str(tree / "sub" / "b.txt")]


def test_a_glob_the_shell_did_not_expand(tree: Path) -> None:
    result = runner.invoke(app, ["extract", str(tree / "**" / "*.txt"), *ONE])
    assert result.exit_code == 0, result.output
    paths = sorted(r["source"]["path"] for r in _records(result.stdout))
    assert paths == [str(tree / "a.txt"), str(tree / "sub" / "b.txt")]
    # A pattern that matches nothing is a missing input.
    result = runner.invoke(app, ["extract", str(tree / "*.nothing"), *ONE])
    assert result.exit_code == 1
    assert _records(result.stdout)[0]["error"]["kind"] == "missing"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _tgz(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize("kind", ["zip", "tar.gz", "tgz"])
def test_archive_members_are_read_in_place(tmp_path: Path, kind: str) -> None:
    members = {"2023/a.txt": TOP, "2023/notes.csv": b"x,y", "b.txt": b"", "dir/c.TXT": TOP}
    make = _zip if kind == "zip" else _tgz
    archive = make(tmp_path / f"batch.{kind}", members)
    result = runner.invoke(app, ["extract", str(archive), *ONE])
    assert result.exit_code == 1  # b.txt is empty
    records = _records(result.stdout)
    assert [r["source"]["path"] for r in records] == [
        f"{archive}/2023/a.txt",
        f"{archive}/b.txt",
        f"{archive}/dir/c.TXT",
    ]
    assert records[1]["error"]["kind"] == "empty"
    assert records[0]["text"] == records[2]["text"]
    for record in records:
        _valid(record)
    assert sorted(p.name for p in tmp_path.iterdir()) == [archive.name]  # nothing extracted


def test_archives_inside_a_directory_are_opened(tmp_path: Path) -> None:
    _zip(tmp_path / "x.zip", {"a.txt": TOP})
    shutil.copy(SEED_TOP, tmp_path / "y.txt")
    paths = [i.path for i in expand([str(tmp_path)])]
    assert paths == [f"{tmp_path / 'x.zip'}/a.txt", str(tmp_path / "y.txt")]


def test_files_from_a_file_and_from_stdin(tree: Path, tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{tree / 'sub' / 'b.txt'}\n\n{tree / 'a.txt'}\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--files-from", str(listing), *ONE])
    assert result.exit_code == 0, result.output
    paths = [r["source"]["path"] for r in _records(result.stdout)]
    assert paths == [str(tree / "sub" / "b.txt"), str(tree / "a.txt")]
    result = runner.invoke(
        app, ["extract", "--files-from", "-", *ONE], input=f"{tree / 'a.txt'}\n{tree}\n"
    )
    assert result.exit_code == 0, result.output
    paths = [r["source"]["path"] for r in _records(result.stdout)]
    assert paths == [str(tree / "a.txt"), str(tree / "a.txt"), str(tree / "sub" / "b.txt")]


def test_stdin_twice_and_no_inputs_are_usage_errors() -> None:
    assert runner.invoke(app, ["extract", "-", "--files-from", "-", *ONE]).exit_code == 2
    assert runner.invoke(app, ["extract", *ONE]).exit_code == 2
    assert runner.invoke(app, ["extract", "x.txt", "--resume", *ONE]).exit_code == 2


def _evil_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("good.txt", TOP)
        zf.writestr("../evil.txt", TOP)
        zf.writestr("/abs/evil.txt", TOP)
        zf.writestr("a/../../evil2.txt", TOP)
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = 0o120777 << 16  # a symbolic link to /etc/passwd
        zf.writestr(link, "/etc/passwd")
    return path


def test_a_zip_member_that_escapes_the_archive_is_refused(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    archive = _evil_zip(work / "evil.zip")
    out = work / "out"
    result = runner.invoke(app, ["extract", str(archive), "-o", str(out), *ONE])
    assert result.exit_code == 1
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.iterdir())]
    kinds = sorted(r["error"]["kind"] if "error" in r else "record" for r in records)
    assert kinds == ["record", "refused", "refused", "refused", "refused"]
    for record in records:
        _valid(record)
        if "error" in record:
            assert "escape the archive" in record["error"]["message"]
    # Nothing was written outside the output directory, and no member was extracted.
    everything = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert all(p.startswith("work") for p in everything)
    assert not list(tmp_path.rglob("evil*.txt")) and not (tmp_path / "abs").exists()
    assert all(p.suffix == ".json" for p in out.iterdir())


def test_tar_links_and_traversal_are_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.tgz"
    with tarfile.open(archive, "w:gz") as tf:
        for name, kind in [("ok.txt", tarfile.REGTYPE), ("../up.txt", tarfile.REGTYPE),
                           ("sym.txt", tarfile.SYMTYPE), ("hard.txt", tarfile.LNKTYPE)]:  # fmt: skip
            info = tarfile.TarInfo(name)
            info.type = kind
            data = TOP if kind == tarfile.REGTYPE else b""
            info.size = len(data)
            if kind != tarfile.REGTYPE:
                info.linkname = "/etc/passwd"
            tf.addfile(info, io.BytesIO(data))
    records = _records(runner.invoke(app, ["extract", str(archive), *ONE]).stdout)
    kinds = [r["error"]["kind"] if "error" in r else "record" for r in records]
    assert kinds == ["record", "refused", "refused", "refused"]


def test_a_damaged_archive_gives_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "broken.tgz").write_bytes(b"\x1f\x8b\x08 not really gzip")
    result = runner.invoke(
        app, ["extract", str(tmp_path / "broken.zip"), str(tmp_path / "broken.tgz"), *ONE]
    )
    assert result.exit_code == 1
    assert [r["error"]["kind"] for r in _records(result.stdout)] == ["unreadable", "unreadable"]


def test_unsafe_member_paths() -> None:
    assert unsafe_member("a/b.txt") is None and unsafe_member("a..b.txt") is None
    for bad in ("../a.txt", "/etc/x.txt", "a/../../b.txt", "C:/x.txt", "..\\x.txt"):
        assert unsafe_member(bad) is not None


def test_output_names_are_unique_and_stay_in_the_directory() -> None:
    used: set[str] = set()
    assert output_name("a", "d/a.txt", used) == "a.json"
    second = output_name("a", "d/a.pdf", used)
    assert second.startswith("a-") and second.endswith(".json") and second != "a.json"
    assert output_name("a", "d/a.pdf", set()) == "a.json"
    assert output_name("batch/../x", "batch.zip/../x.txt", used) == "batch_____x.json"
    assert output_name("sub/é f", "p", used) == "sub___f.json"
    assert "/" not in output_name("/abs/p", "q", used)


def test_equal_stems_and_archive_members_get_their_own_files(tmp_path: Path, tree: Path) -> None:
    _zip(tmp_path / "a.zip", {"a.txt": TOP, "x/a.txt": TOP})
    shutil.copy(SEED_TOP, tmp_path / "a.txt")
    out = tmp_path / "out"
    args = [str(tmp_path / "a.txt"), str(tree / "a.txt"), str(tmp_path / "a.zip")]
    result = runner.invoke(app, ["extract", *args, "-o", str(out), *ONE])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert (
        len(names) == 4 and "a.json" in names and "a__a.json" in names and "a__x__a.json" in names
    )
