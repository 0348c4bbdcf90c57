"""The ministry an office names (kamerbrief/rules/offices.py)."""

from __future__ import annotations

import pytest

from kamerbrief.rules.offices import ministry_of


@pytest.mark.parametrize(
    ("role", "ministry"),
    [
        ("Minister van Volksgezondheid, Welzijn en Sport", "Volksgezondheid, Welzijn en Sport"),
        ("Minister-president, Minister van Algemene Zaken", "Algemene Zaken"),
        ("Staatssecretaris van Financiën", "Financiën"),
        ("Minister voor Medische Zorg", "Medische Zorg"),
        ("Ministerie van Infrastructuur en Waterstaat", "Infrastructuur en Waterstaat"),
        # an acting minister's office: the mark is no part of the ministry's name
        ("Minister van Financiën a.i.", "Financiën"),
        (
            "Minister van Landbouw, Natuur en Voedselkwaliteit a.i.",
            "Landbouw, Natuur en Voedselkwaliteit",
        ),
        ("President", None),
    ],
)
def test_ministry_of(role, ministry):
    assert ministry_of(role) == ministry
