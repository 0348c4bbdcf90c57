"""Questions and answers of answers to Kamervragen: every label style and layout of the issue,
in sentences written for these tests, and where no question may be found."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse
from kamerbrief.record import Question
from kamerbrief.structure.questions import question_numbers, read_askers, read_offices
from tests.helpers import LETTERS

AANHANGSEL = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2023–2024
Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de
regering gegeven antwoorden
1432
Vragen van de leden Jansen (CDA) en De Vries (VVD) aan de Minister van Infrastructuur
en Waterstaat en de Staatssecretaris van Financiën over de brug bij Zwolle (ingezonden
4 maart 2024).
Antwoord van Minister Harbers (Infrastructuur en Waterstaat), mede namens de
Staatssecretaris van Financiën (ontvangen 2 april 2024).
{body}
ah-tk-20232024-1432
ISSN 0921 - 7398
’s-Gravenhage 2024
"""


def _questions(text: str) -> list[Question]:
    return parse(text).questions


def _table(text: str) -> list[tuple[str, str, str | None, list[str]]]:
    return [
        (q.number, q.text[:20], q.answer.text[:20] if q.answer else None, q.answered_with)
        for q in _questions(text)
    ]


def test_interleaved_labels() -> None:
    body = (
        "Vraag 1\nBent u bekend met het bericht over de brug?\nAntwoord 1\nJa, dat bericht ken ik.\n"
        "Vraag 2\nWanneer gaat de brug weer open?\nAntwoord 2\nDe brug gaat in juni open.\n"
    )
    assert _table(AANHANGSEL.format(body=body)) == [
        ("1", "Bent u bekend met he", "Ja, dat bericht ken ", []),
        ("2", "Wanneer gaat de brug", "De brug gaat in juni", []),
    ]


def test_spans_are_offsets_into_the_text() -> None:
    body = "Vraag 1\nKlopt het dat de brug dicht is?\nAntwoord 1\nDat klopt.\n"
    parsed = parse(AANHANGSEL.format(body=body))
    q = parsed.questions[0]
    assert parsed.text[q.start : q.end] == q.text == "Klopt het dat de brug dicht is?"
    assert q.answer is not None and parsed.text[q.answer.start : q.answer.end] == "Dat klopt."
    assert parsed.question_at(q.answer.start + 2) == "1"
    assert parsed.question_at(0) is None


@pytest.mark.parametrize(
    "label", ["Antwoord op vraag {n}", "Antwoord vraag {n}:", "Antwoord {n}.", "ANTWOORD {n}"]
)
def test_answer_label_styles(label: str) -> None:
    body = "".join(
        f"Vraag {n}\nKunt u toelichten wat er gebeurt met punt {n}?\n{label.format(n=n)}\n"
        f"Punt {n} wordt volgend jaar uitgevoerd.\n"
        for n in (1, 2)
    )
    got = _table(AANHANGSEL.format(body=body))
    assert [(n, a) for n, _, a, _ in got] == [
        ("1", "Punt 1 wordt volgend"),
        ("2", "Punt 2 wordt volgend"),
    ]


def test_all_questions_first_then_all_answers() -> None:
    body = (
        "Vraag 1\nHoeveel bruggen zijn dicht?\nVraag 2\nWanneer gaan zij open?\n"
        "Antwoord 1\nEr zijn drie bruggen dicht.\nAntwoord 2\nZij gaan in mei open.\n"
    )
    assert _table(AANHANGSEL.format(body=body)) == [
        ("1", "Hoeveel bruggen zijn", "Er zijn drie bruggen", []),
        ("2", "Wanneer gaan zij ope", "Zij gaan in mei open", []),
    ]


def test_grouped_questions_by_range_and_list() -> None:
    body = (
        "Vraag 1\nKent u het rapport?\nAntwoord 1\nJa.\n"
        "Vraag 2 t/m 4\nWat kost de brug?\nWie betaalt de brug?\nWanneer is de brug klaar?\n"
        "Antwoord op vragen 2, 3 en 4\nDe brug kost 3 miljoen euro en is in 2026 klaar.\n"
        "Vraag 5 en 6\nKomt er een tweede brug? Zo ja, waar?\nKomt er ook een tunnel?\n"
        "Antwoorden 5 en 6\nDaarover is nog niets besloten.\n"
    )
    got = _table(AANHANGSEL.format(body=body))
    assert [q[0] for q in got] == ["1", "2", "3", "4", "5", "6"]
    assert got[1][1:] == ("Wat kost de brug?", "De brug kost 3 miljo", ["3", "4"])
    assert got[2][1] == "Wie betaalt de brug?"
    assert got[3][1:3] == ("Wanneer is de brug k", "De brug kost 3 miljo")
    # "Zo ja, waar?" follows its question
    assert got[4][1] == "Komt er een tweede b" and got[5][1] == "Komt er ook een tunn"
    assert got[5][3] == ["5"]


def test_grouped_block_with_a_footnote_paragraph() -> None:
    body = (
        "Vraag 1 en 2\nHebt u het artikel in de krant gelezen?1\nDeelt u de zorgen van de"
        " schrijver?\nDe Krant, 3 maart 2024, «Brug dicht».\n"
        "Antwoord 1 en 2\nJa, ik deel die zorgen.\n"
    )
    got = _table(AANHANGSEL.format(body=body))
    assert [q[:2] for q in got] == [("1", "Hebt u het artikel i"), ("2", "Deelt u de zorgen va")]


def test_numbered_questions_with_bare_answer_labels() -> None:
    text = (
        "AH 612\n2024Z 15295\nAntwoord van minister Keijzer (Volkshuisvesting en Ruimtelijke"
        " Ordening) (ontvangen 19 november 2024)\n\n"
        "1. Bent u bekend met de brief van de vereniging?\n\nAntwoord:\n\nJa.\n\n"
        "2. Welke stappen zet u? Kunt u daarbij ingaan op:\n1. de kosten;\n2. de planning?\n\n"
        "Antwoord:\n\nIk zet de volgende stappen:\n1. Ik overleg met de provincies.\n"
        "2. Ik stuur de Kamer voor de zomer een brief.\n\n"
        "3\nWanneer ontvangt de Kamer die brief?\n\nAntwoord\n\nVoor de zomer.\n"
    )
    got = _table(text)
    assert [(n, a) for n, _, a, _ in got] == [
        ("1", "Ja."),
        ("2", "Ik zet de volgende s"),
        ("3", "Voor de zomer."),
    ]
    meta = parse(text).metadata.kamervragen
    assert meta is not None and (meta.number, meta.aanhangsel) == ("2024Z15295", "612")


def test_unlabelled_answer_follows_its_question() -> None:
    body = (
        "Vraag 1\nIs de brug veilig?\nDe brug is veilig; Rijkswaterstaat heeft haar gekeurd.\n"
        "Vraag 2\nWordt de brug verbreed?\nNee, dat is niet nodig.\n"
    )
    got = _table(AANHANGSEL.format(body=body))
    assert got == [
        ("1", "Is de brug veilig?", "De brug is veilig; R", []),
        ("2", "Wordt de brug verbre", "Nee, dat is niet nod", []),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "1.\nIs de brug veilig?\n\nDe brug is veilig.\n\n2.\nWordt de brug verbreed?\n\nNee.\n",
        "1. Is de brug veilig?\nDe brug is veilig.\n2. Wordt de brug verbreed?\nNee.\n",
    ],
)
def test_numbers_alone_before_each_question_and_its_unlabelled_answer(body: str) -> None:
    got = _table(AANHANGSEL.format(body=body))
    assert [(n, q, a) for n, q, a, _ in got] == [
        ("1", "Is de brug veilig?", "De brug is veilig."),
        ("2", "Wordt de brug verbre", "Nee."),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # a question left without its answer: no pairs guessed
        "1. Is de brug veilig?\nDe brug is veilig.\n2. Wordt de brug verbreed?\n",
        # numbered statements that ask nothing
        "De antwoorden luiden als volgt.\n1. De brug is veilig.\n2. Zij wordt niet verbreed.\n",
    ],
)
def test_numbered_lines_that_are_no_question_blocks(body: str) -> None:
    assert _table(AANHANGSEL.format(body=body)) == []


def test_bare_numbers_of_a_page_that_is_not_printed() -> None:
    # the Kamer's Word version: no printed furniture, so a number alone is no page number
    text = (
        "Aanhangsel van de Handelingen\n\n2024Z01234\n\nVragen van het lid Jansen (PVV) aan de"
        " Minister van Financiën over de brug (ingezonden 12 januari 2024).\n\nAntwoord van"
        " minister Heinen (Financiën) (ontvangen 2 februari 2024).\n\n"
        "1\nIs de brug veilig?\nDe brug is veilig.\n2\nWordt de brug verbreed?\nNee.\n"
    )
    assert [(n, q, a) for n, q, a, _ in _table(text)] == [
        ("1", "Is de brug veilig?", "De brug is veilig."),
        ("2", "Wordt de brug verbre", "Nee."),
    ]


def test_an_answer_label_on_the_questions_line() -> None:
    body = (
        "Vraag 1: Is de brug veilig? Antwoord: Ja.\nVraag 2: Wordt zij verbreed? Antwoord: Nee.\n"
    )
    got = _table(AANHANGSEL.format(body=body))
    assert [(n, q, a) for n, q, a, _ in got] == [
        ("1", "Is de brug veilig?", "Ja."),
        ("2", "Wordt zij verbreed?", "Nee."),
    ]


def test_uitstelbericht_gives_questions_without_answers() -> None:
    body = (
        "Vraag 1\nKunt u de analyse met de Kamer delen?\n"
        "Vraag 2\nKunt u ook de andere analyses delen?\n"
        "Mededeling\nDe vragen zijn beantwoord met de brief van 7 juni 2024 (36 471, nr. 64).\n"
    )
    got = _table(AANHANGSEL.format(body=body).replace("Antwoord van", "Mededeling van"))
    assert [(n, a) for n, _, a, _ in got] == [("1", None), ("2", None)]


def test_ocr_page_of_1985_with_inline_numbers() -> None:
    text = (
        "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1984-1985\n"
        "Aanhangsel van de Handelingen\n"
        "Vragen gesteld door leden van de Kamer, met de daarop door de regering gegeven antwoorden\n"
        "812\n"
        "Vragen van het lid Van Dam (P.v.d.A.) over de sluiting van de sluis bij Weurt."
        " (Ingezonden 3 april 1985)\n"
        "1 Is het waar, dat de sluis twee maanden dicht gaat? 2 Welke gevolgen heeft dit voor de"
        " scheepvaart? 3 Bent u bereid de sluiting uit te stellen?\n"
        "Antwoord Antwoord van minister Smit-Kroes (Verkeer en Waterstaat). (Ontvan-gen 2 mei 1985)"
        " 1 en 2 Het is juist dat de sluis in de zomer dicht gaat. De scheepvaart kan omvaren"
        " via de Maas.\n3 Nee. De werkzaamheden kunnen niet wachten.\n"
        "Tweede Kamer, vergaderjaar 1984-1985, Aanhangsel\n1643\n"
    )
    got = _table(text)
    assert got == [
        ("1", "Is het waar, dat de ", "Het is juist dat de ", ["2"]),
        ("2", "Welke gevolgen heeft", "Het is juist dat de ", ["1"]),
        ("3", "Bent u bereid de slu", "Nee. De werkzaamhede", []),
    ]
    meta = parse(text).metadata.kamervragen
    assert meta is not None
    assert [(a.name, a.party) for a in meta.askers] == [("Van Dam", "P.v.d.A.")]
    assert meta.ingezonden is not None and meta.ingezonden.value == "1985-04-03"
    assert meta.ontvangen is not None and meta.ontvangen.value == "1985-05-02"
    assert meta.aanhangsel == "812" and meta.vergaderjaar == "1984-1985"


def test_ocr_page_that_lost_the_first_number() -> None:
    text = (
        "Tweede Kamer der Staten-Generaal\nZitting 1976-1977\nAanhangsel van de Handelingen\n"
        "Vragen van het lid Bakker (V.V.D.) over de zalmvangst. (Ingezonden 2 mei 1977)"
        " Is het waar, dat de zalmvangst is verboden? 2 Zo ja, sinds wanneer?\n"
        "Antwoord van staatssecretaris Jansen (Landbouw en Visserij). (Ontvangen 7 juni 1977)"
        " 1 Ja. 2 Sinds 1 januari 1977.\n"
    )
    assert _table(text) == [
        ("1", "Is het waar, dat de ", "Ja.", []),
        ("2", "Zo ja, sinds wanneer", "Sinds 1 januari 1977", []),
    ]


def test_ministry_answer_letter_of_2024() -> None:
    text = (
        "> Retouradres Postbus 20011 2500 EA Den Haag\n\n"
        "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA Den Haag\n\n"
        "Datum 12 april 2024\nBetreft Antwoorden Kamervragen over de brug bij Zwolle\n\n"
        "Geachte voorzitter,\n\n"
        "Hierbij zend ik u de antwoorden op de vragen van het lid Jansen (CDA) over de brug bij"
        " Zwolle (ingezonden 4 maart 2024, kenmerk 2024Z03456).\n\n"
        "De Minister van Infrastructuur en Waterstaat,\n\nM.G.J. Harbers\n\n"
        "Antwoorden op vragen van het lid Jansen (CDA) over de brug bij Zwolle\n\n"
        "Vraag 1\nBent u bekend met de berichten over de brug bij Zwolle?\n\n"
        "Antwoord op vraag 1\nJa.\n\n"
        "Vraag 2\nWanneer wordt de brug hersteld?\n\n"
        "Antwoord op vraag 2\nHet herstel begint in het najaar van 2024.\n"
    )
    record_questions = _table(text)
    assert record_questions == [
        ("1", "Bent u bekend met de", "Ja.", []),
        ("2", "Wanneer wordt de bru", "Het herstel begint i", []),
    ]
    meta = parse(text).metadata.kamervragen
    assert meta is not None
    assert meta.number == "2024Z03456"
    assert [(a.name, a.party) for a in meta.askers] == [("Jansen", "CDA")]
    assert meta.ingezonden is not None and meta.ingezonden.value == "2024-03-04"
    assert meta.ontvangen is not None and meta.ontvangen.value == "2024-04-12"


@pytest.mark.parametrize(
    "text",
    [
        # a letter with numbered points and the word "Antwoord" in a heading
        "Geachte voorzitter,\n\nIk informeer u over drie punten.\n\n1. Bent u bekend met het"
        " plan? Die vraag stelde de Kamer.\n\nAntwoord\n\nHet kabinet werkt het plan uit.\n\n"
        "Hoogachtend,\n\nDe Minister van Financiën,\n\nE. Heinen\n",
        # a letter that quotes one question label
        "Geachte voorzitter,\n\nIn vraag 1 van het lid Jansen wordt gevraagd naar de brug.\n"
        "Vraag 1\nDe brug wordt in juni hersteld.\n\nDe Minister van Financiën,\n\nE. Heinen\n",
    ],
)
def test_letters_without_answer_structure_have_no_questions(text: str) -> None:
    parsed = parse(text)
    assert parsed.questions == []
    assert parsed.metadata.kamervragen is None


@pytest.mark.parametrize(
    ("printed", "numbers"),
    [("3, 4, 5 en 6", ["3", "4", "5", "6"]),
     ("2 t/m 6", ["2", "3", "4", "5", "6"]),
     ("2 tot en met 4", ["2", "3", "4"]),
     ("1 en 4", ["1", "4"]),
     ("2a en 2b", ["2a", "2b"]),
     ("7", ["7"])],
)  # fmt: skip
def test_question_numbers(printed: str, numbers: list[str]) -> None:
    assert question_numbers(printed) == numbers


@pytest.mark.parametrize(
    ("printed", "askers"),
    [("Sneller (D66), Chakor (GroenLinks-PvdA) en Van Nispen (SP)",
      [("Sneller", "D66"), ("Chakor", "GroenLinks-PvdA"), ("Van Nispen", "SP")]),
     ("Van Eijk en Aartsen (beiden VVD)", [("Van Eijk", "VVD"), ("Aartsen", "VVD")]),
     ("Van der Sanden en Beinema (beiden (C.D.A.)",
      [("Van der Sanden", "C.D.A."), ("Beinema", "C.D.A.")]),
     ("Faber-van de Klashorst(PVV)", [("Faber-van de Klashorst", "PVV")])],
)  # fmt: skip
def test_askers_with_party(printed: str, askers: list[tuple[str, str]]) -> None:
    assert [(a.name, a.party) for a in read_askers(printed)] == askers


@pytest.mark.parametrize(
    ("printed", "offices"),
    [("de Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties en de Minister van"
      " Justitie en Veiligheid",
      ["Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
       "Minister van Justitie en Veiligheid"]),
     ("de Ministers van Buitenlandse Zaken en voor Buitenlandse Handel en"
      " Ontwikkelingssamenwerking",
      ["Minister van Buitenlandse Zaken",
       "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"]),
     ("de Staatssecretaris en de Minister van Volksgezondheid Welzijn en Sport",
      ["Staatssecretaris van Volksgezondheid, Welzijn en Sport",
       "Minister van Volksgezondheid, Welzijn en Sport"]),
     ("de staatssecretaris van Sociale Zaken en Werkgelegenheid, mevrouw Kappeijne van de"
      " Coppello", ["Staatssecretaris van Sociale Zaken en Werkgelegenheid"]),
     # glued by the text extraction ("en vanBuitenlandse Zaken")
     ("de Ministers voor Buitenlandse Handel en Ontwikkelingshulp en vanBuitenlandse Zaken",
      ["Minister voor Buitenlandse Handel en Ontwikkelingshulp",
       "Minister van Buitenlandse Zaken"]),
     # as the Kamer's pages misspell it, read as printed
     ("de Staatsecretaris van Volksgezondheid, Welzijn en Sport",
      ["Staatsecretaris van Volksgezondheid, Welzijn en Sport"])],
)  # fmt: skip
def test_offices_asked(printed: str, offices: list[str]) -> None:
    assert read_offices(printed) == offices


def test_aanhangsel_header_fields() -> None:
    body = "Vraag 1\nKlopt het bericht?\nAntwoord 1\nJa.\n"
    meta = parse(AANHANGSEL.format(body=body)).metadata.kamervragen
    assert meta is not None
    assert (meta.aanhangsel, meta.vergaderjaar, meta.number) == ("1432", "2023-2024", None)
    assert [(a.name, a.party, a.role) for a in meta.askers] == [
        ("Jansen", "CDA", "lid Tweede Kamer"),
        ("De Vries", "VVD", "lid Tweede Kamer"),
    ]
    assert meta.addressees == [
        "Minister van Infrastructuur en Waterstaat",
        "Staatssecretaris van Financiën",
    ]
    assert [(s.name, s.role) for s in meta.answered_by] == [
        ("Harbers", "Minister van Infrastructuur en Waterstaat")
    ]
    assert meta.mede_namens == ["Staatssecretaris van Financiën"]
    assert meta.ingezonden is not None and meta.ingezonden.value == "2024-03-04"
    assert meta.ontvangen is not None and meta.ontvangen.value == "2024-04-02"


@pytest.mark.parametrize(
    ("letter", "answered"),
    [
        # Eerste Kamer, 1993, OCR: numbers glued to the question ("3Strijdt"), 2a and 2b, the
        # page stops before answers 3 and 4
        ("historical/sgd-1993-antwoord-opheffing-sprekerspool.txt",
         [("1", True), ("2a", True), ("2b", True), ("3", False), ("4", False)]),
        # Tweede Kamer, 1985, OCR: the page stops inside answer 4
        ("historical/sgd-1985-antwoord-emissienormen-gevaarlijke-stoffen.txt",
         [("1", True), ("2", True), ("3", True), ("4", True), ("5", False), ("6", False)]),
        # the Kamer's Word version of 2024: "1 Heeft u ...?" and a bare "Antwoord"
        ("kamervragen-2025/antwoord-op-vragen-van-lid-thijssen-over-docx.txt",
         [(str(n), True) for n in range(1, 10)]),
    ],
)  # fmt: skip
def test_real_answer_pages(letter: str, answered: list[tuple[str, bool]]) -> None:
    parsed = parse((LETTERS / letter).read_text(encoding="utf-8"))
    assert [(q.number, q.answer is not None) for q in parsed.questions] == answered


def test_eerste_kamer_askers_are_its_members() -> None:
    text = (LETTERS / "historical/sgd-1993-antwoord-opheffing-sprekerspool.txt").read_text()
    meta = parse(text).metadata.kamervragen
    assert meta is not None
    assert [(a.name, a.party, a.role) for a in meta.askers] == [
        ("Tiesinga-Autsema", "D66", "lid Eerste Kamer"),
        ("Van den Bos", "D66", "lid Eerste Kamer"),
        ("Van der Werff", "VVD", "lid Eerste Kamer"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # the question or answer on the label's own line
        "Vraag 1 Is de brug veilig?\nAntwoord 1 Ja, de brug is veilig.\n"
        "Vraag 2 Wordt de brug verbreed?\nAntwoord 2 Nee, dat is niet nodig.\n",
        "Vraag 1: Is de brug veilig?\nAntwoord 1: Ja, de brug is veilig.\n"
        "Vraag 2: Wordt de brug verbreed?\nAntwoord 2: Nee, dat is niet nodig.\n",
        # unnumbered labels, numbered in order
        "Vraag\nIs de brug veilig?\nAntwoord\nJa, de brug is veilig.\n"
        "Vraag\nWordt de brug verbreed?\nAntwoord\nNee, dat is niet nodig.\n",
        # "Antw." and the older "Ad 1", all questions first
        "Vraag 1\nIs de brug veilig?\nAntw. 1\nJa, de brug is veilig.\n"
        "Vraag 2\nWordt de brug verbreed?\nAntw. 2\nNee, dat is niet nodig.\n",
        "1. Is de brug veilig?\n\n2. Wordt de brug verbreed?\n\nAd 1. Ja, de brug is veilig.\n\n"
        "Ad 2. Nee, dat is niet nodig.\n",
        # numbered questions right after the header, each with its answer
        "1) Is de brug veilig?\nAntwoord 1)\nJa, de brug is veilig.\n"
        "2) Wordt de brug verbreed?\nAntwoord 2)\nNee, dat is niet nodig.\n",
        "1 Is de brug veilig?\nAntwoord\nJa, de brug is veilig.\n"
        "2 Wordt de brug verbreed?\nAntwoord\nNee, dat is niet nodig.\n",
        # "Beantwoording vraag 1"; "Vraag 1 van het lid X:"
        "Vraag 1\nIs de brug veilig?\nBeantwoording vraag 1\nJa, de brug is veilig.\n"
        "Vraag 2\nWordt de brug verbreed?\nBeantwoording vraag 2\nNee, dat is niet nodig.\n",
        "Vraag 1 van het lid Jansen:\nIs de brug veilig?\nAntwoord:\nJa, de brug is veilig.\n"
        "Vraag 2 van het lid Jansen:\nWordt de brug verbreed?\nAntwoord:\nNee, dat is niet nodig.\n",
    ],
)
def test_label_forms_of_every_era(body: str) -> None:
    got = _table(AANHANGSEL.format(body=body))
    assert got == [
        ("1", "Is de brug veilig?", "Ja, de brug is veili", []),
        ("2", "Wordt de brug verbre", "Nee, dat is niet nod", []),
    ]


@pytest.mark.parametrize(
    "label", ["Vragen 1 en 2", "Vraag 1 en vraag 2", "Vraag 1 - 2", "Vraag 1 t/m 2"]
)
def test_group_label_forms(label: str) -> None:
    body = (
        f"{label}\nIs de brug veilig?\nWordt de brug verbreed?\n"
        "Antwoord op vragen 1 en 2\nDe brug is veilig en wordt niet verbreed.\n"
    )
    got = _table(AANHANGSEL.format(body=body))
    assert [(n, q, w) for n, q, _, w in got] == [
        ("1", "Is de brug veilig?", ["2"]),
        ("2", "Wordt de brug verbre", ["1"]),
    ]


def test_a_label_in_running_text_is_no_block() -> None:
    body = "Vraag 1\nIs de brug veilig, zoals\nvraag 2 van het lid suggereert?\nAntwoord 1\nJa.\n"
    got = _table(AANHANGSEL.format(body=body))
    assert [(n, q) for n, q, _, _ in got] == [("1", "Is de brug veilig, z")]


def test_a_footnote_number_on_its_own_line_is_not_the_questions_start() -> None:
    body = (
        "Vraag 1 en 2\nHoeveel studenten krijgen een beurs?\n1\n"
        "Hoe vaak krijgen zij een aanvullende beurs?\nAntwoord 1 en 2\nIeder jaar ongeveer 400.\n"
    )
    got = _table(AANHANGSEL.format(body=body))
    assert [q[1] for q in got] == ["Hoeveel studenten kr", "Hoe vaak krijgen zij"]


def test_the_vergaderjaar_of_older_pages_is_the_zitting() -> None:
    text = AANHANGSEL.format(body="Vraag 1\nIs de brug veilig?\nAntwoord 1\nJa.\n").replace(
        "Vergaderjaar 2023–2024", "Zitting 1976-1977"
    )
    meta = parse(text).metadata.kamervragen
    assert meta is not None and meta.vergaderjaar == "1976-1977"


@pytest.mark.parametrize(
    ("ingezonden", "ontvangen"),
    [
        ("(ingezonden: 4 maart 2024)", "(ontvangen: 2 april 2024)"),
        ("(ingezonden4 maart 2024)", "(ontvangen2 april 2024)"),
        ("ingezonden 4 maart 2024", "ontvangen 2 april 2024"),
        ("(Ingezonden 4-3-2024)", "(Ontvangen 2-4-2024)"),
        ("(ingezonden op 4 maart 2024)", "(ontvangen op 2 april 2024)"),
        # the sentence's full stop inside the bracket, and OCR's l for I and 0 for O
        ("(Ingezonden 4 maart 2024.)", "(Ontvangen 2 april 2024.)"),
        ("(lngezonden 4 maart 2024)", "(0ntvangen 2 april 2024)"),
    ],
)
def test_ingezonden_and_ontvangen_in_every_print(ingezonden: str, ontvangen: str) -> None:
    text = (
        AANHANGSEL.format(body="Vraag 1\nIs de brug veilig?\nAntwoord 1\nJa.\n")
        .replace("(ingezonden\n4 maart 2024)", ingezonden)
        .replace("(ontvangen 2 april 2024)", ontvangen)
    )
    meta = parse(text).metadata.kamervragen
    assert meta is not None and meta.ingezonden is not None and meta.ontvangen is not None
    assert (meta.ingezonden.value, meta.ontvangen.value) == ("2024-03-04", "2024-04-02")


def test_the_answering_minister_glued_to_the_office() -> None:
    text = AANHANGSEL.format(body="Vraag 1\nIs de brug veilig?\nAntwoord 1\nJa.\n").replace(
        "Antwoord van Minister Harbers", "Antwoord van MinisterHarbers"
    )
    meta = parse(text).metadata.kamervragen
    assert meta is not None and [s.name for s in meta.answered_by] == ["Harbers"]


def _cover_letter(sentence: str) -> str:
    """A ministry's answer letter of our own: cover letter with ``sentence``, then answers."""
    return (
        "> Retouradres Postbus 20350 2500 EJ Den Haag\n\n"
        "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA Den Haag\n\n"
        "Datum 12 december 2024\nBetreft Antwoorden Kamervragen over de wachtlijsten\n\n"
        f"Geachte voorzitter,\n\n{sentence}\n\n"
        "De Staatssecretaris van Volksgezondheid,\nWelzijn en Sport,\n\nV.P.G. Karremans\n\n"
        "Vraag 1\nKent u het bericht over de wachtlijsten?\n\nAntwoord 1\nJa.\n\n"
        "Vraag 2\nHoeveel kinderen wachten?\n\nAntwoord 2\nOngeveer 4.000.\n"
    )


@pytest.mark.parametrize(
    ("sentence", "askers", "mede_namens"),
    [
        ("Hierbij bied ik u de antwoorden aan op de schriftelijke vragen gesteld door het lid"
         " Jansen (PVV) over de wachtlijsten in de jeugdzorg. Deze vragen werden ingezonden op"
         " 14 november 2024 met kenmerk 2024Z18234.",
         [("Jansen", "PVV")], []),
        ("Hierbij bied ik u, mede namens de Minister van Financiën, de antwoorden aan op de"
         " vragen gesteld door de leden Jansen (PVV) en De Vries (VVD) over de wachtlijsten"
         " (ingezonden 14 november 2024, kenmerk 2024Z18234).",
         [("Jansen", "PVV"), ("De Vries", "VVD")], ["Minister van Financiën"]),
        ("Hierbij zend ik u de antwoorden op de vragen van het Kamerlid Jansen (PVV) over de"
         " wachtlijsten (2024Z18234, ingezonden 14 november 2024).",
         [("Jansen", "PVV")], []),
        ("Hierbij bied ik u mede namens de minister van Financiën de antwoorden aan op de vragen"
         " van het lid Jansen (PVV) over de wachtlijsten (ingezonden 14 november 2024, kenmerk"
         " 2024Z18234).",
         [("Jansen", "PVV")], ["Minister van Financiën"]),
        ("Hierbij ontvangt u, mede namens de Minister voor Langdurige Zorg, Jeugd en Sport, de"
         " antwoorden op de vragen van het lid Jansen (PVV) over de wachtlijsten (ingezonden"
         " 14 november 2024 met kenmerk 2024Z18234).",
         [("Jansen", "PVV")], ["Minister voor Langdurige Zorg, Jeugd en Sport"]),
    ],
)  # fmt: skip
def test_the_cover_letter_of_a_ministrys_answers(
    sentence: str, askers: list[tuple[str, str]], mede_namens: list[str]
) -> None:
    meta = parse(_cover_letter(sentence)).metadata.kamervragen
    assert meta is not None
    assert [(a.name, a.party, a.role) for a in meta.askers] == [
        (name, party, "lid Tweede Kamer") for name, party in askers
    ]
    assert meta.ingezonden is not None and meta.ingezonden.value == "2024-11-14"
    assert meta.number == "2024Z18234"
    assert meta.mede_namens == mede_namens


@pytest.mark.parametrize(
    ("sentence", "askers", "ingezonden"),
    [
        # the questions in a relative clause, with the day they were asked
        ("Hierbij bied ik u de antwoorden aan op de vragen die het lid Jansen (PVV) op"
         " 14 november 2024 heeft gesteld over de wachtlijsten.",
         [("Jansen", "PVV")], "2024-11-14"),
        ("Hierbij bied ik u de antwoorden aan op de vragen die de leden Jansen (PVV) en Bikker"
         " (ChristenUnie) hebben gesteld op 14 november 2024.",
         [("Jansen", "PVV"), ("Bikker", "ChristenUnie")], "2024-11-14"),
        # the day after the askers
        ("Hierbij zend ik u de antwoorden op de vragen van het lid Van der Plas (BBB) van"
         " 14 november 2024 over de wachtlijsten.", [("Van der Plas", "BBB")], "2024-11-14"),
        # no day at all, two members of one party
        ("Hierbij zend ik u de antwoorden op de vragen van de leden Jansen en De Vries (beiden"
         " PVV) over de wachtlijsten.", [("Jansen", "PVV"), ("De Vries", "PVV")], None),
    ],
)  # fmt: skip
def test_the_cover_letters_other_ways_of_naming_the_questions(
    sentence: str, askers: list[tuple[str, str]], ingezonden: str | None
) -> None:
    meta = parse(_cover_letter(sentence)).metadata.kamervragen
    assert meta is not None
    assert [(a.name, a.party) for a in meta.askers] == askers
    assert (meta.ingezonden.value if meta.ingezonden else None) == ingezonden


@pytest.mark.parametrize(
    "sentence",
    [
        # earlier questions the letter refers to, and a registration number in brackets
        "Hierbij zend ik u de antwoorden. Deze sluiten aan bij mijn antwoorden op eerdere"
        " vragen van het lid Bikker (ChristenUnie) van 3 maart 2023.",
        "Hierbij zend ik u de antwoorden op de vragen van het lid Kostić (2024Z17543).",
    ],
)
def test_no_askers_from_earlier_questions_or_a_registration_number(sentence: str) -> None:
    meta = parse(_cover_letter(sentence)).metadata.kamervragen
    assert meta is not None and meta.askers == [] and meta.ingezonden is None


def test_a_question_that_ends_in_a_web_address_still_asks() -> None:
    body = (
        "Vraag 1\nBent u bekend met het bericht ‘Brug dicht’ (https://nos.nl/artikel/2500000)?"
        "\nJa.\nVraag 2\nWaarom en/of wanneer?\nOmdat het moet.\n"
    )
    got = _table(AANHANGSEL.format(body=body))
    assert [(n, a) for n, _, a, _ in got] == [("1", "Ja."), ("2", "Omdat het moet.")]


def test_a_web_address_in_an_unlabelled_answer_asks_nothing() -> None:
    body = (
        "Vraag 1\nIs de brug veilig?\nJa, zie https://www.rijkswaterstaat.nl/zoeken?q=brug voor"
        " het rapport.\nVraag 2\nWordt zij verbreed?\nNee.\n"
    )
    got = _table(AANHANGSEL.format(body=body))
    assert [(n, q, a) for n, q, a, _ in got] == [
        ("1", "Is de brug veilig?", "Ja, zie https://www."),
        ("2", "Wordt zij verbreed?", "Nee."),
    ]


def test_a_subject_line_without_a_party_gives_no_asker_that_runs_on() -> None:
    # the member's name without a party: no asker is read across the lines that follow
    text = _cover_letter("Hierbij zend ik u de antwoorden op de Kamervragen.").replace(
        "Betreft Antwoorden Kamervragen over de wachtlijsten",
        "Betreft Antwoorden op vragen van het lid Bikker over de wachtlijsten",
    )
    meta = parse(text).metadata.kamervragen
    assert meta is not None and meta.askers == []


def test_a_subject_line_naming_the_questions_is_not_the_sentence_that_asks_them() -> None:
    # the "Betreft" line names the member without a party; the cover letter's sentence, in
    # the next paragraph, names the party and the date
    text = _cover_letter(
        "Hierbij ontvangt u de antwoorden op de vragen van het lid Bikker (ChristenUnie) over"
        " de wachtlijsten (2024Z18234, ingezonden 14 november 2024)."
    ).replace(
        "Betreft Antwoorden Kamervragen over de wachtlijsten",
        "Betreft Antwoorden op vragen van het lid Bikker over de wachtlijsten",
    )
    meta = parse(text).metadata.kamervragen
    assert meta is not None
    assert [(a.name, a.party) for a in meta.askers] == [("Bikker", "ChristenUnie")]
    assert meta.ingezonden is not None and meta.ingezonden.value == "2024-11-14"


@pytest.mark.parametrize(
    "closing",
    [
        "De Minister van Landbouw, Natuur en Voedselkwaliteit,\n\nP. Adema\n",
        "Hoogachtend,\n\nDe Minister van Landbouw, Natuur en Voedselkwaliteit,\n\nP. Adema\n",
        "Met vriendelijke groet,\n\nde minister van Landbouw, Natuur en Voedselkwaliteit,\n\n"
        "P. Adema\n",
    ],
)
def test_the_last_answer_ends_before_the_letters_signature(closing: str) -> None:
    text = (
        "Datum 2 april 2024\nBetreft Beantwoording Kamervragen over stikstof\n\n"
        "Hierbij bied ik u de antwoorden aan op de vragen van het lid De Vries (VVD) over"
        " stikstof, ingezonden op 5 maart 2024.\n\n"
        "1.\nKent u het rapport over stikstofdepositie?\n\nAntwoord\nJa.\n\n"
        "2.\nWat is uw reactie op de conclusies?\n\nAntwoord\nIk deel de conclusies.\n\n"
        f"{closing}"
    )
    questions = _questions(text)
    assert [(q.number, q.answer.text if q.answer else None) for q in questions] == [
        ("1", "Ja."),
        ("2", "Ik deel de conclusies."),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # no date of sending: the letter speaks of other questions sent earlier
        "Hierbij zend ik u de antwoorden op de vragen van het lid Jansen (PVV) over de"
        " wachtlijsten. De vragen over de jeugdzorg werden eerder ingezonden.",
        # a sending without its date
        "Hierbij zend ik u de antwoorden op de vragen van het lid Jansen (PVV) over de"
        " wachtlijsten. De vragen werden ingezonden na het debat.",
        # mede namens in another sentence than the one offering the answers
        "Hierbij zend ik u de antwoorden op de vragen van het lid Jansen (PVV) over de"
        " wachtlijsten. Het overleg voer ik mede namens de Minister van Financiën, zoals"
        " afgesproken.",
    ],
)
def test_the_cover_letter_without_a_date_or_a_co_signer(sentence: str) -> None:
    meta = parse(_cover_letter(sentence)).metadata.kamervragen
    assert meta is not None
    assert meta.ingezonden is None
    assert meta.mede_namens == []


@pytest.mark.parametrize(
    ("asked", "answer", "addressees", "answered_by", "mede_namens"),
    [
        # the Kamer's pages since 2023 write offices in lower case
        ("aan de ministers van Financiën en van Sociale Zaken en Werkgelegenheid",
         "Antwoord van minister-president Schoof (Algemene Zaken)",
         ["Minister van Financiën", "Minister van Sociale Zaken en Werkgelegenheid"],
         [("Schoof", "Minister-President, Minister van Algemene Zaken")], []),
        ("aan de staatssecretaris van Financiën",
         "Antwoord van minister Van Hijum (Sociale Zaken en Werkgelegenheid), mede namens de"
         " staatssecretaris van Financiën (Fiscaliteit en Belastingdienst)",
         ["Staatssecretaris van Financiën"],
         [("Van Hijum", "Minister van Sociale Zaken en Werkgelegenheid")],
         ["Staatssecretaris van Financiën (Fiscaliteit en Belastingdienst)"]),
    ],
)  # fmt: skip
def test_offices_in_lower_case_and_with_a_portfolio(
    asked: str,
    answer: str,
    addressees: list[str],
    answered_by: list[tuple[str, str]],
    mede_namens: list[str],
) -> None:
    text = (
        AANHANGSEL.format(body="Vraag 1\nKlopt het bericht?\nAntwoord 1\nJa.\n")
        .replace(
            "aan de Minister van Infrastructuur\nen Waterstaat en de Staatssecretaris van Financiën",
            asked,
        )
        .replace(
            "Antwoord van Minister Harbers (Infrastructuur en Waterstaat), mede namens de\n"
            "Staatssecretaris van Financiën",
            answer,
        )
    )
    meta = parse(text).metadata.kamervragen
    assert meta is not None
    assert meta.addressees == addressees
    assert [(s.name, s.role) for s in meta.answered_by] == answered_by
    assert meta.mede_namens == mede_namens
