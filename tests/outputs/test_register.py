"""The register of commitments: rows across letters and the links from reports to promises.

The letters are written for the test: a promise with its own Kamerstuk number, a
motion, a later letter that reports both as done, an unrelated letter, and a
report without any citation (linked by actor and topic words only, "low").
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from kamerbrief.cli import app
from kamerbrief.outputs.register import commitment_register, filter_register
from kamerbrief.sources.read import SourceText, sha256_of

BELOFTE = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 12 februari 2024
Betreft Voortgang vroegsignalering schulden

Geachte voorzitter,

In het commissiedebat van 1 februari 2024 over armoede en schulden heb ik
met uw Kamer gesproken over de vroegsignalering van betalingsachterstanden
door gemeenten. Gemeenten ontvangen hiervoor in 2024 € 12 miljoen extra.

Ik zal uw Kamer voor de zomer informeren over de resultaten van de pilot
vroegsignalering in Rotterdam en Utrecht. Daarnaast zal ik voor 1 oktober
2024 een wetsvoorstel over de beslagvrije voet bij de Raad van State
indienen.

De Staatssecretaris van Sociale Zaken en Werkgelegenheid,

C.A. Nijboer

Tweede Kamer, vergaderjaar 2023–2024, 36 410 XVI, nr. 5
"""

VERVULLING = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 20 juni 2024
Betreft Resultaten pilot vroegsignalering

Geachte voorzitter,

In mijn brief van 12 februari 2024 (Kamerstuk 36 410 XVI, nr. 5) heb ik
toegezegd uw Kamer voor de zomer te informeren over de pilot
vroegsignalering. Hiermee doe ik mijn toezegging gestand.

De pilot in Rotterdam en Utrecht laat zien dat 40% van de huishoudens met
een betalingsachterstand eerder hulp krijgt. Met deze brief geef ik
uitvoering aan de motie van het lid Van Dijk over vroegsignalering
(Kamerstuk 36 410 XVI, nr. 12).

De Staatssecretaris van Sociale Zaken en Werkgelegenheid,

C.A. Nijboer

Tweede Kamer, vergaderjaar 2023–2024, 36 410 XVI, nr. 18
"""

MOTIE = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2023–2024

36 410 XVI Vaststelling van de begrotingsstaten van het Ministerie van Sociale Zaken en Werkgelegenheid voor het jaar 2024

Nr. 12 MOTIE VAN HET LID VAN DIJK

Voorgesteld 8 februari 2024

De Kamer,

gehoord de beraadslaging,

constaterende dat gemeenten betalingsachterstanden nog te laat signaleren;

verzoekt de regering, de resultaten van de pilot vroegsignalering voor de zomer aan de Kamer te zenden,

en gaat over tot de orde van de dag.

Van Dijk

Tweede Kamer, vergaderjaar 2023–2024, 36 410 XVI, nr. 12
"""

ANDERS = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 3 maart 2024
Betreft Onderhoud sluizen Noordzeekanaal

Geachte voorzitter,

Rijkswaterstaat voert in 2024 onderhoud uit aan de sluizen bij IJmuiden.
Ik zal uw Kamer in het najaar informeren over de voortgang van de
werkzaamheden aan de Noordersluis.

De Minister van Infrastructuur en Waterstaat,

M.G.J. Harbers
"""

NAJAAR = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 15 oktober 2024
Betreft Voortgang werkzaamheden Noordersluis

Geachte voorzitter,

De werkzaamheden aan de Noordersluis in IJmuiden liggen op schema. Met deze
brief informeer ik uw Kamer over de voortgang van de werkzaamheden aan de
Noordersluis, zoals toegezegd. Hiermee doe ik mijn toezegging gestand.

De Minister van Infrastructuur en Waterstaat,

M.G.J. Harbers
"""


def _record(extractor, name: str, text: str):
    data = text.encode("utf-8")
    return extractor.from_source(
        SourceText(path=f"{name}.txt", sha256=sha256_of(data), text=text, encoding="utf-8")
    )


@pytest.fixture(scope="module")
def batch(bundled_extractor):
    """The later letter first: linking must follow the letters' dates, not the batch order."""
    letters = {"vervulling": VERVULLING, "belofte": BELOFTE, "motie": MOTIE, "anders": ANDERS}
    return [_record(bundled_extractor, name, text) for name, text in letters.items()]


@pytest.fixture(scope="module")
def rows(batch):
    return {row["row_id"]: row for row in commitment_register(batch)}


def test_letter_ids_come_from_their_footers(batch):
    assert [r.id for r in batch][:3] == ["kst-36410-XVI-18", "kst-36410-XVI-5", "kst-36410-XVI-12"]


def test_promise_is_fulfilled_by_the_later_letter(rows):
    promise = rows["kst-36410-XVI-5/c1"]
    assert "voor de zomer informeren" in promise["text"]
    assert promise["deadline_text"] == "voor de zomer"
    assert promise["fulfilled_by"] == {
        "letter_id": "kst-36410-XVI-18",
        "row_id": "kst-36410-XVI-18/c2",
        "sentence": "Hiermee doe ik mijn toezegging gestand.",
        # cited in the sentence before, and the cited letter holds two promises: not "high"
        "confidence": "medium",
    }
    assert promise["open"] is False
    assert promise["link_confidence"] == "medium"
    report = rows["kst-36410-XVI-18/c2"]
    assert report["fulfils"] == [
        {"letter_id": "kst-36410-XVI-5", "row_id": "kst-36410-XVI-5/c1", "confidence": "medium"},
        # "In mijn brief van 12 februari 2024 (...) heb ik toegezegd ...": the restated promise
        {"letter_id": "kst-36410-XVI-18", "row_id": "kst-36410-XVI-18/c1", "confidence": "medium"},
    ]
    assert rows["kst-36410-XVI-18/c1"]["open"] is False


def test_motion_is_a_row_and_is_fulfilled(rows):
    motion = rows["kst-36410-XVI-12/motie1"]
    assert motion["kind"] == "motie"
    assert motion["member"] == "Van Dijk"
    assert motion["letter_date"] == "2024-02-08"
    assert motion["action"].startswith("verzoekt de regering")
    assert motion["fulfilled_by"]["row_id"] == "kst-36410-XVI-18/c3"
    assert motion["fulfilled_by"]["confidence"] == "high"
    report = rows["kst-36410-XVI-18/c3"]
    assert report["status"] == "fulfilled"
    assert report["cites"] == ["kst-36410-XVI-12"]
    assert [f["row_id"] for f in report["fulfils"]] == ["kst-36410-XVI-12/motie1"]


def test_other_promise_stays_open(rows):
    open_promise = rows["kst-36410-XVI-5/c2"]
    assert "wetsvoorstel" in open_promise["text"]
    assert open_promise["deadline_value"] == "2024-10-01"
    assert open_promise["open"] is True
    assert open_promise["fulfilled_by"] is None


def test_unrelated_letter_gets_no_link(rows, batch):
    unrelated = batch[3].id
    mine = [r for r in rows.values() if r["letter_id"] == unrelated]
    assert mine and all(r["fulfilled_by"] is None and not r["fulfils"] for r in mine)
    assert all(r["link_confidence"] is None for r in mine)


def test_every_link_says_how_sure_it_is(rows):
    for row in rows.values():
        linked = row["fulfilled_by"] is not None or row["fulfils"]
        assert (row["link_confidence"] is not None) == bool(linked), row["row_id"]
        if linked:
            assert row["link_basis"]


def test_register_row_fields(rows):
    promise = rows["kst-36410-XVI-5/c2"]
    assert promise["letter_date"] == "2024-02-12"
    assert promise["actor"] == "C.A. Nijboer"
    assert promise["actor_role"] == "Staatssecretaris van Sociale Zaken en Werkgelegenheid"
    assert promise["ministry"] == "Sociale Zaken en Werkgelegenheid"
    assert promise["strength"] == "firm"
    assert promise["start"] < promise["end"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        # "in het najaar" of a letter of March 2024: the autumn of 2024
        ({"open_only": True, "due_before": "2024-12-01"}, {"kst-36410-XVI-5/c2", "ANDERS/c2"}),
        # the restated promise's deadline is its own "voor de zomer" (June, in a letter of 20
        # June), not the date of the letter it cites ("In mijn brief van 12 februari 2024")
        ({"due_before": "2024-06-01"}, {"kst-36410-XVI-5/c1", "kst-36410-XVI-12/motie1"}),
        (
            {"due_before": "2024-07-01"},
            {"kst-36410-XVI-5/c1", "kst-36410-XVI-12/motie1", "kst-36410-XVI-18/c1"},
        ),
        ({"actor": "van dijk"}, {"kst-36410-XVI-12/motie1"}),
        ({"actor": "Infrastructuur", "open_only": True}, {"ANDERS/c1", "ANDERS/c2"}),
    ],
)
def test_filters(rows, batch, options, expected):
    expected = {e.replace("ANDERS", batch[3].id) for e in expected}
    assert {r["row_id"] for r in filter_register(rows.values(), **options)} == expected


def test_report_without_citation_links_by_actor_with_low_confidence(bundled_extractor, batch):
    later = _record(bundled_extractor, "najaar", NAJAAR)
    rows = {r["row_id"]: r for r in commitment_register([batch[3], later])}
    promise = rows[f"{batch[3].id}/c2"]
    assert "Noordersluis" in promise["text"]
    assert promise["fulfilled_by"]["letter_id"] == later.id
    assert promise["link_confidence"] == "low"
    assert "no citation" in promise["link_basis"]


@pytest.fixture(scope="module")
def records_file(batch, tmp_path_factory):
    path = tmp_path_factory.mktemp("register") / "records.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in batch), encoding="utf-8")
    return path


def test_cli_jsonl_and_filters(records_file):
    result = CliRunner().invoke(
        app, ["commitments", str(records_file), "--open", "--due-before", "2024-11-01"]
    )  # 1 October 2024, not the autumn of 2024 (its last day is 30 November)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["row_id"] for r in rows] == ["kst-36410-XVI-5/c2"]


def test_cli_csv(records_file):
    result = CliRunner().invoke(app, ["commitments", str(records_file), "--format", "csv"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    promise = next(r for r in table if r["row_id"] == "kst-36410-XVI-5/c1")
    assert json.loads(promise["fulfilled_by"])["letter_id"] == "kst-36410-XVI-18"
    assert promise["link_confidence"] == "medium"


def test_cli_table(records_file):
    result = CliRunner().invoke(
        app, ["commitments", str(records_file), "-f", "table"], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    assert "kst-36410-XVI-5/c2" in result.stdout
    assert "fulfilled by" in result.stdout and "[medium]" in result.stdout


def test_cli_bad_date(records_file):
    result = CliRunner().invoke(app, ["commitments", str(records_file), "--due-before", "zomer"])
    assert result.exit_code == 2


def test_rows_carry_the_short_action_and_every_occurrence(rows):
    promise = rows["kst-36410-XVI-5/c1"]
    assert promise["action_short"].startswith("Ik zal uw Kamer voor de zomer informeren")
    assert len(promise["action_short"].split()) <= 25
    assert promise["mentions"] == [[promise["start"], promise["end"]]]
