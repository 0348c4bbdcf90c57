"""Text of a Word file (.docx) with the standard library only: zipfile and ElementTree.

The text is the paragraphs of ``word/document.xml`` in reading order, one line
each (tables cell by cell; ``w:tab`` is a tab, ``w:br`` and ``w:cr`` a line
break), then the footnotes of ``word/footnotes.xml`` after a blank line, each
footnote as its own lines and the footnotes apart by a blank line, numbered as
Word numbers them: in the order the body refers to them.

A docx is untrusted input: members are read no further than a size limit
whatever their headers say, a document that declares a DOCTYPE is rejected
(so no entities, internal or external, are ever expanded), and every failure
raises :class:`DocxError` with an error kind of the record
(``unreadable``, ``binary``, ``too_large``).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator

from kamerbrief.errors import ErrorKind, SourceError
from kamerbrief.sources.limits import limits, ratio_over

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCUMENT = "word/document.xml"
FOOTNOTES = "word/footnotes.xml"
ZIP_MAGIC = b"PK\x03\x04"
# Footnotes Word writes for its own use: the separator lines above the notes.
_SPECIAL_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
# Inside a paragraph: text of nested paragraphs (text boxes) is read as lines of its own.
_NESTED = frozenset({f"{W}txbxContent", _MC_FALLBACK})


class DocxError(SourceError):
    """A .docx (or a ZIP that claims to be one) that gives no text."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(kind, message)


class NotWordFile(DocxError):
    """A ZIP archive without ``word/document.xml``."""

    def __init__(self) -> None:
        super().__init__("binary", "the input is a ZIP file without word/document.xml")


class _Doctype(Exception):
    pass


class _TooDeep(Exception):
    pass


class _NoDoctype(ET.TreeBuilder):
    """A tree builder that stops at a DOCTYPE (docx parts never have one) and at nesting
    deeper than the limit, and counts the tags it sees (see :func:`_feed`)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.max_depth = limits().max_depth
        self.events = 0

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _Doctype(name)

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:  # type: ignore[override]
        self.depth += 1
        self.events += 1
        if self.depth > self.max_depth:
            raise _TooDeep
        return super().start(tag, attrs)

    def end(self, tag: str) -> ET.Element:  # type: ignore[override]
        self.depth -= 1
        self.events += 1
        return super().end(tag)


def _open(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise DocxError("unreadable", f"the input is a damaged ZIP or Office file: {exc}") from None


def _read_member(archive: zipfile.ZipFile, name: str, budget: int) -> bytes:
    """The bytes of member ``name``, at most ``budget`` of them (headers are not trusted).

    Read in steps: the compression ratio is checked on what really comes out.
    """
    info = archive.getinfo(name)
    max_ratio = limits().max_ratio
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while True:
                chunk = member.read(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > budget:
                    raise DocxError(
                        "too_large", f"{name} unpacks to more than the limit of {budget} bytes"
                    )
                if ratio_over(size, info.compress_size, max_ratio):
                    raise DocxError("refused", _ratio_message(name, max_ratio))
    except (
        zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
        OSError,
    ) as exc:  # fmt: skip
        raise DocxError("unreadable", f"cannot read {name} from the Word file: {exc}") from None
    return b"".join(chunks)


def _ratio_message(name: str, max_ratio: int) -> str:
    return (
        f"{name} unpacks to more than {max_ratio} times its compressed size"
        f" (the limit of the compression ratio): a ZIP bomb? It was not read"
    )


class UnsafeXmlError(SourceError):
    """XML that is not well-formed or declares a DOCTYPE."""

    def __init__(self, message: str, doctype: bool = False, too_deep: bool = False) -> None:
        super().__init__("too_large" if too_deep else "unreadable", message)
        self.doctype = doctype


# Bytes given to expat at a time: see _feed.
_CHUNK = 64 * 1024
_MAX_CHUNK = 2 * 1024 * 1024


def _feed(parser: ET.XMLParser, target: _NoDoctype, data: bytes) -> None:
    """Give ``data`` to ``parser`` in chunks, so that a refusal stops the parse at once.

    Fed whole, expat goes on to the end of the buffer after a handler raised (it
    no longer calls the handlers, but still tokenizes and keeps every open tag):
    a 63 MB nesting bomb took 4 s and 1 GB before it was refused. In chunks of
    64 KiB it stops within the chunk. But expat before 2.6 scans a token that a
    chunk leaves unfinished (a long comment or attribute value) again from its
    start on every feed, quadratic time in small fixed chunks; so a chunk that
    gave no tag doubles the next one (up to 2 MiB), and a tag resets it. After a
    refusal expat reads at most the rest of one chunk.
    """
    view = memoryview(data)
    size, pos = _CHUNK, 0
    while pos < len(view):
        seen = target.events
        parser.feed(view[pos : pos + size])
        pos += size
        size = _CHUNK if target.events != seen else min(2 * size, _MAX_CHUNK)


def parse_untrusted_xml(data: bytes, name: str) -> ET.Element:
    """The root element of the XML ``data``, refusing any DOCTYPE.

    A DOCTYPE is where entities are declared, so refusing it means no entity,
    internal (billion laughs) or external (a file or URL), is ever expanded.
    Nesting deeper than the limit stops the parse within one chunk (:func:`_feed`).
    Raises :class:`UnsafeXmlError`; ``name`` is what its message calls the input.
    """
    target = _NoDoctype()
    parser = ET.XMLParser(target=target)
    try:
        _feed(parser, target, data)
        return parser.close()
    except _Doctype:
        raise UnsafeXmlError(f"{name} declares a DOCTYPE", doctype=True) from None
    except _TooDeep:
        limit = limits().max_depth
        raise UnsafeXmlError(
            f"{name} nests elements deeper than the limit of {limit}", too_deep=True
        ) from None
    except ET.ParseError as exc:
        raise UnsafeXmlError(f"{name} is not well-formed XML: {exc}") from None


def _parse_xml(data: bytes, name: str) -> ET.Element:
    try:
        return parse_untrusted_xml(data, name)
    except UnsafeXmlError as exc:
        message = f"{exc.message}: not a Word file" if exc.doctype else exc.message
        raise DocxError(exc.kind, message) from None


def _paragraph_lines(p: ET.Element) -> Iterator[str]:
    """The text of paragraph ``p``, then the paragraphs of its text boxes."""
    parts: list[str] = []
    nested: list[ET.Element] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}txbxContent":
                nested.append(child)
            elif tag == _MC_FALLBACK:
                continue  # the same content as the mc:Choice read before it
            else:
                walk(child)

    walk(p)
    yield "".join(parts)
    for box in nested:
        yield from _block_lines(box)


def _block_lines(el: ET.Element) -> Iterator[str]:
    """Lines of the paragraphs under ``el`` (body, table cells, notes) in order."""
    for child in el:
        if child.tag == f"{W}p":
            yield from _paragraph_lines(child)
        elif child.tag not in _NESTED:
            yield from _block_lines(child)


def _note_order(body: ET.Element) -> dict[str, int]:
    """Footnote id -> the number Word prints: the order of first reference in the body."""
    order: dict[str, int] = {}
    for ref in body.iter(f"{W}footnoteReference"):
        note_id = ref.get(f"{W}id")
        if note_id is not None and note_id not in order:
            order[note_id] = len(order) + 1
    return order


def _footnotes(root: ET.Element, order: dict[str, int]) -> list[str]:
    notes: list[tuple[int, str]] = []
    for position, note in enumerate(root.iter(f"{W}footnote")):
        if note.get(f"{W}type") in _SPECIAL_NOTES:
            continue
        lines = [line for line in _block_lines(note) if line.strip()]
        if not lines:
            continue
        number = order.get(note.get(f"{W}id") or "")
        if number is not None:
            lines[0] = f"{number} {lines[0].lstrip()}"
        notes.append((number if number is not None else len(order) + position, "\n".join(lines)))
    return [text for _, text in sorted(notes, key=lambda n: n[0])]


def docx_text(data: bytes, max_bytes: int) -> str:
    """The text of the Word file ``data``; members may unpack to ``max_bytes`` in all.

    Raises :class:`DocxError`: :class:`NotWordFile` ("binary") for a ZIP that is
    not a Word file, "unreadable" for a damaged archive or XML, "too_large" for
    members that unpack beyond the limit (a ZIP bomb).
    """
    with _open(data) as archive:
        infos = {info.filename: info for info in archive.infolist()}
        if DOCUMENT not in infos:
            raise NotWordFile
        wanted = [name for name in (DOCUMENT, FOOTNOTES) if name in infos]
        declared = sum(infos[name].file_size for name in wanted)
        if declared > max_bytes:
            raise DocxError(
                "too_large",
                f"the Word file unpacks to {declared} bytes, over the limit of {max_bytes}",
            )
        max_ratio = limits().max_ratio
        for name in wanted:
            if ratio_over(infos[name].file_size, infos[name].compress_size, max_ratio):
                raise DocxError("refused", _ratio_message(name, max_ratio))
        budget = max_bytes
        document = _read_member(archive, DOCUMENT, budget)
        budget -= len(document)
        notes = _read_member(archive, FOOTNOTES, budget) if FOOTNOTES in infos else None
    root = _parse_xml(document, DOCUMENT)
    body = root.find(f"{W}body")
    if root.tag != f"{W}document" or body is None:
        raise DocxError("unreadable", f"{DOCUMENT} has no w:document/w:body")
    text = "\n".join(_block_lines(body))
    if notes is not None:
        footnotes = _footnotes(_parse_xml(notes, FOOTNOTES), _note_order(body))
        if footnotes:
            text = text.rstrip("\n") + "\n\n" + "\n\n".join(footnotes)
    return text + "\n"
