"""The header of answers to Kamervragen: the "ontvangen" date and the answering minister."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse
from kamerbrief.rules.loader import LayoutRules, read_rule_file

PRINTED = """\
Tweede Kamer der Staten-Generaal
Vergaderjaar 2023–2024
Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de
regering gegeven antwoorden
1450
Vragen van het lid Bikker (ChristenUnie) aan de Minister van Sociale Zaken en
Werkgelegenheid over de armoedecijfers van het CBS (ingezonden 12 maart 2024).
{answer}
Vraag 1
Bent u bekend met het bericht over de armoedecijfers?
Antwoord 1
Ja.
"""


@pytest.mark.parametrize(
    ("answer", "senders"),
    [
        (
            "Antwoord van Minister Van Gennip (Sociale Zaken en Werkgelegenheid) (ontvangen\n"
            "4 april 2024).",
            [("Van Gennip", "Minister van Sociale Zaken en Werkgelegenheid")],
        ),
        (
            "Antwoord van minister Van Gennip (Sociale Zaken en Werkgelegenheid), mede namens\n"
            "de staatssecretaris van Financiën (ontvangen 4 april 2024).",
            [("Van Gennip", "Minister van Sociale Zaken en Werkgelegenheid")],
        ),
        (
            "Mededeling van Minister Van Gennip (SZW) (ontvangen (ontvangen 4 april 2024).",
            [("Van Gennip", "Minister van Sociale Zaken en Werkgelegenheid")],
        ),
        # The ministry's closing bracket lost (Word version).
        (
            "Antwoord van minister Van Gennip (Sociale Zaken en Werkgelegenheid (ontvangen\n"
            "4 april 2024)",
            [("Van Gennip", "Minister van Sociale Zaken en Werkgelegenheid")],
        ),
        # A double surname printed with a spaced dash.
        (
            "Antwoord van Minister Dijkgraaf – Van der Berg (Sociale Zaken en Werkgelegenheid),\n"
            "mede namens de Minister voor Buitenlandse Handel en Ontwikkelingshulp (ontvangen\n"
            "4 april 2024).",
            [("Dijkgraaf – Van der Berg", "Minister van Sociale Zaken en Werkgelegenheid")],
        ),
        # A ministry of the 1980s by its abbreviation.
        (
            "Antwoord van Minister Brinkman (WVC) (ontvangen 4 april 2024).",
            [("Brinkman", "Minister van Welzijn, Volksgezondheid en Cultuur")],
        ),
        # A portfolio without a ministry of its own, by its name of cabinet Schoof.
        (
            "Antwoord van minister Klaassen (Buitenlandse Handel en Ontwikkelingshulp) (ontvangen\n"
            "4 april 2024).",
            [("Klaassen", "Minister voor Buitenlandse Handel en Ontwikkelingshulp")],
        ),
    ],
)
def test_answer_line_gives_date_title_and_minister(
    answer: str, senders: list[tuple[str, str]]
) -> None:
    letter = parse(PRINTED.format(answer=answer))
    meta = letter.metadata
    assert meta.date is not None and meta.date.value == "2024-04-04"
    assert meta.title == "de armoedecijfers van het CBS"
    assert [(s.name, s.role) for s in meta.senders] == senders
    assert letter.sections == []


def test_word_answer_without_question_labels() -> None:
    text = (
        "AH 602\n2024Z17165\n"
        "Antwoord van minister Faber - Van de Klashorst (Asiel en Migratie) (ontvangen 20"
        " november 2024)\n\n1\nKunt u aangeven hoeveel aanvragen er zijn ingediend?\n\n"
        "Antwoord\nDat aantal is niet bekend.\n"
    )
    letter = parse(text)
    meta = letter.metadata
    assert meta.date is not None and meta.date.value == "2024-11-20"
    # A portfolio that is a ministry of its own on the answer's date.
    assert [(s.name, s.role) for s in meta.senders] == [
        ("Faber - Van de Klashorst", "Minister van Asiel en Migratie")
    ]
    assert letter.text[letter.body_start :].startswith("1")


def test_portfolio_before_it_became_a_ministry() -> None:
    text = (
        "Antwoord van Minister De Jonge (Volkshuisvesting en Ruimtelijke Ordening) (ontvangen"
        " 3 oktober 2023).\nVraag 1\nKent u het bericht?\nAntwoord 1\nJa.\n"
    )
    senders = parse(text).metadata.senders
    assert [(s.name, s.role) for s in senders] == [
        ("De Jonge", "Minister voor Volkshuisvesting en Ruimtelijke Ordening")
    ]


def test_older_aanhangsel_questions_before_the_answer() -> None:
    text = (
        "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1984-1985\n"
        "Aanhangsel van de Handelingen\n748\n"
        "Vragen van het lid De Waart (P.v.d.A.) over lozingen van zware metalen in de Maas."
        " (Ingezonden 29 maart 1985)\n"
        "1 Is het de minister bekend dat de lozingen zijn toegenomen?\n"
        "Antwoord van minister Winsemius (Volkshuisvesting, Ruimtelijke Ordening en"
        " Milieubeheer). (Ontvan-gen 22 april 1985) 1 Ja.\n"
    )
    meta = parse(text).metadata
    assert meta.title == "lozingen van zware metalen in de Maas"
    assert meta.date is not None and meta.date.value == "1985-04-22"
    assert [(s.name, s.role) for s in meta.senders] == [
        ("Winsemius", "Minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer")
    ]


@pytest.mark.parametrize(
    "received",
    ["(Ontvangen 22 april 1985.)", "(Ontvangen 22 ap-\nril 1985.)", "(Ontvangen 22 april\n1985)"],
)
def test_the_answers_date_with_the_sentences_stop_or_broken_by_ocr(received: str) -> None:
    text = (
        "Aanhangsel van de Handelingen\n748\n"
        "Vragen van het lid De Waart (P.v.d.A.) over lozingen van zware metalen in de Maas."
        " (Ingezonden 29 maart 1985.)\n"
        "1 Is het de minister bekend dat de lozingen zijn toegenomen?\n"
        f"Antwoord van de Minister van Volkshuisvesting en Ruimtelijke Ordening. {received}\n"
        "1 Ja.\n"
    )
    meta = parse(text).metadata
    assert meta.date is not None and meta.date.value == "1985-04-22"
    assert meta.kamervragen is not None and meta.kamervragen.ontvangen is not None
    assert meta.kamervragen.ontvangen.value == "1985-04-22"
    assert meta.kamervragen.ingezonden is not None
    assert meta.kamervragen.ingezonden.value == "1985-03-29"


def test_answer_by_de_heer_and_a_numeric_date() -> None:
    text = (
        "Nadere vragen van de leden Van den Bos (D66) en Van der Werff (VVD) inzake: opheffing"
        " van de sprekerspool. (Ingezonden dd. 21 januari 1993)\n"
        "1 Is het u opgevallen dat de antwoorden verschillen?\nAntwoord\n"
        "Antwoord van de heer Ter Beek, ministervan Defensie. (Ontvangen 9-2-1993) 1 Het"
        " verschil vindt zijn oorzaak in de tijd.\n"
    )
    meta = parse(text).metadata
    assert meta.title == "opheffing van de sprekerspool"
    assert meta.date is not None and meta.date.value == "1993-02-09"
    assert [(s.name, s.role) for s in meta.senders] == [("Ter Beek", "Minister van Defensie")]


def test_a_letter_citing_an_answer_is_no_aanhangsel() -> None:
    text = (
        "Geachte voorzitter,\n\nIn mijn antwoord van 3 mei 2023 op de vragen van het lid"
        " Jansen heb ik toegezegd u te informeren.\n\nDe Minister van Financiën,\n\nE. Heinen\n"
    )
    letter = parse(text)
    assert letter.metadata.date is None
    assert [(s.name, s.role) for s in letter.metadata.senders] == [
        ("E. Heinen", "Minister van Financiën")
    ]


def test_answering_minister_who_also_signs_is_one_sender() -> None:
    text = (
        "Antwoord van Minister Van Gennip (Sociale Zaken en Werkgelegenheid) (ontvangen"
        " 4 april 2024).\nVraag 1\nKent u het bericht?\nAntwoord 1\nJa.\n\n"
        "De Minister van Sociale Zaken en Werkgelegenheid,\n\nC.E.G. van Gennip\n"
    )
    senders = parse(text).metadata.senders
    assert [(s.name, s.role) for s in senders] == [
        ("Van Gennip", "Minister van Sociale Zaken en Werkgelegenheid")
    ]


def test_answer_line_broken_by_hyphens_and_a_name_with_a_particle() -> None:
    text = (
        "Antwoord van minister d'Ancona (Welzijn, Volksgezondheid en Cultuur). (Ont-vangen"
        " 12 maart 1991)\n1 Ja.\n"
    )
    meta = parse(text).metadata
    assert meta.date is not None and meta.date.value == "1991-03-12"
    assert [(s.name, s.role) for s in meta.senders] == [
        ("d'Ancona", "Minister van Welzijn, Volksgezondheid en Cultuur")
    ]


def test_layout_rules_reject_an_answer_pattern_without_its_groups() -> None:
    raw = read_rule_file("layout.json")
    raw["aanhangsel"] = {**raw["aanhangsel"], "answer": r"Antwoord van (?P<who>.+)"}
    with pytest.raises(ValueError, match="needs groups"):
        LayoutRules.model_validate(raw)
    raw = read_rule_file("layout.json")
    raw["aanhangsel"] = {**raw["aanhangsel"], "answerers": [r"Minister (?P<name>\w+)"]}
    with pytest.raises(ValueError, match="needs groups"):
        LayoutRules.model_validate(raw)


@pytest.mark.parametrize(
    ("answer", "sender"),
    [
        # "mevrouw" between office and name; the office before the name; the premier
        ("Antwoord van Staatssecretaris mevrouw Kappeyne van de Coppello (Sociale Zaken en"
         " Werkgelegenheid).",
         ("Kappeyne van de Coppello", "Staatssecretaris van Sociale Zaken en Werkgelegenheid")),
        ("Antwoord van de Minister van Financiën, de heer Ruding.",
         ("Ruding", "Minister van Financiën")),
        ("Antwoord van Minister-President Lubbers.",
         ("Lubbers", "Minister-President, Minister van Algemene Zaken")),
    ],
)  # fmt: skip
def test_answering_ministers_of_older_pages(answer: str, sender: tuple[str, str]) -> None:
    text = (
        "Aanhangsel van de Handelingen\n748\n"
        "Vragen van het lid De Waart (P.v.d.A.) over lozingen in de Maas. (Ingezonden 29 maart"
        " 1985)\n1 Is het de minister bekend dat de lozingen zijn toegenomen?\n"
        f"{answer} (Ontvangen 22 april 1985) 1 Ja.\n"
    )
    meta = parse(text).metadata
    assert [(s.name, s.role) for s in meta.senders] == [sender]
    assert meta.kamervragen is not None
    assert [(a.name, a.role) for a in meta.kamervragen.answered_by] == [sender]


def test_an_answer_by_an_office_without_a_name_has_no_sender() -> None:
    text = (
        "Aanhangsel van de Handelingen\n748\n"
        "Vragen van het lid De Waart (P.v.d.A.) over lozingen in de Maas. (Ingezonden 29 maart"
        " 1985)\n1 Is het de minister bekend dat de lozingen zijn toegenomen?\n"
        "Antwoord van de Minister van Financiën. (Ontvangen 22 april 1985) 1 Ja.\n"
    )
    assert parse(text).metadata.senders == []
