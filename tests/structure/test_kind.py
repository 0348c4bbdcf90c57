"""metadata.kind: what a document is, from its masthead, its layout and its addressee."""

from __future__ import annotations

import pytest

from kamerbrief.api import Extractor
from kamerbrief.record import LetterRecord, Metadata
from kamerbrief.structure.kind import document_kind

MASTHEAD = "Tweede Kamer der Staten-Generaal\nVergaderjaar 1988-1989\n20 800\nNr. {nr}\n{head}\n"
BODY = "De Kamer,\ngehoord de beraadslaging,\nverzoekt de regering het beleid te herzien.\n"


@pytest.mark.parametrize(
    ("head", "kind"),
    [("BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN", "brief"),
     ("BRIEF VAIM DE MINISTER VAN DEFENSIE", "brief"),  # OCR: "IM" for "N"
     ("MOTIE VAN HET LID JANSEN C.S.", "motie"),
     ("GEWIJZIGDE MOTIE VAN DE LEDEN JANSEN EN DE VRIES", "motie"),
     ("AMENDEMENTEN VAN HET LID LANKHORST", "amendement"),
     ("NADER GEWIJZIGD AMENDEMENT VAN HET LID PIETERS", "amendement"),
     ("ADVIES RAAD VAN STATE EN NADER RAPPORT", "advies_raad_van_state"),
     ("NADER RAPPORT", "nader_rapport"),
     ("MEMORIE VAN TOELICHTING", "memorie_van_toelichting"),
     ("BIJLAGEN BIJ DE MEMORIE VAN TOELICHTING", "memorie_van_toelichting"),
     ("MEMORIE VAN ANTWOORD", "memorie_van_antwoord"),
     ("VERSLAG VAN EEN MONDELING OVERLEG", "verslag"),
     ("VOORLOPIG VERSLAG", "verslag"),
     ("NADER VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR FINANCIËN1 Vastgesteld 8 september 1987",
      "verslag"),
     ("NOTA VAN WIJZIGING", "nota"),
     ("NOTA NAAR AANLEIDING VAN HET VERSLAG", "nota"),
     ("VOORSTEL VAN WET", "wetsvoorstel"),
     ("GEWIJZIGD ONTWERP VAN WET", "wetsvoorstel"),
     # a committee's questions with the minister's answers; a minister's answer printed
     # as a Kamerstuk
     ("LIJST VAN VRAGEN EN ANTWOORDEN Vastgesteld 4 juni 1993", "antwoord_kamervragen"),
     ("ANTWOORD VAN DE MINISTER VAN LANDBOUW EN VISSERIJ (VRAAG ZIE STUK NR. 13)",
      "antwoord_kamervragen"),
     ("ANTWOORDEN VAN DE STAATSSECRETARIS VAN FINANCIËN", "antwoord_kamervragen"),
     # a memorie van antwoord is no answer to questions
     ("MEMORIE VAN ANTWOORD", "memorie_van_antwoord"),
     ("KONINKLIJKE BOODSCHAP\nAan de Tweede Kamer der Staten-Generaal\nNr. 2\nONTWERP VAN WET", "brief")],
)  # fmt: skip
def test_masthead_in_capitals_decides(head: str, kind: str) -> None:
    assert document_kind(MASTHEAD.format(nr=12, head=head) + BODY) == kind


def test_the_first_masthead_line_wins() -> None:
    text = MASTHEAD.format(nr=3, head="NADER RAPPORT") + "ADVIES RAAD VAN STATE\n" + BODY
    assert document_kind(text) == "nader_rapport"


def test_title_in_normal_case_is_no_masthead() -> None:
    # "Nota Energiebeleid" is the dossier's title; the masthead says it is a letter.
    text = MASTHEAD.format(
        nr=13, head="Nota Energiebeleid\nBRIEF VAN DE MINISTER VAN ECONOMISCHE ZAKEN"
    )
    assert document_kind(text + "Hierbij bied ik u het rapport aan.\n") == "brief"


AANHANGSEL = """Tweede Kamer der Staten-Generaal
Vergaderjaar 1984-1985
Aanhangsel van de Handelingen
Vragen gesteld door leden van de Kamer, met de daarop door de regering gegeven antwoorden
748
Vragen van het lid De Waart (PvdA) over emissienormen. (Ingezonden 29 maart 1985)
1 Is het de minister bekend dat er een rapport is verschenen?
Antwoord van minister Winsemius (VROM). (Ontvangen 22 april 1985)
1 Ja.
"""

ANSWER_LETTER = """Antwoord van minister Faber (Asiel en Migratie) (ontvangen 20 november 2024)

Vraag 1
Kunt u aangeven hoe het rapport is meegewogen?

Antwoord op vraag 1
Het rapport was een van de bronnen.

Vraag 2 en 3
Kunt u per maatregel aangeven wat u ermee doet?

Antwoord op vragen 2 en 3
Een overzicht is er niet.
"""

COVER_AND_ANSWERS = """Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal

Geachte voorzitter,

Hierbij zend ik u de antwoorden op de vragen van het lid Jansen over de jeugdzorg.

Vraag 1
Bent u bekend met het bericht?

Antwoord 1
Ja.

Vraag 2
Wat vindt u daarvan?

Antwoord 2
Ik vind dat zorgelijk.
"""


# the labels of a ministry's answer letter set in capitals
LABELS_IN_CAPITALS = COVER_AND_ANSWERS.replace("Vraag", "VRAAG").replace("Antwoord", "ANTWOORD")


@pytest.mark.parametrize("text", [AANHANGSEL, ANSWER_LETTER, COVER_AND_ANSWERS, LABELS_IN_CAPITALS])
def test_answers_to_kamervragen(text: str) -> None:
    assert document_kind(text) == "antwoord_kamervragen"


DELAY_NOTICE = """De Voorzitter van de Eerste Kamer
der Staten-Generaal

Datum 1 december 2017
Betreft Uitstel beantwoording schriftelijke vragen

Geachte Voorzitter,

De beantwoording van de schriftelijke vragen zal meer tijd vergen dan gebruikelijk.
De vragen worden zo spoedig mogelijk beantwoord.

Carola Schouten
Minister van Landbouw, Natuur en Voedselkwaliteit
"""

SIGNED_ONLY = """Op 16 december heb ik met het bedrijfsleven een top georganiseerd.
Hierover informeer ik uw Kamer met deze brief.

De Minister van Volksgezondheid, Welzijn en Sport,
E.I. Schippers
"""


# a letter that quotes the memorie van antwoord in capitals is no answer to questions
CAPITALS_IN_A_LETTER = SIGNED_ONLY.replace(
    "Hierover", "Zie de MEMORIE VAN ANTWOORD.\nANTWOORD:\nHierover"
)


@pytest.mark.parametrize("text", [DELAY_NOTICE, SIGNED_ONLY, CAPITALS_IN_A_LETTER])
def test_letter_to_the_kamer_is_a_brief(text: str) -> None:
    # An announcement that answers come later has no answers: it is a letter.
    assert document_kind(text) == "brief"


@pytest.mark.parametrize(
    "text",
    ["Persbericht\n\nHet kabinet maakt vandaag bekend dat de regeling wordt verlengd.\n",
     "Geachte heer Jansen,\n\nNaar aanleiding van uw brief van 3 mei bericht ik u het volgende.\n",
     "Vraag en aanbod op de woningmarkt\nVraag is of het beleid werkt.\n"],
)  # fmt: skip
def test_anything_else_is_other(text: str) -> None:
    assert document_kind(text) == "other"


def test_old_records_without_kind_stay_valid() -> None:
    assert Metadata.model_validate({"title": "x", "senders": []}).kind is None
    fields = list(Metadata.model_fields)
    assert fields[-2:] == ["kind", "kamervragen"]  # added after the existing keys, in turn
    assert Metadata.model_validate({"title": "x", "senders": []}).kamervragen is None


def test_record_carries_the_kind() -> None:
    extractor = Extractor("blank:nl")
    record = extractor.from_bytes(DELAY_NOTICE.encode(), "uitstel.txt")
    assert isinstance(record, LetterRecord)
    assert record.metadata.kind == "brief"
    assert record.model_dump(mode="json")["metadata"]["kind"] == "brief"
