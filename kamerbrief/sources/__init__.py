"""Bytes to text: decoding and reading the published forms of a document.

In: a path or bytes (.txt in any common encoding, .pdf, .docx, officielebekendmakingen
.html/.xml). Out: :class:`kamerbrief.sources.read.SourceText` (text, format, sha256 and
publication metadata) or a :class:`kamerbrief.errors.SourceError`.
May import: ``rules``, ``record``, ``errors``. Never spaCy.
"""
