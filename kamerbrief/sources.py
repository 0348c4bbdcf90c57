"""Reading inputs: bytes from a file or stdin, checked and decoded to text.

Text files come as UTF-8 (with or without BOM), UTF-16 with BOM, or the
Windows and ISO Latin encodings (cp1252, latin-1) of older letters. Word files
(.docx) are recognised by their content, a ZIP archive with a
``word/document.xml``, whatever their name, and read by :mod:`kamerbrief.docx`.
An input that cannot give text raises :class:`SourceError` with a kind the
error record carries: missing, unreadable, empty, binary, undecodable, too_large.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kamerbrief.docx import ZIP_MAGIC, DocxError, NotWordFile, docx_text

MAX_BYTES = 64 * 1024 * 1024  # far beyond any letter; guards against mistakes

_BINARY_MAGIC = {
    b"%PDF-": "a PDF file (PDF input is not supported yet; use its extracted text)",
    b"PK\x03\x04": "a ZIP or Office file (not supported yet; Word .docx files are)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive (not supported yet)",
    b"\x7fELF": "an executable",
}


class SourceError(Exception):
    """An input that gives no text."""

    def __init__(self, kind: str, message: str, sha256: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.sha256 = sha256


@dataclass(frozen=True)
class SourceText:
    path: str
    sha256: str
    text: str
    encoding: str
    format: str = "txt"


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(
        1
        for ch in sample
        if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f"
    )
    return bad / len(sample)


def decode(data: bytes, sha256: str | None = None) -> tuple[str, str]:
    """(text, encoding) for the bytes of a text file; raises SourceError."""
    if not data.strip():
        raise SourceError("empty", "the input is empty", sha256)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise SourceError("binary", f"the input is {what}, not text", sha256)
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data[:8192]:
            raise SourceError(
                "binary", "the input contains NUL bytes: it is binary, not text", sha256
            )
        candidates = ["utf-8", "cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > 0.01:
            kind = "binary" if encoding == "utf-8" else "undecodable"
            raise SourceError(kind, f"the input is not readable text ({encoding})", sha256)
        if not text.strip():
            raise SourceError("empty", "the input has no text", sha256)
        return text, encoding.replace("-sig", "")
    raise SourceError(
        "undecodable", "the input is not UTF-8, UTF-16, cp1252 or latin-1 text", sha256
    )


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(data: bytes, path: str) -> SourceText:
    """Check and decode ``data`` read from ``path`` ("-" for stdin)."""
    digest = sha256_of(data)
    if len(data) > MAX_BYTES:
        raise SourceError("too_large", f"the input has {len(data)} bytes, over {MAX_BYTES}", digest)
    if data.startswith(ZIP_MAGIC):
        try:
            text = docx_text(data, MAX_BYTES)
        except NotWordFile:
            pass  # another ZIP or Office file: decode() says what it is
        except DocxError as exc:
            raise SourceError(exc.kind, exc.message, digest) from None
        else:
            if not text.strip():
                raise SourceError("empty", "the Word file has no text", digest)
            return SourceText(path=path, sha256=digest, text=text, encoding="utf-8", format="docx")
    text, encoding = decode(data, digest)
    return SourceText(path=path, sha256=digest, text=text, encoding=encoding)


def read_path(path: str | Path) -> SourceText:
    """Read and decode the file at ``path``; raises SourceError."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise SourceError("missing", f"no such file: {p}") from None
    except OSError as exc:
        raise SourceError("unreadable", f"cannot read {p}: {exc.strerror}") from None
    if p.is_dir():
        raise SourceError("unreadable", f"{p} is a directory")
    if size > MAX_BYTES:
        raise SourceError("too_large", f"the input has {size} bytes, over {MAX_BYTES}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise SourceError("unreadable", f"cannot read {p}: {exc.strerror}") from None
    return read_bytes(data, str(path))
