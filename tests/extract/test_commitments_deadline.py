"""The deadline of a commitment: the date that bounds the promised act, and no other."""

from __future__ import annotations

import pytest

LETTER = (
    "Den Haag, 14 maart 2024\n\nGeachte voorzitter,\n\n{body}\n\n"
    "De Minister van Sociale Zaken en Werkgelegenheid,\n\nY.J. van Hijum\n"
)


@pytest.fixture(scope="module")
def deadlines(bundled_extractor):
    def run(body: str):
        record = bundled_extractor.from_bytes(LETTER.format(body=body).encode(), "brief.txt")
        return [(c.deadline.text, c.deadline.value) if c.deadline else None
                for c in record.commitments]  # fmt: skip

    return run


@pytest.mark.parametrize(
    ("body", "deadline"),
    [
        # the date of the promise's own clause, not of the meeting before "en"
        ("Op 26 september vindt een vervolgbijeenkomst plaats en ik verwacht uw Kamer dit najaar"
         " te informeren over de voortgang.", ("dit najaar", "2024-09/2024-11")),
        # a fronted date bounds the act
        ("Voor de zomer stuur ik uw Kamer de evaluatie van de regeling.",
         ("Voor de zomer", "2024-03/2024-05")),
        # the next sentence refers back
        ("Ik zal uw Kamer informeren over de uitkomsten van de evaluatie. Dat doe ik voor de zomer.",
         ("voor de zomer", "2024-03/2024-05")),
        ("Ik ontwikkel samen met de sector een opleiding voor beheerders. Deze komt naar"
         " verwachting in de loop van 2024 beschikbaar.", ("2024", "2024")),
        # a period without a calendar value
        ("De komende jaren verkennen we hoe milieuschade in de prijs kan worden meegenomen.",
         ("De komende jaren", None)),
        ("Het kabinet zal in de komende periode nader analyseren of de regeling moet worden"
         " aangepast.", ("de komende periode", None)),
        # a term, and a moment of the budget year
        ("Ik zal uw Kamer binnen drie maanden informeren.", ("binnen drie maanden", None)),
        ("Defensie zal haar milieubelasting in tien jaar met een kwart verminderen.",
         ("tien jaar", None)),
        ("Ik zal uw Kamer bij de Voorjaarsnota informeren over de dekking.",
         ("bij de Voorjaarsnota", None)),
    ],
)  # fmt: skip
def test_the_deadline_bounds_the_promised_act(deadlines, body, deadline) -> None:
    assert deadlines(body)[0] == deadline


@pytest.mark.parametrize(
    "body",
    [
        # the date of the debate in which the promise was made
        "Zoals toegezegd in het commissiedebat van 16 juni zal ik de monitor actualiseren.",
        # a date before the letter's own date
        "Ik zal het rapport uit februari 2023 met de sector bespreken.",
        # a past date marked jl.
        "Ik zal de afspraken van 7 maart jl. uitwerken in een plan.",
        # a next sentence that does not refer back
        "Ik zal uw Kamer informeren over de evaluatie. De sector publiceert in mei haar cijfers.",
        # the period a policy covers
        "Ik zal de middelen voor de periode 2025-2028 verdelen over de regio's.",
    ],
)
def test_a_date_that_belongs_to_something_else_is_no_deadline(deadlines, body) -> None:
    assert deadlines(body)[0] is None


@pytest.mark.parametrize(
    ("body", "deadline"),
    [
        # a month or season without a year that has passed this year: the coming one
        ("Ik zal uw Kamer in februari informeren over de voortgang.", ("februari", "2025-02")),
        ("Begin februari zal de Raad voor Cultuur zijn adviezen publiceren.",
         ("Begin februari", "2025-02-01/2025-02-10")),
        # ... one still ahead stays this year's
        ("Ik zal uw Kamer in september informeren over de voortgang.", ("september", "2024-09")),
        # a date ahead goes before a month rolled ahead
        ("Na het overleg in januari zal ik de Kamer voor de zomer informeren.",
         ("voor de zomer", "2024-03/2024-05")),
    ],
)  # fmt: skip
def test_a_yearless_date_a_promise_points_to_is_ahead(deadlines, body, deadline) -> None:
    assert deadlines(body) == [deadline]


@pytest.mark.parametrize(
    ("body", "deadline"),
    [
        # a season without a year is no date ("in de zomer" may be any summer), but in a
        # promise it is the coming one: this year's while it lasts ...
        ("Ik zal u in het najaar informeren over de voortgang.",
         ("het najaar", "2024-09/2024-11")),
        ("In het voorjaar ontvangt uw Kamer de evaluatie.", ("het voorjaar", "2024-03/2024-05")),
        ("Ik kom hier in de zomer op terug.", ("de zomer", "2024-06/2024-08")),
        # ... and the winter runs into the next year
        ("Ik stuur u in de winter een overzicht van de resultaten.",
         ("de winter", "2024-12/2025-02")),
    ],
)  # fmt: skip
def test_a_season_without_a_year_bounds_a_promise(deadlines, body, deadline) -> None:
    assert deadlines(body) == [deadline]


@pytest.mark.parametrize(
    ("dated", "deadline"),
    [
        # a season that ends within a month of the letter is next year's
        ("28 november 2024", "2025-09/2025-11"),
        ("15 augustus 2024", "2024-09/2024-11"),
    ],
)
def test_a_season_nearly_over_is_next_years(bundled_extractor, dated, deadline) -> None:
    text = LETTER.replace("14 maart 2024", dated).format(body="Ik zal u in het najaar informeren.")
    record = bundled_extractor.from_bytes(text.encode(), "brief.txt")
    assert [c.deadline.value for c in record.commitments if c.deadline] == [deadline]


@pytest.mark.parametrize(
    "body",
    [
        # the season of another clause than the promise's
        "Ik zal onderzoeken hoe het aantal hitteslachtoffers in de zomer kan worden beperkt.",
        "Zoals ik u in het najaar heb gemeld, zal ik de regeling evalueren.",
    ],
)
def test_a_season_outside_the_promises_clause_is_no_deadline(deadlines, body) -> None:
    assert deadlines(body) == [None]


@pytest.mark.parametrize(
    "body",
    [
        # a phrase between commas is no clause of its own
        "Ik zal uw Kamer hierover, naar verwachting in het najaar, informeren.",
        "In het najaar, na overleg met de provincies, zal ik uw Kamer informeren.",
    ],
)
def test_a_season_in_an_inserted_phrase_bounds_the_promise(deadlines, body) -> None:
    assert deadlines(body) == [("het najaar", "2024-09/2024-11")]


def test_a_season_of_a_year_or_of_no_promise_is_no_season_deadline(bundled_extractor) -> None:
    body = (
        "De neerslagtekorten zijn groot in de zomer. "
        "Ik zal u in het najaar van 2025 informeren over de voortgang."
    )
    record = bundled_extractor.from_bytes(LETTER.format(body=body).encode(), "brief.txt")
    assert [(c.deadline.text, c.deadline.value) for c in record.commitments if c.deadline] == [
        ("het najaar van 2025", "2025-09/2025-11")
    ]
    assert "in de zomer" not in [d.text for d in record.dates]


@pytest.mark.parametrize(
    "body",
    [
        # a year or the past said outright stays where it is, and binds no promise
        "Ik heb in februari 2024 gesproken met de sector en zal de Kamer informeren.",
        "Vorig voorjaar is de regeling ingevoerd en ik zal de Kamer informeren.",
        # a date in a remark about the past ("zoals in januari toegezegd")
        "Ik zal u, zoals in januari toegezegd, informeren over de uitkomsten.",
    ],
)
def test_a_dated_past_is_never_rolled_ahead(deadlines, body) -> None:
    assert deadlines(body) == [None]


@pytest.mark.parametrize(
    ("body", "deadline"),
    [
        # a present act bounded by a span from now is a promise with that deadline
        ("Over twee weken stuur ik u de brief.", "Over twee weken"),
        ("Binnen een paar maanden stuur ik u het plan.", "Binnen een paar maanden"),
    ],
)
def test_a_present_act_bounded_from_now(bundled_extractor, body: str, deadline: str) -> None:
    letter = f"Den Haag, 14 maart 2024\n\nGeachte voorzitter,\n\n{body}\n\nDe Minister van Financiën,\n\nE. Heinen\n"
    record = bundled_extractor.from_bytes(letter.encode(), "brief.txt")
    assert [(c.actor, c.deadline.text if c.deadline else None) for c in record.commitments] == [
        ("E. Heinen", deadline)
    ]


@pytest.mark.parametrize(
    "body",
    ["De vergadering ging over twee weken vakantie.", "Dat duurt over het algemeen twee weken."],
)
def test_over_without_an_act_promises_nothing(bundled_extractor, body: str) -> None:
    letter = f"Den Haag, 14 maart 2024\n\nGeachte voorzitter,\n\n{body}\n\nDe Minister van Financiën,\n\nE. Heinen\n"
    assert bundled_extractor.from_bytes(letter.encode(), "brief.txt").commitments == []
