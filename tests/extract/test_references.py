"""References: citations of parliamentary papers, never the document's own Kamerstuk."""

from __future__ import annotations

import dataclasses

import pytest
import spacy

from kamerbrief.extract.identity import own_kamerstuk
from kamerbrief.extract.references import extract_references, find_references
from kamerbrief.parse import parse
from kamerbrief.record import Kamerstuk, kamerstuk_id
from tests.helpers import CIRCULAIR


def _found(sentence: str, own: Kamerstuk | None = None) -> list[tuple]:
    refs = find_references(sentence, own)
    for r in refs:
        assert sentence[r.start : r.end] == r.text
    return [(r.text, r.kind, r.dossier, r.number) for r in refs]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Met deze Top heb ik uitvoering gegeven aan de toezegging (Kamerstuk 29 689, nr. 530).",
         [("Kamerstuk 29 689, nr. 530", "kamerstuk", "29689", "530")]),
        ("Zie de begroting (Kamerstuk 33 750 XVI, nr. 36).",
         [("Kamerstuk 33 750 XVI, nr. 36", "kamerstuk", "33750-XVI", "36")]),
        ("Kamerstukken II 2014/15, 31 839, nr. 456.",
         [("Kamerstukken II 2014/15, 31 839, nr. 456", "kamerstuk", "31839", "456")]),
        ("Zoals gemeld in mijn brief (Kamerstuk 35 925 VII, nr. 148) ...",
         [("Kamerstuk 35 925 VII, nr. 148", "kamerstuk", "35925-VII", "148")]),
        ("Kamerstuk 33400-J, nr. 19",
         [("Kamerstuk 33400-J, nr. 19", "kamerstuk", "33400-J", "19")]),
        ("Kamerstuk 21 501-02, nr. 2498 (https://www.tweedekamer.nl/kamerstukken/moties/)",
         [("Kamerstuk 21 501-02, nr. 2498", "kamerstuk", "21501-02", "2498")]),
        ("Kamerstukken II, 2022/2023, 31 839, nr 874",
         [("Kamerstukken II, 2022/2023, 31 839, nr 874", "kamerstuk", "31839", "874")]),
        ("Kamerstukken ll 2023/24, 36 410 XVI, nr. 160",
         [("Kamerstukken ll 2023/24, 36 410 XVI, nr. 160", "kamerstuk", "36410-XVI", "160")]),
        ("Kamerstukken II 2019/20, 31936 nr. 674",
         [("Kamerstukken II 2019/20, 31936 nr. 674", "kamerstuk", "31936", "674")]),
        ("Bijlage 1 van kamerstuk 32 813, nr. 1395",
         [("kamerstuk 32 813, nr. 1395", "kamerstuk", "32813", "1395")]),
        ("(Tweede Kamer, vergaderjaar 2012–2013, 32 813, nr. 12)",
         [("Tweede Kamer, vergaderjaar 2012–2013, 32 813, nr. 12", "kamerstuk", "32813", "12")]),
        ("De analyses zijn gedeeld met de Kamer (36 471-64).",
         [("36 471-64", "kamerstuk", "36471", "64")]),
        ("Zie ook de Nationale Grondstoffenstrategie (Kamerstuk 2022Z24775)",
         [("Kamerstuk 2022Z24775", "kamerstuk", None, "2022Z24775")]),
        ("Zie https://zoek.officielebekendmakingen.nl/kst-33750-XVI-36.html voor de tekst.",
         [("kst-33750-XVI-36", "kamerstuk", "33750-XVI", "36")]),
        ("Het Kamerstuk 33 750 XVI bevat de begroting.",
         [("Kamerstuk 33 750 XVI", "kamerstuk", "33750-XVI", None)]),
        ("Kamerstukken I 2019/20, 35 300, A",
         [("Kamerstukken I 2019/20, 35 300, A", "kamerstuk", "35300", "A")]),
    ],
)  # fmt: skip
def test_kamerstukken(sentence: str, expected: list[tuple]) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a bill named by its title, its dossier in brackets after it
        ("Het wetsvoorstel Wet betaalbare huur (36 512) is aangenomen.",
         [("36 512", "kamerstuk", "36512", None)]),
        ("Het initiatiefwetsvoorstel (35 999) ligt bij uw Kamer.",
         [("35 999", "kamerstuk", "35999", None)]),
        ("Het voorstel van wet tot wijziging van de begroting (36 200-XII) is aangenomen.",
         [("36 200-XII", "kamerstuk", "36200-XII", None)]),
        # a figure in brackets, or a dossier-like figure without a bill before it
        ("Het wetsvoorstel leidt tot meer woningen (12 000 per jaar).", []),
        ("Het aantal aanvragen (36 512) is gestegen.", []),
        # the bracket of another sentence
        ("Dit is het wetsvoorstel. De aanvragen (36 512) stijgen.", []),
    ],
)  # fmt: skip
def test_a_bills_dossier_in_brackets_after_its_title(sentence: str, expected) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kamerstukken 33 037, nrs. 431 en 437",
         [("Kamerstukken 33 037, nrs. 431", "kamerstuk", "33037", "431"),
          ("437", "kamerstuk", "33037", "437")]),
        ("Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA midterm review",
         [("Kamerstukken II, 25 424, nr. 679", "kamerstuk", "25424", "679"),
          ("nr. 684", "kamerstuk", "25424", "684"),
          ("685", "kamerstuk", "25424", "685")]),
        ("Kamerstukken 31 839, nrs. 12, 13 en 14",
         [("Kamerstukken 31 839, nrs. 12", "kamerstuk", "31839", "12"),
          ("13", "kamerstuk", "31839", "13"), ("14", "kamerstuk", "31839", "14")]),
        ("Kamerstuk 29 689, nr. 530 en 32 793, nr. 12",
         [("Kamerstuk 29 689, nr. 530", "kamerstuk", "29689", "530"),
          ("32 793, nr. 12", "kamerstuk", "32793", "12")]),
        # a singular "nr." does not list bare numbers after a comma
        ("Kamerstuk 22 054, nr. 395, 14 juli 2023.",
         [("Kamerstuk 22 054, nr. 395", "kamerstuk", "22054", "395")]),
    ],
)  # fmt: skip
def test_several_numbers_give_one_reference_each(sentence: str, expected: list[tuple]) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Handelingen II 2021/22, nr. 82, item 5.",
         [("Handelingen II 2021/22, nr. 82, item 5", "handelingen", None, "82")]),
        ("Handelingen II 2013/14, 45-9",
         [("Handelingen II 2013/14, 45-9", "handelingen", None, "45")]),
        ("Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028.",
         [("Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028", "handelingen", None, "1028")]),
        ("Kamerstukken II 2021/22, Aanhangsel, nr. 1694",
         [("Kamerstukken II 2021/22, Aanhangsel, nr. 1694", "handelingen", None, "1694")]),
        ("Kamerstukken II 2021/22, Aanhangsel, 2050",
         [("Kamerstukken II 2021/22, Aanhangsel, 2050", "handelingen", None, "2050")]),
    ],
)  # fmt: skip
def test_handelingen_and_aanhangsel(sentence: str, expected: list[tuple]) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "member"),
    [
        ("Met deze Top heb ik uitvoering gegeven aan de Motie Dijkstra.",
         [("Motie Dijkstra", "motie", None, None)], "Dijkstra"),
        ("Tevens is deze werkwijze in lijn met de motie Grinwis 17, waarin gevraagd wordt ...",
         [("motie Grinwis", "motie", None, None)], "Grinwis"),
        ("Conform de motie De Groot zullen we de gebiedsprogramma’s beoordelen.",
         [("motie De Groot", "motie", None, None)], "De Groot"),
        ("Het amendement-Van Weyenberg regelt dit.",
         [("amendement-Van Weyenberg", "amendement", None, None)], "Van Weyenberg"),
        ("de expertisecentra die door het amendement Klaver-Westerveld opgericht zouden worden",
         [("amendement Klaver-Westerveld", "amendement", None, None)], "Klaver-Westerveld"),
        ("Met deze bijlage geven we invulling aan een motie van Tweede Kamerlid Mulder (CDA).",
         [("motie van Tweede Kamerlid Mulder", "motie", None, None)], "Mulder"),
        ("De motie van de leden Van der Staaij en Bikker c.s. vraagt dit.",
         [("motie van de leden Van der Staaij en Bikker c.s.", "motie", None, None)],
         "Van der Staaij en Bikker"),
        # a named motion and its citation in brackets are one reference
        ("Hiermee geef ik invulling aan de motie van het lid Omtzigt (Kamerstuk 35 570, nr. 19).",
         [("motie van het lid Omtzigt (Kamerstuk 35 570, nr. 19)", "motie", "35570", "19")],
         "Omtzigt"),
        ("Daarnaast wordt invulling gegeven aan de motie Bontenbal/Grinwis (Kamerstukken 32813, nr. 952).",
         [("motie Bontenbal/Grinwis (Kamerstukken 32813, nr. 952)", "motie", "32813", "952")],
         "Bontenbal/Grinwis"),
        # "van" without "het lid": the member's name follows
        ("De motie van Omtzigt over de toeslagen is aangenomen.",
         [("motie van Omtzigt", "motie", None, None)], "Omtzigt"),
        ("Het amendement van Van Weyenberg c.s. is aangenomen.",
         [("amendement van Van Weyenberg c.s.", "amendement", None, None)], "Van Weyenberg"),
        ("Ik voer de motie van Omtzigt c.s. (Kamerstuk 35 510, nr. 12) uit.",
         [("motie van Omtzigt c.s. (Kamerstuk 35 510, nr. 12)", "motie", "35510", "12")], "Omtzigt"),
        # a capital "Van" begins the name
        ("Ik voer de motie Van Wijngaarden en Stoffer uit.",
         [("motie Van Wijngaarden en Stoffer", "motie", None, None)], "Van Wijngaarden en Stoffer"),
    ],
)  # fmt: skip
def test_named_motions_and_amendments(sentence: str, expected: list[tuple], member: str) -> None:
    assert _found(sentence) == expected
    assert find_references(sentence)[0].member == member


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kunt u in de uitwerking van onze motie (Kamerstuk 25 424, nr. 691) ook dit betrekken?",
         [("Kamerstuk 25 424, nr. 691", "motie", "25424", "691")]),
        ("heeft uw Kamer per motie (Kamerstukken 32852, nr. 199) verzocht om ...",
         [("Kamerstukken 32852, nr. 199", "motie", "32852", "199")]),
        ("De vragen van het lid Jansen (2024Z01234) beantwoord ik hierbij.",
         [("2024Z01234", "kamervragen", None, "2024Z01234")]),
        ("https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022Z10845&did=2022D22249",
         [("2022Z10845", "motie", None, "2022Z10845")]),
    ],
)  # fmt: skip
def test_unnamed_motions_and_zaak_numbers(sentence: str, expected: list[tuple]) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 21 juni 2024 heb ik met de sector gesproken.",
        "Dat volgt uit artikel 68 van de Grondwet.",
        "Voor vragen kunt u bellen met 070-456 0000 of 06 12345678.",
        "Tweede Kamer der Staten-Generaal, vergaderjaar 2024–2025",
        "In 2014/15 waren er 31 839 meldingen, nr. 3 in de ranglijst.",
        "Hiervoor is € 33 750 beschikbaar, zie nr. 5 van de bijlage.",
        "Het gaat om ruim 12 500 bedrijven en 10 procent van de omzet.",
        "Herinnert u zich de twee jaar geleden aangenomen motie die de regering verzoekt ...?",
        "Kunt u aangeven wat is gedaan om deze motie uit te voeren?",
        "de motie van de Minister is niet aangenomen.",
        "Zo bleef het bij de motie. De Minister nam het over.",
        "MOTIE VAN HET LID CEDER",
        "Handelingen II 2013/14, 12 september",
        "Kamerbrief over stand van zaken concretisering doelen | Kamerstuk | Rijksoverheid.nl",
        "detail?id=2022D25169&did=2022D25169",
        "Postbus 20018, 2500 EA Den Haag, kenmerk IENW/BSK-2022/283041",
        "de vredesonderhandelingen in Jemen lopen nog",
        # a motion of the chamber, of the government, of no confidence: no member
        "De motie van de Kamer over de toeslagen is aangenomen.",
        "De motie van wantrouwen is verworpen.",
        "Het amendement van Minister Hoekstra is ingetrokken.",
        "De motie van Tweede Kamerleden is besproken.",
        "De motie van orde werd niet in stemming gebracht.",
        "De motie van de Europese Commissie is besproken.",
        "De motie van Provinciale Staten is aangenomen.",
        "De motie van Kamerleden Omtzigt en Leijten is aangenomen.",
        # a date after a publication's year is no number of it
        "Het besluit staat in de Staatscourant 2023, 12 maart 2023.",
        # a publication named without year and number
        "De wet wordt in het Staatsblad geplaatst.",
        "Het besluit is gepubliceerd in de Staatscourant van 12 maart.",
    ],
)
def test_nothing_is_found(sentence: str) -> None:
    assert _found(sentence) == []


def test_own_kamerstuk_is_not_a_reference() -> None:
    text = (
        "De Kamer,\n\ngehoord de beraadslaging, verzoekt de regering ...\n\nCeder\n\n"
        "Tweede Kamer, vergaderjaar 2024–2025, 21 501-02, nr. 3121"
    )
    own = own_kamerstuk(text, None)
    assert own == Kamerstuk(dossier="21501-02", number="3121", year="2024-2025")
    assert _found(text, own) == []
    assert _found(text) != []  # without knowing its identity the footer looks like a citation


def test_replacement_motion_cites_its_own_dossier() -> None:
    text = "GEWIJZIGDE MOTIE VAN HET LID CLAASSEN\nTer vervanging van die gedrukt onder nr. 8"
    own = Kamerstuk(dossier="36682", number="10")
    assert _found(text, own) == [("nr. 8", "kamerstuk", "36682", "8")]


@pytest.mark.parametrize(
    ("kamerstuk", "expected"),
    [
        (Kamerstuk(dossier="21501-02", number="3121"), "kst-21501-02-3121"),
        (Kamerstuk(dossier="33750-XVI", number="36"), "kst-33750-XVI-36"),
        (Kamerstuk(dossier="36278", number="32", year="2024-2025"), "kst-36278-32"),
        (Kamerstuk(dossier="36410-XVI"), "kst-36410-XVI"),
    ],
)
def test_record_id(kamerstuk: Kamerstuk, expected: str) -> None:
    assert kamerstuk_id(kamerstuk.dossier, kamerstuk.number) == expected


def test_extract_references_on_a_parsed_letter() -> None:
    raw = (
        "Den Haag, 25 maart 2015\n\n"
        "Met deze Top heb ik uitvoering gegeven aan de Motie Dijkstra (Kamerstuk\n"
        "33 750 XVI, nr. 36) en aan mijn toezegging (Kamerstuk 29 689, nr. 530).\n\n"
        "De Minister van Volksgezondheid, Welzijn en Sport,\nE.I. Schippers\n"
    )
    parsed = parse(raw)
    doc = spacy.blank("nl")(parsed.text)
    refs = extract_references(doc, parsed)["references"]
    assert [(r.kind, r.dossier, r.number, r.member) for r in refs] == [
        ("motie", "33750-XVI", "36", "Dijkstra"),
        ("kamerstuk", "29689", "530", None),
    ]
    for r in refs:
        assert parsed.text[r.start : r.end] == r.text
        assert r.start >= parsed.content_start
        assert r.section == parsed.section_at(r.start)


def test_only_content_counts(parsed) -> None:
    letter = parsed(CIRCULAIR)
    doc = spacy.blank("nl")(letter.text)
    refs = extract_references(doc, letter)["references"]
    assert [r.text for r in refs][:2] == ["Kamerstuk 2022Z24775", "Kamerstuk 32852 nr. 209"]
    assert all(r.start >= letter.content_start for r in refs)
    later = dataclasses.replace(letter, content_start=refs[0].end)  # as if it were letterhead
    assert extract_references(doc, later)["references"] == refs[1:]


def test_year_and_chamber_are_read() -> None:
    (ref,) = find_references("Kamerstukken II 2014/15, 31 839, nr. 456")
    assert (ref.year, ref.chamber) == ("2014-2015", "II")
    (ref,) = find_references("Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028")
    assert (ref.year, ref.chamber) == ("2024-2025", None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Issue 16: the OCR comma of older letters after "nr" ...
        ("De broodprijs is een onderdeel van de minimum-prijzenbrief (20 901, nr, 1). Van het overleg",
         [("20 901, nr, 1", "kamerstuk", "20901", "1")]),
        # ... and answers to Kamervragen cited as such, with a footnote's number glued to them.
        ("2Kamervragen (Aanhangsel) 2023–2024, nr. 2267 3Kamerstuk 36 410 A, nr. 51",
         [("Kamervragen (Aanhangsel) 2023–2024, nr. 2267", "handelingen", None, "2267"),
          ("Kamerstuk 36 410 A, nr. 51", "kamerstuk", "36410-A", "51")]),
        # ... "Gedrukte Stukken", the older name of Kamerstukken, with or without a number ...
        ("Het wetsvoorstel (Gedr. St. 16 225) is in 1981 ingediend.",
         [("Gedr. St. 16 225", "kamerstuk", "16225", None)]),
        ("Zie Gedr. St. 16 225, nr. 5.", [("Gedr. St. 16 225, nr. 5", "kamerstuk", "16225", "5")]),
        # ... and a budget chapter after its cue word.
        ("De brief (Tweede Kamer, vergaderjaar 1988-1989, 20800 Hfdst. XVI, nr. 174) gaat hierop in.",
         [("Tweede Kamer, vergaderjaar 1988-1989, 20800 Hfdst. XVI, nr. 174", "kamerstuk",
           "20800-XVI", "174")]),
        ("Zie kamerstuk 20 800 hoofdstuk XVI, nr. 174.",
         [("kamerstuk 20 800 hoofdstuk XVI, nr. 174", "kamerstuk", "20800-XVI", "174")]),
        # Handelingen with the chamber written out; a dossier PDF letter-spacing split after
        # its cue word
        ("Zie de Handelingen van de Tweede Kamer, 1983-1984, pag. 4567.",
         [("Handelingen van de Tweede Kamer, 1983-1984, pag. 4567", "handelingen", None, "4567")]),
        ("Zie Handelingen der Eerste Kamer 1990-1991, blz. 12.",
         [("Handelingen der Eerste Kamer 1990-1991, blz. 12", "handelingen", None, "12")]),
        ("Dit staat in Kamerstuk 3 6 410-XII, nr. 5.",
         [("Kamerstuk 3 6 410-XII, nr. 5", "kamerstuk", "36410-XII", "5")]),
        # Not: "nr," without a number, a cue inside a word, a chapter of a book, spaced
        # digits without a cue, the Handelingen named without a citation.
        ("Het Aanhangsel, nr, bevat dit en 20 901, nr, is niets.", []),
        ("In de 3 6 410 gevallen, nr. 5 van de lijst.", []),
        ("De Handelingen van de Tweede Kamer zijn openbaar.", []),
        ("Zie hoofdstuk XVI van het rapport.", []),
        ("De Kamervragenrubriek (Aanhangsel) 2023–2024 is gesloten.", []),
    ],
)  # fmt: skip
def test_citations_of_older_letters_and_kamervragen(sentence: str, expected: list[tuple]) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Issue 16: Handelingen cited by page, with the whole session year ...
        ("Zie Handelingen II 1984-1985, blz. 2345.",
         [("Handelingen II 1984-1985, blz. 2345", "handelingen", None, "2345")]),
        # ... and a bill by its dossier number.
        ("Het wetsvoorstel 19 403 regelt dit.", [("wetsvoorstel 19 403", "kamerstuk", "19403", None)]),
        # Not: a page after a Kamerstuk's number, a bill without a number.
        ("Zie Kamerstuk 31 839, nr. 5, blz. 4.", [("Kamerstuk 31 839, nr. 5", "kamerstuk", "31839", "5")]),
        ("Het wetsvoorstel is in 2019 en 2020 behandeld.", []),
    ],
)  # fmt: skip
def test_handelingen_by_page_and_bills(sentence: str, expected: list[tuple]) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("De wet is gepubliceerd in het Staatsblad (Stb. 2019, 370).",
         [("Stb. 2019, 370", "staatsblad", "2019", "370")]),
        ("Zie Staatsblad 2020, 118 voor de tekst van de wet.",
         [("Staatsblad 2020, 118", "staatsblad", "2020", "118")]),
        ("De regeling is gepubliceerd in de Staatscourant (Stcrt. 2023, nr. 12345).",
         [("Stcrt. 2023, nr. 12345", "staatscourant", "2023", "12345")]),
        ("Het verdrag is gepubliceerd in Trb. 1994, 83 en 166.",
         [("Trb. 1994, 83", "tractatenblad", "1994", "83"), ("166", "tractatenblad", "1994", "166")]),
        ("De wet (Stb. 1980, 646 en 12 andere besluiten) is gewijzigd.",
         [("Stb. 1980, 646", "staatsblad", "1980", "646")]),
        # a year after "en" starts another citation (here without its cue), no number
        ("Zie de verdragen (Trb. 1994, 83 en 1995, 12).",
         [("Trb. 1994, 83", "tractatenblad", "1994", "83")]),
    ],
)  # fmt: skip
def test_publications_of_laws_decrees_and_treaties(sentence: str, expected: list[tuple]) -> None:
    refs = find_references(sentence)
    assert [(r.text, r.kind, r.year, r.number) for r in refs] == expected
    assert all(r.dossier is None for r in refs)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Het amendement op stuk nr. 8 is aangenomen.", [("stuk nr. 8", "kamerstuk", "19403", "8")]),
        ("Zoals vermeld in stuk nr. 3 van dit dossier.", [("stuk nr. 3", "kamerstuk", "19403", "3")]),
        # in brackets after an amendment: that amendment
        ("Zie het gewijzigd amendement (stuk nr. 12).", [("stuk nr. 12", "amendement", "19403", "12")]),
        # not: a "stuk" of something else
        ("Het stuk nr. 8 van de agenda is besproken.", []),
    ],
)  # fmt: skip
def test_a_paper_of_the_own_dossier_by_its_number(sentence: str, expected: list[tuple]) -> None:
    assert _found(sentence, Kamerstuk(dossier="19403", number="17")) == expected
