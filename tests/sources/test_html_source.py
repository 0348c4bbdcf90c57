"""HTML pages give the text of their document body, one line per block."""

from __future__ import annotations

import time

import pytest

from kamerbrief.record import ErrorRecord, LetterRecord
from kamerbrief.sources.html_source import html_text, looks_like_html
from kamerbrief.sources.read import SourceError, read_bytes, read_path
from tests.helpers import WRITTEN

OB_PAGE = WRITTEN / "officielebekendmakingen_kst.html"
TK_PAGE = WRITTEN / "tweedekamer_brief.html"


@pytest.mark.parametrize(
    ("path", "present", "absent"),
    [
        (
            OB_PAGE,
            [
                "Den Haag, 20 oktober 2023",
                "14 juni 2023.\n1. Stand van zaken",  # the note reference <sup> is left out
                "In 2023 is € 25 miljoen extra beschikbaar gesteld aan de gemeenten.\n",
                "Sport,\nE.J. Kuipers\n1 Kamerstuk 31 839, nr. 950.",
            ],
            [
                "Overheid.nl",
                "Home",
                "niet lezen",
                "Publicatiedatum",
                "font-family",
                "Rijksoverheid.",
            ],
        ),
        (
            TK_PAGE,
            [
                "Voortgang aanpak wachtlijsten jeugdzorg\n",
                "Geachte voorzitter,\n",
                "2022\n14 weken",
            ],
            ["Kamerleden", "Direct naar de inhoud", "Gerelateerde documenten"],
        ),
    ],
    ids=["officielebekendmakingen", "tweedekamer"],
)
def test_only_the_document_body_is_read(path, present: list[str], absent: list[str]) -> None:
    source = read_path(path)
    assert source.format == "html"
    for text in present:
        assert text in source.text
    for text in absent:
        assert text not in source.text
    assert "  " not in source.text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            "<html><body><p>Geachte   voorzitter,</p><p>Hierbij\n de brief.</p></body></html>",
            "Geachte voorzitter,\nHierbij de brief.\n",
        ),
        (
            "<html><body><p>Eerste regel<br>tweede regel</body></html>",
            "Eerste regel\ntweede regel\n",
        ),
        # Unclosed paragraphs and list items close as a browser closes them.
        ("<html><body><ul><li>een<li>twee</ul><p>drie<p>vier</body>", "een\ntwee\ndrie\nvier\n"),
        # Stray end tags, unclosed elements and bad character references do not matter.
        (
            "<html><body></div><p>Kamerbrief &amp; bijlage &bogus; <b>vet</p></i>",
            "Kamerbrief & bijlage &bogus; vet\n",
        ),
        ("<html><body><pre>a   b\nc</pre></body></html>", "a   b\nc\n"),
        ("<html><head><title>Titel</title></head><body></body></html>", ""),
    ],
    ids=["paragraphs", "br", "implied-ends", "malformed", "pre", "no-body-text"],
)
def test_html_text(html: str, text: str) -> None:
    assert html_text(html) == text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 200 + "diep" + "</div>" * 200 + "</body></html>",
        "<html><body>" + "<span><b>" * 100 + "diep",
        "<html><body>" + "<p>a" * 50_000,
        "<!DOCTYPE html><html><body><p>" + "<" * 10_000 + "&" * 10_000,
    ],
    ids=["deep-divs", "deep-unclosed", "many-open-p", "stray-brackets"],
)
def test_deep_or_malformed_html_neither_crashes_nor_hangs(html: str) -> None:
    start = time.monotonic()
    text = html_text(html)
    assert isinstance(text, str)
    assert time.monotonic() - start < 20


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 100_000 + "diep" + "</div>" * 100_000 + "</body></html>",
        "<html><body>" + "<span><b>" * 50_000 + "diep",
    ],
    ids=["deep-divs", "deep-unclosed"],
)
def test_html_nested_beyond_the_limit_is_refused(html: str) -> None:
    from kamerbrief.errors import SourceError

    start = time.monotonic()
    with pytest.raises(SourceError) as info:
        html_text(html)
    assert info.value.kind == "too_large" and "limit of 256" in info.value.message
    assert time.monotonic() - start < 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html>\n<html>", True),
        ("\ufeff  <!-- opmerking --><HTML lang='nl'>", True),
        ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', True),
        ("<kamerstuk>", False),
        ("Geachte voorzitter, <html> is een taal.", False),
    ],
)
def test_html_is_recognised_by_content(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (
            b"<!DOCTYPE html><html><head><title>Leeg</title></head><body><nav>Menu</nav></body></html>",
            "leeg.html",
            "empty",
        ),
        (b"<html><body>" + bytes(range(256)) * 20 + b"</body></html>", "binair.html", "binary"),
    ],
    ids=["no-text", "binary"],
)
def test_bad_html_raises_with_a_kind(data: bytes, name: str, kind: str) -> None:
    with pytest.raises(SourceError) as info:
        read_bytes(data, name)
    assert info.value.kind == kind


@pytest.mark.parametrize("name", ["pagina.html", "pagina.txt", "-"])
def test_an_html_page_gives_a_valid_record_whatever_its_name(extractor, name: str) -> None:
    record = extractor.from_bytes(OB_PAGE.read_bytes(), name)
    assert isinstance(record, LetterRecord), record
    assert record.source.format == "html"
    assert "<p" not in record.text
    LetterRecord.model_validate_json(record.model_dump_json())


def test_a_fragment_named_html_is_read_as_html(extractor) -> None:
    record = extractor.from_bytes(
        b"<p>Geachte voorzitter,</p><p>Hierbij de brief.</p>", "brief.htm"
    )
    assert not isinstance(record, ErrorRecord)
    assert record.source.format == "html"
    assert record.text.startswith("Geachte voorzitter,")
