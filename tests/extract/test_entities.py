"""Persons, organisations and locations: the rule families, each with sentences where
it must fire and where it must not, on the bundled pipeline and on nl_core_news_sm's labels."""

from __future__ import annotations

import pytest

from kamerbrief.record import LetterRecord
from tests.helpers import SEED_REPORT


@pytest.fixture(scope="module")
def record(bundled_extractor):
    def run(text: str) -> LetterRecord:
        result = bundled_extractor.from_bytes(text.encode("utf-8"), "test.txt")
        assert isinstance(result, LetterRecord), result
        return result

    return run


def names(entries) -> set[str]:
    return {e.name for e in entries}


def mentions(entries) -> list[str]:
    return [m.text for e in entries for m in e.mentions]


# --- gazetteer and acronyms ------------------------------------------------------------


def test_known_bodies_get_their_canonical_name(record) -> None:
    r = record("Het RIVM heeft samen met het ministerie van IenW een advies uitgebracht.")
    assert {
        "Rijksinstituut voor Volksgezondheid en Milieu",
        "Ministerie van Infrastructuur en Waterstaat",
    } <= names(r.organisations)


def test_acronym_and_full_name_are_one_organisation(record) -> None:
    r = record(
        "De Onafhankelijke Commissie Toekomst Arbeidsongeschiktheidsstelsel (OCTAS) heeft"
        " geadviseerd. Het advies van OCTAS wordt betrokken bij de hervorming."
    )
    octas = [o for o in r.organisations if "OCTAS" in (o.name, *o.aliases)]
    assert len(octas) == 1
    assert octas[0].name == "Onafhankelijke Commissie Toekomst Arbeidsongeschiktheidsstelsel"


def test_longer_place_name_is_not_cut_to_the_city(record) -> None:
    r = record("De regionale luchthavens, zoals Eindhoven Airport, worden ook onderzocht.")
    assert "Eindhoven Airport" in names(r.locations)
    assert "Eindhoven" not in mentions(r.locations)


# --- offices -------------------------------------------------------------------------


def test_ministry_inside_an_office_is_no_organisation(record) -> None:
    r = record(
        "Deze vragen zijn gesteld aan de Minister van Sociale Zaken en Werkgelegenheid en de"
        " Staatssecretaris van Financiën."
    )
    assert r.organisations == []


def test_ministry_named_as_a_body_is_an_organisation(record) -> None:
    r = record("Ambtenaren van het ministerie van Sociale Zaken en Werkgelegenheid waren aanwezig.")
    assert "Ministerie van Sociale Zaken en Werkgelegenheid" in names(r.organisations)


# --- persons -------------------------------------------------------------------------


def test_members_of_parliament_in_a_question_header(record) -> None:
    r = record(
        "Vragen van het lid Van Eijk en Aartsen (beiden VVD) aan de Staatssecretaris van"
        " Financiën over het bericht van de Hoge Raad (ingezonden 29 mei 2024)."
    )
    assert {"Van Eijk", "Aartsen"} <= names(r.persons)
    assert "VVD" in names(r.organisations)
    assert "Hoge Raad" in names(r.organisations)


def test_title_goes_to_roles_not_into_the_name(record) -> None:
    r = record(
        "Verslag van de missie van Minister Edith Schippers van Volksgezondheid, Welzijn en"
        " Sport naar Kazan."
    )
    person = next(p for p in r.persons if "Schippers" in p.name)
    assert person.name == "Edith Schippers"
    assert "Minister van Volksgezondheid, Welzijn en Sport" in person.roles
    assert "Kazan" in names(r.locations)


def test_role_takes_the_longest_portfolio(record) -> None:
    r = record("Minister Eric Wiebes van Economische Zaken en Klimaat opende het congres.")
    person = next(p for p in r.persons if p.name == "Eric Wiebes")
    assert person.roles == ["Minister van Economische Zaken en Klimaat"]


def test_office_without_a_name_is_no_person(record) -> None:
    r = record("De Minister van Buitenlandse Zaken heeft de Kamer hierover geïnformeerd.")
    assert r.persons == []


def test_name_after_a_title_stops_before_ordinary_words(record) -> None:
    r = record(
        "Zoals toegezegd aan het lid Kröger in het commissiedebat Verduurzaming van 16 juni."
    )
    assert mentions(r.persons) == ["Kröger"]


def test_mentions_of_one_person_merge_into_the_fullest_name(record) -> None:
    r = record(
        "Minister Schippers bezocht Moskou. Daar sprak Minister Edith Schippers met de"
        " ziekenhuisdirectie. De missie van Schippers werd afgesloten met een diner.\n\n"
        "De Minister van Volksgezondheid, Welzijn en Sport,\n\nE.I. Schippers"
    )
    schippers = [p for p in r.persons if p.name.endswith("Schippers")]
    assert len(schippers) == 1
    person = schippers[0]
    assert person.name == "Edith Schippers"
    assert set(person.aliases) == {"Schippers", "E.I. Schippers"}
    assert len(person.mentions) == 4
    assert "Minister van Volksgezondheid, Welzijn en Sport" in person.roles


def test_apposition_makes_a_person_and_a_role(record) -> None:
    r = record("Er is gesproken met Alexey Sorokin, CEO van het organisatiecomité.")
    person = next(p for p in r.persons if p.name == "Alexey Sorokin")
    assert person.roles == ["CEO van het organisatiecomité"]
    assert "Alexey Sorokin" not in names(r.organisations)


def test_apposition_names_a_person_the_ner_missed_but_not_a_body(record) -> None:
    r = record("Wij spraken met Daniil Izotenkov, directeur van het centrum in Kazan.")
    assert "Daniil Izotenkov" in names(r.persons)
    r = record("Wij spraken met Stichting Beter Wonen, directeur van het project.")
    assert not names(r.persons)


def test_list_letter_at_line_start_is_not_an_initial(record) -> None:
    r = record("De maatregelen zijn:\nB. Daarnaast wordt het toezicht versterkt.")
    assert r.persons == []


# --- head words --------------------------------------------------------------------------


def test_head_words_make_organisations_and_drop_policy_instruments(record) -> None:
    r = record(
        "Ouders krijgen steun van Stichting Kiem. De Kaderrichtlijn Water (KRW) stelt doelen; de"
        " KRW-doelen gelden vanaf 2027 en de KRW geldt voor alle wateren."
    )
    assert "Stichting Kiem" in names(r.organisations)
    assert not {"KRW", "Kaderrichtlijn Water"} & set(mentions(r.organisations))


def test_acronym_of_a_lower_case_phrase_is_no_name(record) -> None:
    r = record(
        "De uitstoot van zeer zorgwekkende stoffen (ZZS) neemt af. Het RIVM meet ZZS rond Schiphol."
    )
    assert "ZZS" not in mentions(r.organisations) + mentions(r.locations)
    assert "Schiphol" in names(r.locations)


# --- what is not a name --------------------------------------------------------------------


def test_nationalities_and_generic_words_are_no_entities(record) -> None:
    r = record(
        "Er is gesproken met Nederlandse en Russische partijen. De Kamer is geïnformeerd"
        " (Kamerstukken II 2021/22, 30175, nr. 414)."
    )
    found = mentions(r.persons) + mentions(r.organisations) + mentions(r.locations)
    assert not {"Nederlandse", "Russische", "Kamer", "Kamerstukken II"} & set(found)


def test_word_capitalised_only_at_a_sentence_start_is_no_name(record) -> None:
    r = record(
        "Concluderend kan worden gesteld dat de aanpak werkt.\n\nKennisopbouw\n\nHet"
        " onderzoek loopt."
    )
    assert r.persons == r.organisations == r.locations == []


def test_mentions_have_offsets_and_sections(bundled_extractor) -> None:
    r = bundled_extractor.from_path(SEED_REPORT)
    assert isinstance(r, LetterRecord)
    all_mentions = [
        m for kind in (r.persons, r.organisations, r.locations) for e in kind for m in e.mentions
    ]
    assert len(all_mentions) > 100
    for m in all_mentions:
        assert r.text[m.start : m.end] == m.text
        assert (
            m.section
            == next((s.id for s in reversed(r.sections) if s.start <= m.start < s.end), None)
            or m.section is not None
        )
    moskou = next(loc for loc in r.locations if loc.name == "Moskou")
    assert {m.section for m in moskou.mentions} - {None}


# --- nl_core_news_sm's labels ---------------------------------------------------------------


def test_downstream_works_the_same_on_nl_core_news_labels() -> None:
    """A pipeline that says PERSON, GPE, NORP (as nl_core_news_sm does) gives the same record."""
    import spacy

    from kamerbrief.api import Extractor

    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Karin van Dijk"},
            {"label": "GPE", "pattern": "Groningen"},
            {"label": "NORP", "pattern": "Nederlandse"},
            {"label": "ORG", "pattern": "Forcare"},
            {"label": "MONEY", "pattern": "5 miljoen euro"},
        ]
    )
    extractor = Extractor("nl_core_news_sm", nlp=nlp)
    r = extractor.from_bytes(
        b"Mevrouw Karin van Dijk van Forcare sprak in Groningen met Nederlandse bedrijven over"
        b" 5 miljoen euro.",
        "test.txt",
    )
    assert isinstance(r, LetterRecord)
    assert names(r.persons) == {"Karin van Dijk"}
    assert names(r.locations) == {"Groningen"}
    assert names(r.organisations) == {"Forcare"}


def test_the_place_of_a_date_line_above_the_signature_is_no_location(record) -> None:
    """A royal message prints its place and date above the signature; a place in the
    text itself is still a location."""
    text = (
        "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1983-1984\n18 109\n"
        "Wijziging van de begroting van het Staatsmuntbedrijf\nNr. 1\nKONINKLIJKE BOODSCHAP\n"
        "Aan de Tweede Kamer der Staten-Generaal\n"
        "Wij bieden U hiernevens ter overweging aan een ontwerp van wet. Het Staatsmuntbedrijf "
        "in Utrecht en het depot in 's-Gravenhage vallen eronder.\n"
        "'s-Gravenhage, 26 september 1983\nBeatrix\n"
    )
    found = mentions(record(text).locations)
    assert "Utrecht" in found
    assert found.count("'s-Gravenhage") == 1


def _letter(extractor, body: str):
    """The record of a letter of 3 maart 2025 whose body is ``body``."""
    text = (
        f"Den Haag, 3 maart 2025\n\nGeachte voorzitter,\n\n{body}\n\nDe Minister van"
        " Volksgezondheid, Welzijn en Sport,\n\nE.I. Schippers\n"
    )
    return extractor.from_bytes(text.encode(), "brief.txt")


def test_a_letter_between_two_nouns_is_a_label_not_an_initial(bundled_extractor) -> None:
    record = _letter(
        bundled_extractor,
        "Een product met een oranje Nutri-Score D. Producten met vezels scoren beter. Dat zegt"
        " A. Bakker van het RIVM.",
    )
    names = {p.name for p in record.persons}
    assert "A. Bakker" in names
    assert not any("Producten" in n for n in names)


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Volgens Jan D. Visser van het RIVM is dat zo.", "D. Visser"),
        ("Dat zegt Piet D. Bakker van het RIVM.", "D. Bakker"),
        # a surname the tagger may read as a plural noun
        ("De brief is ondertekend door Willem J. Vissers namens de gemeente.", "J. Vissers"),
        ("De brief is ondertekend door Jan-Willem J. Vissers namens de gemeente.", "J. Vissers"),
    ],
)
def test_a_letter_before_a_surname_stays_an_initial(
    bundled_extractor, sentence: str, person: str
) -> None:
    record = _letter(bundled_extractor, sentence)
    assert any(person in p.name for p in record.persons)


def test_a_letter_between_a_name_and_a_plural_noun_is_a_label(bundled_extractor) -> None:
    record = _letter(
        bundled_extractor, "Zij kregen de Nutri-Score A. Bedrijven gebruiken het logo."
    )
    assert not any("Bedrijven" in p.name for p in record.persons)


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        # two bodies joined by "en": the second opens with two capitalised words or a head
        ("Dat meldden House of Animals en RTÉ Investigates eerder.",
         {"House of Animals", "RTÉ Investigates"}),
        ("Het Stockholm Center for Freedom en Amnesty International melden dit.",
         {"Stockholm Center for Freedom", "Amnesty International"}),
        # (the ministries of a list are each found apart, by their canonical names)
        ("De Taskforce Health Care en Ministeries van Economische Zaken en Buitenlandse Zaken"
         " werken samen.", {"Taskforce Health Care", "Ministerie van Economische Zaken",
                            "Ministerie van Buitenlandse Zaken"}),
        # one body with "en" in its name stays whole
        ("Het Centrum voor Wiskunde en Informatica doet onderzoek.",
         {"Centrum voor Wiskunde en Informatica"}),
        ("Het Ministerie van Volkshuisvesting en Ruimtelijke Ordening betaalt dit.",
         {"Ministerie van Volkshuisvesting en Ruimtelijke Ordening"}),
    ],
)  # fmt: skip
def test_two_bodies_joined_by_en_are_two(record, text, bodies) -> None:
    assert names(record(text).organisations) == bodies


MEMBERS_SIGN = """Tweede Kamer der Staten-Generaal
2
Zitting 1980-1981
14 181
Wet voorzieningen gezondheidszorg
Nr. 94
AMENDEMENT VAN HET LID G. M. P. CORNELISSEN CS.
Ontvangen 19 maart 1981
De ondergetekenden stellen het volgende amendement voor:
Aan artikel 63 wordt een onderdeel R toegevoegd.
Toelichting Dit amendement beoogt meer ruimte te scheppen voor een directeur met bestuurlijke
kwaliteiten in het bureau van de Raad.
G. M. P. Cornelissen Müller-van Ast Dees
Tweede Kamer, zitting 1980-1981, 14 181, nr. 94
"""


def test_members_signing_side_by_side_are_each_a_person(bundled_extractor) -> None:
    """The NER reads the line of names as one person; the signature's names stand instead."""
    record = bundled_extractor.from_bytes(MEMBERS_SIGN.encode(), "amendement.txt")
    names = {m.text for p in record.persons for m in p.mentions if m.start > 300}
    assert {"G. M. P. Cornelissen", "Müller-van Ast", "Dees"} <= names
    assert not any(" Dees" in n or "Ast Dees" in n for n in names)


@pytest.mark.parametrize(
    ("sentence", "mentions"),
    [
        # a list names each ministry apart
        ("De Ministeries van Economische Zaken en Financiën werken samen.",
         {"Economische Zaken", "Financiën"}),
        # no portfolio: no ministry; the ministries of other countries are none of ours
        ("Dit geldt voor alle ministeries van het Rijk.", set()),
        ("De ministeries van Buitenlandse Zaken van de EU-lidstaten stemmen zich af.", set()),
    ],
)  # fmt: skip
def test_ministries_in_the_plural(bundled_extractor, sentence: str, mentions: set[str]) -> None:
    record = _letter(bundled_extractor, sentence)
    body = record.text.index(sentence)
    found = {
        m.text
        for o in record.organisations
        for m in o.mentions
        if body <= m.start < body + len(sentence)
    }
    assert found == mentions
