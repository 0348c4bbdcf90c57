"""Whatever bytes come in, Extractor.from_bytes gives a valid record or an error record.

Random bytes, truncated and shuffled letters, huge lines, deeply nested and
malformed HTML and XML; each example must finish within a time limit (no hang).
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamerbrief.record import ErrorRecord, LetterRecord
from tests.helpers import SEED_REPORT, SEED_TOP

LETTER = SEED_TOP.read_bytes()
LINES = SEED_REPORT.read_text(encoding="utf-8").splitlines()
SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
NAMES = st.sampled_from(["x.txt", "x.html", "x.xml", "x.pdf", "x.docx", "-"])


@contextmanager
def time_limit(seconds: int):
    def hang(signum, frame):
        raise AssertionError(f"no record within {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _check(extractor, data: bytes, path: str) -> None:
    with time_limit(60):
        record = extractor.from_bytes(data, path)
    assert isinstance(record, LetterRecord | ErrorRecord)
    model = type(record)
    assert model.model_validate_json(record.model_dump_json()) == record
    line = record.model_dump_json()
    assert "\n" not in line  # one record, one line on stdout


@SETTINGS
@given(st.binary(max_size=4000), NAMES)
def test_random_bytes(extractor, data: bytes, path: str) -> None:
    _check(extractor, data, path)


@SETTINGS
@given(st.integers(0, len(LETTER)), NAMES)
def test_truncated_letters(extractor, cut: int, path: str) -> None:
    _check(extractor, LETTER[:cut], path)  # also cut inside a UTF-8 sequence


@SETTINGS
@given(st.permutations(LINES[:80]), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_shuffled_letters(extractor, lines: list[str], sep: str) -> None:
    _check(extractor, sep.join(lines).encode("utf-8"), "shuffled.txt")


@SETTINGS
@given(
    st.sampled_from(["a", "Den Haag, 3 maart 2020 ", "€ 2 miljoen ", "Kamerstuk 36278, nr. 32 "]),
    st.integers(1_000, 40_000),
)
def test_huge_lines(extractor, piece: str, length: int) -> None:
    line = (piece * (length // len(piece) + 1))[:length]
    _check(extractor, (LETTER.decode("utf-8") + "\n" + line + "\n").encode("utf-8"), "huge.txt")


TAGS = st.sampled_from(["div", "p", "span", "table", "td", "b", "script", "html", "body"])


@SETTINGS
@given(TAGS, st.integers(1, 3000), st.booleans(), st.text(max_size=50))
def test_deeply_nested_or_malformed_html(
    extractor, tag: str, depth: int, close: bool, text: str
) -> None:
    body = f"<{tag}>" * depth + (text or "tekst") + (f"</{tag}>" * depth if close else "")
    _check(extractor, f"<!DOCTYPE html><html><body>{body}".encode(), "page.html")


XML_HEADS = st.sampled_from([
    "<?xml version='1.0'?><kamerstuk>",
    "<?xml version='1.0'?><officiele-publicatie><metadata><meta name='x' content='",
    "<?xml version='1.0'?><!DOCTYPE k [<!ENTITY a 'aaaa'>]><kamerstuk>&a;",
    "<kamerstuk><al>",
    "<?xml version='1.0' encoding='cp1252'?><kamerstuk>",
])  # fmt: skip


@SETTINGS
@given(XML_HEADS, st.sampled_from(["al", "tekst", "x:y", "a b"]), st.integers(1, 3000),
       st.booleans(), st.binary(max_size=40))  # fmt: skip
def test_deeply_nested_or_malformed_xml(
    extractor, head: str, tag: str, depth: int, close: bool, junk: bytes
) -> None:
    data = head.encode() + f"<{tag}>".encode() * depth + b"tekst" + junk
    if close:
        data += f"</{tag}>".encode() * depth + b"</kamerstuk>"
    _check(extractor, data, "stuk.xml")
