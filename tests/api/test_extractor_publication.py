"""A record's identity and metadata from the publication itself (XML metadata, file names)."""

from __future__ import annotations

from tests.helpers import LETTERS, WRITTEN


def test_xml_metadata_gives_id_kamerstuk_title_and_date(bundled_extractor) -> None:
    record = bundled_extractor.from_path(WRITTEN / "kst-36410-XVI-5.xml")
    assert record.id == "kst-36410-XVI-5"
    assert record.metadata.kamerstuk.model_dump() == {
        "dossier": "36410-XVI",
        "number": "5",
        "year": "2023-2024",
    }
    assert record.metadata.title.startswith("Vaststelling van de begrotingsstaten")
    assert record.metadata.date.value == "2023-10-20"


def test_a_motion_in_word_is_identified_by_its_kamerstuk(bundled_extractor) -> None:
    record = bundled_extractor.from_path(
        LETTERS / "formats" / "kst-36278-32_motie-rikkers-oosterkamp.docx"
    )
    assert (record.id, record.source.format) == ("kst-36278-32", "docx")


def test_a_letter_without_kamerstuk_is_identified_by_its_content_hash(bundled_extractor) -> None:
    record = bundled_extractor.from_path(LETTERS / "seeds" / "003_70a63ba4dafeb775.txt")
    assert record.id == f"sha256-{record.source.sha256[:16]}"
    assert record.metadata.kamerstuk is None
