"""The members who asked written questions are persons with their seat and party."""

from __future__ import annotations

from kamerbrief.record import LetterRecord
from kamerbrief.sources.read import SourceText, sha256_of
from tests.structure.test_questions import AANHANGSEL

BODY = "Vraag 1\nHeeft u het bericht gelezen?\nAntwoord 1\nJa, dat heb ik gelezen.\n"


def test_askers_are_persons_with_seat_and_party(bundled_extractor) -> None:
    text = AANHANGSEL.format(body=BODY)
    data = text.encode()
    record = bundled_extractor.from_source(
        SourceText(path="a.txt", sha256=sha256_of(data), text=text, encoding="utf-8")
    )
    assert isinstance(record, LetterRecord)
    members = {p.name: (p.roles, p.party) for p in record.persons if p.party}
    assert members == {
        "Jansen": (["lid Tweede Kamer"], "CDA"),
        "De Vries": (["lid Tweede Kamer"], "VVD"),
    }
    harbers = next(p for p in record.persons if p.name == "Harbers")
    assert harbers.party is None  # the answering minister is no asker
