"""A document's own Kamerstuk: from its metadata, footer, identifier, masthead or file name."""

from __future__ import annotations

import pytest

from kamerbrief.extract.identity import own_kamerstuk


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("De Kamer, ...\n\nTweede Kamer, vergaderjaar 2024–2025, 21 501-02, nr. 3121\n", None,
         ("21501-02", "3121", "2024-2025")),
        ("Vergaderjaar 2024–2025\n\n21 501-02\n\nRaad Algemene Zaken\n\nNr. 3121\n\nMOTIE VAN HET LID CEDER\n",
         None, ("21501-02", "3121", "2024-2025")),
        ("TWEEDE KAMER DER STATEN-GENERAAL\n2\nVergaderjaar 2024-2025\n\n36 278\nWijziging van de Wet"
         " kwaliteit, klachten en geschillen zorg\n\nNr. 32\nMOTIE VAN HET LID RIKKERS-OOSTERKAMP\n",
         None, ("36278", "32", "2024-2025")),
        ("Ceder\n\nkst-21501-02-3121\nISSN 0921 - 7371\n", None, ("21501-02", "3121", None)),
        ('<meta name="DC.identifier" content="kst-33750-XVI-36"/>'
         '<meta name="OVERHEIDop.vergaderjaar" content="2013-2014"/>', None,
         ("33750-XVI", "36", "2013-2014")),
        ('<meta name="OVERHEIDop.dossiernummer" content="33 750 XVI"/>'
         '<meta name="OVERHEIDop.ondernummer" content="36"/>', None, ("33750-XVI", "36", None)),
        ("MOTIE VAN HET LID RIKKERS-OOSTERKAMP", "letters/kst-36278-32_motie-rikkers-oosterkamp.docx",
         ("36278", "32", None)),
        ("", "C:\\brieven\\kst-36682-10_gewijzigde-motie-claassen.docx", ("36682", "10", None)),
    ],
)  # fmt: skip
def test_own_kamerstuk(text: str, path: str | None, expected: tuple) -> None:
    own = own_kamerstuk(text, path)
    assert own is not None
    assert (own.dossier, own.number, own.year) == expected


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Geachte voorzitter,\n\nZie Kamerstuk 29 689, nr. 530.\n", "brief.txt"),
        ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n", None),
        (
            "Vergaderjaar 2023–2024\n\n2\n\nAanhangsel van de Handelingen\n\n2271\n\nVragen van ...",
            None,
        ),
    ],
)
def test_no_own_kamerstuk(text: str, path: str | None) -> None:
    assert own_kamerstuk(text, path) is None
