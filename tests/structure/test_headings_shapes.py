"""Headings of less common shapes, and lines shaped like headings that are not one."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse

HEAD = """Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA  DEN HAAG

Datum 12 maart 2024
Betreft Voortgang van de verkoop van staatsdeelnemingen

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over de voortgang van de verkoop van de
staatsdeelnemingen die het kabinet vorig jaar heeft aangekondigd. Ik ga in op de
stand van zaken, de gevolgen voor de begroting en de vervolgstappen.

"""

TAIL = """
Hoogachtend,

de Minister van Financiën,

E. Heinen
"""

PARA = """De verkoop verloopt volgens de planning die in de Voorjaarsnota is opgenomen. De
adviseurs hebben hun rapport opgeleverd en de gesprekken met de kopers zijn gestart.
Ik verwacht de Kamer voor de zomer nader te kunnen informeren over de uitkomsten."""


def _titles(body: str) -> list[str]:
    return [s.title for s in parse(HEAD + body + TAIL).sections]


def test_question_as_heading() -> None:
    body = f"Waarom verkoopt het kabinet deze deelnemingen?\n\n{PARA}\n\nWat zijn de gevolgen?\n\n{PARA}\n"
    assert _titles(body) == [
        "Waarom verkoopt het kabinet deze deelnemingen?",
        "Wat zijn de gevolgen?",
    ]


def test_short_title_ending_in_a_colon() -> None:
    body = f"Stand van zaken:\n\n{PARA}\n"
    assert _titles(body) == ["Stand van zaken:"]


def test_colon_that_introduces_a_list_is_no_heading() -> None:
    body = f"De belangrijkste punten zijn:\n\n- de planning;\n- de kosten.\n\n{PARA}\n"
    assert _titles(body) == []


def test_title_in_brackets_and_with_abbreviations() -> None:
    body = (
        f"(Voorlopige) resultaten\n\n{PARA}\n\n"
        f"Verkoop aandelen Gasunie N.V.\n\n{PARA}\n\n"
        f"Overdracht aan de N.V. Nederlandse Spoorwegen\n\n{PARA}\n"
    )
    assert _titles(body) == [
        "(Voorlopige) resultaten",
        "Verkoop aandelen Gasunie N.V.",
        "Overdracht aan de N.V. Nederlandse Spoorwegen",
    ]


def test_numbered_title_with_abbreviation() -> None:
    body = f"1. Verkoop van de aandelen in de N.V. Bank Nederlandse Gemeenten\n\n{PARA}\n\n2. Vervolg\n\n{PARA}\n"
    assert _titles(body) == [
        "Verkoop van de aandelen in de N.V. Bank Nederlandse Gemeenten",
        "Vervolg",
    ]


def test_heading_after_a_line_that_ends_in_a_footnote_number() -> None:
    body = (
        "De verkoop verloopt volgens de planning die in de Voorjaarsnota is opgenomen. De\n"
        "adviseurs hebben hun rapport opgeleverd, zoals ik eerder heb gemeld.3\n"
        "Gevolgen voor de begroting\n"
        f"{PARA}\n"
    )
    assert _titles(body) == ["Gevolgen voor de begroting"]


@pytest.mark.parametrize(
    "sentence",
    [
        "De adviseurs hebben hun rapport opgeleverd, zoals ik eerder heb gemeld.3",
        "De adviseurs hebben hun rapport opgeleverd, zoals ik eerder heb gemeld. 12",
        "De adviseurs hebben hun rapport opgeleverd (zie de bijlage).3",
    ],
)
def test_a_short_paragraph_that_ends_in_a_footnote_number_is_no_heading(sentence: str) -> None:
    # the one-line paragraph stands alone between blank lines like a title, but it ends
    # a sentence before its footnote number
    body = f"{sentence}\n\nGevolgen voor de begroting\n\n{PARA}\n"
    assert _titles(body) == ["Gevolgen voor de begroting"]


def test_a_title_ending_in_a_letter_and_a_number_is_a_heading() -> None:
    body = f"Scenario A.1\n\n{PARA}\n\nScenario A.2\n\n{PARA}\n"
    assert _titles(body) == ["Scenario A.1", "Scenario A.2"]


def test_headings_numbered_in_roman_numerals() -> None:
    body = f"I. Algemeen\n\n{PARA}\n\nII. Artikelsgewijs\n\n{PARA}\n"
    sections = parse(HEAD + body + TAIL).sections
    assert [(s.number, s.title) for s in sections] == [("I", "Algemeen"), ("II", "Artikelsgewijs")]


def test_headings_numbered_without_a_full_stop() -> None:
    body = (
        f"1 Inleiding\n\n{PARA}\n\n2 Ontwikkelingen in 2024\n\n{PARA}\n\n"
        f"3 Kamerstukken en toezeggingen\n\n{PARA}\n\n"
        "4 Zie het rapport van de commissie\n\n"  # a footnote after the outline
    )
    assert [(s.number, s.title) for s in parse(HEAD + body + TAIL).sections] == [
        ("1", "Inleiding"),
        ("2", "Ontwikkelingen in 2024"),
        ("3", "Kamerstukken en toezeggingen"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # one such line alone may be a footnote
        f"{PARA}\n\n1 Zie de bijlage bij deze brief\n\n",
        # a footnote with digits, standing alone twice
        f"{PARA}\n\n1 Kamerstuk 36 410, nr. 5\n\n{PARA}\n\n2 Kamerstuk 36 410, nr. 8\n\n",
        # a footnote that cites a source and its year
        f"{PARA}\n\n1 CBS, Armoede en sociale uitsluiting 2023\n\n2 NOS, 12 maart 2024\n\n",
        # lines that go on without a blank line are no headings
        f"{PARA}\n1 Zie de bijlage\n2 Zie de brief van april\n\n",
    ],
)
def test_numbers_without_a_full_stop_that_are_no_headings(body: str) -> None:
    assert _titles(body) == []


def test_long_title_standing_alone() -> None:
    title = "Gevolgen van de verkoop van de staatsdeelnemingen voor de begroting van het Rijk en de gemeenten"
    body = f"{title}\n\n{PARA}\n"
    assert _titles(body) == [title]


def test_a_question_inside_a_paragraph_is_no_heading() -> None:
    body = (
        "De verkoop verloopt volgens de planning die in de Voorjaarsnota is opgenomen.\n"
        "Wat betekent dit voor de begroting?\n"
        f"{PARA}\n"
    )
    assert _titles(body) == []


def test_side_column_name_and_place_are_no_headings() -> None:
    body = f"Datum 21 maart 2022\n\n{PARA}\n\nDen Haag\n\n{PARA}\n\nCarola Schouten\nMinister van Landbouw, Natuur en Voedselkwaliteit\n"
    assert _titles(body) == []


def test_text_quoted_by_an_amendment_is_no_heading() -> None:
    body = (
        "I De aanhef van hoofdstuk III A wordt als volgt gelezen:\n"
        "HOOFDSTUK III A. NASCHOLING\n"
        "II In hoofdstuk III A vervalt titel I, zodat de regeling voor de nascholing van leraren geheel in de wet zelf is opgenomen.\n"
    )
    assert _titles(body) == []


ANSWERS = """Antwoord van minister Faber (Asiel en Migratie) (ontvangen 20 november 2024)

Vraag 1
Kunt u aangeven hoe het rapport is meegewogen in uw beleid?

Antwoord op vraag 1
Het rapport was een van de bronnen voor de formerende partijen.

Vragen 2 en 3
Welke maatregelen neemt u?

Antwoord op vragen 2 en 3
1. Toelichting op de maatregelen
De maatregelen staan in het regeerprogramma.

Vraag 4
Kunt u deze vragen voor de begrotingsbehandeling beantwoorden?

Antwoord op vraag 4
Ja.
"""


def test_answers_to_kamervragen_have_no_sections() -> None:
    assert parse(ANSWERS).sections == []


# OCR of a printed page: one paragraph a line, a heading printed at a paragraph's start.
OCR = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
    "'s-Gravenhage, 28 februari 1986\n"
    "Geachte voorzitter,\n"
    "Onlangs zijn drie onderzoeken afgerond naar de effecten van het beleid op de huisvesting van "
    "etnische minderheden. De resultaten zend ik u bijgaand toe. In deze brief wil ik naar "
    "aanleiding daarvan enige beleidsmatige en bestuurlijke kanttekeningen plaatsen die voor de "
    "gemeenten en de corporaties van belang zijn.\n"
    "Inleiding Op 27 september 1982 is in het overleg van de Bijzondere Commissie de wens naar "
    "voren gekomen om in een circulaire aan de gemeenten het huisvestingsbeleid ten aanzien van "
    "etnische minderheden met nadruk onder hun aandacht te brengen. Dit idee heb ik bij het "
    "aantreden van het nieuwe kabinet gaarne overgenomen en in een circulaire uitgewerkt.\n"
    "Algemene opmerkingen\n"
    "De resultaten van de onderzoeken rechtvaardigen de algemene conclusie dat zich een zekere "
    "vooruitgang en normalisatie heeft voltrokken op het terrein van de huisvesting van "
    "minderheden, al blijven er in de grote steden problemen bestaan die aandacht vragen van "
    "gemeenten, corporaties en het Rijk, zoals in de onderzoeken naar voren komt.\n"
    "Inleiding tot de onderzoeken is een korte beschrijving van de opzet en de aanpak van elk "
    "van de drie onderzoeken, die ik hier niet herhaal maar waarnaar ik verwijs voor wie de "
    "achtergrond wil kennen van de conclusies die in deze brief worden getrokken over het beleid "
    "van de afgelopen jaren en de gevolgen daarvan voor de gemeenten.\n"
)


def test_run_in_heading_of_an_ocr_paragraph() -> None:
    parsed = parse(OCR)
    assert [s.title for s in parsed.sections] == ["Inleiding", "Algemene opmerkingen"]
    start = parsed.text.index("Op 27 september 1982")
    assert parsed.text[parsed.sections[0].start : start].strip() == "Inleiding"


_LONG = (
    "Vliegtuigen en schietoefeningen veroorzaken geluidhinder. Rond alle militaire "
    "luchtvaartterreinen zijn in het structuurschema geluidzones vastgesteld, en buiten die "
    "zones is de hinder in de regel beperkt tot enkele dagen per jaar."
)


@pytest.mark.parametrize(
    ("paragraph", "title"),
    [
        # a heading of any words, run in before the sentence's first word ...
        ("Defensie-activiteiten en het milieu De belangrijkste activiteiten die het milieu "
         "belasten zijn vliegbewegingen en schietoefeningen. " + _LONG, "Defensie-activiteiten en het milieu"),
        # ... or one word and its full stop
        ("Geluidhinder. " + _LONG, "Geluidhinder"),
        # not: a sentence with a verb, a title before a name, a common word that answers
        ("Daarom heeft minister De Jonge besloten dat de zones blijven. " + _LONG, None),
        ("Volgens de staatssecretaris Van Houwelingen is dat niet nodig. " + _LONG, None),
        ("Inderdaad. " + _LONG, None),
        ("Dat klopt niet. " + _LONG, None),
    ],
)  # fmt: skip
def test_run_in_headings_of_any_words(paragraph: str, title: str | None) -> None:
    text = OCR.split("Inleiding Op")[0] + paragraph + "\n"
    titles = [s.title for s in parse(text).sections]
    assert titles == ([title] if title else [])


NUMBERED_QUESTIONS = """Geachte voorzitter,

Hierbij zend ik u de antwoorden op de vragen van het lid Jansen over de jeugdzorg.

1. Bent u bekend met het bericht dat jeugdzorgaanbieders in financiële problemen zitten?

Antwoord
Ja, ik ben bekend met dit bericht en ik volg de ontwikkelingen nauwgezet.

2. Hoeveel aanbieders hebben zich bij de gemeenten gemeld?

Antwoord
Op dit moment hebben zich twaalf aanbieders gemeld bij de gemeenten in de regio.
"""


def test_numbered_questions_with_answer_labels_are_no_sections() -> None:
    assert parse(NUMBERED_QUESTIONS).sections == []


def test_numbered_headings_that_ask_are_still_headings() -> None:
    # Without answer labels a numbered title that asks a question is a heading.
    body = f"1. Waarom verkoopt het kabinet?\n\n{PARA}\n\n2. Wat zijn de gevolgen?\n\n{PARA}\n"
    assert _titles(body) == ["Waarom verkoopt het kabinet?", "Wat zijn de gevolgen?"]


def test_wrapped_line_that_starts_like_a_run_in_heading_is_not_split() -> None:
    # A wrapped line of a modern letter is no joined paragraph: nothing is split off.
    body = (
        "In de brief van vorig jaar heb ik de hoofdlijnen geschetst. Deze brief bevat de\n"
        "Toelichting De regeling wordt per 1 januari van kracht en geldt voor alle\n"
        "gemeenten die een aanvraag hebben ingediend bij de uitvoeringsorganisatie.\n"
    )
    parsed = parse(HEAD + body + TAIL)
    assert parsed.sections == []
    assert "de Toelichting De regeling" in parsed.text


ROYAL_MESSAGE = """\
Tweede Kamer der Staten-Generaal
2
Vergaderjaar 1984-1985
18 700
Wijziging van de begroting van het Staatsbedrijf der PTT voor het jaar 1983
Nr. 1
KONINKLIJKE BOODSCHAP
Aan de Tweede Kamer der Staten-Generaal
Wij bieden U hiernevens ter overweging aan een ontwerp van wet tot wijziging van de begroting van het Staatsbedrijf der PTT voor het jaar 1983.
's-Gravenhage, 12 oktober 1984
Beatrix
Nr. 2
GEWIJZIGD ONTWERP VAN WET
Wij Beatrix, bij de gratie Gods, Koningin der Nederlanden, Prinses van Oranje-Nassau, enz. enz. enz.
Allen, die deze zullen zien of horen lezen, saluut! doen te weten: Alzo Wij in overweging genomen hebben, dat het noodzakelijk is de begroting te wijzigen;
"""


def test_royal_message_heading_and_signature_are_no_headings() -> None:
    letter = parse(ROYAL_MESSAGE)
    assert [s.title for s in letter.sections] == []
    assert letter.metadata.date is not None and letter.metadata.date.value == "1984-10-12"


QUESTION_LIST = """\
Tweede Kamer der Staten-Generaal
2
Vergaderjaar 1990-1991
21 800
Jaarverslag van de Algemene Rekenkamer over 1990
Nr. 4
LIJST VAN VRAGEN EN ANTWOORDEN Vastgesteld 12 juni 1991
De vaste Commissie voor de Rijksuitgaven heeft een aantal vragen voorgelegd aan de Minister van Financiën over het jaarverslag. De minister heeft deze vragen beantwoord bij brief van 5 juni 1991.
De voorzitter van de commissie, Van der Spek
De griffier van de commissie, Jansen
NOTITIE (NR. 3)
1 Welke maatregelen zijn genomen om de achterstand bij de verwerking van de aanslagen in te lopen? Deze vraag is al eerder aan de orde geweest in het mondeling overleg.
"""


def test_committee_signatures_and_document_heading_are_no_headings() -> None:
    assert [s.title for s in parse(QUESTION_LIST).sections] == []
