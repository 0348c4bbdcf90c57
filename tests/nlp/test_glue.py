"""Words glued by PDF text extraction are split where the letter prints them apart."""

from __future__ import annotations

import pytest
import spacy

from kamerbrief.nlp.annotate import paragraphs
from kamerbrief.nlp.glue import split_glued


def tokens(text: str) -> list[str]:
    nlp = spacy.blank("nl")
    docs = split_glued([nlp.make_doc(p) for p in paragraphs(text)])
    assert "".join(d.text for d in docs) == text  # the text is never changed
    return [t.text for d in docs for t in d]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a function word glued in front, printed apart elsewhere in the letter
        ("Het kabinet heeft besloten. Het kabinet wacht.\n\nHetkabinet zal het advies volgen.",
         ["Het", "kabinet"]),
        ("Het kabinet zal analyseren wat nodig is en zal analyseren hoe.\n\nDaarna zalanalyseren"
         " wij.",
         ["zal", "analyseren"]),
        # ... or at the end
        ("Dit ook, en dit ook.\n\nDat geldt ditook voor de wet.", ["dit", "ook"]),
        # a lower-to-upper case change, both words printed on their own
        ("De Europese Commissie besluit.\n\nHet oordeel is aan de EuropeseCommissie.",
         ["Europese", "Commissie"]),
    ],
)  # fmt: skip
def test_a_glued_word_is_split_on_the_letters_evidence(text, pair) -> None:
    found = tokens(text)
    tail = found[found.index("\n\n") :]  # the glued word is in the last paragraph
    k = tail.index(pair[0])
    assert tail[k : k + 2] == pair


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # no evidence: the two words never stand apart in the letter, and the word after
        # the glue word is a rare one (data/lexicon.json)
        ("Hetafwegingskader is klaar.", "Hetafwegingskader"),
        # a word printed glued more often than apart is a word ("decentrale", "de centrale")
        ("De decentrale overheden en de decentrale taken.\n\nDe centrale bank.", "decentrale"),
        # Dutch endings are never split off ("zorg|en", "waar|de")
        ("Wij zorgen voor zorg en hulp. Zorg en hulp zijn nodig.", "zorgen"),
        ("De waarde van waar de grens ligt en waar de weg loopt.", "waarde"),
        # words made of two glue words stay whole
        ("Voor dat doel en voor dat plan, voordat het begint.", "voordat"),
        # a name with an inner capital whose parts do not stand alone
        ("GroenLinks stemde voor.", "GroenLinks"),
    ],
)  # fmt: skip
def test_words_stay_whole_without_evidence(text, word) -> None:
    assert word in tokens(text)


def test_the_annotated_letter_keeps_its_text_and_reads_the_split_words(bundled_nlp) -> None:
    from kamerbrief.nlp.annotate import annotate

    text = "Het kabinet zal. Het kabinet wil.\n\nHetkabinet zal de Kamer informeren."
    doc = annotate(bundled_nlp, text)
    assert doc.text == text
    assert [t.text for t in doc].count("kabinet") == 3


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a sentence end glued to the next sentence
        ("De IGJ meldt het. Volgens de IGJ.Verder is er niets.", ["IGJ", ".", "Verder"]),
        # ... or to a footnote number
        ("De deskundigen zeggen het. Aldus de deskundigen.1 Daarna", ["deskundigen", ".", "1"]),
    ],
)
def test_a_sentence_glued_at_its_stop_is_split(text, parts) -> None:
    found = tokens(text)
    k = len(found) - 1 - found[::-1].index(parts[0])
    assert found[k : k + 3] == parts


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("De N.V. Nederlandse Spoorwegen, t.a.v. de heer Jansen.", "N.V."),
        ("Zie www.rijksoverheid.nl voor meer.", "www.rijksoverheid.nl"),
        # the word before the stop never stands alone: no evidence
        ("Volgens de KLPD.Verder is het zo.", "KLPD.Verder"),
    ],
)
def test_abbreviations_and_addresses_keep_their_stops(text, word) -> None:
    assert word in tokens(text)


def test_split_paragraphs_carry_no_annotation_a_parser_would_trust() -> None:
    nlp = spacy.blank("nl")
    text = "Het kabinet zal. Het kabinet wil.\n\nHetkabinet zal het doen. Dit meldt de IGJ.Verder"
    docs = split_glued([nlp.make_doc(p) for p in paragraphs(text)])
    assert [t.text for t in docs[1]][:2] == ["Het", "kabinet"]
    assert not any(d.has_annotation("DEP") or d.has_annotation("HEAD") for d in docs)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Er zijn paarden. Op basis van een steekproef zijn19 paarden gecontroleerd.",
         ["zijn", "19"]),
        ("De bewoners klagen. Fokus heeft bijna 1.500bewoners.", ["1.500", "bewoners"]),
        ("Dat is van belang. Fokus heeft ongeveer 95%van de omzet.", ["95%", "van"]),
        ("Het besluit van december. Per 1 december2018 geldt de regel.", ["december", "2018"]),
        # a common word or a word of per cent, and a compound of an acronym, need no evidence
        ("De uitstoot daalt. Het aandeel daalt met 21procentpunten.", ["21", "procentpunten"]),
        ("De lidstaten stemden. Er zijn 193VN-lidstaten.", ["193", "VN-lidstaten"]),
        # a list item's dash glued to the day of a date
        ("Dit is het verloop. Het voorstel: -1 december 1989: het overleg; -7 december: dit.",
         ["-", "1"]),
        # a number with decimals or thousands is no footnote marker
        ("Dat is veel. Dat kost jaarlijks1,2 miljard euro.", ["jaarlijks", "1,2"]),
        ("Dat is veel. Het gaat om ruim1.500 woningen.", ["ruim", "1.500"]),
        # a currency sign glued to the word before it
        ("Dat is veel. De bijdrage bedraagt€ 5 miljoen per jaar.", ["bedraagt", "€"]),
        ("Dat is veel. De kosten zijn ongeveer€ 300.000 per jaar.", ["ongeveer", "€"]),
        # a scale word glued to the word after it, after a number
        ("Dat is veel. Er is 5 miljoeneuro beschikbaar.", ["miljoen", "euro"]),
        ("Dat is veel. Er is € 5 miljoenbeschikbaar voor de regeling.",
         ["miljoen", "beschikbaar"]),
    ],
)  # fmt: skip
def test_a_number_glued_to_a_word_is_split(text, parts) -> None:
    found = tokens(text)
    k = found.index(parts[0], found.index(".") + 1)
    assert found[k : k + 2] == parts


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a footnote number after a content word stays with it: it is no quantity
        ("Cryptografie is nodig. De wet over cryptografie14 treedt in werking.", "cryptografie14"),
        # codes
        ("Tijdens COP29 en de G20 is CO2 besproken, zie 2024Z01234.", "COP29"),
        ("Tijdens COP29 en de G20 is CO2 besproken, zie 2024Z01234.", "2024Z01234"),
        # a code of a number and a capital, and an ordinal's ending, stay whole
        ("De film is gemaakt. Hij is in 3D gedraaid en het 5G-netwerk werkt.", "3D"),
        # a minus before a number that is no day of a month
        ("De groei was dit jaar. Het saldo is -3 procent van het bbp.", "-3"),
        # a scale word's compound, and a scale word not after a number
        (
            "Het is een miljoenenzaak. Het gaat om 5 miljoenenbedragen per jaar.",
            "miljoenenbedragen",
        ),
        ("De miljardairs betalen. Miljardenbedrijven betalen weinig.", "Miljardenbedrijven"),
        # a currency sign inside a code or a price list stays whole
        ("De prijs is vast. Zie de tabel k€ 450 en de code EUR2024.", "EUR2024"),
    ],
)
def test_codes_and_footnote_numbers_stay_whole(text, word) -> None:
    assert word in tokens(text)


def test_a_footnote_number_glued_to_a_year_is_split() -> None:
    found = tokens("De regeling bestaat sinds 2019.7 Zij werkt goed.")
    k = found.index("2019")
    assert found[k : k + 3] == ["2019", ".", "7"]
    assert "2.019" in tokens("De kosten stegen met 2.019 euro.")  # a thousands group


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a function word before a known name, without evidence in the letter
        ("Het kabinet investeert inNederland in nieuwe projecten.", ["in", "Nederland"]),
        ("Dat blijkt uit het programma vanUNHCR in de regio.", ["van", "UNHCR"]),
        # ... or a word the letter prints on its own
        ("Het conflict tussenIsraël en Palestina duurt voort tussen de partijen.",
         ["tussen", "Israël"]),
        # a known name the letter prints on its own, glued to the next word
        ("UNHCR is actief. Het kabinet is in gesprek met UNHCRover de opvang.", ["UNHCR", "over"]),
        ("Nederland blijft aandringen op een oplossing. Daarom blijft Nederlandaandringen op"
         " overleg.", ["Nederland", "aandringen"]),
        # a known name of two words, glued together
        ("Dat deelt ook AmnestyInternational in een rapport.", ["Amnesty", "International"]),
        # the last word of a longer known name, after the name's other words
        ("Dat is aan de Verenigde Natiesgecommuniceerd. Het is ook aan de NAVO gecommuniceerd.",
         ["Naties", "gecommuniceerd"]),
        ("Poetin wordt door het Internationaal Strafhofverdacht. Hij wordt verdacht van veel.",
         ["Strafhof", "verdacht"]),
        ("Wat heeft de Europese Commissiehierover gezegd?", ["Commissie", "hierover"]),
    ],
)  # fmt: skip
def test_a_known_name_is_split_from_its_glued_neighbour(text, pair) -> None:
    found = tokens(text)
    assert any(found[k : k + 2] == pair for k in range(len(found)))
    assert "".join(pair) not in found


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        # compounds and endings of a name stay whole ...
        ("Nederland en het Groningenveld. Het veld is leeg en Groningen wacht.", "Groningenveld"),
        ("Nederland voert het Nederlandse beleid uit.", "Nederlandse"),
        ("Nederland is deel van het Koninkrijk der Nederlanden en meer.", "Nederlanden"),
        ("In Nederland zijn Nederlanders gelijk voor ders.", "Nederlanders"),
        ("In Nederland zijn Nederlandstalige burgers.", "Nederlandstalige"),
        ("Het IJsselmeer is groot. Het IJsselmeergebied is een gebied van belang.",
         "IJsselmeergebied"),
        # a noun after a name makes a compound: the letter prints it after an article
        ("De Tweede Kamerleden stemden. De leden van de Tweede Kamer stemden ook.",
         "Kamerleden"),
        ("Het Europese Commissiebesluit volgt. Het besluit komt van de Europese Commissie.",
         "Commissiebesluit"),
        # ... and a word glued to a name the letter never prints on its own is no evidence
        ("Dat is aan de Verenigde Natiesgemeld, zegt de minister.", "Natiesgemeld"),
        # ... and a name the letter never prints on its own is no evidence
        ("Het kabinet blijft Nederlandaandringen op overleg. Aandringen helpt.",
         "Nederlandaandringen"),
    ],
)  # fmt: skip
def test_compounds_of_a_name_are_not_split(text, whole) -> None:
    assert whole in tokens(text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a subject or auxiliary glued to a word the letter prints on its own
        ("Dit kan alleen als het veilig is. Ik zal ikalleen toestaan als het kan.",
         ["ik", "alleen"]),
        ("De cliëntenorganisaties zijn belangrijk. Ik zalcliëntenorganisaties vragen.",
         ["zal", "cliëntenorganisaties"]),
    ],
)  # fmt: skip
def test_a_subject_is_split_from_a_word_printed_alone(text, pair) -> None:
    found = tokens(text)
    assert any(found[k : k + 2] == pair for k in range(len(found)))


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("De wetgeving is klaar. De geving van subsidie loopt.", "wetgeving"),
        ("Het kantoor is open en de kandidaten komen naar het kantoor.", "kandidaten"),
        ("De wekelijkse cijfers. Het gaat om weken van werk.", "wekelijkse"),
    ],
)
def test_words_that_begin_like_a_subject_stay_whole(text, whole) -> None:
    assert whole in tokens(text)


def test_a_number_glued_to_a_capitalised_word_printed_alone_is_split() -> None:
    found = tokens(
        "De Nederlandstalige moderatoren werken hard. TikTok had 160Nederlandstalige"
        " moderatoren in dienst."
    )
    k = found.index("160")
    assert found[k : k + 2] == ["160", "Nederlandstalige"]
    assert "2024Z01234" in tokens("Zie de vragen 2024Z01234 over Zeeland.")


def test_a_count_glued_to_a_name_is_split_but_not_a_footnote_or_a_code() -> None:
    text = "TikTok groeit. In het verslag vermeldt TikTok160 moderatoren. Zie COP29 en G20."
    found = tokens(text)
    k = found.index("160")
    assert found[k - 1 : k + 1] == ["TikTok", "160"]
    assert "COP29" in found and "G20" in found
    assert "cryptografie14" in tokens("De cryptografie is sterk. De wet over cryptografie14.")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a function word glued to a common Dutch word, without other evidence in the letter
        ("De komende periode ga ikonderzoeken of dit kan.", ["ik", "onderzoeken"]),
        ("Daar wil ikgraag over in gesprek.", ["ik", "graag"]),
        ("Daarom zijn bij dezeaanbesteding ook partijen uit het buitenland uitgenodigd.",
         ["deze", "aanbesteding"]),
        ("Het is niet mogelijk. Ditgegeven is niet nodig.", ["Dit", "gegeven"]),
        ("Het is niet mogelijk om de gegevens televeren.", ["te", "leveren"]),
        ("Buitenlandse Zakenheeft jarenlange ervaring.", ["Zaken", "heeft"]),
        ("Nederland zal ditook blijven doen.", ["dit", "ook"]),
    ],
)  # fmt: skip
def test_a_function_word_is_split_from_a_common_word(text, pair) -> None:
    found = tokens(text)
    assert any(found[k : k + 2] == pair for k in range(len(found)))


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("De kantoren liggen tegenover het station.", "kantoren"),  # Dutch words
        ("De kantoren liggen tegenover het station.", "tegenover"),
        ("De ombuigingen zijn fors.", "ombuigingen"),  # 'buigingen' is rare: no evidence
        ("Dat meldt de Mijnraad vandaag.", "Mijnraad"),  # a name inside a sentence
        ("De kindregeling en de zorgtoeslag.", "kindregeling"),  # two content words
    ],
)  # fmt: skip
def test_words_and_compounds_stay_whole(text, whole) -> None:
    assert whole in tokens(text)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a footnote's number glued to the word that opens it
        ("1NOS, 29 oktober 2024, Meer zieken.", ["1", "NOS"]),
        ("3Dagblad van het Noorden, «Kloof tussen NAM en bewoners».", ["3", "Dagblad"]),
        ("1De Telegraaf, 23 oktober 2024.", ["1", "De"]),
    ],
)  # fmt: skip
def test_a_footnote_number_glued_to_its_first_word_is_split(text, parts) -> None:
    found = tokens(text)
    assert found[:2] == parts


@pytest.mark.parametrize("word", ["2CV", "COP29", "A4", "1F"])
def test_codes_of_a_number_and_capitals_stay_whole(word) -> None:
    assert word in tokens(f"Het gaat om de {word} van vorig jaar.")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a known acronym the letter prints on its own, glued to a common word
        ("De NVWA controleert. Vanuit de NVWAis hier aandacht voor.", ["NVWA", "is"]),
        ("VWS is betrokken. De Minister van VWSmomenteel bekijkt dit.", ["VWS", "momenteel"]),
    ],
)  # fmt: skip
def test_an_acronym_is_split_from_a_common_word_glued_to_it(text, pair) -> None:
    found = tokens(text)
    assert any(found[k : k + 2] == pair for k in range(len(found)))


def test_an_acronym_with_an_ending_stays_whole() -> None:
    assert "NGOer" in tokens("De NGO helpt. Een NGOer helpt ook.")
