"""The Rijksoverheid side column and header in its arrangements, without a salutation.

Letters written for these tests: label and value on one line or apart, blank lines
between them (Word documents), labels in any order, contact lines and a return address.
"""

from __future__ import annotations

from kamerbrief.parse import parse
from kamerbrief.rules.loader import layout_rules

LABELS_APART_WITH_BLANKS = """\
> Retouradres Postbus 20011 2500 EA Den Haag

Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG

Ons kenmerk

2023-0000123456

Datum

14 november 2023

Betreft

Stand van zaken herindeling gemeenten in Groningen

Met deze brief informeer ik uw Kamer over de stand van zaken van de herindeling van
de gemeenten in de provincie Groningen en over de planning van het wetsvoorstel.

Gevolgen voor inwoners

De inwoners merken in 2025 het meest van de herindeling.
"""

INLINE_ANY_ORDER_NO_SALUTATION = """\
Ministerie van Binnenlandse Zaken en Koninkrijksrelaties
Contactpersoon
J. de Vries
Betreft Voortgang programma digitale overheid
Datum 3 oktober 2022
Uw kenmerk 2022Z17788
Bijlage(n) 2


Hierbij stuur ik u de voortgangsrapportage van het programma digitale overheid,
zoals ik heb toegezegd tijdens het commissiedebat van 7 juni 2022.
"""

GLUED_COLUMNS = """\
De Voorzitter van de Eerste Kamer
Directie Dierlijke Agroketens en
Dierenwelzijn
der Staten-Generaal
Binnenhof 22
Datum 1 december 2017 datum en het kenmerk van
Ons kenmerk
DGAN-DAD / 17179991
Betreft Uitstel beantwoording vragen over het welzijn van landbouwhuisdieren op de
BES-eilanden Uw kenmerk
161378.02u

Geachte Voorzitter,

De beantwoording van de vragen zal meer tijd vergen dan de gebruikelijke termijn.
"""


def test_labels_and_values_apart_with_blank_lines_and_no_salutation() -> None:
    letter = parse(LABELS_APART_WITH_BLANKS)
    meta = letter.metadata
    assert meta.date is not None and meta.date.value == "2023-11-14"
    assert meta.title == "Stand van zaken herindeling gemeenten in Groningen"
    assert meta.addressee == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    # The body starts after the header block: the first sentence, not a label.
    assert letter.text[letter.body_start :].startswith("Met deze brief informeer ik")
    assert [s.title for s in letter.sections] == ["Gevolgen voor inwoners"]


def test_inline_labels_in_any_order_without_salutation() -> None:
    letter = parse(INLINE_ANY_ORDER_NO_SALUTATION)
    meta = letter.metadata
    assert meta.title == "Voortgang programma digitale overheid"
    assert meta.date is not None and meta.date.value == "2022-10-03"
    assert letter.text[letter.body_start :].startswith("Hierbij stuur ik u")
    assert letter.sections == []


def test_side_column_text_glued_to_values_is_cut_off() -> None:
    meta = parse(GLUED_COLUMNS).metadata
    assert meta.date is not None and meta.date.value == "2017-12-01"
    assert meta.date.text == "1 december 2017"
    assert meta.title == (
        "Uitstel beantwoording vragen over het welzijn van landbouwhuisdieren op de BES-eilanden"
    )
    # The side column's lines between the addressee's lines are not part of it.
    assert meta.addressee == "De Voorzitter van de Eerste Kamer der Staten-Generaal"


def test_a_label_word_in_running_text_is_no_header() -> None:
    text = (
        "Geachte voorzitter,\n\nDatum en plaats van de bijeenkomst worden later bekendgemaakt,"
        " zoals ik in mijn vorige brief heb aangekondigd aan de leden van uw Kamer.\n"
    )
    letter = parse(text)
    assert letter.metadata.date is None
    assert letter.metadata.title is None


def test_labels_strip_a_glued_label_and_read_return_address() -> None:
    labels = layout_rules().header_labels
    assert labels.strip_trailing("Nadere vragen over dierenwelzijn Uw kenmerk") == (
        "Nadere vragen over dierenwelzijn",
        "reference",
    )
    assert labels.strip_trailing("Verslag van de Eurogroep") == ("Verslag van de Eurogroep", None)
    assert labels.kind_of("Onze referentie") == "reference"
    assert labels.kind_of("Datum:") == "date"
    assert labels.split_inline("> Retouradres Postbus 20401 2500 EK Den Haag") == (
        "return_address",
        "Postbus 20401 2500 EK Den Haag",
    )


def test_labels_after_running_text_are_not_read() -> None:
    text = (
        "In deze nota beschrijven wij de uitkomsten van het onderzoek naar de"
        " bereikbaarheid van de regio en de gevolgen voor de planning.\n\n"
        "Het onderzoek is uitgevoerd door een extern bureau in opdracht van het"
        " ministerie en is begeleid door een commissie van deskundigen.\n\n"
        "Datum 12 maart 2024\nBetreft Planning\n\nDe planning volgt later in het jaar.\n"
    )
    letter = parse(text)
    assert letter.metadata.date is None
    assert letter.metadata.title is None
    assert letter.body_start == 0


def test_addressee_broken_by_the_side_columns_web_addresses() -> None:
    text = """\
www.rijksoverheid.nl
Aan de Voorzitter van de Tweede Kamer der Staten-
www.facebook.com/minbzk
Generaal
www.twitter.com/minbzk
Postbus 20018
Kenmerk
2500 EA  DEN HAAG
2021-0000123456
Datum 2 maart 2021
Betreft Voortgang van de bestuurlijke samenwerking met Sint Eustatius

Met deze brief informeer ik uw Kamer over de voortgang van de bestuurlijke samenwerking met
het openbaar lichaam Sint Eustatius, zoals ik in mijn vorige brief heb toegezegd.
"""
    meta = parse(text).metadata
    assert meta.addressee == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert meta.date is not None and meta.date.value == "2021-03-02"


def test_side_column_labels_after_the_salutation_are_header() -> None:
    text = """\
> Retouradres Postbus 20401 2500 EK Den Haag
De Voorzitter van de Tweede Kamer
der Staten-Generaal
Binnenhof 4
2513 AA  DEN HAAG
Datum 5 oktober 2016
Betreft Reactie op het verzoek van de vaste commissie over de energievoorziening

Ons kenmerk

DGETM / 16141971
Geachte Voorzitter,

Uw kenmerk

2016Z15087/2016D32900
De vaste commissie voor Economische Zaken heeft verzocht om een reactie op de brief van de
netbeheerder over de energievoorziening. Hierbij geef ik u mijn reactie.
"""
    letter = parse(text)
    body = letter.text[letter.body_start :]
    assert body.startswith("De vaste commissie voor Economische Zaken heeft verzocht")
    assert "2016Z15087" not in body


WRAPPED_SUBJECT = """\
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG
Datum 3 maart 2021
{subject}
{body}
Hoogachtend,

de minister van Binnenlandse Zaken,

K.H. Ollongren
"""


def _title(subject: str, body: str) -> str | None:
    return parse(WRAPPED_SUBJECT.format(subject=subject, body=body)).metadata.title


def test_the_subject_stops_at_the_bodys_first_line() -> None:
    body = (
        "Bij brief van 20 december 2018 heb ik uw Kamer geïnformeerd over de maatregelen die ik\n"
        "heb getroffen naar aanleiding van de verbouwing van het gemeentehuis.\n"
    )
    assert _title("Betreft Nevenwerkzaamheden ambtenaren", body) == "Nevenwerkzaamheden ambtenaren"


def test_the_subject_wraps_across_blank_lines_when_it_must_go_on() -> None:
    body = "\n\nMet deze brief informeer ik uw Kamer over het onderzoek naar de visa.\n"
    subject = "Betreft Onderzoek naar visumverlening in de Caribische delen van\n\nhet Koninkrijk"
    assert _title(subject, body) == (
        "Onderzoek naar visumverlening in de Caribische delen van het Koninkrijk"
    )
    subject = "Betreft Besluit houdende wijziging van diverse\n\nalgemene maatregelen van bestuur"
    assert (
        _title(subject, body)
        == "Besluit houdende wijziging van diverse algemene maatregelen van bestuur"
    )


def test_a_subject_wrapping_onto_a_capitalised_name_goes_on() -> None:
    body = "\n\nDe vaste commissie heeft mij op 20 mei verzocht haar een update te sturen over het akkoord.\n"
    subject = "Betreft Reactie commissiebrief Groeiakkoord\nCuraçao (Kamerstuk 34269-6)"
    assert (
        _title(subject, body) == "Reactie commissiebrief Groeiakkoord Curaçao (Kamerstuk 34269-6)"
    )


def test_the_side_columns_standing_notes_are_no_part_of_the_subject() -> None:
    body = "\n\nMet deze brief informeer ik uw Kamer over de evaluatie van de rijkswetten.\n"
    subject = (
        "Betreft Evaluatie justitiële rijkswetten en ons kenmerk vermelden.\n"
        "Wilt u slechts één zaak in uw\nbrief behandelen."
    )
    assert _title(subject, body) == "Evaluatie justitiële rijkswetten"
    assert _title("Betreft Staat van de zorg\ndeze brief.", body) == "Staat van de zorg"
