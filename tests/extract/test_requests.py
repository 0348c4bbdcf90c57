"""A motion's requests: what the Kamer asks of the government (kamerbrief/extract/requests.py)."""

from __future__ import annotations

from kamerbrief.api import extract_text

MOTION = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2023–2024

36 410 XVI Vaststelling van de begrotingsstaten van het Ministerie van Sociale Zaken

Nr. 12 MOTIE VAN DE LEDEN VAN DIJK EN BIKKER

Voorgesteld 8 februari 2024

De Kamer,

gehoord de beraadslaging,

constaterende dat gemeenten betalingsachterstanden nog te laat signaleren;

verzoekt de regering, de resultaten van de pilot vroegsignalering voor de zomer aan de Kamer te zenden;

roept het kabinet op om gemeenten te helpen bij vroegsignalering,

en gaat over tot de orde van de dag.

Van Dijk
Bikker
"""

LETTER = """Den Haag, 3 maart 2024

Geachte voorzitter,

In de motie-Van Dijk verzoekt de regering zich in te zetten voor vroegsignalering, zo
schreef een krant. Ik zal uw Kamer voor de zomer informeren.

De Minister van Sociale Zaken en Werkgelegenheid,

C.E.G. van Gennip
"""


def test_each_request_of_a_motion_with_its_addressee_and_deadline() -> None:
    record = extract_text(MOTION, path="kst-36410-XVI-12.txt")
    assert record.metadata.kind == "motie"
    assert [s.name for s in record.metadata.senders] == ["Van Dijk", "Bikker"]
    first, second = record.requests
    assert first.text.startswith("verzoekt de regering, de resultaten")
    assert first.text.endswith("aan de Kamer te zenden")
    assert first.addressee == "de regering"
    assert first.deadline is not None and first.deadline.text == "voor de zomer"
    assert second.text == "roept het kabinet op om gemeenten te helpen bij vroegsignalering"
    assert (second.addressee, second.deadline) == ("het kabinet", None)
    for r in record.requests:
        assert record.text[r.start : r.end] == r.text


def test_a_letter_that_quotes_a_motion_has_no_requests() -> None:
    record = extract_text(LETTER, path="brief.txt")
    assert record.metadata.kind != "motie"
    assert record.requests == []
