"""A name the NER missed after an article ("De Radboud universiteit zal ..."), and never a
crash or a subject where no name stands between the article and "zal"."""

from __future__ import annotations

import pytest

LETTER = (
    "Geachte voorzitter,\n\n{body}\n\n"
    "De Minister van Volksgezondheid, Welzijn en Sport,\n\nE.I. Schippers\n"
)


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        ("De Radboud universiteit zal hiertoe een voorstel ontwikkelen.", ["Radboud universiteit"]),
        ("Het zal nog enige tijd duren voordat de regeling werkt.", []),
        ("De zal-bepaling in artikel 3 blijft gelden.", []),
        ("Het zal de gemeenten niet verbazen dat dit zo is.", []),
    ],
)  # fmt: skip
def test_named_subject_before_zal(bundled_extractor, body: str, actors: list) -> None:
    record = bundled_extractor.from_bytes(LETTER.format(body=body).encode(), "brief.txt")
    assert not hasattr(record, "error"), record
    assert [c.actor for c in record.commitments] == actors
