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


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        # a body's undated present describes its work ...
        ("De IND beoordeelt elke aanvraag in een zorgvuldige procedure.", []),
        ("De NVWA betrekt bij de beoordeling alle relevante informatie.", []),
        # ... unless it begins new work, is dated after the letter, or a ministry acts
        ("UWV start een vervolgonderzoek naar de beoordeling.", ["Uitvoeringsinstituut Werknemersverzekeringen"]),
        ("De IND beoordeelt dit najaar opnieuw alle aanvragen.", ["Immigratie- en Naturalisatiedienst"]),
        ("Het ministerie van VWS ontwikkelt een afwegingskader voor de regio.", ["Ministerie van Volksgezondheid, Welzijn en Sport"]),
    ],
)  # fmt: skip
def test_a_bodys_present_is_a_promise_only_when_it_begins_or_is_dated(
    bundled_extractor, body: str, actors: list
) -> None:
    text = "Den Haag, 14 maart 2024\n\n" + LETTER.format(body=body)
    record = bundled_extractor.from_bytes(text.encode(), "brief.txt")
    assert [c.actor for c in record.commitments] == actors


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        # an office promises: the signatory who holds it, else the office itself
        ("De Minister van Volksgezondheid, Welzijn en Sport heeft toegezegd de regeling te"
         " verlengen.", ["E.I. Schippers"]),
        ("Tijdens het debat heeft de minister toegezegd met een brief te komen.", ["E.I. Schippers"]),
        ("De Minister van Justitie en Veiligheid heeft toegezegd de mogelijkheden te verkennen.",
         ["Minister van Justitie en Veiligheid"]),
        ("De staatssecretaris van Financiën zal de Kamer voor de zomer informeren.",
         ["Staatssecretaris van Financiën"]),
        ("De Minister van Economische Zaken heeft aangegeven de regeling te willen evalueren.",
         ["Minister van Economische Zaken"]),
        ("De Minister van J&V heeft toegezegd de regeling te verlengen.", ["Minister van J&V"]),
        # an office the signatory does not hold, written with a hyphen, is no bare minister
        ("De Minister-president zal de Kamer voor de zomer informeren.", [None]),
        # an office that describes, decided in the past, or is only cited: no promise
        ("De minister van Financiën stuurt de Kamer jaarlijks een overzicht.", []),
        ("De minister van Financiën heeft in 2019 besloten de regeling af te schaffen.", []),
        ("Volgens de minister van Financiën zal de economie volgend jaar groeien.", []),
        ("De regering heeft dit altijd willen voorkomen.", []),
    ],
)  # fmt: skip
def test_an_office_as_subject(bundled_extractor, body: str, actors: list) -> None:
    record = bundled_extractor.from_bytes(LETTER.format(body=body).encode(), "brief.txt")
    assert [c.actor for c in record.commitments] == actors


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        # names joined by "en" or a comma are one subject; the letter's own ministry leads
        ("BZK en VWS onderzoeken in afstemming met de VNG de mogelijkheden van een verplichting.",
         ["Ministerie van Volksgezondheid, Welzijn en Sport"]),
        ("Om de zorg te verbeteren, onderzoeken BZK en VWS samen de mogelijkheden.",
         ["Ministerie van Volksgezondheid, Welzijn en Sport"]),
        ("EZK, BZK en IPO brengen samen de toekomstige ontwikkelingen in beeld.",
         ["Ministerie van Economische Zaken en Klimaat"]),
        # a list of names after a preposition is no subject
        ("Ik spreek hierover met UWV, SVB en de Belastingdienst.", []),
    ],
)  # fmt: skip
def test_names_joined_as_one_subject(bundled_extractor, body: str, actors: list) -> None:
    record = bundled_extractor.from_bytes(LETTER.format(body=body).encode(), "brief.txt")
    assert [c.actor for c in record.commitments] == actors


@pytest.mark.parametrize(
    ("body", "actors", "starts"),
    [
        # a unit by its kind, with what it is of, is the subject before the verb; the
        # collective after the verb is its object
        ("De commissie van deskundigen zal het Rijk en de VNG adviseren over de hervorming.",
         ["commissie van deskundigen"], "De commissie van deskundigen zal het Rijk"),
        ("De werkgroep zal het kabinet in juni adviseren.", ["werkgroep"], "De werkgroep zal"),
        # words the source glued are read apart in the actor
        ("De commissievan deskundigen zal het Rijk adviseren.",
         ["commissie van deskundigen"], "De commissie van deskundigen zal"),
        # the collective after a fronted word that is no subject is the subject
        ("Daarom zal het kabinet de wet wijzigen.", [None], "het kabinet zal de wet"),
        ("Dit zal het kabinet blijven doen.", [None], "het kabinet zal dit"),
    ],
)  # fmt: skip
def test_a_unit_before_the_verb_and_a_collective_after_it(
    bundled_extractor, body: str, actors: list, starts: str
) -> None:
    record = bundled_extractor.from_bytes(LETTER.format(body=body).encode(), "brief.txt")
    assert [c.actor for c in record.commitments] == actors
    assert record.commitments[0].action.startswith(starts)
