"""Amounts: money, percentages and counted quantities, with scaled values."""

from __future__ import annotations

import dataclasses

import pytest

from kamerbrief.extract.amounts import extract_amounts
from kamerbrief.extract.dates import extract_dates
from kamerbrief.parse import parse


@pytest.fixture(scope="module")
def amounts_in(bundled_nlp):
    def run(text: str) -> list[tuple]:
        parsed = dataclasses.replace(parse(text), content_start=0)
        doc = bundled_nlp(parsed.text)
        extract_dates(doc, parsed)  # its spans keep dates from becoming amounts
        items = extract_amounts(doc, parsed)["amounts"]
        for item in items:
            assert parsed.text[item.start : item.end] == item.text
        return [(a.text, a.kind, a.value, a.value_max, a.unit, a.qualifier) for a in items]

    return run


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Het kabinet trekt € 3,5 mln uit voor de regeling.", [("€ 3,5 mln", "money", 3.5e6, None, "EUR", None)]),
        ("De subsidie bedraagt € 1.250.000 per project.", [("€ 1.250.000 per project", "money", 1.25e6, None, "EUR", None)]),
        ("Er is EUR 250.000 beschikbaar.", [("EUR 250.000", "money", 250000, None, "EUR", None)]),
        ("Het fonds krijgt 3,5 miljoen euro.", [("3,5 miljoen euro", "money", 3.5e6, None, "EUR", None)]),
        ("De markt is ruim 20 miljard euro groot.", [("ruim 20 miljard euro", "money", 2e10, None, "EUR", "ruim")]),
        ("Nederland exporteert voor zeven miljard euro.", [("zeven miljard euro", "money", 7e9, None, "EUR", None)]),
        ("Voor defensie is € 12 mld. gereserveerd.", [("€ 12 mld.", "money", 1.2e10, None, "EUR", None)]),
        ("Er komt € 40 miljoen structureel bij.", [("€ 40 miljoen structureel", "money", 4e7, None, "EUR", None)]),
        ("De bijdrage stijgt met US$ 3 miljoen.", [("US$ 3 miljoen", "money", 3e6, None, "USD", None)]),
        ("Het bedrijf haalde 1 miljard dollar op.", [("1 miljard dollar", "money", 1e9, None, "USD", None)]),
        ("De kosten liggen tussen € 2 en € 3 miljoen.",
         [("tussen € 2 en € 3 miljoen", "money", 2e6, 3e6, "EUR", None)]),
        ("De kosten bedragen € 2 à 3 miljoen.", [("€ 2 à 3 miljoen", "money", 2e6, 3e6, "EUR", None)]),
        ("Een lunch kost € 3,90.", [("€ 3,90", "money", 3.9, None, "EUR", None)]),
        ("Het kost 5 cent per liter.", [("5 cent per liter", "money", 0.05, None, "EUR", None)]),
        ("In 1990 kostte het 7 miljoen gulden.", [("7 miljoen gulden", "money", 7e6, None, "NLG", None)]),
        ("De regeling kost tot een maximum van € 750 miljoen.",
         [("tot een maximum van € 750 miljoen", "money", 7.5e8, None, "EUR", "tot een maximum van")]),
        ("De begroting stijgt met 250 miljoen in 2025.", [("250 miljoen", "money", 2.5e8, None, "EUR", None)]),
        ("Het kost tussen 500.000 en 1 miljoen euro.",
         [("tussen 500.000 en 1 miljoen euro", "money", 5e5, 1e6, "EUR", None)]),
        ("Er is tussen de 10 en 15 miljoen euro nodig.",
         [("tussen de 10 en 15 miljoen euro", "money", 1e7, 1.5e7, "EUR", None)]),
        ("Er gaat één miljoen euro naar de regio.", [("één miljoen euro", "money", 1e6, None, "EUR", None)]),
        ("Er gaat 900 en 1.650 miljoen euro naar de regio.",
         [("900", "money", 9e8, None, "EUR", None), ("1.650 miljoen euro", "money", 1.65e9, None, "EUR", None)]),
    ],
)  # fmt: skip
def test_money_in_every_written_form(amounts_in, sentence, expected) -> None:
    assert amounts_in(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # a sum with its sign and no scale word takes the scale of the sum it is listed with
        ("Voor 2025 en 2026 is respectievelijk € 40 en € 60 miljoen beschikbaar.", [4e7, 6e7]),
        ("In 2024 en 2025 gaat het om € 12 resp. € 15 mln.", [1.2e7, 1.5e7]),
        ("Er komt € 10, € 20 en € 30 miljoen bij in de komende jaren.", [1e7, 2e7, 3e7]),
        ("De bijdrage stijgt van € 5 naar € 8 miljard.", [5e9, 8e9]),
        ("Voor 1985 en 1986 is respectievelijk f 40 en f 60 min. beschikbaar.", [4e7, 6e7]),
        ("Het kost € 2 en € 1,1 miljoen.", [2e6, 1.1e6]),
        ("Het gaat om 12 resp. 15 miljoen euro.", [1.2e7, 1.5e7]),
        # must not: each sum its own scale, another currency, a sum that is no list item
        ("Het budget bedraagt € 40 miljoen en het tekort € 60 miljoen.", [4e7, 6e7]),
        ("De toeslag is € 2.500 en € 1 miljoen gaat naar de gemeenten.", [2500, 1e6]),
        ("Een kaartje kost € 5 en de opbrengst bedraagt € 8 miljard.", [5, 8e9]),
        ("Het kost 40 euro en 60 miljoen euro voor de uitvoering.", [40, 6e7]),
        ("Het kost € 40 en US$ 60 miljoen.", [40, 6e7]),
        # a fine of 500 euro that rises to a million: far from its neighbour's size
        ("De boete stijgt van € 500 naar € 1 miljoen.", [500, 1e6]),
    ],
)  # fmt: skip
def test_listed_sums_share_their_scale(amounts_in, sentence, values) -> None:
    assert [a[2] for a in amounts_in(sentence)] == values


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Het ging om een bedrag van f 1 234 567,89.", [1234567.89]),
        ("De kosten bedragen f 1 234,56 en de baten f 2 000.", [1234.56, 2000]),
        ("Hiervoor is een bedrag van f 4 500 000 beschikbaar gesteld.", [4500000]),
        # a decimal in the last group before a scale word
        ("In 1988 bedroegen de uitgaven f 4 783,2 mln.", [4783200000]),
        # not: dossier numbers without a sign
        ("Zie de dossiers 17 100 en 17 101.", []),
    ],
)
def test_thousands_grouped_by_spaces_with_cents(amounts_in, sentence, values) -> None:
    assert [a[2] for a in amounts_in(sentence)] == values


def test_a_listed_range_takes_the_scale_on_both_ends(amounts_in) -> None:
    found = amounts_in("Het kost € 40 tot € 50 en € 60 miljoen.")
    assert [(a[2], a[3]) for a in found] == [(4e7, 5e7), (6e7, None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Het aandeel steeg met 12%.", [("12%", "percentage", 12, None, "%", None)]),
        ("Het aandeel steeg met 12 procent.", [("12 procent", "percentage", 12, None, "%", None)]),
        ("De uitgaven stijgen met 5 pct. per jaar.", [("5 pct.", "percentage", 5, None, "%", None)]),
        ("De rente daalt 0,5 procentpunt.", [("0,5 procentpunt", "percentage", 0.5, None, "procentpunt", None)]),
        ("Het doel is minimaal vijftig procent minder.",
         [("minimaal vijftig procent", "percentage", 50, None, "%", "minimaal")]),
        ("Wij reserveren 5 en 10% van de polders.",
         [("5", "percentage", 5, None, "%", None), ("10%", "percentage", 10, None, "%", None)]),
    ],
)  # fmt: skip
def test_percentages(amounts_in, sentence, expected) -> None:
    assert amounts_in(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Er namen ruim 50 bedrijven deel.", [("ruim 50 bedrijven", "quantity", 50, None, "bedrijven", "ruim")]),
        ("Er kwam een 30-tal bedrijven.", [("een 30-tal bedrijven", "quantity", 30, None, "bedrijven", None)]),
        ("De conferentie trok 150 deelnemers.", [("150 deelnemers", "quantity", 150, None, "deelnemers", None)]),
        ("Er zijn 3 klinisch chemische laboratoria bezocht.",
         [("3 klinisch chemische laboratoria", "quantity", 3, None, "laboratoria", None)]),
        ("Er zijn acht regio’s aangewezen.", [("acht regio’s", "quantity", 8, None, "regio’s", None)]),
        ("Het gaat om 12.000 WIA-beoordelingen.",
         [("12.000 WIA-beoordelingen", "quantity", 12000, None, "WIA-beoordelingen", None)]),
        ("Een viertal academische instellingen doet mee.",
         [("Een viertal academische instellingen", "quantity", 4, None, "instellingen", None)]),
        ("De dijk wordt 50 cm hoger.", [("50 cm", "quantity", 50, None, "cm", None)]),
        ("De reductie is 0,1 tot 2,8 Mton.", [("0,1 tot 2,8 Mton", "quantity", 0.1, 2.8, "Mton", None)]),
        ("Dat is ongeveer 1 kilometer.", [("ongeveer 1 kilometer", "quantity", 1, None, "kilometer", "ongeveer")]),
        ("De wachttijd is 14 weken.", [("14 weken", "quantity", 14, None, "weken", None)]),
        # thousands grouped by points count something, also without a noun after them
        ("Het aantal meldingen steeg van 5.971 naar 6.125.",
         [("5.971", "quantity", 5971, None, "meldingen", None),
          ("6.125", "quantity", 6125, None, "meldingen", None)]),
        ("In 2023 waren het 17.000 aanvragen, in 2024 nog 14.000.",
         [("17.000 aanvragen", "quantity", 17000, None, "aanvragen", None),
          ("nog 14.000", "quantity", 14000, None, None, "nog")]),
    ],
)  # fmt: skip
def test_counted_quantities(amounts_in, sentence, expected) -> None:
    assert amounts_in(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Dit staat in artikel 68 van de wet.",
        "Zie Kamerstuk 31 839, nr. 456.",
        "Het is de 7 e editie van het programma.",
        "Bel ons op 070 456 7890.",
        "Op 25 maart 2015 vond de Top plaats.",
        "In 2012 is gestart.",
        "De vergunning geldt minimaal 5 jaar.",
        "Eén van de partners trok zich terug.",
        "Het Programma Natura 2000 loopt door.",
        "Dit zal ik een keer of twee doen.",
        # a bare number without points is no count on its own
        "Het aantal meldingen steeg van 5971 naar 6125.",
        "Zie Kamerstuk 36.410, nr. 5.",
        "Zie (Kamerstukken II 2023/24, 36.410, nr. 3).",
        "Het wetsvoorstel 36.410 ligt bij de Kamer.",
    ],
)  # fmt: skip
def test_numbers_that_are_no_amounts(amounts_in, sentence) -> None:
    assert amounts_in(sentence) == []


def test_list_and_footnote_numbers_at_a_line_start_are_no_amounts(amounts_in) -> None:
    text = "Er zijn drie punten.\n1. Het eerste punt.\n2 Kamerstuk 29 689, nr. 530.\n"
    assert amounts_in(text) == [("drie punten", "quantity", 3, None, "punten", None)]


def test_a_number_too_long_for_a_float_gives_no_amount_and_no_crash(amounts_in) -> None:
    assert amounts_in("Het kost " + "9" * 400 + " euro.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Issue 16: a plural the tagger took for a participle is still the counted noun ...
        ("Vier gezinnen zijn inmiddels verhuisd.", [("Vier gezinnen", "quantity", 4, None, "gezinnen", None)]),
        ("Daarnaast wachten drie gezinnen nog op een woning.",
         [("drie gezinnen", "quantity", 3, None, "gezinnen", None)]),
        # ... how often something happened is a quantity, in words or with an x ...
        ("Bij de controles zijn drie keer valse paspoorten aangetroffen.",
         [("drie keer", "quantity", 3, None, "keer", None)]),
        ("Het ging om 12x overbelading en 1x te weinig voer.",
         [("12x", "quantity", 12, None, "keer", None), ("1x", "quantity", 1, None, "keer", None)]),
        # ... and a range of percentages in one token.
        ("Slechts 10-15% van alle vacatures wordt vervuld.",
         [("Slechts 10-15%", "percentage", 10, 15, "%", "Slechts")]),
    ],
)  # fmt: skip
def test_counts_and_ranges_of_unseen_letters(amounts_in, sentence, expected) -> None:
    assert amounts_in(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Droge zomers komen in 2050 mogelijk twee keer zo vaak voor.",  # a comparison
        "ISSN 0921 738x Sdu Uitgeverij",  # the check digit of an ISSN
        "De lijsten worden jaarlijks aangevuld. 3 Toxische stoffen worden uitgestoten.",  # run-in paragraph number
        "Zie de handreiking. 14 https://www.aivd.nl/documenten/publicaties/pqc-migratie-handboek",  # a footnote's number
    ],
)  # fmt: skip
def test_multipliers_and_run_in_numbers_that_are_no_amounts(amounts_in, sentence) -> None:
    assert amounts_in(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Issue 16: sums of every era: guilders with spaced thousands, round sums, scans ...
        ("Het kost f 4 500 000 per jaar.", [("f 4 500 000 per jaar", "money", 4.5e6, None, "NLG", None)]),
        ("Een toegangskaart kost ƒ 450,-.", [("ƒ 450,-", "money", 450, None, "NLG", None)]),
        ("Het kost € 35,- per persoon.", [("€ 35,- per persoon", "money", 35, None, "EUR", None)]),
        ("Per 1 januari 1988 kan f7 min. aan personeel worden overgebracht.",
         [("f7 min.", "money", 7e6, None, "NLG", None)]),
        # "min." before a currency word is OCR's "mln." too
        ("Hiermee is een bedrag van 12 min. gulden gemoeid.",
         [("12 min. gulden", "money", 12e6, None, "NLG", None)]),
        ("De accijns stijgt met 12 ct per liter.", [("12 ct per liter", "money", 0.12, None, "EUR", None)]),
        # ... signed percentages and percentages in a compound ...
        ("De uitstoot daalde (-3%) en steeg elders (+5%).",
         [("-3%", "percentage", -3, None, "%", None), ("+5%", "percentage", 5, None, "%", None)]),
        ("Het 40%-doelstelling wordt gehaald.", [("40%-doelstelling", "percentage", 40, None, "%", None)]),
        # "één" (not the article "een") before a word of per cent
        ("Minder dan één procent wordt afgewezen.",
         [("Minder dan één procent", "percentage", 1, None, "%", "Minder dan")]),
        ("Dit is een procent of wat hoger.", []),
        # ... and a number word after a place is a count, not part of a name.
        ("Er zijn in Nederland drie zorgaanbieders die deze zorg leveren.",
         [("drie zorgaanbieders", "quantity", 3, None, "zorgaanbieders", None)]),
    ],
)  # fmt: skip
def test_sums_and_percentages_of_every_era(amounts_in, sentence, expected) -> None:
    assert amounts_in(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Zie dossier 21 501 en Kamerstuk 31 839, nr. 5.",  # dossier numbers in two groups
        "De rit duurt 10 min. langer.",  # minutes: "min." is a scale only after a currency sign
        "De rit duurt 10 min. per persoon.",  # ... or before a currency word
        "Het Stroomgebiedbeheerplan Zoetwater 2022-2027 uiterlijk volgend jaar.",  # a name's years
    ],
)  # fmt: skip
def test_grouped_numbers_and_minutes_that_are_no_sums(amounts_in, sentence) -> None:
    assert amounts_in(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Thousands grouped by spaces count the plural noun after them ...
        ("Er waren 46 890 illegale grensoverschrijdingen in 2024.",
         [("46 890 illegale grensoverschrijdingen", "quantity", 46890, None,
           "grensoverschrijdingen", None)]),
        # ... a count after an acronym is no part of a name ...
        ("Op 1 oktober stonden bij de IND 260 asielaanvragen open.",
         [("260 asielaanvragen", "quantity", 260, None, "asielaanvragen", None)]),
        ("In het verslag vermeldt TikTok 160 Nederlandstalige moderatoren.",
         [("160 Nederlandstalige moderatoren", "quantity", 160, None, "moderatoren", None)]),
        ("Het gaat om de Natura 2000 gebieden in Nederland.", []),
        ("De Huisartsenpost 22.00 uur is de sluitingstijd.", []),
        # ... a plural acronym is a counted noun, and a year-like count before it no year.
        ("Het gaat om bijna 2000 unieke BSN’s die zijn gecontroleerd.",
         [("bijna 2000 unieke BSN’s", "quantity", 2000, None, "BSN’s", "bijna")]),
        ("Er zijn 1500 BSN’s gecontroleerd.", [("1500 BSN’s", "quantity", 1500, None, "BSN’s", None)]),
        # A capitalised plural right after a number counts people or things of a name.
        ("Het gaat om de genoemde 330 Bulgaren die toeslag ontvingen.",
         [("330 Bulgaren", "quantity", 330, None, "Bulgaren", None)]),
        ("Er rijden nu 321 Ebusco’s in Nederland.",
         [("321 Ebusco’s", "quantity", 321, None, "Ebusco’s", None)]),
        # A large number after a part's label is a count: no label has four digits.
        ("Met deze maatregel kan UWV 3.000 extra beoordelingen doen.",
         [("3.000 extra beoordelingen", "quantity", 3000, None, "beoordelingen", None)]),
        # "meer" and "minder" between the number and its noun, whatever their tag ...
        ("Ook blijkt dat UWV 14.000 meer WIA-claimbeoordelingen heeft kunnen doen.",
         [("14.000 meer WIA-claimbeoordelingen", "quantity", 14000, None,
           "WIA-claimbeoordelingen", None)]),
        # ... but a comparison with "dan" counts nothing.
        ("Het zijn er 300 meer dan vorig jaar.", []),
        # A number that opens a line or follows a closing bracket before a capitalised word
        # labels a footnote or an item; footnotes cite Kamerstukken, they do not count them.
        ("Dat staat in het bericht.\n\n1 Mbo-instelling verbiedt telefoons in de klas.", []),
        ("Dat volgt uit de richtlijn.\n\n5 NIS directive, Publicatieblad van de EU.", []),
        # ... but an acronym counted inside a sentence is counted
        ("Daarna zijn er 2000 BSN’s gecontroleerd.",
         [("2000 BSN’s", "quantity", 2000, None, "BSN’s", None)]),
        ("Zie de bron (zorg.nl) 3 Passende contractering (zorg.nl).", []),
        ("Zie nr. 203 2 Kamerstukken II, vergaderjaar 2022/2023.", []),
        # Thousands grouped by spaces before a unit of measure are a quantity of that unit.
        ("De oefenterreinen van 23 000 ha nemen af.",
         [("23 000 ha", "quantity", 23000, None, "ha", None)]),
        ("Het gaat om 12 000 m2 kantoorruimte.",
         [("12 000 m2", "quantity", 12000, None, "m2", None)]),
        ("Het gaat om 5 Nederlandse scholen en 12 Bulgaarse bedrijven.",
         [("5 Nederlandse scholen", "quantity", 5, None, "scholen", None),
          ("12 Bulgaarse bedrijven", "quantity", 12, None, "bedrijven", None)]),
    ],
)  # fmt: skip
def test_counts_in_every_print(amounts_in, sentence, expected) -> None:
    assert amounts_in(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Lijn 3 zet in op het vergroten van de instroom.",  # the label of a numbered part
        "In scenario 2 stijgen de kosten niet.",
        "Het wetsvoorstel 36 200 hoofdstuk XVI is ingediend.",  # a dossier number, no plural
        "De COP 28 afspraken zijn gemaakt.",  # an acronym's number of two digits names it
        "Het programma Natura 2000 gebieden beschermt de natuur.",
        "Zie de paragraaf. 3 Passende contractering is nodig.",  # a heading run in
        "In hoofdstuk 4 Conclusies staat dit.",
    ],
)  # fmt: skip
def test_labels_and_names_with_numbers_are_no_counts(amounts_in, sentence) -> None:
    assert amounts_in(sentence) == []


@pytest.mark.parametrize(
    ("dated", "unit"),
    [("'s-Gravenhage, 24 juni 1992", "NLG"), ("Den Haag, 24 juni 2024", "EUR")],
)
def test_a_bare_sum_is_in_the_currency_of_the_letters_era(amounts_in, dated, unit) -> None:
    text = f"{dated}\n\nGeachte voorzitter,\n\nDe meevaller van 430 mln. gaat naar investeringen.\n"
    found = [a for a in amounts_in(text) if a[1] == "money"]
    assert found == [("430 mln.", "money", 430e6, None, unit, None)]


def test_a_bare_sum_without_money_around_it_is_no_money(amounts_in) -> None:
    text = "Den Haag, 24 juni 2024\n\nGeachte voorzitter,\n\nEr wonen 17 mln. mensen in het land.\n"
    assert [a for a in amounts_in(text) if a[1] == "money"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Voor deze vraag zijn de artikelen 42 en 15 relevant.",
        "Zie de antwoorden op vragen 3, 4 en 5 hierboven.",
    ],
)
def test_numbers_in_a_series_after_a_label_are_no_amounts(amounts_in, sentence) -> None:
    assert amounts_in(sentence) == []


def test_a_series_without_a_label_still_counts(amounts_in) -> None:
    found = amounts_in("Er kwamen 42 en 15 nieuwe aanvragen binnen.")
    assert [a[0] for a in found] == ["42", "15 nieuwe aanvragen"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In het schooljaar 2025–2026 grote risico’s nemen is niet verstandig.",
        "Dit regelt de Wet maatregelen 1987-1991 inzake voorzieningen.",
        "Het kabinet wil een nieuw tussendoel voor 2040 vaststellen zoals de wet vraagt.",
        "Dat geldt tot en met 1980 belastingplannen van ca. 2 mld. daargelaten.",
        # a year that names a plan or a law, then a clause or an aside: no count
        "Dit betreft die onderdelen van het belastingplan 1979 waarvoor wél wetswijziging nodig"
        " is.",
        "De Wet op de inkomstenbelasting 1964 (afschaffing van investeringsbijdragen) vervalt.",
    ],
)
def test_years_and_periods_before_a_word_count_nothing(amounts_in, sentence) -> None:
    assert not [a for a in amounts_in(sentence) if a[0][:2] in ("19", "20")]


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        # "per" and the noun a sum prices belong to it ...
        ("Aanvullend keert de NAM 1,5 euro per vat uit.", ["1,5 euro per vat"]),
        ("De heffing is 12 ct per liter.", ["12 ct per liter"]),
        # ... not what follows "per" when it is no noun
        ("Dat kost 5 euro per de nieuwe regeling.", ["5 euro"]),
    ],
)
def test_a_sum_takes_the_noun_it_prices(amounts_in, sentence, texts) -> None:
    assert [a[0] for a in amounts_in(sentence)] == texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table under its unit line, one figure a line; the column years are no sums
        ("De kosten per jaar.\n\nTabel 1 (bedragen x € 1 mln)\n2025\n2026\n12,5\n14\nTotaal\n"
         "26,5\n\nDe tabel toont de stand van zaken.",
         [("12,5", 12.5e6, "EUR"), ("14", 14e6, "EUR"), ("26,5", 26.5e6, "EUR")]),
        # an OCR'd table of the 1980s, flattened into one line, with "min." for "mln."
        ("de volgende knelpunten (x f 1 min., prijspeil 1980) 1988 82,0 1981 1982 1,5 10,0"
         " Totaal na totaal 92,0 Dit is een globale raming.",
         [("82,0", 82e6, "NLG"), ("1,5", 1.5e6, "NLG"), ("10,0", 10e6, "NLG"),
          ("92,0", 92e6, "NLG")]),
        # the unit in words, and a unit of thousands
        ("Overzicht.\n\n(in miljoenen guldens)\n1990\n1991\n12,5\n13\n\nDe ramingen zijn voorlopig.",
         [("12,5", 12.5e6, "NLG"), ("13", 13e6, "NLG")]),
        ("Overzicht.\n\n(bedragen x f 1000)\n1990\n250\n\nDe ramingen zijn voorlopig.",
         [("250", 250e3, "NLG")]),
        # the unit of a sentence makes no table
        ("De kosten lopen (in miljoenen euro's) op sinds vorig jaar.", []),
        ("Ik stuur u het overzicht (x € 1 mln) van 12 projecten, waarvan 3 klaar zijn.",
         [("€ 1 mln", 1e6, "EUR"), ("12 projecten", 12, "projecten")]),
    ],
)  # fmt: skip
def test_a_tables_unit_line_makes_its_figures_sums(amounts_in, text, expected) -> None:
    assert [(a[0], a[2], a[4]) for a in amounts_in(text)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # OCR reads the guilder sign as a slash: a sign before a number and a scale ...
        ("Het kabinet trekt hiervoor / 300 mln. uit.", [("/ 300 mln.", 3e8, "NLG")]),
        ("De besparing is / 45 min. per jaar.", [("/ 45 min. per jaar", 45e6, "NLG")]),
        # ... never between two numbers or before a number without a scale
        ("Zie de begroting 1992 / 1993 voor de details.", []),
        ("Het is / 300 van de aanvragen.", [("300 van de aanvragen", 300, "aanvragen")]),
    ],
)  # fmt: skip
def test_a_slash_for_a_guilder_sign(amounts_in, sentence, expected) -> None:
    assert [(a[0], a[2], a[4]) for a in amounts_in(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Guilder signs written with a full stop, and sums the scans write their own way ...
        ("De subsidie bedraagt Hfl. 25 miljoen.", [("Hfl. 25 miljoen", 25e6, "NLG")]),
        ("Het bedrag van f. 750.000 wordt overgeheveld.", [("f. 750.000", 750e3, "NLG")]),
        ("Daarvoor is Dfl. 12 miljoen gereserveerd.", [("Dfl. 12 miljoen", 12e6, "NLG")]),
        ("De uitgaven stijgen tot f 1 040 mln. in 1986.", [("tot f 1 040 mln.", 1.04e9, "NLG")]),
        ("De bijdrage is f 100.000,— per jaar.", [("f 100.000,— per jaar", 1e5, "NLG")]),
        ("De vergoeding bedraagt f 25.- per dag.", [("f 25.- per dag", 25, "NLG")]),
        # ... abbreviated scales, which letters write for sums only ...
        ("De post bedraagt 510 mln. per jaar.", [("510 mln. per jaar", 510e6, "EUR")]),
        ("De post stijgt van 420 tot 510 mln.", [("van 420 tot 510 mln.", 420e6, "EUR")]),
        ("De bijdrage komt van 3 mln. inwoners.", [("3 mln. inwoners", 3e6, "inwoners")]),
        # ... and fractions before a scale word
        ("Het kabinet trekt anderhalf miljard euro uit.", [("anderhalf miljard euro", 1.5e9, "EUR")]),
        ("Het kost een half miljard euro.", [("een half miljard euro", 5e8, "EUR")]),
        # item f of a list is no sign
        ("De maatregelen zijn:\nf. 25 gemeenten doen mee.", [("25 gemeenten", 25, "gemeenten")]),
        # the dash of a round sum after thousands grouped by spaces, or glued to the sign ...
        ("Het bedrag van ƒ 25 000,- wordt uitgekeerd.", [("ƒ 25 000,-", 25e3, "NLG")]),
        ("De heffing bedraagt f100.000,-- per bedrijf.",
         [("f100.000,-- per bedrijf", 1e5, "NLG")]),
        # ... a scale glued to the number, and an English scale in a quoted source
        ("Er komt €5mln bij voor de regio.", [("€5mln", 5e6, "EUR")]),
        ("De VS trekken USD 5 billion uit.", [("USD 5 billion", 5e9, "USD")]),
    ],
)  # fmt: skip
def test_sums_in_the_forms_of_every_era(amounts_in, sentence, expected) -> None:
    assert [(a[0], a[2], a[4]) for a in amounts_in(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Het duurt een half jaar.",  # a fraction of no scale is no amount
        "Dat is een kwart van de gemeenten.",
        "De post bedraagt 510 miljoen.",  # a bare 'miljoen' needs a word of money near it
        "De rit duurt 15 min. per persoon.",  # minutes
    ],
)  # fmt: skip
def test_signs_fractions_and_scales_that_are_no_sums(amounts_in, sentence) -> None:
    assert amounts_in(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the currencies of the European Community's letters before the euro, by sign ...
        ("De Gemeenschap stelt ECU 50 miljoen beschikbaar.", [("ECU 50 miljoen", 50e6, "XEU")]),
        ("De Bondsrepubliek draagt DM 400 miljoen bij.", [("DM 400 miljoen", 400e6, "DEM")]),
        ("De tol bedraagt Bfr 500.", [("Bfr 500", 500, "BEF")]),
        # ... and by word, also of two words, the adjective naming the country
        ("Het fonds bedraagt 1,2 miljard ecu.", [("1,2 miljard ecu", 1.2e9, "XEU")]),
        ("Dit kost 3 miljard Duitse mark.", [("3 miljard Duitse mark", 3e9, "DEM")]),
        ("België betaalt 2 miljard Belgische frank.",
         [("2 miljard Belgische frank", 2e9, "BEF")]),
        ("Parijs draagt 100 miljoen Franse frank bij.",
         [("100 miljoen Franse frank", 1e8, "FRF")]),
        ("De VS betalen 5 miljoen Amerikaanse dollar.",
         [("5 miljoen Amerikaanse dollar", 5e6, "USD")]),
        # a sign after the sum, as tables and foreign sources print it, not the next sum's
        ("Het bedrag is 1.000 € per persoon.", [("1.000 € per persoon", 1000, "EUR")]),
        ("De kosten zijn 20 $ per dag.", [("20 $ per dag", 20, "USD")]),
        ("Tabel 1: 2023 € 5 mln 2024 € 6 mln", [("€ 5 mln", 5e6, "EUR"), ("€ 6 mln", 6e6, "EUR")]),
        # an adjective that names no currency leaves the word alone
        ("Er kwamen 300 Duitse toeristen.", [("300 Duitse toeristen", 300, "toeristen")]),
    ],
)  # fmt: skip
def test_foreign_currencies_of_every_era(amounts_in, sentence, expected) -> None:
    assert [(a[0], a[2], a[4]) for a in amounts_in(sentence)] == expected


def test_amounts_read_the_dates_steps_spans(bundled_nlp) -> None:
    text = "Op 12 maart 2024 kostte het 3 miljoen euro."
    parsed = dataclasses.replace(parse(text), content_start=0)
    doc = bundled_nlp(parsed.text)
    with pytest.raises(RuntimeError, match="dates step"):
        extract_amounts(doc, parsed)  # the dates step has not run on this doc
    extract_dates(doc, parsed)
    assert [a.text for a in extract_amounts(doc, parsed)["amounts"]] == ["3 miljoen euro"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a plural noun right after a number, which the tagger took for a verb or adverb ...
        ("Uit onderzoek blijkt dat er in Nederland in totaal 1.838 zwembaden zijn.",
         [("1.838 zwembaden", 1838, "zwembaden")]),
        ("In 2024 zijn t/m 31 juli 47 zendingen paardenvlees geïmporteerd.",
         [("47 zendingen", 47, "zendingen")]),
        # ... but not a verb after a year, a label or before its subject
        ("In 2015 verlenen wij de vergunning.", []),
        ("In aanvulling op keuze 18 voorkomen we hiermee oxidatie van veen.", []),
    ],
)  # fmt: skip
def test_a_plural_the_tagger_took_for_a_verb_is_counted(amounts_in, sentence, expected) -> None:
    assert [(a[0], a[2], a[4]) for a in amounts_in(sentence) if a[1] == "quantity"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # fractions as older budget letters print them
        ("De premie stijgt met 1½%.", [("1½%", "percentage", 1.5, None, "%", None)]),
        ("De rente daalt met ¾%.", [("¾%", "percentage", 0.75, None, "%", None)]),
        ("De premie stijgt met 1 ½%.", [("1 ½%", "percentage", 1.5, None, "%", None)]),
        ("De rente daalt met 3/4%.", [("3/4%", "percentage", 0.75, None, "%", None)]),
        ("De groei bedraagt 2 1/2 procent.",
         [("2 1/2 procent", "percentage", 2.5, None, "%", None)]),
        # a height below the reference level
        ("De bodem ligt op NAP -4 m en de kruin op NAP +2 m hoogte.",
         [("-4 m", "quantity", -4, None, "m", None), ("+2 m", "quantity", 2, None, "m", None)]),
    ],
)  # fmt: skip
def test_fractions_and_heights(amounts_in, sentence, expected) -> None:
    assert amounts_in(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 3/4 vergaderde de commissie.",  # a date
        "Het gaat om 1/2 van de gemeenten.",  # a ratio without a percent
        "Zie bijlage 2 ½ van de nota.",
        "De score was -4 in de peiling.",
    ],
)
def test_slashes_and_minus_signs_that_are_no_amounts(amounts_in, sentence) -> None:
    assert amounts_in(sentence) == []


@pytest.mark.parametrize(
    ("dated", "unit"),
    [("'s-Gravenhage, 14 maart 1984", "NLG"), ("Den Haag, 14 maart 2024", "EUR")],
)
def test_a_cent_is_of_the_letters_era(amounts_in, dated, unit) -> None:
    text = f"{dated}\n\nAan de Voorzitter van de Tweede Kamer\n\nDe heffing bedraagt 12 ct per liter.\n"
    assert [(a[0], a[2], a[4]) for a in amounts_in(text)] == [("12 ct per liter", 0.12, unit)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # text extraction glued the sign, the number or the scale to a word
        ("De bijdrage bedraagt€ 5 miljoen per jaar.", [("€ 5 miljoen per jaar", 5e6, "EUR")]),
        ("Er is 5 miljoeneuro beschikbaar.", [("5 miljoeneuro", 5e6, "EUR")]),
        ("Er is € 5 miljoenbeschikbaar voor de regeling.", [("€ 5 miljoen", 5e6, "EUR")]),
        ("Dat kost jaarlijks1,2 miljard euro.", [("1,2 miljard euro", 1.2e9, "EUR")]),
        # a sign that is part of its currency's code stays with it
        ("De bijdrage stijgt met US$ 3 miljoen.", [("US$ 3 miljoen", 3e6, "USD")]),
    ],
)  # fmt: skip
def test_sums_glued_to_their_neighbours(bundled_extractor, sentence, expected) -> None:
    # the whole extraction: the glued tokens are split before the amounts are read
    letter = f"Den Haag, 14 maart 2024\n\nGeachte voorzitter,\n\n{sentence}\n"
    record = bundled_extractor.from_bytes(letter.encode(), "brief.txt")
    assert [(a.text, a.value, a.unit) for a in record.amounts] == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Dat vergt € 4,1 miljard.", 4100000000.0),
        ("Dat vergt € 0,7 miljard.", 700000000.0),
        ("De accijns stijgt met 12,3 ct per liter.", 0.123),
        ("Het gaat om € 1,15 miljoen.", 1150000.0),
    ],
)
def test_a_scaled_value_has_no_rounding_error(bundled_extractor, sentence, value) -> None:
    # 4.1 * 1e9 is 4099999999.9999995 in binary floating point; an analyst wants 4.1e9
    letter = f"Den Haag, 14 maart 2024\n\nGeachte voorzitter,\n\n{sentence}\n"
    record = bundled_extractor.from_bytes(letter.encode(), "brief.txt")
    assert [a.value for a in record.amounts] == [value]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the participle of spending after a sum is its verb, not a counted noun
        ("Hiervoor wordt € 3,5 mld uitgetrokken.", [("€ 3,5 mld", "money", 3.5e9, "EUR")]),
        ("Hiervoor is 12 mln gereserveerd.", [("12 mln", "money", 12e6, "EUR")]),
        ("In totaal is 12,5 miljoen uitgegeven aan de pilot.",
         [("12,5 miljoen", "money", 12.5e6, "EUR")]),
        # a noun after the sum is still counted, also with the participle before it
        ("Er wonen 17 mln mensen in Nederland.", [("17 mln mensen", "quantity", 17e6, "mensen")]),
        ("Er zijn drie uitgegeven boeken.",
         [("drie uitgegeven boeken", "quantity", 3, "boeken")]),
    ],
)  # fmt: skip
def test_a_sum_before_the_verb_that_spends_it(amounts_in, sentence, expected) -> None:
    assert [(t, k, v, u) for t, k, v, _, u, _ in amounts_in(sentence)] == expected
