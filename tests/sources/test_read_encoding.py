"""Inputs are decoded whatever their encoding; bad inputs give a clear error kind."""

from __future__ import annotations

import pytest

from kamerbrief.sources.read import SourceError, decode, read_path

LETTER = "Den Haag, 25 maart 2015\n\nDe Minister van Financiën heeft één «toezegging» gedaan.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (LETTER.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + LETTER.encode("utf-8"), "utf-8"),
        (LETTER.encode("utf-16"), "utf-16"),
        (LETTER.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert text.lstrip("\ufeff") == LETTER
    assert found == encoding


def test_latin1_without_cp1252_characters_reads_right() -> None:
    text, _ = decode("Financiën en één\n".encode("latin-1"))
    assert text == "Financiën en één\n"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary"),
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        (bytes(range(0x80, 0xA0)) * 50, "undecodable"),
    ],
)
def test_bad_inputs_raise_with_a_kind(data: bytes, kind: str) -> None:
    with pytest.raises(SourceError) as info:
        decode(data)
    assert info.value.kind == kind


def test_missing_file_is_an_error_kind(tmp_path) -> None:
    with pytest.raises(SourceError) as info:
        read_path(tmp_path / "nope.txt")
    assert info.value.kind == "missing"
