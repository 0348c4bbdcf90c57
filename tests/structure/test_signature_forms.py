"""Signature blocks in every form, and lines that look like one but are not."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse

BODY = (
    "Geachte voorzitter,\n\n"
    "Hierbij bied ik u het jaarverslag aan, zoals toegezegd tijdens het debat.\n\n"
)


def _senders(closing: str) -> list[tuple[str, str | None]]:
    return [(s.name, s.role) for s in parse(BODY + closing).metadata.senders]


@pytest.mark.parametrize(
    ("closing", "senders"),
    [
        # Role and name on one line, with and without the comma.
        (
            "De Minister van Justitie, F. Korthals Altes\n",
            [("F. Korthals Altes", "Minister van Justitie")],
        ),
        (
            "De Minister van Justitie F. Korthals Altes\n",
            [("F. Korthals Altes", "Minister van Justitie")],
        ),
        (
            "De Staatssecretaris van Buitenlandse Zaken, B.-J. M. van Voorst tot Voorst\n",
            [("B.-J. M. van Voorst tot Voorst", "Staatssecretaris van Buitenlandse Zaken")],
        ),
        # A role line without its trailing comma.
        (
            "De Minister van Financiën\n\nE. Heinen\n",
            [("E. Heinen", "Minister van Financiën")],
        ),
        # Lower case, wrapped over two lines that both end with a comma.
        (
            "Hoogachtend,\n\nde staatssecretaris van Volksgezondheid,\nWelzijn en Sport,\n\n\n"
            "Paul Blokhuis\n",
            [("Paul Blokhuis", "Staatssecretaris van Volksgezondheid, Welzijn en Sport")],
        ),
        # The name above the role.
        (
            "Carola Schouten\nMinister van Landbouw, Natuur en Voedselkwaliteit\n",
            [("Carola Schouten", "Minister van Landbouw, Natuur en Voedselkwaliteit")],
        ),
        # Combined roles.
        (
            "De Minister-President,\nMinister van Algemene Zaken,\n\nM. Rutte\n",
            [("M. Rutte", "Minister-President, Minister van Algemene Zaken")],
        ),
        # A portfolio line between role and name.
        (
            "De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties\n"
            "Digitalisering en Koninkrijksrelaties\n\nAlexandra C. van Huffelen\n",
            [
                (
                    "Alexandra C. van Huffelen",
                    "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
                )
            ],
        ),
        # The Vice-President of the Raad van State signs an advice; a capitalised title.
        (
            "De Vice-President van de Raad van State, W. Scholten\n",
            [("W. Scholten", "Vice-President van de Raad van State")],
        ),
        (
            "DE MINISTER VAN JUSTITIE,\n\nMr. F. Korthals Altes\n",
            [("F. Korthals Altes", "Minister van Justitie")],
        ),
        # A dash in the office, an acting minister.
        (
            "De Staatssecretaris van Financiën - Fiscaliteit en Belastingdienst,\n\nF. Idsinga\n",
            [("F. Idsinga", "Staatssecretaris van Financiën - Fiscaliteit en Belastingdienst")],
        ),
        (
            "De Minister van Buitenlandse Zaken a.i.,\n\nS.A. Blok\n",
            [("S.A. Blok", "Minister van Buitenlandse Zaken a.i.")],
        ),
        # "voor deze," and the official's function between role and name.
        (
            "De Minister van Infrastructuur en Waterstaat,\nvoor deze,\nde directeur-generaal"
            " Mobiliteit,\n\nG.J. Oosterveld\n",
            [("G.J. Oosterveld", "Minister van Infrastructuur en Waterstaat")],
        ),
        # "voor deze," between role and name.
        (
            "De Minister van Defensie,\nvoor deze,\nmr. J.A. de Boer\n",
            [("J.A. de Boer", "Minister van Defensie")],
        ),
        # The mark "w.g." of a signed copy on its own line between role and name.
        (
            "De Minister van Financiën,\n\nw.g.\nE. Heinen\n",
            [("E. Heinen", "Minister van Financiën")],
        ),
        # OCR read the role's comma as a full stop or a semicolon.
        (
            "De Minister van Justitie.\nF. Korthals Altes\n",
            [("F. Korthals Altes", "Minister van Justitie")],
        ),
        (
            "De Staatssecretaris van Onderwijs en Wetenschappen;\nN. J. Ginjaar-Maas\n",
            [("N. J. Ginjaar-Maas", "Staatssecretaris van Onderwijs en Wetenschappen")],
        ),
        # Text extraction glued the name to the role's comma.
        (
            "De Minister van Financiën,E. Heinen\n",
            [("E. Heinen", "Minister van Financiën")],
        ),
    ],
)
def test_signature_forms(closing: str, senders: list[tuple[str, str]]) -> None:
    assert _senders(closing) == senders


def test_mede_namens_before_the_role_names_no_signatory() -> None:
    closing = (
        "Mede namens\nde Minister van Economische Zaken en Klimaat,\n\n"
        "De Minister van Landbouw, Natuur en Voedselkwaliteit,\n\nC.J. Schouten\n"
    )
    assert _senders(closing) == [
        ("C.J. Schouten", "Minister van Landbouw, Natuur en Voedselkwaliteit")
    ]


def test_mede_namens_on_the_role_line() -> None:
    closing = (
        "De Minister van Sociale Zaken en Werkgelegenheid, mede namens de Minister van"
        " Financiën,\n\nW. Koolmees\n"
    )
    assert _senders(closing) == [("W. Koolmees", "Minister van Sociale Zaken en Werkgelegenheid")]


def test_mede_namens_line_after_the_role() -> None:
    closing = (
        "De Minister van Sociale Zaken en Werkgelegenheid,\nmede namens de Minister van"
        "\nFinanciën,\n\nW. Koolmees\n"
    )
    assert _senders(closing) == [("W. Koolmees", "Minister van Sociale Zaken en Werkgelegenheid")]


def test_mede_namens_inside_a_one_line_signature() -> None:
    closing = (
        "De Staatssecretaris van Binnenlandse Zaken, mede namens de Minister van"
        " Binnenlandse Zaken, J. G. de Graaf\n"
    )
    assert _senders(closing) == [("J. G. de Graaf", "Staatssecretaris van Binnenlandse Zaken")]


def test_two_signatures_on_one_line() -> None:
    closing = (
        "De Minister van Justitie, F. Korthals Altes De Minister van Financiën, H. O. C. R."
        " Ruding\n"
    )
    assert _senders(closing) == [
        ("F. Korthals Altes", "Minister van Justitie"),
        ("H. O. C. R. Ruding", "Minister van Financiën"),
    ]


def test_several_signatories_with_the_name_above_the_role() -> None:
    closing = (
        "Mark Harbers\nMinister van Infrastructuur en Waterstaat\n\n"
        "Vivianne Heijnen\nStaatssecretaris van Infrastructuur en Waterstaat\n"
    )
    assert _senders(closing) == [
        ("Mark Harbers", "Minister van Infrastructuur en Waterstaat"),
        ("Vivianne Heijnen", "Staatssecretaris van Infrastructuur en Waterstaat"),
    ]


def test_several_signatories() -> None:
    closing = (
        "De Minister van Economische Zaken en Klimaat,\n\nS.A. Blok\n\n"
        "De Staatssecretaris van Economische Zaken en Klimaat,\n\nM.C.G. Keijzer\n"
    )
    assert _senders(closing) == [
        ("S.A. Blok", "Minister van Economische Zaken en Klimaat"),
        ("M.C.G. Keijzer", "Staatssecretaris van Economische Zaken en Klimaat"),
    ]


@pytest.mark.parametrize(
    "closing",
    [
        # A sentence that starts with an office.
        "De Minister van Financiën heeft mij laten weten dat het rapport\nJan Jansen\n",
        # An office in the middle of a sentence, at the start of a wrapped line.
        "Ik bied u mede namens de minister voor Klimaat en Energie en de\n"
        "minister voor Buitenlandse Handel en Ontwikkelingssamenwerking, het Nationaal\n"
        "Programma Circulaire Economie aan.\n",
        # A sentence that wraps after the initials of a name.
        "Dat is gebeurd.\nDe Minister van Financiën, W.B.\nHoekstra, heeft hierover een brief gestuurd.\n",
        # A role whose "name" is the rest of a ministry.
        "De Minister van Onderwijs, Cultuur en Wetenschap\n",
    ],
)
def test_no_signature(closing: str) -> None:
    assert _senders(closing) == []


@pytest.mark.parametrize(
    ("closing", "senders"),
    [
        # OCR glued the office to its "van".
        (
            "De Ministervan Economische Zaken, J. E. Andriessen\n",
            [("J. E. Andriessen", "Minister van Economische Zaken")],
        ),
        # A signed copy: "(w.g.)" before the name, the name above the office.
        (
            "(w.g.) H.G.J. Kamp\nMinister van Economische Zaken\n",
            [("H.G.J. Kamp", "Minister van Economische Zaken")],
        ),
        # An initial that OCR read as a digit.
        (
            "De Minister van Buitenlandse Zaken, H. A. F. M. 0. van Mierlo\n",
            [("H. A. F. M. O. van Mierlo", "Minister van Buitenlandse Zaken")],
        ),
        # A full stop after the surname, and the library note under the signature.
        (
            "De Staatssecretaris van Onderwijs en Wetenschappen, J. Wallage.\n"
            "Ter inzage gelegd op de bibliotheek\n",
            [("J. Wallage", "Staatssecretaris van Onderwijs en Wetenschappen")],
        ),
        # Particles in lower case belong to the name; the title of nobility reads as part of
        # the signature, not of the name.
        (
            "De Staatssecretaris van Defensie,\nB. J. M. baron van Voorst tot Voorst\n",
            [("B. J. M. van Voorst tot Voorst", "Staatssecretaris van Defensie")],
        ),
        # A footnote printed beside the role; the name on the next line.
        (
            "De Minister van Justitie, ' Ter inzage gelegd op de bibliotheek.\nF. Korthals Altes\n",
            [("F. Korthals Altes", "Minister van Justitie")],
        ),
    ],
)
def test_signatures_as_ocr_prints_them(closing: str, senders: list[tuple[str, str]]) -> None:
    assert _senders(closing) == senders


def test_one_line_signature_after_a_sentence_without_its_full_stop() -> None:
    text = (
        "Geachte voorzitter,\n\n"
        "Bijgesloten doe ik u het verslag toekomen van de Energieraad van 21 mei 1990, te Brussel\n"
        "De Minister van Economische Zaken, J. E. Andriessen\n"
    )
    assert [(s.name, s.role) for s in parse(text).metadata.senders] == [
        ("J. E. Andriessen", "Minister van Economische Zaken")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A sentence that names a minister and runs on in lower case is no signature.
        "Geachte voorzitter,\n\nIk heb hierover gesproken met\n"
        "de Minister van Financiën, G. Zalm\nen met de betrokken gemeenten.\n",
        # A line of footnote text is no name.
        "Geachte voorzitter,\n\nHierbij zend ik u het rapport.\n\nDe Minister van Justitie,\n"
        "Ter inzage gelegd op de bibliotheek.\n",
    ],
)
def test_no_signature_in_running_text(text: str) -> None:
    assert parse(text).metadata.senders == []


def test_two_signatures_printed_in_columns() -> None:
    closing = (
        "De Minister van Infrastructuur en Waterstaat,    De Staatssecretaris van Financiën,\n\n"
        "M. Harbers                                        M.L.A. van Rij\n"
    )
    assert _senders(closing) == [
        ("M. Harbers", "Minister van Infrastructuur en Waterstaat"),
        ("M.L.A. van Rij", "Staatssecretaris van Financiën"),
    ]


def test_three_signatures_in_columns_a_tab_apart() -> None:
    # a Word table or tab stops exported as text: one tab between the columns
    closing = (
        "De Minister van Financiën,\tDe Minister van Justitie,\tDe Staatssecretaris van Financiën,"
        "\n\nE. Heinen\tD. Yeşilgöz\tG.P. van Oostenbruggen\n"
    )
    assert _senders(closing) == [
        ("E. Heinen", "Minister van Financiën"),
        ("D. Yeşilgöz", "Minister van Justitie"),
        ("G.P. van Oostenbruggen", "Staatssecretaris van Financiën"),
    ]


def test_the_name_above_the_role_with_the_comma_of_an_apposition() -> None:
    assert _senders("E. Heinen,\nMinister van Financiën\n") == [
        ("E. Heinen", "Minister van Financiën")
    ]
    # a sentence or a place that ends in a comma above a role is no name
    assert _senders("Dit schreef ik eerder,\nMinister van Financiën\n") == []
    assert _senders("Den Haag,\nDe Minister van Justitie\n\nJ. de Ruiter\n") == [
        ("J. de Ruiter", "Minister van Justitie")
    ]
    # a given name of no list, and initials of two letters, are a person's
    assert _senders("Eppo Bruins,\nMinister van Financiën\n") == [
        ("Eppo Bruins", "Minister van Financiën")
    ]
    assert _senders("Th.C. de Graaf,\nMinister van Financiën\n") == [
        ("Th.C. de Graaf", "Minister van Financiën")
    ]


def test_a_role_beside_running_text_is_no_column() -> None:
    closing = (
        "De Minister van Infrastructuur en Waterstaat,    heeft dit eerder gemeld.\n\nM. Harbers\n"
    )
    assert _senders(closing) == [("M. Harbers", "Minister van Infrastructuur en Waterstaat")]


ROYAL_MESSAGE = """Tweede Kamer der Staten-Generaal
2
Vergaderjaar 1983-1984
18 109
Wijziging van de begroting van het Staatsmuntbedrijf voor het jaar 1981
Nr. 1
KONINKLIJKE BOODSCHAP
Aan de Tweede Kamer der Staten-Generaal
Wij bieden U hiernevens ter overweging aan een ontwerp van wet tot wijziging van de begroting.
{closing}
"""


@pytest.mark.parametrize(
    ("closing", "senders"),
    [
        # the monarch signs a royal message with the name alone, under place and date
        ("'s-Gravenhage, 26 september 1983\nBeatrix", [("Beatrix", None)]),
        ("'s-Gravenhage, 4 mei 1978\nJuliana", [("Juliana", None)]),
        # a monarch's name elsewhere signs nothing
        ("Beatrix\n's-Gravenhage, 26 september 1983", []),
    ],
)  # fmt: skip
def test_a_royal_message_is_signed_by_the_monarch(closing: str, senders: list) -> None:
    meta = parse(ROYAL_MESSAGE.format(closing=closing)).metadata
    assert [(s.name, s.role) for s in meta.senders] == senders
    assert meta.addressee == "de Tweede Kamer der Staten-Generaal"


@pytest.mark.parametrize(
    ("closing", "senders"),
    [
        # a committee's report is signed by its chair and its clerk
        ("De voorzitter van de commissie, Vermeend\nDe griffier van de commissie, Hubert\n",
         [("Vermeend", "Voorzitter van de commissie"), ("Hubert", "Griffier van de commissie")]),
        ("De voorzitter van de vaste commissie, Van Erp\n",
         [("Van Erp", "Voorzitter van de vaste commissie")]),
        # the Kamer's chair as an addressee line is no signature
        ("De voorzitter van de Tweede Kamer der Staten-Generaal\n", []),
    ],
)  # fmt: skip
def test_a_committee_signs_by_its_chair_and_clerk(closing: str, senders: list) -> None:
    assert _senders(closing) == senders


@pytest.mark.parametrize(
    ("closing", "senders"),
    [
        # a college signs by its officers, two on one line ...
        (
            "De Algemene Rekenkamer,\nH. E. Koning, president W. van der Zanden, secretaris\n",
            [("H. E. Koning", "President"), ("W. van der Zanden", "Secretaris")],
        ),
        # ... or one to a line
        (
            "De Algemene Rekenkamer,\n\nA. Stuiveling, president\nC. Vendrik, secretaris\n",
            [("A. Stuiveling", "President"), ("C. Vendrik", "Secretaris")],
        ),
        # a college named in a sentence is no signature
        ("De Algemene Rekenkamer, zo bleek, heeft dit onderzocht.\n", []),
        # a line of prose after the college's name is no officer
        ("De Algemene Rekenkamer,\nheeft het rapport op 3 december vastgesteld.\n", []),
    ],
)
def test_a_college_signs_by_its_officers(closing: str, senders: list[tuple[str, str]]) -> None:
    assert _senders(closing) == senders


@pytest.mark.parametrize(
    ("role_line", "role"),
    [
        # an OCR'd page misspelt the ministry: one letter, two swapped, a lost space
        ("De Staatssecretaris van Economsiche Zaken,", "Staatssecretaris van Economische Zaken"),
        ("De Minister van Justltie,", "Minister van Justitie"),
        ("De Minister van BinnenlandseZaken,", "Minister van Binnenlandse Zaken"),
        # a known name stays, also when another is one letter away from it
        ("De Minister van Buitenlandse Zaken,", "Minister van Buitenlandse Zaken"),
        ("De Minister van Binnenlandse Zaken,", "Minister van Binnenlandse Zaken"),
        # an acting minister keeps the mark after the ministry's name, in either case
        (
            "de minister van Landbouw, Natuur en Voedselkwaliteit a.i.,",
            "Minister van Landbouw, Natuur en Voedselkwaliteit a.i.",
        ),
        ("De Minister van Justltie a.i.,", "Minister van Justitie a.i."),
        # a name too far from every known one stays as printed
        ("De Minister van Onderwijs en Wetenschap,", "Minister van Onderwijs en Wetenschap"),
    ],
)
def test_a_misspelt_ministry_is_spelt_as_the_offices_list_does(role_line: str, role: str) -> None:
    assert _senders(f"{role_line}\n\nJ. de Vries\n") == [("J. de Vries", role)]


@pytest.mark.parametrize(
    ("closing", "name"),
    [
        # a predicate of nobility is no part of the name
        ("De Staatssecretaris van Defensie,\n\nB.-J. M. Baron van Voorst tot Voorst\n",
         "B.-J. M. van Voorst tot Voorst"),
        ("De Minister van Buitenlandse Zaken,\n\njhr. mr. J. de Vries\n", "J. de Vries"),
        # a surname that is such a word stays
        ("De Minister van Financiën,\n\nA. Ridder\n", "A. Ridder"),
        ("De Minister van Binnenlandse Zaken,\n\nJ. G. de Graaf\n", "J. G. de Graaf"),
        ("De Minister van Binnenlandse Zaken,\n\nJ. de Ridder van Dam\n", "J. de Ridder van Dam"),
    ],
)  # fmt: skip
def test_predicates_of_nobility_are_no_part_of_the_name(closing: str, name: str) -> None:
    assert [n for n, _ in _senders(closing)] == [name]


def test_the_signatory_printed_with_a_predicate_of_nobility_is_a_person_with_the_role(
    bundled_extractor,
) -> None:
    letter = BODY + "De Staatssecretaris van Defensie,\n\nB.-J. M. Baron van Voorst tot Voorst\n"
    record = bundled_extractor.from_bytes(letter.encode(), "brief.txt")
    person = next(p for p in record.persons if "Voorst" in p.name)
    assert "Staatssecretaris van Defensie" in person.roles
