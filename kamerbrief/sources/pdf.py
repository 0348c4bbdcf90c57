"""Text of a PDF's text layer with pypdfium2, laid out the way pdftotext does it.

PDFium gives the characters of a page in content order with its own line
breaks. The text is rebuilt from the characters' boxes, so that it reads like
the ``pdftotext`` extractions the parser was built on: PDFium's spaces (but
none before punctuation), a space before a raised footnote number, a line
split where text jumps far to the right or back, a line that PDFium broke
only for a superscript joined again, a blank line between blocks (a wide gap
between lines, or lines that do not overlap), and a form feed after each page.

A PDF is untrusted input: every failure raises :class:`PdfError` with an error
kind of the record: ``unreadable`` (damaged or encrypted), ``empty`` (no text
layer, e.g. a scan), ``too_large`` (more pages or objects than the limits of
:mod:`kamerbrief.sources.limits`).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from kamerbrief.errors import ErrorKind, SourceError
from kamerbrief.sources.limits import limits, ratio_over

PDF_MAGIC = b"%PDF-"
# Gap within one line, in units of the font size, that splits it into two.
_SPLIT_GAP = 3.0
# Distance between baselines, in units of the font size, above which a new block begins.
_BLOCK_PITCH = 1.9
# A glyph this much smaller than the one before it is a superscript: "aangeboden 1".
_SUPERSCRIPT = 0.8
# PDFium's mark for a hyphen at a line end; the normaliser decides whether it stays.
_SOFT_HYPHEN = "\ufffe"


class PdfError(SourceError):
    """A PDF that gives no text."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(kind, message)


@dataclass
class _Line:
    text: str
    left: float
    bottom: float
    right: float
    size: float


def _glyph_size(raw: object, tp: object, k: int, bottom: float, top: float) -> float:
    """The font size of glyph ``k``; the box height where the PDF scales a size-1 font."""
    size = raw.FPDFText_GetFontSize(tp, k)  # type: ignore[attr-defined]
    return size if size > 1.5 else max(top - bottom, 1.0)


def _page_lines(textpage: object) -> list[_Line]:
    """The lines of one page in PDFium's order, with their boxes."""
    import pypdfium2.raw as raw

    tp = textpage
    count = tp.count_chars()  # type: ignore[attr-defined]
    text = tp.get_text_range(0, count) if count else ""  # type: ignore[attr-defined]
    lines: list[_Line] = []
    cur: _Line | None = None
    broken = False  # PDFium ended a line: the next glyph may still continue it
    # Right edge, baseline and size of the last glyph.
    prev: tuple[float, float, float] | None = None

    def flush() -> None:
        nonlocal cur
        if cur is not None and cur.text.strip():
            cur.text = cur.text.strip()
            lines.append(cur)
        cur = None

    n = min(count, len(text))
    for k in range(n):
        ch = text[k]
        if ch in "\r\n":
            broken = True
            continue
        generated = raw.FPDFText_IsGenerated(tp, k)
        if ch.isspace():
            # PDFium's guessed space before punctuation is none ("V.L.W .A."); pdftotext agrees.
            nxt = text[k + 1] if k + 1 < n else ""
            if cur is not None and not (generated and nxt in ".,;:)"):
                cur.text = cur.text.rstrip(" ") + " "
            continue
        left, bottom, right, top = tp.get_charbox(k, loose=True)  # type: ignore[attr-defined]
        size = _glyph_size(raw, tp, k, bottom, top)
        if cur is not None and prev is not None:
            gap = left - prev[0]
            em = max(size, prev[2])
            same_line = abs(bottom - prev[1]) < 0.6 * em and -0.5 * em < gap < _SPLIT_GAP * em
            if broken and not same_line:
                flush()
            elif broken and gap > 0.15 * em and not cur.text.endswith(" "):
                cur.text += " "  # the line goes on after a superscript
            elif gap > _SPLIT_GAP * em or gap < -em:
                flush()
            elif (
                size < _SUPERSCRIPT * prev[2]
                and bottom > prev[1] + 0.15 * em
                and cur.text[-1:].isalnum()
            ):
                cur.text += " "  # a raised footnote number: "aangeboden 1."
        broken = False
        if cur is None:
            cur = _Line("", left, bottom, right, size)
        cur.text += "-" if ch == _SOFT_HYPHEN else ch
        cur.left = min(cur.left, left)
        cur.right = max(cur.right, right)
        cur.size = max(cur.size, size)
        if size >= cur.size:
            cur.bottom = min(cur.bottom, bottom) if len(cur.text) > 1 else bottom
        prev = (right, bottom, size)
    flush()
    return lines


def _page_text(lines: list[_Line]) -> str:
    out: list[str] = []
    last: _Line | None = None
    for line in lines:
        if last is not None:
            em = max(line.size, last.size)
            pitch = last.bottom - line.bottom
            overlap = min(line.right, last.right) - max(line.left, last.left)
            if pitch > _BLOCK_PITCH * em or pitch < 0.3 * em or overlap <= 0:
                out.append("")
        out.append(line.text)
        last = line
    return "\n".join(out) + "\n" if out else ""


_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_CHUNK = 64 * 1024


def _check_streams(data: bytes, max_ratio: int) -> None:
    """Refuse a PDF whose compressed (Flate) stream unpacks beyond ``max_ratio`` times its
    size ("too_large"), unpacked in chunks and thrown away before PDFium loads a page, so
    that a content-stream bomb of a few kilobytes never fills memory."""
    for m in _STREAM.finditer(data):
        if b"FlateDecode" not in data[max(0, m.start() - 300) : m.start()]:
            continue
        unpacker = zlib.decompressobj()
        pos, size = m.end(), 0
        try:
            while not unpacker.eof and pos < len(data):
                pending = data[pos : pos + _CHUNK]
                pos += len(pending)
                while pending and not unpacker.eof:
                    size += len(unpacker.decompress(pending, _CHUNK))
                    pending = unpacker.unconsumed_tail
                    if ratio_over(size, pos - m.end() - len(pending), max_ratio):
                        raise PdfError(
                            "too_large",
                            f"a compressed stream of the PDF unpacks to more than {max_ratio}"
                            " times its size (the limit)",
                        )
        except zlib.error:
            continue  # no Flate data after all: PDFium judges the stream


def pdf_text(data: bytes) -> str:
    """The text layer of the PDF ``data``, each page ended by a form feed.

    Raises :class:`PdfError`: "unreadable" for a damaged or encrypted PDF,
    "empty" for a PDF without a text layer (a scan).
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    lim = limits()
    declared = data.count(b"endobj")  # objects in the file, before PDFium reads any
    if declared > lim.max_objects:
        raise PdfError(
            "too_large", f"the PDF has {declared} objects, over the limit of {lim.max_objects}"
        )
    _check_streams(data, lim.max_ratio)
    try:
        document = pdfium.PdfDocument(data)
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        raise PdfError("unreadable", f"the input is a damaged or encrypted PDF: {exc}") from None
    pages: list[str] = []
    objects = 0
    try:
        n_pages = len(document)
        if n_pages > lim.max_pages:
            raise PdfError(
                "too_large", f"the PDF has {n_pages} pages, over the limit of {lim.max_pages}"
            )
        for index in range(n_pages):
            page = document[index]
            objects += max(0, raw.FPDFPage_CountObjects(page.raw))
            if objects > lim.max_objects:
                page.close()
                raise PdfError(
                    "too_large",
                    f"the PDF's pages hold more than {lim.max_objects} objects (the limit)",
                )
            textpage = page.get_textpage()
            try:
                pages.append(_page_text(_page_lines(textpage)))
            finally:
                textpage.close()
                page.close()
    except PdfError:
        raise
    except Exception as exc:  # PDFium on hostile input: any failure is an unreadable PDF
        raise PdfError("unreadable", f"cannot read the PDF's pages: {exc}") from None
    finally:
        document.close()
    if not any(p.strip() for p in pages):
        raise PdfError(
            "empty", "the PDF has no text layer (a scanned document?): no text to extract"
        )
    return "".join(page + "\f" for page in pages)
