"""Other letter layouts, written for these tests."""

from __future__ import annotations

from kamerbrief.parse import parse
from tests.helpers import LETTERS, WRITTEN


def _parse(name: str):
    return parse((WRITTEN / name).read_text(encoding="utf-8"))


def test_inline_betreft_datum_and_kenmerk() -> None:
    letter = _parse("betreft_kenmerk.txt")
    meta = letter.metadata
    assert meta.date is not None and meta.date.value == "2024-03-12"
    assert meta.title == "Voortgang van de aanpak van personeelstekorten in de zorg"
    assert meta.addressee == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert [(s.name, s.role) for s in meta.senders] == [
        ("P.A. de Jong", "Minister voor Medische Zorg")
    ]
    assert [(s.number, s.title) for s in letter.sections] == [
        ("1", "Stand van zaken"),
        ("2", "Vervolg"),
    ]


def test_letter_without_numbered_sections() -> None:
    letter = _parse("geen_nummers.txt")
    assert [(s.number, s.title, s.level, s.parent) for s in letter.sections] == [
        (None, "Bevindingen van de evaluatie", 1, None),
        (None, "Vervolgstappen", 1, None),
    ]
    assert [(s.name, s.role) for s in letter.metadata.senders] == [
        ("S.A. Blok", "Minister van Economische Zaken en Klimaat"),
        ("M.C.G. Keijzer", "Staatssecretaris van Economische Zaken en Klimaat"),
    ]
    assert letter.metadata.place == "Den Haag"
    assert letter.metadata.date is not None and letter.metadata.date.value == "2021-06-03"


def test_three_heading_levels_and_list_items() -> None:
    letter = _parse("drie_niveaus.txt")
    by_id = {s.id: s for s in letter.sections}
    got = [
        (s.number, s.level, by_id[s.parent].number if s.parent else None) for s in letter.sections
    ]
    assert got == [
        ("1", 1, None), ("1.1", 2, "1"), ("1.1.1", 3, "1.1"), ("1.1.2", 3, "1.1"),
        ("1.2", 2, "1"), ("2", 1, None), ("2.1", 2, "2"),
    ]  # fmt: skip
    wrapped = letter.sections[2]
    assert wrapped.title == "Betere bereikbaarheid van de regio en de omliggende gemeenten"
    # The numbered and lettered items stay inside 1.1.1.
    section = letter.text[wrapped.start : wrapped.end]
    assert "1. We verbreden de snelweg" in section
    assert "b. Er komen extra perrons op het station." in section


def test_answers_to_written_questions_have_no_sections_and_read_the_header() -> None:
    path = LETTERS / "kamervragen" / "2024-06-28_bz-bho_ontwikkelingen-jemen.txt"
    letter = parse(path.read_text(encoding="utf-8"))
    assert letter.sections == []
    meta = letter.metadata
    assert meta.title == "ontwikkelingen in Jemen"
    assert meta.date is not None and meta.date.value == "2024-06-28"
    assert [(s.name, s.role) for s in meta.senders] == [
        ("Bruins Slot", "Minister van Buitenlandse Zaken"),
        ("Schreinemacher", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
    ]
