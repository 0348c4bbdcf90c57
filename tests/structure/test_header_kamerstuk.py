"""Kamerstuk proposals (motions, amendments): heading, "Voorgesteld" date, members who sign."""

from __future__ import annotations

import pytest

from kamerbrief.parse import parse
from kamerbrief.rules.loader import layout_rules
from kamerbrief.sources.read import read_path
from tests.helpers import LETTERS

FORMATS = LETTERS / "formats"
FOOTER = ("kst-", "ISSN 0921 - 7371", "’s-Gravenhage 2025", "Tweede Kamer, vergaderjaar")


@pytest.mark.parametrize(
    ("name", "title", "date", "senders", "first_clause"),
    [("kst-21501-02-3121_motie-ceder.txt", "MOTIE VAN HET LID CEDER", "2025-04-10",
      ["Ceder"], "constaterende dat Israël meer gebied"),
     ("kst-36278-32_motie-rikkers-oosterkamp.docx", "MOTIE VAN HET LID RIKKERS-OOSTERKAMP",
      "2025-04-24", ["Rikkers-Oosterkamp"], "overwegende dat de Wet kwaliteitsregistraties"),
     ("kst-36682-10_gewijzigde-motie-claassen.docx", "GEWIJZIGDE MOTIE VAN HET LID CLAASSEN",
      "2025-04-22", ["Claassen"], "constaterende, dat er in Nederland")],
)  # fmt: skip
def test_corpus_motions(
    name: str, title: str, date: str, senders: list[str], first_clause: str
) -> None:
    motion = parse(read_path(FORMATS / name).text)
    meta = motion.metadata
    assert meta.title == title
    assert meta.date is not None and meta.date.value == date
    assert (meta.place, meta.addressee, meta.kamerstuk) == (None, None, None)
    assert [(s.name, s.role) for s in meta.senders] == [(n, None) for n in senders]
    assert motion.sections == []
    # The reader's content starts at the heading; the masthead comes before it.
    assert motion.text[motion.content_start :].startswith(title + "\n")
    assert motion.text.index("Nr. ") < motion.content_start
    assert motion.text[motion.body_start :].startswith("De Kamer,")
    # Each clause is a paragraph of its own; the names end the text, the colophon is gone.
    assert f"\n\n{first_clause}" in motion.text
    assert "\n\nen gaat over tot de orde van de dag.\n\n" in motion.text
    assert motion.text.endswith("\n\n" + "\n".join(senders))
    assert not any(part in motion.text for part in FOOTER)


MASTHEAD = """Tweede Kamer der Staten-Generaal

2

Vergaderjaar 2024–2025

36 600 VII

Vaststelling van de begrotingsstaten van het Ministerie van Binnenlandse Zaken en
Koninkrijksrelaties (VII) voor het jaar 2025

Nr. 45

"""
COLOPHON = """

kst-36600-VII-45
ISSN 0921 - 7371
’s-Gravenhage 2025

Tweede Kamer, vergaderjaar 2024–2025, 36 600 VII, nr. 45
\f"""
MOTION_BODY = """De Kamer,
gehoord de beraadslaging,
overwegende dat gemeenten vanaf 2026 minder geld uit het gemeentefonds krijgen;
verzoekt de regering de opschalingskorting te schrappen,
en gaat over tot de orde van de dag.
"""


@pytest.mark.parametrize(
    ("heading", "signatures", "title", "senders"),
    [
        # A heading that wraps; members sign one a line.
        ("MOTIE VAN DE LEDEN VAN DER PLAS, OMTZIGT EN\nKRUL\nVoorgesteld 12 februari 2025",
         "Van der Plas\nOmtzigt\nKrul", "MOTIE VAN DE LEDEN VAN DER PLAS, OMTZIGT EN KRUL",
         ["Van der Plas", "Omtzigt", "Krul"]),
        # Two names printed side by side are split by the names in the heading.
        ("MOTIE VAN DE LEDEN VAN DER PLAS EN OMTZIGT\nVoorgesteld 12 februari 2025",
         "Van der Plas Omtzigt", "MOTIE VAN DE LEDEN VAN DER PLAS EN OMTZIGT",
         ["Van der Plas", "Omtzigt"]),
        # "c.s.": the heading names one member, more sign.
        ("NADER GEWIJZIGDE MOTIE VAN HET LID DE HOOP C.S.\nTer vervanging van die gedrukt onder nr. 30\n"
         "Voorgesteld 3 maart 2025", "De Hoop\nBikker\nVan Baarle",
         "NADER GEWIJZIGDE MOTIE VAN HET LID DE HOOP C.S.", ["De Hoop", "Bikker", "Van Baarle"]),
    ],
)  # fmt: skip
def test_motion_heading_and_members(
    heading: str, signatures: str, title: str, senders: list[str]
) -> None:
    motion = parse(MASTHEAD + heading + "\n" + MOTION_BODY + signatures + COLOPHON)
    assert motion.metadata.title == title
    assert motion.metadata.date is not None and motion.metadata.date.text.endswith("2025")
    assert [s.name for s in motion.metadata.senders] == senders
    assert all(s.role is None for s in motion.metadata.senders)
    assert motion.sections == []
    assert motion.text[motion.content_start :].startswith(heading.split("\n")[0])
    assert "36 600 VII, nr. 45" not in motion.text


AMENDMENT = (
    MASTHEAD
    + """AMENDEMENT VAN HET LID BIKKER
Voorgesteld 7 november 2024
De ondergetekende stelt het volgende amendement voor:
In artikel 1 wordt het in de departementale begrotingsstaat opgenomen bedrag
verhoogd met € 10.000 (x € 1.000).

Toelichting

Dit amendement regelt dat er 10 miljoen euro beschikbaar komt voor
schuldhulpverlening door gemeenten.
Bikker"""
    + COLOPHON
)


def test_amendment_keeps_its_explanation_as_a_section() -> None:
    amendment = parse(AMENDMENT)
    meta = amendment.metadata
    assert (meta.title, meta.date and meta.date.value) == (
        "AMENDEMENT VAN HET LID BIKKER",
        "2024-11-07",
    )
    assert [(s.name, s.role) for s in meta.senders] == [("Bikker", None)]
    assert [s.title for s in amendment.sections] == ["Toelichting"]


LETTER = """Den Haag, 3 maart 2025

Geachte voorzitter,

Met deze brief geef ik invulling aan de motie van het lid Omtzigt (Kamerstuk 36 600 VII,
nr. 45). Voorgesteld wordt om de opschalingskorting te schrappen.
{extra}
De Minister van Binnenlandse Zaken en Koninkrijksrelaties,

J.J.M. Uitermark
"""


@pytest.mark.parametrize(
    "extra",
    [
        # A motion quoted by name in a sentence.
        "Zoals de motie van het lid Omtzigt vraagt, verzoekt de regering de gemeenten te horen.\n",
        # A heading in capitals without a "Voorgesteld" line is not a proposal's heading.
        "\nMOTIE VAN HET LID OMTZIGT\n\nDe motie vraagt om een nieuwe verdeling.\n",
        # "Voorgesteld" with a date inside a sentence.
        "Voorgesteld 10 april 2025 is een nieuwe verdeling van het gemeentefonds.\n",
        # "overwegende dat" in a letter stays part of the paragraph.
        "Het kabinet heeft de Raad van State gehoord,\noverwegende dat de gemeenten tekorten hebben,\nen besluit tot uitstel.\n",
    ],
)
def test_letters_are_not_taken_for_motions(extra: str) -> None:
    letter = parse(LETTER.format(extra=extra))
    meta = letter.metadata
    assert meta.place == "Den Haag"
    assert meta.date is not None and meta.date.value == "2025-03-03"
    assert [(s.name, s.role) for s in meta.senders] == [
        ("J.J.M. Uitermark", "Minister van Binnenlandse Zaken en Koninkrijksrelaties")
    ]
    assert letter.text[letter.content_start :].startswith("Geachte voorzitter,")
    assert "\n\noverwegende" not in letter.text


@pytest.mark.parametrize(
    ("line", "kind", "members"),
    [("MOTIE VAN HET LID CEDER", "motie", ["CEDER"]),
     ("GEWIJZIGDE MOTIE VAN HET LID CLAASSEN", "motie", ["CLAASSEN"]),
     ("MOTIE VAN DE LEDEN VAN DER PLAS, OMTZIGT EN KRUL", "motie", ["VAN DER PLAS", "OMTZIGT", "KRUL"]),
     ("MOTIE VAN HET LID DIJK C.S.", "motie", ["DIJK"]),
     ("GEWIJZIGD AMENDEMENT VAN DE LEDEN BIKKER EN GRINWIS", "amendement", ["BIKKER", "GRINWIS"]),
     ("SUBAMENDEMENT VAN HET LID VAN BAARLE", "amendement", ["VAN BAARLE"]),
     ("Motie van het lid Omtzigt", None, None),
     ("MOTIE VAN HET LID Omtzigt over de toeslagen", None, None),
     ("MOTIES", None, None)],
)  # fmt: skip
def test_heading_patterns(line: str, kind: str | None, members: list[str] | None) -> None:
    rules = layout_rules().kamerstuk
    found = rules.document_of(line)
    if kind is None:
        assert found is None
    else:
        assert found is not None and found[0].kind == kind
        assert rules.members(found[1]) == members


MEMBERS_LETTER = """Tweede Kamer der Staten-Generaal
2
Zitting 1980-1981
14 493
Kaderwet specifiek welzijn
Nr. 75
BRIEF VAN DE LEDEN {heading}
{addressee}
Den Haag, 2 april 1981
Tijdens het mondeling overleg over de kaderwet verzocht een lid ons om een nadere toelichting te
geven op de termijn van 45 dagen. Wij zegden toe, dat wij gaarne aan dat verzoek zouden voldoen.
{names}
Tweede Kamer, zitting 1980-1981, 14 493, nr. 75
"""


def test_a_members_letter_is_signed_by_the_members_it_names() -> None:
    text = MEMBERS_LETTER.format(
        heading="MEIJER EN VAN KEMENADE",
        addressee="Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        names="Meijer Van Kemenade",
    )
    meta = parse(text).metadata
    assert [(s.name, s.role) for s in meta.senders] == [("Meijer", None), ("Van Kemenade", None)]
    assert meta.date is not None and meta.date.value == "1981-04-02"


@pytest.mark.parametrize(
    ("names", "senders"),
    [
        ("Eversdijk Dijkman\nLambers-Hacquebard Scholten",
         ["Eversdijk", "Dijkman", "Lambers-Hacquebard", "Scholten"]),
        ("VanderDoef De Vries\nVan Rossum Gualthérie van Weezel",
         ["VanderDoef", "De Vries", "Van Rossum", "Gualthérie van Weezel"]),
        ("Andela-Baur G. M. P. Cornelissen\nH. A. de Boer Van Dijk",
         ["Andela-Baur", "G. M. P. Cornelissen", "H. A. de Boer", "Van Dijk"]),
        ("Van lersel Deetman", ["Van lersel", "Deetman"]),
        # a double name whose second part begins with a particle is one name
        ("G. M. P. Cornelissen Müller-van Ast Dees", ["G. M. P. Cornelissen", "Müller-van Ast", "Dees"]),
    ],
)  # fmt: skip
def test_a_members_letter_of_x_cs_is_signed_by_every_name_printed(
    names: str, senders: list[str]
) -> None:
    """ "HET LID EVERSDIJK C.S." names one member; the others sign two to a line, and
    each name is read by its form (initials, particles, surname)."""
    text = MEMBERS_LETTER.format(
        heading="EVERSDIJK CS.",
        addressee="Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        names=names,
    ).replace("DE LEDEN", "HET LID")
    assert [s.name for s in parse(text).metadata.senders] == senders


INITIATIVE_BILL = """Tweede Kamer der Staten-Generaal
2
Vergaderjaar 1986-1987
19 961
{title}
Nr. 1
GELEIDENDE BRIEF
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
's-Gravenhage, 28 april 1987
Hierbij bieden wij u ter overweging aan een voorstel van wet tot verhoging van het
vakantiegeld voor uitkeringsgerechtigden.
{names}
Tweede Kamer, vergaderjaar 1986-1987, 19 961, nr. 1
"""


@pytest.mark.parametrize(
    ("title", "names", "senders"),
    [
        ("Voorstel van wet van de leden Wolters, G. Terpstra en Gerritse tot wijziging van "
         "de Wet minimumloon", "Wolters G. Terpstra Gerritse",
         ["Wolters", "G. Terpstra", "Gerritse"]),
        ("Voorstel van wet van het lid Van der Spek houdende regels inzake de lijkbezorging",
         "Van der Spek", ["Van der Spek"]),
        # A bill of the government: no members sign, and a closing line is no signature.
        ("Wijziging van de Wet minimumloon en minimumvakantiebijslag",
         "Wolters G. Terpstra Gerritse", []),
    ],
)  # fmt: skip
def test_the_members_who_propose_a_bill_sign_its_cover_letter(
    title: str, names: str, senders: list[str]
) -> None:
    text = INITIATIVE_BILL.format(title=title, names=names)
    assert [s.name for s in parse(text).metadata.senders] == senders


@pytest.mark.parametrize(
    ("line", "addressee"),
    [
        ("Aan de Heer Voorzitter der Tweede Kamer", "de Heer Voorzitter der Tweede Kamer"),
        ("Aan de Voorzitter van Tweede Kamer der Staten-Generaal",
         "de Voorzitter van Tweede Kamer der Staten-Generaal"),
        ("Aan de Minister van Verkeer en Waterstaat", "de Minister van Verkeer en Waterstaat"),
        ("Aan de Voorzitter van de\nTweede Kamer der Staten-Generaal",
         "de Voorzitter van de Tweede Kamer der Staten-Generaal"),
    ],
)  # fmt: skip
def test_addressees_of_older_print(line: str, addressee: str) -> None:
    text = MEMBERS_LETTER.format(heading="MEIJER EN VAN KEMENADE", addressee=line, names="Meijer")
    assert parse(text).metadata.addressee == addressee


@pytest.mark.parametrize(
    "heading",
    ["NOTA NAAR AANLEIDING VAN HET VERSLAG Ontvangen 23 maart 1990",
     "NOTA NAAR AANLEIDING VAN HET VERSLAG Ontvangen Afebruari 1994"],
)  # fmt: skip
def test_the_body_of_a_kamerstuk_starts_after_its_heading_even_without_an_end_line(
    heading: str,
) -> None:
    """The masthead of an Eerste Kamer nota runs into a heading with its date on one line;
    the first paragraph, a line of running text, is the body."""
    text = (
        "Eerste Kamer der Staten-Generaal\n1\nVergaderjaar 1989-1990 Nr. 158a\n21459\n"
        "Wijziging van de inkomstenbelasting en de loonbelasting (verhoging kostenforfait)\n"
        f"{heading}\n"
        "Het verheugt ons dat de Kamer het onderhavige wetsvoorstel op een zodanig tijdstip in "
        "behandeling neemt dat plaatsing in het Staatsblad vóór 1 april 1990 mogelijk is.\n"
        "Wij hechten eraan de Kamer te informeren over het calendarium van het wetsvoorstel "
        "en over de kosten van f 100 mln. per jaar\n"
    )
    parsed = parse(text)
    body = parsed.text[parsed.content_start :]
    assert "Het verheugt ons" in body
    assert "Wijziging van de inkomstenbelasting" not in body


def test_a_combined_dossiers_long_titles_are_all_masthead() -> None:
    """Several long dossier titles (treaties approved together) before "Nr. 10": titles,
    however long, not the body; a sentence before "Nr." would have ended the masthead."""
    title = (
        "Goedkeuring van de op 3 december 1976 te Bonn tot stand gekomen overeenkomst inzake de"
        " bescherming van de Rijn tegen chemische verontreiniging, met bijlagen, en van de"
        " daarbij behorende briefwisseling tussen de regeringen van de betrokken staten (Trb."
        " 1977, {n})"
    )
    text = (
        "Tweede Kamer der Staten-Generaal\nZitting 1977-1978\n14 663\n"
        f"{title.format(n=31)}\n{title.format(n=32)}\n\n{title.format(n='nrs. 33 en 34')}\n"
        "Nr. 10\nMEMORIE VAN ANTWOORD Ontvangen 2 maart 1978\n"
        "Het verheugt ondergetekenden te kunnen constateren dat de Kamer een commissie heeft"
        " belast met het voorbereidend onderzoek.\n"
    )
    parsed = parse(text)
    body = parsed.text[parsed.content_start :]
    assert "Goedkeuring" not in body
    assert "Het verheugt ondergetekenden" in body
