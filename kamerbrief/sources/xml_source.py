"""Text and metadata of an officielebekendmakingen Kamerstuk in XML.

The publication XML (root ``<officiele-publicatie>``, or a bare ``<kamerstuk>``)
holds ``<metadata>`` with ``<meta name="DC.identifier" content="kst-..."/>``
and the like, and a body of elements such as ``<kop>``, ``<titel>``,
``<tussenkop>``, ``<al>`` (a paragraph) and ``<noot>`` (a footnote inside a
paragraph). The text is the body, one line per block element (headings are
lines of their own), with the footnotes after a blank line, each as
"number text", as the Word reader (:mod:`kamerbrief.sources.docx`) gives them.

The metadata come out as a dict: every ``<meta>`` by its own name, and the
keys of :data:`META_KEYS` filled from the usual names or, failing those, from
the body (``<dossiernr>``, ``<ondernummer>``, ...).

The XML is parsed with the safe parser of :mod:`kamerbrief.sources.docx`: a DOCTYPE is
refused, so no entity is ever expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from kamerbrief.errors import ErrorKind, SourceError
from kamerbrief.sources.docx import UnsafeXmlError, parse_untrusted_xml

# Roots of officielebekendmakingen publications that this reader knows by name.
ROOTS = frozenset(
    {"officiele-publicatie", "kamerstuk", "kamervragen", "handelingen", "aanhangsel", "stcrt"}
)
# Canonical metadata keys -> the <meta> names that give them, in order of preference.
META_KEYS: dict[str, tuple[str, ...]] = {
    "identifier": ("DC.identifier", "OVERHEIDop.identifier"),
    "dossiernummer": ("OVERHEIDop.dossiernummer", "dossiernummer"),
    "ondernummer": ("OVERHEIDop.ondernummer", "ondernummer"),
    "vergaderjaar": ("OVERHEIDop.vergaderjaar", "vergaderjaar"),
    "date": ("OVERHEIDop.datumOndertekening", "DCTERMS.issued", "DCTERMS.available", "DC.date"),
    "ministry": ("OVERHEID.authority", "DC.creator", "OVERHEIDop.indiener"),
    "title": ("DC.title",),
    "type": ("DC.type", "OVERHEIDop.documenttype"),
}
# Body elements that give a metadata key when no <meta> does.
_BODY_KEYS = {
    "dossiernummer": "dossiernr",
    "ondernummer": "ondernummer",
    "vergaderjaar": "vergaderjaar",
}
# Elements read as part of the line around them.
_INLINE = frozenset(
    """nadruk extref intref sup inf sub super vet cursief onderstreept ref nootref
    voornaam tussenvoegsel achternaam functie unicode afkorting""".split()
)
_SKIP = frozenset({"metadata", "meta", "noot.nr"})
# Nesting beyond this is read as plain text: no recursion on hostile input.
_MAX_DEPTH = 100
_SPACE = re.compile(r"\s+")


class XmlSourceError(SourceError):
    """XML that gives no text."""

    def __init__(self, message: str, kind: ErrorKind = "unreadable") -> None:
        super().__init__(kind, message)


@dataclass(frozen=True)
class XmlDocument:
    text: str
    meta: dict[str, str]


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""  # a comment or processing instruction
    return tag.rsplit("}", 1)[-1]


def _spaced(tag: str, text: str) -> str:
    """Name parts stand side by side without spaces: "<voornaam>E.J.</voornaam><achternaam>"."""
    return f" {text} " if tag in ("voornaam", "tussenvoegsel", "achternaam") else text


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


class _Reader:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.notes: list[str] = []

    def block(self, el: ET.Element, depth: int = 0) -> None:
        """Lines of block element ``el``: its inline text, its blocks in between."""
        parts: list[str] = [el.text or ""]
        for child in el:
            tag = _local(child.tag)
            if tag in _SKIP or not tag:
                pass
            elif tag == "noot":
                self.note(child)
            elif depth >= _MAX_DEPTH:
                parts.append("".join(child.itertext()))
            elif tag in _INLINE:
                parts.append(_spaced(tag, self.inline(child, depth + 1)))
            else:
                self.line(parts)
                self.block(child, depth + 1)
                parts = []
            parts.append(child.tail or "")
        self.line(parts)

    def inline(self, el: ET.Element, depth: int) -> str:
        parts = [el.text or ""]
        for child in el:
            tag = _local(child.tag)
            if tag == "noot":
                self.note(child)
            elif tag and tag not in _SKIP:
                text = (
                    "".join(child.itertext())
                    if depth >= _MAX_DEPTH
                    else self.inline(child, depth + 1)
                )
                parts.append(_spaced(tag, text))
            parts.append(child.tail or "")
        return "".join(parts)

    def line(self, parts: list[str]) -> None:
        text = _clean("".join(parts))
        if text:
            self.lines.append(text)

    def note(self, el: ET.Element) -> None:
        number = next(
            (_clean("".join(n.itertext())) for n in el.iter() if _local(n.tag) == "noot.nr"), ""
        )
        body = _clean(" ".join("".join(c.itertext()) for c in el if _local(c.tag) != "noot.nr"))
        if not body:
            body = _clean(el.text or "")
        if body:
            number = number or str(len(self.notes) + 1)
            self.notes.append(f"{number} {body}")


def _metadata(root: ET.Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in root.iter():
        if _local(el.tag) == "meta":
            name, content = el.get("name"), el.get("content")
            if name and content and name not in meta:
                meta[name] = _clean(content)
    for key, names in META_KEYS.items():
        value = next((meta[n] for n in names if meta.get(n)), None)
        if value is None and key in _BODY_KEYS:
            el = next((e for e in root.iter() if _local(e.tag) == _BODY_KEYS[key]), None)
            value = _clean("".join(el.itertext())) if el is not None else None
        if value:
            meta.setdefault(key, value)
    return meta


def xml_document(data: bytes) -> XmlDocument:
    """Text and metadata of the XML publication ``data``; raises :class:`XmlSourceError`."""
    try:
        root = parse_untrusted_xml(data, "the XML file")
    except UnsafeXmlError as exc:
        message = (
            f"{exc.message}: refused (no entities are expanded)" if exc.doctype else exc.message
        )
        raise XmlSourceError(message, exc.kind) from None
    reader = _Reader()
    reader.block(root)
    text = "\n".join(reader.lines)
    if reader.notes:
        text += "\n\n" + "\n".join(reader.notes)
    return XmlDocument(text + "\n" if text else "", _metadata(root))


def root_name(text: str) -> str | None:
    """The local name of the first element of decoded XML text, or None if it is not XML."""
    head = text.lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return None
    for m in re.finditer(r"<(?![?!/])([\w.:-]+)", head[:4096]):
        return m.group(1).rsplit(":", 1)[-1]
    return None
