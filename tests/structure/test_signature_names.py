"""A signatory's name is a name: a sentence that starts with an office is no signature."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse


@pytest.mark.parametrize(
    ("last_line", "senders"),
    [
        ("De Staatssecretaris van Buitenlandse Zaken, B.-J. M. van Voorst tot Voorst",
         [("B.-J. M. van Voorst tot Voorst", "Staatssecretaris van Buitenlandse Zaken")]),
        ("De Minister van Justitie, F. Korthals Altes",
         [("F. Korthals Altes", "Minister van Justitie")]),
        ("Staatssecretaris B.-J. M. van Voorst tot Voorst bezocht Washington.", []),
        ("De Minister van Financiën, G. Zalm verwacht dit niet.", []),
    ],
)  # fmt: skip
def test_one_line_signature_needs_a_name(last_line: str, senders: list) -> None:
    text = (
        f"Geachte voorzitter,\n\nIk informeer u hierbij over de stand van zaken.\n\n{last_line}\n"
    )
    found = [(s.name, s.role) for s in parse(text).metadata.senders]
    assert found == senders
