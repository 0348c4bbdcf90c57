"""The coverage report: figures per folder and kind, and each suspicious-output rule.

Records are built by hand, so every figure is known; one CLI test runs the extractor
on a tiny directory with the blank pipeline.
"""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from typer.testing import CliRunner

from kamerbrief.cli import app
from kamerbrief.evaluate.coverage import (
    UNKNOWN,
    coverage,
    date_problem,
    folder_of,
    signatory_problem,
    suspicious_outputs,
)
from kamerbrief.record import ErrorRecord, LetterRecord, Metadata
from kamerbrief.rules.coverage import coverage_rules
from tests.helpers import SEED_TOP

RULES = coverage_rules()
TODAY = date(2025, 1, 1)

BODY = "Hierbij informeer ik u over de stand van zaken. " * 6
SIGNED = (
    "Datum 25 maart 2015\nBetreft Stand van zaken\n\nGeachte voorzitter,\n\n"
    f"{BODY}\n\nDe Minister van Volksgezondheid, Welzijn en Sport,\n\nE.I. Schippers\n"
)
UNSIGNED = f"Geachte voorzitter,\n\n{BODY}\n\nMet vriendelijke groet,\n"


def _record(
    text: str = UNSIGNED,
    *,
    titles: tuple[str, ...] = (),
    senders: tuple[str, ...] = (),
    title: str | None = None,
    date_value: str | None = None,
    persons: tuple[str, ...] = (),
    kind: str | None = None,
) -> LetterRecord:
    metadata: dict = {"title": title, "senders": [{"name": n} for n in senders]}
    if date_value is not None:
        metadata["date"] = {"text": date_value, "value": date_value}
    sections = [
        {"id": f"s{i}", "number": None, "level": 1, "title": t, "start": 0, "end": len(text),
         "parent": None}
        for i, t in enumerate(titles, 1)
    ]  # fmt: skip
    record = LetterRecord.model_validate(
        {
            "id": "sha256-0123456789abcdef",
            "source": {"path": "x.txt", "sha256": "0" * 64, "format": "txt", "chars": len(text)},
            "text": text,
            "metadata": metadata,
            "sections": sections,
            "persons": [{"name": n} for n in persons],
            "provenance": {"tool_version": "0.1.0", "model": "blank:nl"},
        }
    )
    if kind is not None:
        if "kind" in Metadata.model_fields:
            record.metadata.kind = kind  # type: ignore[attr-defined]
        else:  # the field is being added: the report reads it with getattr
            object.__setattr__(record.metadata, "kind", kind)
    return record


def _error(kind: str, path: str = "x.txt") -> ErrorRecord:
    return ErrorRecord.model_validate(
        {"source": {"path": path}, "error": {"kind": kind, "message": f"{kind} on purpose"}}
    )


# --- the figures -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def figures() -> dict:
    items = [
        ("a/full.txt", _record(SIGNED, titles=("Inleiding", "Financiën 2024"),
                               senders=("E.I. Schippers",), title="Stand van zaken",
                               date_value="2015-03-25", kind="brief")),
        ("a/bare.txt", _record(SIGNED, kind="brief")),
        ("b/plain.txt", _record(UNSIGNED, date_value="2024-11-18", titles=("Inleiding",))),
        ("b/crash.txt", _error("internal")),
        ("b/empty.txt", _error("empty")),
        ("top.txt", _record(UNSIGNED)),
    ]  # fmt: skip
    return coverage(items, today=TODAY, rules=RULES)


def test_totals(figures) -> None:
    total = figures["total"]
    assert total["documents"] == 6
    assert total["letters"] == 4
    assert total["errors"] == {"empty": 1, "internal": 1}
    assert total["date"] == {"count": 2, "of": 4, "share": 0.5}
    # Two letters hold a signature block; one of them has a signatory.
    assert total["signatories"] == {"count": 1, "of": 2, "share": 0.5}
    assert total["subject"] == {"count": 1, "of": 2, "share": 0.5}
    assert total["sections"] == {"mean": 0.75, "max": 2}
    assert total["suspicious"] == 0
    json.dumps(figures)  # the --json output


def test_per_folder(figures) -> None:
    assert set(figures["by_folder"]) == {"a", "b", "."}
    a, b = figures["by_folder"]["a"], figures["by_folder"]["b"]
    assert (a["documents"], a["letters"], a["errors"]) == (2, 2, {})
    assert a["date"]["count"] == 1 and a["signatories"] == {"count": 1, "of": 2, "share": 0.5}
    assert a["sections"] == {"mean": 1.0, "max": 2}
    assert (b["documents"], b["letters"], b["errors"]) == (3, 1, {"empty": 1, "internal": 1})
    assert b["signatories"] == {"count": 0, "of": 0, "share": None}  # no signature block
    assert b["subject"]["share"] is None
    assert figures["by_folder"]["."]["documents"] == 1


def test_per_kind_with_none_as_unknown(figures) -> None:
    assert set(figures["by_kind"]) == {"brief", UNKNOWN}
    assert figures["by_kind"]["brief"]["documents"] == 2
    unknown = figures["by_kind"][UNKNOWN]
    assert unknown["documents"] == 4 and unknown["errors"] == {"empty": 1, "internal": 1}


def test_internal_errors_are_listed_by_path(figures) -> None:
    assert figures["internal_errors"] == [{"path": "b/crash.txt", "message": "internal on purpose"}]


def test_folder_of() -> None:
    assert folder_of("historical/sgd-1977.txt") == "historical"
    assert folder_of("a/b/c.txt") == "a"
    assert folder_of("c.txt") == "."


# --- signature block and subject line, from the text alone -------------------------------


@pytest.mark.parametrize(
    "role",
    [
        "De Minister van Volksgezondheid, Welzijn en Sport,",
        "de staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,",
        "de minister voor Klimaat en Groene Groei,",
        "DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT,",
        "De Minister-President, Minister van Algemene Zaken,",
        "Minister van Landbouw, Natuur en Voedselkwaliteit",
        "De Minister van Onderwijs en Wetenschappen, J. M. M. Ritzen",
    ],
)
def test_role_line_at_the_end_is_a_signature_block(role: str) -> None:
    assert RULES.has_signature_block(f"{UNSIGNED}\n{role}\n\nNaam\n")


def test_no_signature_block_without_a_role_line_near_the_end() -> None:
    assert not RULES.has_signature_block(UNSIGNED)
    # A role line in the first 60% of the text does not count.
    assert not RULES.has_signature_block(f"De Minister van Financiën,\n\n{BODY * 3}")
    # Nor does a sentence that mentions the minister.
    assert not RULES.has_signature_block(f"{BODY}\nDe minister heeft besloten. Zie bijlage.\n")


def test_signatory_share_ignores_the_extractor_output() -> None:
    # Senders without a signature block in the text: outside the denominator.
    figures = coverage([("x.txt", _record(UNSIGNED, senders=("E.I. Schippers",)))], today=TODAY)
    assert figures["total"]["signatories"]["of"] == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Betreft Stand van zaken\n\n" + BODY, True),
        ("Onderwerp: Stand van zaken\n\n" + BODY, True),
        ("BETREFT\nStand van zaken\n\n" + BODY, True),
        ("Onderwerpen van het overleg waren vele.\n\n" + BODY, False),
        (BODY + "\nIk betreur dat.\n", False),
        (BODY * 2 + "\nBetreft een nagekomen punt\n", False),  # not in the header
    ],
)
def test_subject_line(text: str, expected: bool) -> None:
    assert RULES.has_subject_line(text) is expected


# --- suspicious section titles -----------------------------------------------------------

FIRES = [
    ("070 379 8911", "phone"),
    ("T 070-3798911", "phone"),
    ("+31 (0)70 379 89 11", "phone"),
    ("info@minvws.nl", "email"),
    ("www.rijksoverheid.nl/lnv", "url"),
    ("https://www.tweedekamer.nl", "url"),
    ("rijksoverheid.nl", "url"),
    ("2500 EK Den Haag", "postcode"),
    ("2513 AA", "postcode"),
    ("Postbus 20350", "address"),
    ("Rijnstraat 50", "address"),
    ("Korte Voorhout 7", "address"),
    ("Den Haag", "address"),
    ("E.I. Schippers", "person_name"),
    ("drs. J. de Vries", "person_name"),
    ("De heer Jansen", "person_name"),
    ("Datum", "side_label"),
    ("Datum 25 maart 2015", "side_label"),
    ("Datum  20 december2018", "side_label"),
    ("Betreft Stand van zaken", "side_label"),
    ("Ons kenmerk", "side_label"),
    ("Uw kenmerk 2024Z15295", "side_label"),
    ("Bijlage(n)", "side_label"),
    ("Bijlagen 2", "side_label"),
    ("Contactpersoon", "side_label"),
    ("Retouradres Postbus 20401 2500 EK Den Haag", "side_label"),
    ("Postbus", "side_label"),
    ("Vraag 1", "answer_label"),
    ("Antwoord op vraag 2", "answer_label"),
    ("Vragen 3 en 4", "answer_label"),
    ("Antwoord 6", "answer_label"),
    ("Antwoord", "answer_label"),
]
HEADINGS = [
    "Inleiding",
    "Financiën 2024",
    "Tot slot",
    "Moskou",
    "Vragen en opmerkingen uit de commissie",
    "Bijlage: Mogelijke aanvullende maatregelen op het NPCE",
    "Onderwerpen werkgroepen",
    "Kenmerken van de regeling",
    "Arbeidsmarkt 2024",
    "Emissies boven 3.000 voet",
    "Het Nationaal Programma Circulaire Economie 2023-2030 (NPCE)",
    "Bodemdaling en CO2 uitstoot",
    "Gesprek Minister Skvortsova",
    "Datum inwerkingtreding",
]


@pytest.mark.parametrize(("title", "rule"), FIRES)
def test_suspicious_section_title(title: str, rule: str) -> None:
    assert RULES.section_titles.rule_of(title) == rule
    found = suspicious_outputs("x.txt", _record(titles=("Inleiding", title)), RULES, TODAY)
    assert [(s.rule, s.where, s.value) for s in found] == [
        (f"section_title.{rule}", "sections[1].title", title)
    ]


@pytest.mark.parametrize("title", HEADINGS)
def test_real_heading_is_not_suspicious(title: str) -> None:
    assert RULES.section_titles.rule_of(title) is None
    assert suspicious_outputs("x.txt", _record(titles=(title,)), RULES, TODAY) == []


def test_a_name_the_record_knows_is_a_person_name_alone() -> None:
    titled = _record(titles=("Carola Schouten",), persons=("Carola Schouten",))
    found = suspicious_outputs("x.txt", titled, RULES, TODAY)
    assert [s.rule for s in found] == ["section_title.person_name"]
    # Without the person in the record, a first name and surname is not recognised.
    assert suspicious_outputs("x.txt", _record(titles=("Carola Schouten",)), RULES, TODAY) == []


# --- signatories and dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("E.I. Schippers 2015", "digits"),
        ("Den Haag, 25 maart 2015", "digits"),
        ("de minister van Volksgezondheid Welzijn en Sport", "too_many_words"),
        ("Minister Schippers", "role_word"),
        ("De Staatssecretaris van Financiën", "role_word"),
        ("Minister-President Rutte", "role_word"),
        ("schippers", "lower_case"),
    ],
)
def test_signatory_that_is_not_a_name(name: str, why: str) -> None:
    assert signatory_problem(name, RULES) == why
    found = suspicious_outputs("x.txt", _record(senders=(name,)), RULES, TODAY)
    assert [(s.rule, s.where) for s in found] == [(f"signatory.{why}", "metadata.senders[0].name")]


@pytest.mark.parametrize(
    "name",
    [
        "E.I. Schippers", "R.H.A. Plasterk", "Gräper-van Koolwijk", "Van Weel", "Mark Harbers",
        # initials spaced apart are no words: "A. P. J. M. M. van der Stee"
        "A. P. J. M. M. van der Stee", "B.-J. M. Baron van Voorst tot Voorst",
    ],
)  # fmt: skip
def test_real_signatory_name_passes(name: str) -> None:
    assert signatory_problem(name, RULES) is None
    assert suspicious_outputs("x.txt", _record(senders=(name,)), RULES, TODAY) == []


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2025-06-01", "future"),
        ("2026", "future"),
        ("1899-12-31", "before_1900"),
        ("1850/1899", "before_1900"),
        ("2024-11-18", None),
        ("2025-01-01", None),  # today
        ("2025", None),  # the year has begun
        ("1900", None),
        ("1977-05", None),
    ],
)
def test_letter_date_out_of_range(value: str, why: str | None) -> None:
    assert date_problem(value, RULES, TODAY) == why
    found = suspicious_outputs("x.txt", _record(date_value=value), RULES, TODAY)
    assert [s.rule for s in found] == ([f"date.{why}"] if why else [])


def test_suspicious_outputs_are_counted_per_group() -> None:
    items = [
        ("a/x.txt", _record(titles=("Datum", "Inleiding"), senders=("Minister X",))),
        ("b/y.txt", _record(titles=("Inleiding",))),
    ]
    figures = coverage(items, today=TODAY)
    assert figures["by_folder"]["a"]["suspicious"] == 2
    assert figures["by_folder"]["b"]["suspicious"] == 0
    assert figures["suspicious_by_rule"] == {
        "section_title.side_label": 1,
        "signatory.role_word": 1,
    }
    assert [s["path"] for s in figures["suspicious"]] == ["a/x.txt", "a/x.txt"]


# --- the command -------------------------------------------------------------------------


def test_evaluate_coverage_command(tmp_path) -> None:
    (tmp_path / "letters").mkdir()
    shutil.copy(SEED_TOP, tmp_path / "letters" / "seed.txt")
    (tmp_path / "letters" / "empty.txt").write_bytes(b"")
    shutil.copy(SEED_TOP, tmp_path / "top.txt")
    runner = CliRunner()
    args = ["evaluate", "--coverage", str(tmp_path), "--model", "blank:nl"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["total"]["documents"] == 3
    assert figures["total"]["errors"] == {"empty": 1}
    assert set(figures["by_folder"]) == {"letters", "."}
    assert figures["by_folder"]["letters"]["documents"] == 2
    assert figures["internal_errors"] == []
    # The seed ends with "De Minister van Volksgezondheid, Welzijn en Sport," and a name.
    assert figures["total"]["signatories"]["of"] == 2

    table = runner.invoke(app, args)
    assert table.exit_code == 0
    assert "by folder" in table.stdout and "letters" in table.stdout


@pytest.mark.parametrize("args", [[], ["corpus/gold", "--coverage", "corpus/letters"]])
def test_evaluate_needs_gold_or_coverage(args: list[str]) -> None:
    result = CliRunner().invoke(app, ["evaluate", *args])
    assert result.exit_code == 2
