"""The office behind each commitment and signatory (kamerbrief/extract/offices.py)."""

from __future__ import annotations

from kamerbrief.api import extract_text

LETTER = """Den Haag, 3 maart 2024

Geachte voorzitter,

Ik zal uw Kamer voor de zomer informeren over de voortgang. We zullen de gemeenten
hierbij betrekken. Staatssecretaris Van Ooijen zal de regeling in het najaar evalueren.

De Minister van Sociale Zaken en Werkgelegenheid,

C.E.G. van Gennip
"""


def test_commitments_and_signatories_carry_their_office_and_ministry() -> None:
    record = extract_text(LETTER, path="brief.txt")
    (sender,) = record.metadata.senders
    assert sender.ministry == "Sociale Zaken en Werkgelegenheid"
    by_actor = {c.actor: c for c in record.commitments}
    mine = by_actor["C.E.G. van Gennip"]
    assert mine.actor_role == "Minister van Sociale Zaken en Werkgelegenheid"
    assert mine.ministry == "Sociale Zaken en Werkgelegenheid"
    # "we" names no one: no role, and the ministry is the letter's
    ours = by_actor[None]
    assert (ours.actor_role, ours.ministry) == (None, "Sociale Zaken en Werkgelegenheid")
