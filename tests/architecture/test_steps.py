"""The extractors are declared steps, checked at start-up; the letter's identity is
worked out once, so a document never cites itself."""

from __future__ import annotations

import pytest
import spacy

from kamerbrief.api import Extractor
from kamerbrief.errors import SetupError
from kamerbrief.record import ITEM_TYPES
from kamerbrief.steps import STEPS, Step, check_steps


def _noop(context):
    return {}


def test_shipped_steps_are_in_a_valid_order() -> None:
    check_steps(STEPS)
    assigned = [key for step in STEPS for key in step.assigns]
    assert sorted(assigned) == sorted(t.key for t in ITEM_TYPES)


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (tuple(reversed(STEPS)), "needs"),
        ((*STEPS, Step("again", _noop, assigns=("dates",))), "assigned by both"),
        (tuple(s for s in STEPS if s.name != "references"), "no extractor step assigns references"),
    ],
)
def test_a_bad_order_is_refused_at_start_up(steps, message: str) -> None:
    with pytest.raises(SetupError, match=message):
        check_steps(steps)


@pytest.fixture(scope="module")
def blank_extractor() -> Extractor:
    return Extractor("blank:nl", nlp=spacy.blank("nl"))


MOTION = (
    "Tweede Kamer der Staten-Generaal\n\n"
    "Vergaderjaar 2023-2024\n\n"
    "MOTIE VAN HET LID RIKKERS-OOSTERKAMP\n\n"
    "De Kamer,\n\n"
    "gehoord de beraadslaging,\n\n"
    "constaterende dat deze motie (Kamerstuk 36 278, nr. 32) eerder is ingediend;\n\n"
    "overwegende dat de motie-Dijkstra (Kamerstuk 33 750 XVI, nr. 36) is uitgevoerd;\n\n"
    "en gaat over tot de orde van de dag.\n"
)


@pytest.mark.parametrize("path", ["kst-36278-32_motie.txt", "archief/kst-36278-32.txt"])
def test_a_document_known_by_its_file_name_does_not_cite_itself(blank_extractor, path) -> None:
    record = blank_extractor.from_bytes(MOTION.encode(), path)
    assert record.id == "kst-36278-32"
    cited = [(r.dossier, r.number) for r in record.references]
    assert ("36278", "32") not in cited
    assert ("33750-XVI", "36") in cited


def test_without_an_identity_the_same_citation_counts(blank_extractor) -> None:
    record = blank_extractor.from_bytes(MOTION.encode(), "motie.txt")
    assert record.id.startswith("sha256-")
    assert ("36278", "32") in [(r.dossier, r.number) for r in record.references]
