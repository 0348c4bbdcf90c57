"""Word files (.docx) are read with the standard library; bad archives give a clear error kind."""

from __future__ import annotations

import io
import zipfile

import pytest

from kamerbrief.record import LetterRecord
from kamerbrief.sources.read import SourceError, read_bytes, read_path
from tests.helpers import LETTERS

FORMATS = LETTERS / "formats"
NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def _docx(body: str, footnotes: str | None = None, *, document: str | None = None) -> bytes:
    """A minimal Word file: ``body`` is the XML inside w:body."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr(
            "word/document.xml",
            document
            or f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>',
        )
        if footnotes is not None:
            z.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {NS}>{footnotes}</w:footnotes>',
            )
    return out.getvalue()


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r>{r}</w:r>" for r in runs) + "</w:p>"


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{text}</w:t>'


SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
)


@pytest.mark.parametrize(
    ("body", "footnotes", "text"),
    [
        # Runs of one paragraph are joined; each paragraph is a line.
        (_p(_t("Geachte "), _t("voorzitter,")) + _p(_t("Hierbij stuur ik u de brief.")), None,
         "Geachte voorzitter,\nHierbij stuur ik u de brief.\n"),
        # An empty paragraph is a blank line.
        (_p(_t("De Kamer,")) + "<w:p/>" + _p(_t("gehoord de beraadslaging,")), None,
         "De Kamer,\n\ngehoord de beraadslaging,\n"),
        # w:tab is a tab, w:br and w:cr a line break, a non-breaking hyphen a hyphen.
        (_p(_t("Datum"), "<w:tab/>", _t("25 maart 2015")), None, "Datum\t25 maart 2015\n"),
        (_p(_t("De Minister van Financiën,"), "<w:br/>", _t("A. Bakker"), "<w:cr/>", _t("Den Haag")),
         None, "De Minister van Financiën,\nA. Bakker\nDen Haag\n"),
        (_p(_t("Rikkers"), "<w:noBreakHyphen/>", _t("Oosterkamp")), None, "Rikkers-Oosterkamp\n"),
        # Table cells are read row by row, one paragraph a line.
        ("<w:tbl><w:tr><w:tc>" + _p(_t("TWEEDE KAMER DER STATEN-GENERAAL")) + "</w:tc><w:tc>"
         + _p(_t("2")) + "</w:tc></w:tr></w:tbl>" + _p(_t("Vergaderjaar 2024-2025")), None,
         "TWEEDE KAMER DER STATEN-GENERAAL\n2\nVergaderjaar 2024-2025\n"),
        # Deleted text (tracked changes) and field codes are not text.
        (_p(_t("Het kabinet "), "<w:delText>niet </w:delText>", _t("stemt in.")), None,
         "Het kabinet stemt in.\n"),
        # A text box is read once (not again from its fallback) after its paragraph.
        (_p(_t("Kader"), '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
            + _p(_t("In het kader")) + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback>"
            "<w:pict><w:txbxContent>" + _p(_t("In het kader")) + "</w:txbxContent></w:pict>"
            "</mc:Fallback></mc:AlternateContent>"), None, "Kader\nIn het kader\n"),
        # Footnotes follow the body after a blank line, numbered, without separators.
        (_p(_t("Zie de brief"), '<w:footnoteReference w:id="2"/>', _t(" en de motie."),
            '<w:footnoteReference w:id="1"/>'),
         SEPARATORS
         + '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + f"<w:r>{_t(' Kamerstuk 21 501-02, nr. 3121')}</w:r></w:p></w:footnote>"
         + '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>' + f"<w:r>{_t(' Kamerstuk 36 278, nr. 32')}</w:r></w:p>"
         + _p(_t("Zie ook de bijlage.")) + "</w:footnote>",
         "Zie de brief en de motie.\n\n1 Kamerstuk 36 278, nr. 32\nZie ook de bijlage.\n\n"
         "2 Kamerstuk 21 501-02, nr. 3121\n"),
        # Only separators: no notes, no blank line.
        (_p(_t("Een brief zonder voetnoten.")), SEPARATORS, "Een brief zonder voetnoten.\n"),
    ],
)  # fmt: skip
def test_docx_text_is_paragraphs_then_footnotes(
    body: str, footnotes: str | None, text: str
) -> None:
    source = read_bytes(_docx(body, footnotes), "brief.docx")
    assert source.format == "docx"
    assert source.text == text


def test_docx_is_known_by_its_content_not_its_name() -> None:
    source = read_bytes(_docx(_p(_t("Geachte voorzitter,"))), "brief.txt")
    assert (source.format, source.text) == ("docx", "Geachte voorzitter,\n")


@pytest.mark.parametrize(
    ("name", "first", "heading"),
    [("kst-36278-32_motie-rikkers-oosterkamp.docx", "TWEEDE KAMER DER STATEN-GENERAAL",
      "MOTIE VAN HET LID RIKKERS-OOSTERKAMP"),
     ("kst-36682-10_gewijzigde-motie-claassen.docx", "TWEEDE KAMER DER STATEN-GENERAAL",
      "GEWIJZIGDE MOTIE VAN HET LID CLAASSEN")],
)  # fmt: skip
def test_corpus_docx_files_are_read(name: str, first: str, heading: str) -> None:
    source = read_path(FORMATS / name)
    assert source.format == "docx"
    lines = source.text.splitlines()
    assert lines[0] == first
    assert heading in lines
    assert "en gaat over tot de orde van de dag." in lines


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


GOOD = _docx(_p(_t("Geachte voorzitter,")))
DOCTYPE_EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f"<w:document {NS}><w:body>{_p('<w:t>&x;</w:t>')}</w:body></w:document>"
)
DOCTYPE_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    f"<w:document {NS}><w:body>{_p('<w:t>&b;</w:t>')}</w:body></w:document>"
)


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        # A ZIP that is not a Word file keeps the "not supported yet" error.
        (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
         "binary", "ZIP or Office file (not supported yet"),
        # Damaged archives: a ZIP signature with garbage, a Word file cut short.
        (b"PK\x03\x04" + b"\x00garbage" * 40, "unreadable", "damaged ZIP"),
        (GOOD[: len(GOOD) // 2], "unreadable", "damaged ZIP"),
        # Malformed XML, the wrong root, a DOCTYPE (external or internal entities).
        (_docx("", document="<w:document><w:body><w:p>"), "unreadable", "not well-formed XML"),
        (_docx("", document=f"<html {NS}><body/></html>"), "unreadable", "no w:document/w:body"),
        (_docx("", document=DOCTYPE_EXTERNAL), "unreadable", "DOCTYPE"),
        (_docx("", document=DOCTYPE_LAUGHS), "unreadable", "DOCTYPE"),
        # A Word file without text.
        (_docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"), "empty", "no text"),
    ],
)  # fmt: skip
def test_bad_docx_raise_with_a_kind(data: bytes, kind: str, message: str) -> None:
    with pytest.raises(SourceError) as info:
        read_bytes(data, "kapot.docx")
    assert info.value.kind == kind
    assert message in info.value.message
    assert info.value.sha256 is not None


def test_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    from kamerbrief.sources.limits import Limits, use_limits

    bomb = _docx(_p(_t(" " * 200_000)))
    assert len(bomb) < 50_000  # small on disk, large unpacked
    old = use_limits(Limits(max_unpacked=50_000))
    try:
        with pytest.raises(SourceError) as info:
            read_bytes(bomb, "bom.docx")
    finally:
        use_limits(old)
    assert info.value.kind == "too_large"
    assert "unpacks to" in info.value.message and "limit of 50000" in info.value.message


def test_docx_gives_a_valid_record(extractor) -> None:
    record = extractor.from_path(FORMATS / "kst-36278-32_motie-rikkers-oosterkamp.docx")
    assert isinstance(record, LetterRecord)
    assert record.source.format == "docx"
    LetterRecord.model_validate_json(record.model_dump_json())
