"""Reading inputs: bytes from a file or stdin, checked and decoded to text.

Text files come as UTF-8 (with or without BOM), UTF-16 with BOM, or the
Windows and ISO Latin encodings (cp1252, latin-1) of older letters. Other
formats are recognised by their content first, by their name where the content
leaves it open:

- Word (.docx): a ZIP archive with ``word/document.xml`` (:mod:`kamerbrief.sources.docx`);
- PDF with a text layer: ``%PDF-`` (:mod:`kamerbrief.sources.pdf`);
- officielebekendmakingen XML: ``<?xml`` or a known root element; its
  ``<meta>`` values come along in :attr:`SourceText.meta` (:mod:`kamerbrief.sources.xml_source`);
- HTML pages: a doctype or ``<html>`` element, or a ``.html``/``.htm`` name;
  only the document body is read (:mod:`kamerbrief.sources.html_source`).

An input that cannot give text raises :class:`SourceError` with a kind the
error record carries: missing, unreadable, empty, binary, undecodable, too_large.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from kamerbrief.errors import SourceError
from kamerbrief.sources.docx import ZIP_MAGIC, DocxError, NotWordFile, docx_text
from kamerbrief.sources.html_source import html_text, looks_like_html
from kamerbrief.sources.limits import Limits, limits
from kamerbrief.sources.pdf import PDF_MAGIC, PdfError, pdf_text
from kamerbrief.sources.xml_source import ROOTS, XmlSourceError, root_name, xml_document

MAX_BYTES = Limits.max_bytes  # the default; the limit in force is limits().max_bytes

_BINARY_MAGIC = {
    b"%PDF-": "a PDF file",
    b"PK\x03\x04": "a ZIP or Office file (not supported yet; Word .docx files are)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive (not supported yet)",
    b"\x7fELF": "an executable",
}


@dataclass(frozen=True)
class SourceText:
    """A decoded input: its text and, for XML, the publication's metadata."""

    path: str
    sha256: str
    text: str
    encoding: str
    format: str = "txt"
    # <meta name> -> content, plus the keys of kamerbrief.sources.xml_source.META_KEYS
    # ("identifier", "dossiernummer", "ondernummer", "vergaderjaar", "date", "ministry", ...).
    meta: dict[str, str] = field(default_factory=dict)


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


def _suffix(path: str) -> str:
    return PurePath(path.replace("\\", "/")).suffix.lower()


def _pdf_source(data: bytes, path: str, digest: str) -> SourceText:
    try:
        text = pdf_text(data)
    except PdfError as exc:
        raise SourceError(exc.kind, exc.message, digest) from None
    return SourceText(path=path, sha256=digest, text=text, encoding="utf-8", format="pdf")


def _markup_source(
    data: bytes, text: str, encoding: str, path: str, digest: str
) -> SourceText | None:
    """The source of an XML or HTML input, None if ``text`` is neither."""
    suffix = _suffix(path)
    stripped = text.lstrip("\ufeff \t\r\n")
    root = root_name(stripped)
    if looks_like_html(stripped) or (
        suffix in (".html", ".htm") and stripped.startswith("<") and root not in ROOTS
    ):
        try:
            body = html_text(text)
        except SourceError as exc:
            raise SourceError(exc.kind, exc.message, digest) from None
        if not body.strip():
            raise SourceError("empty", "the HTML page has no document text", digest)
        return SourceText(path=path, sha256=digest, text=body, encoding=encoding, format="html")
    if root is not None and (stripped.startswith("<?xml") or root in ROOTS or suffix == ".xml"):
        try:
            document = xml_document(data)
        except XmlSourceError as exc:
            raise SourceError(exc.kind, exc.message, digest) from None
        if not document.text.strip():
            raise SourceError("empty", "the XML file has no text", digest)
        return SourceText(
            path=path,
            sha256=digest,
            text=document.text,
            encoding=encoding,
            format="xml",
            meta=document.meta,
        )
    return None


def read_bytes(data: bytes, path: str) -> SourceText:
    """Check and decode ``data`` read from ``path`` ("-" for stdin)."""
    digest = sha256_of(data)
    max_bytes = limits().max_bytes
    if len(data) > max_bytes:
        raise SourceError(
            "too_large", f"the input has {len(data)} bytes, over the limit of {max_bytes}", digest
        )
    if data.startswith(ZIP_MAGIC):
        try:
            text = docx_text(data, limits().max_unpacked)
        except NotWordFile:
            pass  # another ZIP or Office file: decode() says what it is
        except DocxError as exc:
            raise SourceError(exc.kind, exc.message, digest) from None
        else:
            if not text.strip():
                raise SourceError("empty", "the Word file has no text", digest)
            return SourceText(path=path, sha256=digest, text=text, encoding="utf-8", format="docx")
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(PDF_MAGIC):
        return _pdf_source(data, path, digest)
    if _suffix(path) == ".pdf" and data.strip():
        raise SourceError("unreadable", "the file is named .pdf but is not a PDF", digest)
    text, encoding = decode(data, digest)
    markup = _markup_source(data, text, encoding, path, digest)
    if markup is not None:
        return markup
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
    max_bytes = limits().max_bytes
    if size > max_bytes:
        raise SourceError("too_large", f"the input has {size} bytes, over the limit of {max_bytes}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise SourceError("unreadable", f"cannot read {p}: {exc.strerror}") from None
    return read_bytes(data, str(path))
