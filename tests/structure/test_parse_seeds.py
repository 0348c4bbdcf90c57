"""Structure of the two seed letters: headings, signatories, date; hyphenation."""

from __future__ import annotations

import re

import pytest

from tests.helpers import SEED_REPORT, SEED_TOP

EXPECTED_SEED_REPORT = [
    # (number, title, parent number)
    ("1", "Inleiding", None),
    ("2", "Tatarstan, Kazan – Life Sciences & Health", None),
    ("2.1", "Bijeenkomst met de president van Tatarstan, de heer Minnikhanov", "2"),
    ("2.2", "Bijeenkomst met de Tataarse autoriteiten op het gebied van industrie en handel", "2"),
    ("2.3", "Ronde Tafel en gesprek met de Minister van Gezondheid van Tatarstan, de heer Adel Wafin.", "2"),
    (None, "Ziekenhuisbezoek", "2"),
    ("3", "Moskou", None),
    ("3.1", "Life Sciences & Health", "3"),
    ("3.1.1", "Netherland- Russia Business Meet Life Sciences & Health", "3.1"),
    ("3.1.2", "Gesprek Minister Skvortsova", "3.1"),
    ("3.1.3", "Ziekenhuis bezoek", "3.1"),
    ("3.2", "Sport", "3"),
    ("3.3", "Gemengde Economische Commissie", "3"),
    ("3.4", "Ondertekende samenwerkingsovereenkomsten", "3"),
]  # fmt: skip


def test_report_seed_has_exactly_its_fourteen_headings(parsed) -> None:
    sections = parsed(SEED_REPORT).sections
    by_id = {s.id: s for s in sections}
    got = [(s.number, s.title, by_id[s.parent].number if s.parent else None) for s in sections]
    assert got == EXPECTED_SEED_REPORT


def test_heading_offsets_point_at_the_heading(parsed) -> None:
    letter = parsed(SEED_REPORT)
    for s in letter.sections:
        assert letter.text[s.start :].startswith(s.number or s.title)
        assert s.title in letter.text[s.start : s.end]


@pytest.mark.parametrize("path", [SEED_REPORT, SEED_TOP])
def test_signatory_name_and_role(parsed, path) -> None:
    senders = parsed(path).metadata.senders
    assert [(s.name, s.role) for s in senders] == [
        ("E.I. Schippers", "Minister van Volksgezondheid, Welzijn en Sport")
    ]


def test_place_and_date_of_the_second_seed(parsed) -> None:
    meta = parsed(SEED_TOP).metadata
    assert meta.place == "Den Haag"
    assert meta.date is not None
    assert (meta.date.text, meta.date.value) == ("25 maart 2015", "2015-03-25")


def test_cover_letter_and_report_are_both_kept(parsed) -> None:
    text = parsed(SEED_REPORT).text
    assert "Bijgevoegd treft u het verslag aan van deze reis." in text
    assert text.index("E.I. Schippers") < text.index("Verslag van de economische missies")
    assert text.rstrip().endswith("bij grote (sport) evenementen.")


# Words the PDF broke across lines, and real hyphens that must survive.
REPAIRED = {
    SEED_REPORT: ["economische", "kennisinstellingen", "overheidsorganisaties", "partnerschap",
                  "vertegenwoordigers", "sustainibility", "evenementorganisatie",
                  "antibioticaresistentie", "vriendschappelijke", "achtereenvolgens"],
    SEED_TOP: ["kennisinstituten", "kennisinstellingen", "internationalisering",
               "kabinetsreactie", "Grensoverschrijdende"],
}  # fmt: skip
REAL_HYPHENS = {
    SEED_REPORT: ["Vice-Minister", "e-health", "technologisch-wetenschappelijke", "ziekenhuis#7",
                  "moeder- en kindzorg", "Russisch-Nederlandse", "ontwerp-voorstel",
                  "IT-hoofdstad", "30-tal", "publiek-private", "ouder- en kindvriendelijk"],
    SEED_TOP: ["win-win", "www.Health-Holland.com"],
}  # fmt: skip


@pytest.mark.parametrize("path", [SEED_REPORT, SEED_TOP])
def test_no_hyphenation_artefact_is_left(parsed, path) -> None:
    text = parsed(path).text
    for word in REPAIRED[path]:
        assert word in text, word
    # A word cut by a hyphen followed by a lower-case fragment is an artefact.
    allowed = {"e-health", "agri-industrie", "publiek-private", "ontwerp-voorstel", "win-win",
               "health-sector", "technologisch-wetenschappelijke"}  # fmt: skip
    leftovers = {
        m.group(0) for m in re.finditer(r"\b[a-zë]+-[a-zë]+\b", text) if m.group(0) not in allowed
    }
    assert leftovers == set()


@pytest.mark.parametrize("path", [SEED_REPORT, SEED_TOP])
def test_no_real_hyphen_is_lost(parsed, path) -> None:
    text = parsed(path).text
    for word in REAL_HYPHENS[path]:
        assert word in text, word


@pytest.mark.parametrize("path", [SEED_REPORT, SEED_TOP])
def test_no_line_break_or_leading_space_inside_paragraphs(parsed, path) -> None:
    text = parsed(path).text
    for paragraph in text.split("\n\n"):
        if "," in paragraph.split("\n")[0] and paragraph.count("\n") == 1:
            continue  # the signature block keeps its two lines
        assert "\n" not in paragraph
        assert paragraph == paragraph.strip()
