"""Dates: Dutch calendar expressions with ISO values, anchored on the letter's date."""

from __future__ import annotations

import dataclasses

import pytest

from kamerbrief.extract.dates import extract_dates
from kamerbrief.parse import parse
from kamerbrief.record import DateValue


@pytest.fixture(scope="module")
def dates_in(bundled_nlp):
    def run(text: str, letter_date: str | None = "2024-06-14") -> list[tuple]:
        parsed = parse(text)
        date = None if letter_date is None else DateValue(text=letter_date, value=letter_date)
        parsed = dataclasses.replace(
            parsed, metadata=parsed.metadata.model_copy(update={"date": date}), content_start=0
        )
        items = extract_dates(bundled_nlp(parsed.text), parsed)["dates"]
        for item in items:
            assert parsed.text[item.start : item.end] == item.text
        return [(d.text, d.value, d.approximate) for d in items]

    return run


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("De Top vond plaats op 25 maart 2015 in Den Haag.", [("25 maart 2015", "2015-03-25", False)]),
        ("Per 1 januari 2024 geldt de nieuwe regeling.", [("1 januari 2024", "2024-01-01", False)]),
        ("Het besluit is genomen op 25-03-2015.", [("25-03-2015", "2015-03-25", False)]),
        ("Ik verwijs naar uw brief d.d. 10 januari 2025.", [("10 januari 2025", "2025-01-10", False)]),
        ("In februari 2014 is het plan gepresenteerd.", [("februari 2014", "2014-02", False)]),
        ("Dat gebeurde in de maand mei van 2014.", [("mei van 2014", "2014-05", False)]),
        ("In 2012 is de samenwerking begonnen.", [("2012", "2012", False)]),
        ("De missie bezocht Rusland van 5 tot 9 november 2013.",
         [("5 tot 9 november 2013", "2013-11-05/2013-11-09", False)]),
        ("De missie duurde van 5 tot en met 9 november 2013.",
         [("5 tot en met 9 november 2013", "2013-11-05/2013-11-09", False)]),
        ("De regeling loopt van 1 januari tot 1 juli 2024.",
         [("1 januari tot 1 juli 2024", "2024-01-01/2024-07-01", False)]),
        ("Het programma loopt in de periode 2021-2025.", [("2021-2025", "2021/2025", False)]),
        ("De bijdrage geldt voor 2024 t/m 2026.", [("2024 t/m 2026", "2024/2026", False)]),
        ("De doelen liggen tussen 2030 en 2050.", [("tussen 2030 en 2050", "2030/2050", False)]),
        ("De rapportage loopt van november 2022 tot januari 2023.",
         [("november 2022 tot januari 2023", "2022-11/2023-01", False)]),
        ("De consultatie loopt tussen 1 januari en 1 juli 2024.",
         [("1 januari en 1 juli 2024", "2024-01-01/2024-07-01", False)]),
        ("Op 31 december 2024 en 2 januari is het kantoor dicht.",
         [("31 december 2024", "2024-12-31", False), ("2 januari", "2025-01-02", False)]),
        ("Een datum als 31 april 2024 bestaat niet.", [("31 april 2024", None, False)]),
    ],
)  # fmt: skip
def test_full_dates_months_years_and_ranges(dates_in, sentence, expected) -> None:
    assert dates_in(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Midden april 2014 volgt het bezoek.", [("Midden april 2014", "2014-04-11/2014-04-20", True)]),
        ("Het rapport verschijnt begin 2016.", [("begin 2016", "2016-01/2016-03", True)]),
        ("De wet treedt medio 2025 in werking.", [("medio 2025", "2025-06/2025-07", True)]),
        ("Ik informeer u eind dit jaar.", [("eind dit jaar", "2024-10/2024-12", True)]),
        ("Dat was eind december 2023 bekend.", [("eind december 2023", "2023-12-21/2023-12-31", True)]),
        ("De pilot start in het eerste kwartaal van 2024.",
         [("het eerste kwartaal van 2024", "2024-01/2024-03", True)]),
        ("De levering is gepland voor Q3 2025.", [("Q3 2025", "2025-07/2025-09", True)]),
        ("Dit is in de tweede helft van 2022 uitgevoerd.",
         [("de tweede helft van 2022", "2022-07/2022-12", True)]),
        ("Het bezoek is voorzien in het najaar van 2014.", [("het najaar van 2014", "2014-09/2014-11", True)]),
        ("Het bezoek is voorzien in het najaar van dit jaar.",
         [("het najaar van dit jaar", "2024-09/2024-11", True)]),
        ("De evaluatie volgt na de zomer.", [("na de zomer", "2024-09/2024-12", True)]),
        ("Ik stuur u voor de zomer een brief.", [("voor de zomer", "2024-06", True)]),
        ("Ik stuur u voor het zomerreces een brief.", [("voor het zomerreces", "2024-06", True)]),
        ("De cijfers komen rond de jaarwisseling.", [("rond de jaarwisseling", "2024-12/2025-01", True)]),
        ("Het plan verschijnt aan het eind van het eerste kwartaal 2023.",
         [("het eind van het eerste kwartaal 2023", "2023-03", True)]),
    ],
)  # fmt: skip
def test_parts_seasons_quarters_are_approximate_intervals(dates_in, sentence, expected) -> None:
    assert dates_in(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "letter_date", "expected"),
    [
        ("Minister Wafin komt volgend jaar naar Nederland.", "2013-11-20", [("volgend jaar", "2014", False)]),
        ("Vorig jaar is de subsidie verhoogd.", "2024-06-14", [("Vorig jaar", "2023", False)]),
        ("Deze zomer is de Universiade gehouden.", "2013-11-20", [("Deze zomer", "2013-06/2013-08", True)]),
        ("Ik verwacht uw Kamer dit najaar te informeren.", "2024-08-22", [("dit najaar", "2024-09/2024-11", True)]),
        ("Komend voorjaar volgt de evaluatie.", "2024-08-22", [("Komend voorjaar", "2025-03/2025-05", True)]),
        ("Eind vorig jaar is de hulp opgeschaald.", "2024-06-28", [("Eind vorig jaar", "2023-10/2023-12", True)]),
        ("Dat is twee jaar geleden afgesproken.", "2024-06-28", [("twee jaar geleden", "2022", False)]),
        ("Ik heb u op 27 juni jl. geïnformeerd.", "2024-07-23", [("27 juni jl.", "2024-06-27", False)]),
        ("Op 4 december jl. sprak ik de sector.", "2025-01-10", [("4 december jl.", "2024-12-04", False)]),
        ("Het onderzoek is in oktober gereed.", "2024-08-22", [("oktober", "2024-10", False)]),
        ("Deze winter is de opvang vol.", "2024-02-10", [("Deze winter", "2023-12/2024-02", True)]),
    ],
)  # fmt: skip
def test_relative_dates_are_anchored_on_the_letter_date(
    dates_in, sentence, letter_date, expected
) -> None:
    assert dates_in(sentence, letter_date) == expected


def test_missing_year_comes_from_the_nearest_earlier_full_date(dates_in) -> None:
    text = "De Top vond plaats van 5 tot 9 november 2013. Op 6 november was er een diner.\n"
    assert dates_in(text, None)[1] == ("6 november", "2013-11-06", False)


def test_footnote_number_glued_to_a_year_is_not_read_as_part_of_the_year(dates_in) -> None:
    found = dates_in("Ik verwijs naar de Kamerbrief van 14 juli 20235 waarin dit staat.")
    assert [(v, a) for _, v, a in found] == [("2023-07-14", False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "De vergunning geldt minimaal 5 jaar.",
        "Dat duurt 2 jaar.",
        "Kazan is speelstad van het WK voetbal 2018.",
        "De arbovrijstelling staat in de Wet op de loonbelasting 1964.",
        "Zie Kamerstuk 31 839, nr. 456.",
        "Dit is geregeld in artikel 2023 van de wet.",
        "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028.",
        "Het Programma Natura 2000 loopt door.",
        "De Klimaatagenda 2025-2030 is gepubliceerd.",
        "In de zomer is het droog.",
        "De komende jaren investeren wij meer.",
        "Er worden 2030 woningen gebouwd.",
        "Er zijn 1800 aanvragen binnengekomen.",
        "De oplage was 1500 exemplaren.",
        "Het gaat om bijna 2000 unieke nummers.",  # a count before an adjective and its noun
        "Het gaat om 2000 BSN’s die zijn gecontroleerd.",  # a plural acronym is counted
        "Mei is een naam en Jan ook.",
    ],
)  # fmt: skip
def test_durations_names_and_numbers_are_no_dates(dates_in, sentence) -> None:
    assert dates_in(sentence) == []


def test_relative_date_without_any_anchor_has_no_value(dates_in) -> None:
    assert dates_in("Volgend jaar volgt meer.", None) == [("Volgend jaar", None, False)]


def test_date_items_carry_their_section(bundled_extractor) -> None:
    text = (
        "Geachte voorzitter,\n\n1. Inleiding\n\nIn 2012 begon het.\n\n"
        "2. Vervolg\n\nIn februari 2014 volgt meer.\n\nHoogachtend,\n"
    )
    record = bundled_extractor.from_bytes(text.encode("utf-8"), "brief.txt")
    assert [(d.text, d.section) for d in record.dates] == [
        ("2012", record.sections[0].id),
        ("februari 2014", record.sections[1].id),
    ]


def test_a_huge_number_of_years_ago_gives_no_crash(dates_in) -> None:
    assert dates_in("Dat gebeurde " + "9" * 330 + " jaar geleden.") == []


@pytest.mark.parametrize(
    ("sentence", "letter_date", "expected"),
    [
        # a school or budget year written as a pair is one period ...
        ("In het schooljaar 1987/1988 is de regeling gestart.", "1988-03-14",
         [("1987/1988", "1987/1988", False)]),
        ("Voor het cursusjaar 1987/88 is dit geregeld.", "1988-03-14",
         [("1987/88", "1987/1988", False)]),
        # ... but not a citation's vergaderjaar, nor two years that do not follow
        ("Zie Kamerstukken II 1987/1988, 18 886, nr. 34.", "1988-03-14", []),
        ("In het schooljaar 1987/1990 is niets geregeld.", "1988-03-14", []),
        # decades: the latest one the letter's year has begun
        ("In de jaren negentig zal de krijgsmacht kleiner worden.", "1991-05-01",
         [("de jaren negentig", "1990/1999", False)]),
        ("Sinds de jaren '80 groeit het verkeer.", "1991-05-01",
         [("de jaren '80", "1980/1989", False)]),
        ("In de jaren twintig moet de uitstoot omlaag.", "2024-06-14",
         [("de jaren twintig", "2020/2029", False)]),
        # a day named by its place in the month: the third Tuesday of September
        ("De begroting wordt rond Prinsjesdag gepresenteerd.", "2024-04-05",
         [("Prinsjesdag", "2024-09-17", False)]),
        ("Op Prinsjesdag 2022 is dit aangekondigd.", "2024-04-05",
         [("Prinsjesdag 2022", "2022-09-20", False)]),
        # a holiday period like a season
        ("Ik informeer u voor de zomervakantie over de uitkomsten.", "2022-03-21",
         [("voor de zomervakantie", "2022-04/2022-06", True)]),
        # not: years that are many years, a word of its own
        ("De jaren verstrijken en de dertig leden vergaderen.", "2024-06-14", []),
    ],
)  # fmt: skip
def test_school_years_decades_named_days_and_holidays(
    dates_in, sentence, letter_date, expected
) -> None:
    assert dates_in(sentence, letter_date) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # two months without a year: one period of the letter's year
        ("In mei/juni volgt het rapport.", [("mei/juni", "2024-05/2024-06")]),
        ("In mei-juni volgt het rapport.", [("mei-juni", "2024-05/2024-06")]),
        ("Van mei tot en met juni volgt het rapport.", [("mei tot en met juni", "2024-05/2024-06")]),
        # a month's end and the next month's beginning, joined by a slash
        ("Eind mei/begin juni volgt het rapport.",
         [("Eind mei", "2024-05-21/2024-05-31"), ("begin juni", "2024-06-01/2024-06-10")]),
        # months in the wrong order, and two months named apart, are no period
        ("In juni/mei is er niets.", [("juni", "2024-06")]),
        ("In mei en juni volgt het rapport.", [("mei", "2024-05"), ("juni", "2024-06")]),
    ],
)  # fmt: skip
def test_two_months_joined_are_one_period(bundled_extractor, sentence, expected) -> None:
    letter = f"Den Haag, 14 maart 2024\n\nGeachte voorzitter,\n\n{sentence}\n"
    record = bundled_extractor.from_bytes(letter.encode(), "brief.txt")
    assert [(d.text, d.value) for d in record.dates] == expected


def test_a_comma_before_the_year(dates_in) -> None:
    found = dates_in("Op 3 maart, 2022 is de wet aangenomen. Op 12 mei is het debat gehouden.")
    assert found[:2] == [("3 maart, 2022", "2022-03-03", False), ("12 mei", "2022-05-12", False)]


def test_a_comma_before_a_number_that_is_no_year(dates_in) -> None:
    found = dates_in("Op 3 maart, 200 mensen kwamen naar het debat.")
    assert [text for text, _, _ in found] == ["3 maart"]
