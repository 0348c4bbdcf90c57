"""Bombs are refused: archive members, Word parts, PDFs and nesting over the limits.

Each gives a SourceError of kind too_large or refused whose message names the limit.
How fast and in how much memory is measured by ``benchmarks/bombs.py``, not here.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from kamerbrief.errors import SourceError
from kamerbrief.sources.limits import Limits, limits, use_limits
from kamerbrief.sources.read import read_bytes
from tests.helpers import SEED_TOP

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MIB = 1024 * 1024


@contextmanager
def under(**changes: int) -> Iterator[Limits]:
    old = use_limits(replace(Limits(), **changes))
    try:
        yield limits()
    finally:
        use_limits(old)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _docx(text: str) -> bytes:
    body = f"<w:document {W}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": body.encode()})


def _raises(data: bytes, name: str, kind: str, *words: str) -> None:
    with pytest.raises(SourceError) as info:
        read_bytes(data, name)
    assert info.value.kind == kind, info.value.message
    for word in words:
        assert word in info.value.message


def test_the_defaults_are_far_beyond_a_letter() -> None:
    assert limits() == Limits()
    assert Limits().max_bytes == 64 * MIB and Limits().max_ratio == 200
    assert Limits().max_pages == 2000 and Limits().max_depth == 256


def test_a_docx_that_expands_beyond_the_ratio_is_refused() -> None:
    bomb = _docx("a" * (8 * MIB))  # 8 MiB of XML from a few kB
    assert len(bomb) < 40_000
    _raises(bomb, "bom.docx", "refused", "200 times", "compression ratio")


def test_a_docx_that_expands_beyond_the_size_limit_is_too_large() -> None:
    with under(max_unpacked=100_000, max_ratio=1_000_000):
        _raises(_docx("a" * 200_000), "bom.docx", "too_large", "limit of 100000")


def test_a_docx_nested_too_deep_is_too_large() -> None:
    deep = "<w:r>" * 300 + "<w:t>diep</w:t>" + "</w:r>" * 300
    body = f"<w:document {W}><w:body><w:p>{deep}</w:p></w:body></w:document>"
    data = _zip({"word/document.xml": body.encode()})
    _raises(data, "diep.docx", "too_large", "limit of 256")


def test_xml_and_html_nested_too_deep_are_too_large() -> None:
    xml = b"<kamerstuk>" + b"<al>" * 100_000 + b"diep" + b"</al>" * 100_000 + b"</kamerstuk>"
    _raises(xml, "diep.xml", "too_large", "limit of 256")
    html = "<html><body>" + "<div>" * 100_000 + "diep" + "</div>" * 100_000 + "</body></html>"
    _raises(html.encode(), "diep.html", "too_large", "limit of 256")
    with under(max_depth=10):
        _raises(b"<kamerstuk>" + b"<al>" * 12 + b"x" + b"</al>" * 12 + b"</kamerstuk>",
                "k.xml", "too_large", "limit of 10")  # fmt: skip


def test_nesting_bombs_of_tens_of_megabytes_give_too_large_records(tmp_path: Path) -> None:
    """Nesting bombs near the size limit, as files, through ``kamerbrief extract``."""
    from typer.testing import CliRunner

    from kamerbrief.cli import app

    n = 5 * MIB  # 40 MB of nested elements
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.xml").write_bytes(b"<kamerstuk>" + b"<al>" * n + b"x" + b"</al>" * n
                                   + b"</kamerstuk>")  # fmt: skip
    (folder / "b.xml").write_bytes(b"<?xml version='1.0'?><kamerstuk>" + b"<al>" * (2 * n))
    (folder / "c.html").write_bytes(b"<html><body>" + b"<div>" * n + b"x" + b"</div>" * n)
    word = f"<w:document {W}><w:body><w:p>".encode() + b"<w:r>" * (5 * MIB)
    (folder / "d.docx").write_bytes(_zip({"word/document.xml": word}))
    assert all(p.stat().st_size > 20 * MIB for p in folder.glob("*.*ml"))
    result = CliRunner().invoke(  # the Word file compresses well: --max-ratio lets it in
        app, ["extract", str(folder), "--jobs", "1", "--model", "blank:nl", "--timeout", "0",
              "--max-ratio", str(10**9)],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]["path"]).name for r in records] == ["a.xml", "b.xml", "c.html",
                                                                "d.docx"]  # fmt: skip
    for record in records:
        assert record["error"]["kind"] == "too_large", record["error"]
        assert "limit of 256" in record["error"]["message"]


def test_normal_nesting_is_read() -> None:
    xml = b"<kamerstuk>" + b"<al>" * 50 + b"diep" + b"</al>" * 50 + b"</kamerstuk>"
    assert read_bytes(xml, "k.xml").text == "diep\n"


def _pdf(pages: int) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(200, 200)
    buf = io.BytesIO()
    document.save(buf)
    document.close()
    return buf.getvalue()


def test_a_pdf_with_too_many_pages_or_objects_is_too_large() -> None:
    with under(max_pages=5):
        _raises(_pdf(6), "veel.pdf", "too_large", "6 pages", "limit of 5")
    with under(max_objects=5):
        _raises(_pdf(6), "veel.pdf", "too_large", "limit of 5")
    bomb = b"%PDF-1.4\n" + b"1 0 obj null endobj\n" * 600_000 + b"%%EOF\n"
    _raises(bomb, "objecten.pdf", "too_large", "600000 objects", "limit of 500000")


def _pdf_with_content(stream: bytes) -> bytes:
    """One page whose content stream is ``stream``, Flate-compressed."""
    packed = zlib.compress(stream, 9)
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>",
        b"<</Length %d/Filter/FlateDecode>>stream\n" % len(packed) + packed + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size 5/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_a_pdf_content_stream_bomb_is_too_large_before_its_page_is_loaded() -> None:
    # 2 million paths in a content stream of a few dozen kilobytes
    bomb = _pdf_with_content(b"0 0 m 1 1 l S\n" * 2_000_000)
    assert len(bomb) < 100_000
    _raises(bomb, "paden.pdf", "too_large", "compressed stream", "200 times")
    # a page of ordinary drawing, compressed as PDFs are, is read (it has no text layer)
    _raises(_pdf_with_content(b"0 0 m 1 1 l S\n" * 100), "lijnen.pdf", "empty")


def test_an_input_over_the_size_limit_is_too_large() -> None:
    with under(max_bytes=1000):
        _raises(SEED_TOP.read_bytes(), "brief.txt", "too_large", "limit of 1000")


# --- archive members ---------------------------------------------------------------------------


def test_a_zip_member_with_an_absurd_ratio_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from kamerbrief.batch.inputs import expand

    archive = tmp_path / "bom.zip"
    archive.write_bytes(_zip({"bom.txt": b"\0" * (60 * MIB), "goed.txt": SEED_TOP.read_bytes()}))
    assert archive.stat().st_size < 200_000
    inputs = list(expand([str(archive)]))
    assert [Path(i.path).name for i in inputs] == ["bom.txt", "goed.txt"]
    assert inputs[0].error is not None and inputs[0].error.kind == "refused"
    assert "200 times" in inputs[0].error.message and inputs[0].data is None
    assert inputs[1].error is None and inputs[1].data == SEED_TOP.read_bytes()


def test_a_zip_member_over_the_size_limit_is_too_large(tmp_path: Path) -> None:
    from kamerbrief.batch.inputs import expand

    archive = tmp_path / "groot.zip"
    archive.write_bytes(_zip({"groot.txt": SEED_TOP.read_bytes()}))
    with under(max_bytes=1000):
        (inp,) = expand([str(archive)])
    assert inp.error is not None and inp.error.kind == "too_large"
    assert "limit of 1000" in inp.error.message


def _understated(data: bytes, size: int) -> bytes:
    """The ZIP ``data`` with its first member's uncompressed size given as ``size`` in both
    the local header and the central directory: a header that lies."""
    out = bytearray(data)
    struct.pack_into("<I", out, out.find(b"PK\x03\x04") + 22, size)
    struct.pack_into("<I", out, out.find(b"PK\x01\x02") + 24, size)
    return bytes(out)


def test_a_member_whose_header_understates_its_size_is_not_read(tmp_path: Path) -> None:
    """Whatever the header says, no more comes out than it declared and the limits allow:
    the member that lies about its size gives an error, never its bytes."""
    from kamerbrief.batch.inputs import archive_members

    archive = tmp_path / "liegt.zip"
    archive.write_bytes(_understated(_zip({"x.txt": b"a" * (3 * MIB)}), 1000))
    with under(max_bytes=2 * MIB, max_ratio=10**9):
        (inp,) = archive_members(str(archive))
    assert inp.error is not None and inp.data is None
    assert inp.error.kind in ("too_large", "refused", "unreadable"), inp.error.message
    document = f"<w:document {W}><w:body><w:p><w:r><w:t>{'a' * (3 * MIB)}</w:t></w:r></w:p>"
    word = _understated(_zip({"word/document.xml": document.encode()}), 1000)
    with under(max_unpacked=2 * MIB, max_ratio=10**9), pytest.raises(SourceError) as info:
        read_bytes(word, "liegt.docx")
    assert info.value.kind in ("too_large", "refused", "unreadable"), info.value.message


def test_the_limits_are_options_of_extract(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kamerbrief.cli import app

    archive = tmp_path / "a.zip"
    archive.write_bytes(_zip({"bom.txt": b"a" * (2 * MIB), "diep.xml": b"<a>" * 20 + b"</a>" * 20}))
    result = CliRunner().invoke(
        app, ["extract", str(archive), "--jobs", "1", "--model", "blank:nl",
              "--max-ratio", "10", "--max-depth", "10", "--timeout", "60"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    records = [__import__("json").loads(line) for line in result.stdout.splitlines()]
    assert [r["error"]["kind"] for r in records] == ["refused", "too_large"]
    assert "10 times" in records[0]["error"]["message"]
    assert "limit of 10" in records[1]["error"]["message"]
    assert limits() == Limits()  # the run's limits end with it


def _corrupt_deflate(data: bytes) -> bytes:
    """``data`` (a ZIP) with bytes of word/document.xml's deflate stream changed so that
    zlib itself fails ("invalid distance too far back" and the like), not the CRC check."""
    import random
    import zlib

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    rng = random.Random(19)
    for _ in range(2000):
        out = bytearray(data)
        for _ in range(4):
            out[start + rng.randrange(min(info.compress_size, 400))] = rng.randrange(256)
        try:
            with zipfile.ZipFile(io.BytesIO(bytes(out))) as zf, zf.open(info.filename) as fh:
                fh.read()
        except zlib.error:
            return bytes(out)
        except Exception:  # another failure: try other bytes
            continue
    raise AssertionError("no corruption found")


def test_a_docx_whose_deflate_stream_is_damaged_is_unreadable(tmp_path: Path) -> None:
    """The fuzzer's find: zlib.error is no OSError, and escaped as a crash of the worker."""
    from kamerbrief.batch.inputs import expand
    from tests.helpers import LETTERS

    damaged = _corrupt_deflate(next(LETTERS.glob("**/*.docx")).read_bytes())
    _raises(damaged, "kapot.docx", "unreadable", "cannot read word/document.xml")
    archive = tmp_path / "a.zip"
    archive.write_bytes(damaged)  # the same damage in an archive member
    inputs = list(expand([str(archive)]))
    assert inputs and all(i.error is None or i.error.kind == "unreadable" for i in inputs)


def test_a_tar_gz_member_with_an_absurd_ratio_is_refused_while_it_is_read(tmp_path: Path) -> None:
    import tarfile

    from kamerbrief.batch.inputs import archive_members

    archive = tmp_path / "bom.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as tf:
        for name, data in (("bom.txt", b"\0" * (40 * MIB)), ("goed.txt", SEED_TOP.read_bytes())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    assert archive.stat().st_size < 200_000
    bomb, good = archive_members(str(archive))
    assert bomb.error is not None and bomb.error.kind == "refused"
    assert "200 times" in bomb.error.message and bomb.data is None
    assert good.error is None and good.data == SEED_TOP.read_bytes()
