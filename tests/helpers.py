"""Paths shared by tests in several folders: ``from tests.helpers import LETTERS``.

Fixtures live in ``tests/conftest.py``; what a test needs at import time (in a
``parametrize`` list or a module constant) lives here.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "corpus" / "letters"
SEED_REPORT = LETTERS / "seeds" / "000_604ef20b2c9a042b.txt"
SEED_TOP = LETTERS / "seeds" / "003_70a63ba4dafeb775.txt"
RIJKSOVERHEID = LETTERS / "rijksoverheid-pdf"
WATER_EN_BODEM = RIJKSOVERHEID / "2022-11-25_ienw_water-en-bodem-sturend.txt"
LUCHTVAART = RIJKSOVERHEID / "2022-12-22_ienw_emissies-door-de-luchtvaart.txt"
CIRCULAIR = RIJKSOVERHEID / "2023-02-03_ienw_nationaal-programma-circulaire-economie.txt"
WRITTEN = Path(__file__).resolve().parent / "data"
