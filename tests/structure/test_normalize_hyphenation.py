"""Line-end hyphenation: repaired where the typesetter broke a word, kept where it is real."""

from __future__ import annotations

import pytest

from kamerbrief.structure.normalize import SourceLine, TextBuilder, join_wrapped, known_words


def _join(text: str, known: frozenset[str] = frozenset()) -> str:
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append(SourceLine(line, pos, 1))
        pos += len(line) + 1
    return "".join(p.text for p in join_wrapped(lines, known))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("een gecombineerde econo-\nmische missie", "een gecombineerde economische missie"),
        ("bedrijven en kennisinstel-\nlingen", "bedrijven en kennisinstellingen"),
        ("in de kabinetsre-\nactie op het rapport", "in de kabinetsreactie op het rapport"),
        ("de Grensoverschrij-\ndende Zorg", "de Grensoverschrijdende Zorg"),
        ("een publiek-private partner-\nschap", "een publiek-private partnerschap"),
    ],
)
def test_typesetter_hyphen_is_removed(source: str, expected: str) -> None:
    assert _join(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "de gemengde Russisch-\nNederlandse commissie",
            "de gemengde Russisch-Nederlandse commissie",
        ),
        ("de toekomstige IT-\nhoofdstad", "de toekomstige IT-hoofdstad"),
        ("innovaties in e-\nhealth en revalidatie", "innovaties in e-health en revalidatie"),
        (
            "voeding in relatie tot moeder-\nen kindzorg",
            "voeding in relatie tot moeder- en kindzorg",
        ),
        ("de CO2-\nuitstoot van", "de CO2-uitstoot van"),
        ("de zee-\neend", "de zee-eend"),
        ("de Vice-\nMinister van gezondheid", "de Vice-Minister van gezondheid"),
    ],
)
def test_real_hyphen_is_kept(source: str, expected: str) -> None:
    assert _join(source) == expected


def test_the_letter_decides_a_compound_it_writes_elsewhere() -> None:
    known = known_words("een ontwerp-voorstel maken\nen de antibioticaresistentie")
    assert _join("een ontwerp-\nvoorstel", known) == "een ontwerp-voorstel"
    assert _join("van antibiotica-\nresistentie", known) == "van antibioticaresistentie"


def test_wrapped_lines_are_joined_with_one_space() -> None:
    assert _join("Op 16 december 2014 heb ik\nsamen met het bedrijfsleven") == (
        "Op 16 december 2014 heb ik samen met het bedrijfsleven"
    )


def test_source_map_points_back_to_the_source() -> None:
    source = "econo-\nmische missie"
    lines = [SourceLine("econo-", 0, 1), SourceLine("mische missie", 7, 1)]
    builder = TextBuilder()
    builder.add_pieces(join_wrapped(lines))
    text, smap = builder.text(), builder.source_map()
    assert text == "economische missie"
    for offset, char in enumerate(text):
        assert source[smap.to_source(offset)] == char
