"""PDFs are read by their text layer, laid out like the pdftotext extractions beside them."""

from __future__ import annotations

import io

import pytest

from kamerbrief.extract.identity import own_kamerstuk
from kamerbrief.parse import parse
from kamerbrief.record import ErrorRecord, LetterRecord
from kamerbrief.sources.read import SourceError, read_bytes, read_path
from tests.helpers import LETTERS

CORPUS_PDFS = sorted(LETTERS.glob("*/*.pdf"))


def _blank_pdf() -> bytes:
    """A one-page PDF without any text: what a scan without OCR looks like to us."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _metadata(text: str, path: str) -> dict:
    parsed = parse(text)
    meta = parsed.metadata.model_dump()
    kamerstuk = own_kamerstuk(text, path)
    meta["kamerstuk"] = kamerstuk.model_dump() if kamerstuk else None
    return meta | {"sections": len(parsed.sections)}


@pytest.mark.parametrize("pdf", CORPUS_PDFS, ids=lambda p: p.stem)
def test_corpus_pdf_gives_the_record_of_its_text(pdf) -> None:
    source = read_path(pdf)
    txt = pdf.with_suffix(".txt").read_text(encoding="utf-8")
    assert source.format == "pdf"
    assert source.text.count("\f") == txt.count("\f")  # a form feed after every page
    assert "  " not in source.text  # no doubled spaces to confuse header and side column
    from_pdf = _metadata(source.text, str(pdf))
    from_txt = _metadata(txt, str(pdf))
    sections_pdf, sections_txt = from_pdf.pop("sections"), from_txt.pop("sections")
    assert from_pdf == from_txt
    # Figures (organograms) read in another order may give a heading more or less.
    assert abs(sections_pdf - sections_txt) <= 3


@pytest.mark.parametrize(
    ("data", "name", "kind", "message"),
    [
        (_blank_pdf(), "scan.pdf", "empty", "no text layer"),
        (_blank_pdf()[:300], "truncated.pdf", "unreadable", "damaged"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "garbage.pdf", "unreadable", "damaged"),
        (b"%PDF-", "header-only.pdf", "unreadable", "damaged"),
        (b"Geachte voorzitter,\nDit is geen PDF.\n", "letter.pdf", "unreadable", "not a PDF"),
    ],
    ids=["scan", "truncated", "garbage", "header-only", "named-pdf"],
)
def test_bad_pdfs_raise_with_a_kind(data: bytes, name: str, kind: str, message: str) -> None:
    with pytest.raises(SourceError) as info:
        read_bytes(data, name)
    assert info.value.kind == kind
    assert message in info.value.message


@pytest.mark.parametrize("name", ["scan.pdf", "-"])
def test_a_pdf_without_text_gives_an_error_record(extractor, name: str) -> None:
    record = extractor.from_bytes(_blank_pdf(), name)
    assert isinstance(record, ErrorRecord)
    assert record.error.kind == "empty"
    assert "no text layer" in record.error.message


@pytest.mark.parametrize("pdf", CORPUS_PDFS[:1], ids=lambda p: p.stem)
def test_a_pdf_gives_a_valid_record_whatever_its_name(extractor, pdf, tmp_path) -> None:
    renamed = tmp_path / "brief.bin"
    renamed.write_bytes(pdf.read_bytes())  # detected by content, not by name
    record = extractor.from_path(renamed)
    assert isinstance(record, LetterRecord)
    assert record.source.format == "pdf"
    LetterRecord.model_validate_json(record.model_dump_json())
