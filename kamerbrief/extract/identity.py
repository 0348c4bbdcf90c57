"""The document's own Kamerstuk: its identity, worked out once per document.

From the publication's XML metadata, its running footer, an identifier line, metadata in
the text, its masthead, or else its file name. :mod:`kamerbrief.extract.references` reads
the result so that a document never cites itself.
"""

from __future__ import annotations

import re
from pathlib import PureWindowsPath

from kamerbrief.extract.references import (
    CitationPatterns,
    citation_patterns,
    dossier_of,
    parliamentary_year,
)
from kamerbrief.record import Kamerstuk

_HEAD_CHARS = 2000  # the masthead of a Kamerstuk is at its top
_METADATA = re.compile(
    r"(?i)(?P<key>identifier|dossiernummer|ondernummer|vergaderjaar)[\"']?"
    r"(?:\s+content=[\"']|\s*>)\s*(?P<value>[^\"'<>]+?)\s*[\"'<]"
)


def _from_footer(text: str, p: CitationPatterns) -> Kamerstuk | None:
    m = p.footer.search(text)
    if m is None:
        return None
    dossier, number = dossier_of(m, p.rules)
    return Kamerstuk(dossier=dossier, number=number, year=parliamentary_year(m.group("year")))


def _from_identifier(m: re.Match[str] | None) -> Kamerstuk | None:
    if m is None:
        return None
    chapter = m.group("chapter")
    dossier = m.group("dossier") + (f"-{chapter.upper()}" if chapter else "")
    return Kamerstuk(dossier=dossier, number=m.group("number"))


def _from_metadata(text: str, p: CitationPatterns) -> Kamerstuk | None:
    values: dict[str, str] = {}
    for m in _METADATA.finditer(text):
        values.setdefault(m.group("key").lower(), m.group("value"))
    return _from_values(values, p)


def _from_values(values: dict[str, str], p: CitationPatterns) -> Kamerstuk | None:
    """From metadata values keyed identifier, dossiernummer, ondernummer, vergaderjaar."""
    ident = p.rules.identifiers["kamerstuk"].fullmatch(values.get("identifier", ""))
    found = _from_identifier(ident)
    if found is None and "dossiernummer" in values:
        m = re.match(r"\s*(\d{2})[ .\u00a0]?(\d{3})[ \u00a0-]*(\w*)", values["dossiernummer"])
        if m:
            suffix = f"-{m.group(3).upper()}" if m.group(3) else ""
            dossier = m.group(1) + m.group(2) + suffix
            found = Kamerstuk(dossier=dossier, number=values.get("ondernummer"))
    if found is not None and "vergaderjaar" in values:
        found.year = parliamentary_year(values["vergaderjaar"])
    return found


def _from_masthead(text: str, p: CitationPatterns) -> Kamerstuk | None:
    head = text[:_HEAD_CHARS]
    dossier = p.masthead_dossier.search(head)
    if dossier is None:
        return None
    number = p.masthead_number.search(head, dossier.end())
    if number is None:
        return None
    digits = re.sub(r"\D", "", dossier.group("dossier"))
    suffix = dossier.group("chapter") or dossier.group("sub")
    return Kamerstuk(
        dossier=f"{digits}-{suffix.upper()}" if suffix else digits, number=number.group("number")
    )


def own_kamerstuk(
    text: str, path: str | None = None, meta: dict[str, str] | None = None
) -> Kamerstuk | None:
    """The document's own Kamerstuk: from the publication's XML metadata (``meta``), its
    running footer ("Tweede Kamer, vergaderjaar 2024–2025, 21 501-02, nr. 3121"), an
    identifier line ("kst-21501-02-3121"), metadata in the text, its masthead, or else
    its file name ("kst-36278-32_motie-....docx")."""
    p = citation_patterns()
    found = (
        (_from_values({k.lower(): v for k, v in meta.items()}, p) if meta else None)
        or _from_footer(text, p)
        or _from_identifier(p.identifier_line.search(text))
        or _from_metadata(text, p)
        or _from_masthead(text, p)
    )
    if found is None and path:
        name = PureWindowsPath(path).name  # splits on "/" and "\\" alike
        found = _from_identifier(p.rules.identifiers["kamerstuk"].search(name))
    if found is not None and found.year is None:
        year = p.masthead_year.search(text[:_HEAD_CHARS])
        found.year = parliamentary_year(year.group("year")) if year else None
    return found
