"""Showing a letter: the rich view, the HTML page, and that page in headless chromium.

The browser test needs Debian's chromium (``apt-get install -y chromium``) and
skips without it; it keeps screenshots in ``artifacts/show/`` (git-ignored).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from kamerbrief.cli import app
from kamerbrief.outputs.show import letter_html, letter_view, load_letter
from kamerbrief.sources.read import SourceText, sha256_of
from tests.helpers import ROOT, SEED_TOP

ARTIFACTS = ROOT / "artifacts" / "show"

LETTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 14 maart 2024
Betreft Voortgang programma «Schoon & Veilig Water»

Geachte voorzitter,

1. Inleiding

Met deze brief informeer ik uw Kamer over het programma «Schoon & Veilig Water».
Rijkswaterstaat heeft in 2023 ruim € 25 miljoen geïnvesteerd in de sluizen bij
IJmuiden. De kosten <b>stijgen</b> met 12% als de bouw na 2026 doorloopt.

2. Vervolg

Ik zal uw Kamer voor de zomer informeren over de aanbesteding in Rotterdam. Met
deze brief geef ik uitvoering aan de motie van het lid Van Dijk (Kamerstuk
36 410 XII, nr. 18).

De Minister van Infrastructuur en Waterstaat,

M.G.J. Harbers
"""
TYPES = ("person", "organisation", "location", "date", "amount", "reference", "commitment")


@pytest.fixture(scope="module")
def record(bundled_extractor):
    data = LETTER.encode("utf-8")
    return bundled_extractor.from_source(
        SourceText(path="water.txt", sha256=sha256_of(data), text=LETTER, encoding="utf-8")
    )


@pytest.fixture(scope="module")
def seed(bundled_extractor):
    return bundled_extractor.from_path(SEED_TOP)


def test_written_letter_has_every_type(record):
    assert [s.title for s in record.sections] == ["Inleiding", "Vervolg"]
    for key in (
        "persons",
        "organisations",
        "locations",
        "dates",
        "amounts",
        "references",
        "commitments",
    ):
        assert getattr(record, key), key


def test_rich_view(record):
    console = Console(record=True, width=120, color_system=None)
    console.print(letter_view(record))
    out = console.export_text()
    assert "Voortgang programma «Schoon & Veilig Water»" in out
    assert "M.G.J. Harbers, Minister van Infrastructuur en Waterstaat" in out
    assert "1 Inleiding" in out and "2 Vervolg" in out  # the section tree
    assert "legend:" in out and "commitments" in out
    assert "De kosten <b>stijgen</b>" in out  # shown as written, not as markup
    assert re.search(rf"commitments\s+{len(record.commitments)}\s", out)  # the summary counts


def test_rich_view_styles_the_spans(record):
    console = Console(record=True, width=120, color_system="truecolor", force_terminal=True)
    console.print(letter_view(record))
    assert "\x1b[" in console.export_text(styles=True)


class _Dom(HTMLParser):
    """Ids, links, marks and the text of the letter, from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[tuple[str, str]] = []  # (container class, href)
        self.marks: list[dict[str, str]] = []
        self.tags_in_letter: set[str] = set()
        self.letter_text: list[str] = []
        self.body: dict[str, str] = {}
        self._stack: list[tuple[str, str]] = []
        self._in_letter = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "body":
            self.body = a
        cls = a.get("class", "")
        where = next(
            (c for _, c in reversed(self._stack) if c in ("kb-toc", "kb-lists", "letter")), ""
        )
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append((where, a["href"][1:]))
        if "kb " in cls + " " and "id" in a:
            self.marks.append(a)
        if self._in_letter:
            self.tags_in_letter.add(tag)
        if cls.split() == ["letter"]:
            self._in_letter += 1
        elif self._in_letter:
            self._in_letter += 1
        if tag not in ("input", "meta", "br"):
            self._stack.append((tag, cls.split()[0] if cls else ""))

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()
        if self._in_letter and tag not in ("input", "meta", "br"):
            self._in_letter -= 1

    def handle_data(self, data):
        if self._in_letter:
            self.letter_text.append(data)


def _parse(page: str) -> _Dom:
    dom = _Dom()
    dom.feed(page)
    return dom


def test_html_page_is_self_contained_and_escaped(record):
    page = letter_html(record)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", page)  # no external assets
    assert "<link" not in page and "@import" not in page
    assert "&lt;b&gt;stijgen&lt;/b&gt;" in page and "<b>stijgen" not in page
    assert "Schoon &amp; Veilig Water" in page
    dom = _parse(page)
    assert "b" not in dom.tags_in_letter
    assert "".join(dom.letter_text) == record.text  # the marks add no text and lose none


def test_html_marks_every_item_and_links_resolve(record):
    dom = _parse(letter_html(record))
    by_type = {t: [m for m in dom.marks if m["data-type"] == t] for t in TYPES}
    assert len(by_type["commitment"]) == len(record.commitments)
    assert len(by_type["person"]) == sum(len(p.mentions) for p in record.persons)
    for t in TYPES:
        assert by_type[t], t
        assert all(m["title"].startswith(f"{t}: ") for m in by_type[t])
    assert {h for w, h in dom.hrefs if w == "kb-toc"} == {f"sec-{s.id}" for s in record.sections}
    side = [h for w, h in dom.hrefs if w == "kb-lists"]
    assert side and set(side) <= dom.ids


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run_chromium(browser: str, page: Path, *args: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", f"--user-data-dir={profile}", *args, page.as_uri(),
            ],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("which", ["written", "seed"])
def test_page_in_headless_chromium(record, seed, which, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium): no browser test")
    shown = record if which == "written" else seed
    page = tmp_path / f"{which}.html"
    page.write_text(letter_html(shown), encoding="utf-8")
    dom = _parse(_run_chromium(browser, page, "--dump-dom"))
    assert dom.body.get("data-ready") == "1", "the page's script did not run"
    types = {m["data-type"] for m in dom.marks}
    assert {"person", "date", "reference", "commitment"} <= types
    side = [h for w, h in dom.hrefs if w == "kb-lists"]
    assert len(side) >= len(shown.dates) + len(shown.commitments)
    missing = [h for _, h in dom.hrefs if h not in dom.ids]
    assert not missing, f"jump links without a target: {missing[:5]}"
    text = "".join(dom.letter_text)
    assert text == shown.text
    if which == "written":
        assert "<b>stijgen</b>" in text and "«Schoon & Veilig Water»" in text
        assert "b" not in dom.tags_in_letter
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{which}-letter.png"
    shot.unlink(missing_ok=True)
    _run_chromium(browser, page, f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000


def test_load_letter_from_record_file(seed, tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text(seed.model_dump_json() + "\n", encoding="utf-8")
    assert load_letter(path).id == seed.id
    with pytest.raises(ValueError, match="no letter record with id nope"):
        load_letter(path, record_id="nope")


def test_cli_show_html_and_terminal(seed, tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text(seed.model_dump_json() + "\n", encoding="utf-8")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["show", str(path), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert "Motie Dijkstra" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "E.I. Schippers" in result.stdout
    result = CliRunner().invoke(app, ["show", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
