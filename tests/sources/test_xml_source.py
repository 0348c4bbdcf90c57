"""officielebekendmakingen XML gives the body as text and the metadata as a dict; no entities."""

from __future__ import annotations

import time

import pytest

from kamerbrief.record import ErrorRecord, LetterRecord
from kamerbrief.sources.read import SourceError, read_bytes, read_path
from kamerbrief.sources.xml_source import root_name, xml_document
from tests.helpers import WRITTEN

KAMERSTUK = WRITTEN / "kst-36410-XVI-5.xml"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("identifier", "kst-36410-XVI-5"),
        ("dossiernummer", "36410-XVI"),
        ("ondernummer", "5"),
        ("vergaderjaar", "2023-2024"),
        ("date", "2023-10-20"),
        ("ministry", "Ministerie van Volksgezondheid, Welzijn en Sport"),
        ("type", "Kamerstuk"),
        ("DC.identifier", "kst-36410-XVI-5"),  # every <meta> by its own name as well
    ],
)
def test_metadata_of_a_kamerstuk(key: str, value: str) -> None:
    source = read_path(KAMERSTUK)
    assert source.format == "xml"
    assert source.meta[key] == value


@pytest.mark.parametrize(
    "expected",
    [
        "Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024\n36 410 XVI\n",
        "\nBRIEF VAN DE MINISTER VAN VOLKSGEZONDHEID, WELZIJN EN SPORT\n",
        "\nDen Haag, 20 oktober 2023\n",
        "commissiedebat van 14 juni 2023.\n1. Stand van zaken\n",  # heading on its own line
        "In 2023 is € 25 miljoen extra",  # inline emphasis stays in the line
        "Sport,\nE.J. Kuipers\n\n1 Kamerstuk 31 839, nr. 950.\n2 Zie ook rijksoverheid.nl.\n",
    ],
)
def test_body_as_lines_and_footnotes_after_it(expected: str) -> None:
    assert expected in read_path(KAMERSTUK).text


@pytest.mark.parametrize(
    ("xml", "meta"),
    [
        # No <meta>: dossier, number and year come from the body.
        (
            b"<kamerstuk><dossier><dossiernummer><dossiernr>21 501-02</dossiernr></dossiernummer></dossier>"
            b"<stuk><stuknr><ondernummer>3121</ondernummer></stuknr><al>De Kamer,</al></stuk></kamerstuk>",
            {"dossiernummer": "21 501-02", "ondernummer": "3121"},
        ),
        # Namespaced elements read the same.
        (
            b'<?xml version="1.0"?><op:officiele-publicatie xmlns:op="urn:x"><op:metadata>'
            b'<op:meta name="DC.identifier" content="kst-36278-32"/></op:metadata>'
            b"<op:al>Tekst.</op:al></op:officiele-publicatie>",
            {"identifier": "kst-36278-32"},
        ),
    ],
    ids=["from-body", "namespaced"],
)
def test_metadata_without_meta_elements(xml: bytes, meta: dict[str, str]) -> None:
    document = xml_document(xml)
    assert meta.items() <= document.meta.items()
    assert document.text.strip()


DOCTYPE_EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE kamerstuk [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<kamerstuk><al>&x;</al></kamerstuk>"
)
DOCTYPE_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;">]><kamerstuk><al>&d;</al></kamerstuk>'
)


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        (DOCTYPE_EXTERNAL, "unreadable", "DOCTYPE"),
        (DOCTYPE_LAUGHS, "unreadable", "DOCTYPE"),
        (b'<?xml version="1.0"?><kamerstuk><al>Geen einde', "unreadable", "not well-formed"),
        (b'<?xml version="1.0"?><kamerstuk><al>a</b></kamerstuk>', "unreadable", "not well-formed"),
        (b'<?xml version="1.0"?><kamerstuk><metadata/></kamerstuk>', "empty", "no text"),
        (
            b"<kamerstuk>" + b"<al>" * 100_000 + b"diep" + b"</al>" * 100_000 + b"</kamerstuk>",
            "too_large",
            "deeper than the limit of 256",
        ),
        (b"<kamerstuk>" + b"<al>" * 200 + b"diep" + b"</al>" * 200 + b"</kamerstuk>", None, None),
    ],
    ids=[
        "external-entity",
        "billion-laughs",
        "truncated",
        "mismatched",
        "no-text",
        "too-deep",
        "deep",
    ],
)
def test_bad_xml_raises_with_a_kind(data: bytes, kind: str | None, message: str | None) -> None:
    start = time.monotonic()
    if kind is None:  # deep nesting within the limit is read, and does not recurse
        assert read_bytes(data, "diep.xml").text == "diep\n"
    else:
        with pytest.raises(SourceError) as info:
            read_bytes(data, "kst.xml")
        assert info.value.kind == kind
        assert message in info.value.message
    assert time.monotonic() - start < 20


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ('<?xml version="1.0"?>\n<!-- x --><officiele-publicatie>', "officiele-publicatie"),
        ("\ufeff<op:kamerstuk xmlns:op='urn:x'>", "kamerstuk"),
        ("Geachte voorzitter,", None),
    ],
)
def test_root_name(text: str, root: str | None) -> None:
    assert root_name(text) == root


@pytest.mark.parametrize("name", ["kst-36410-XVI-5.xml", "brief.txt", "-"])
def test_xml_gives_a_valid_record_whatever_its_name(extractor, name: str) -> None:
    record = extractor.from_bytes(KAMERSTUK.read_bytes(), name)
    assert isinstance(record, LetterRecord), record
    assert record.source.format == "xml"
    assert "<al>" not in record.text
    LetterRecord.model_validate_json(record.model_dump_json())


def test_a_doctype_gives_an_error_record(extractor) -> None:
    record = extractor.from_bytes(DOCTYPE_EXTERNAL, "kst.xml")
    assert isinstance(record, ErrorRecord)
    assert record.error.kind == "unreadable"
    assert "passwd" not in record.model_dump_json()
