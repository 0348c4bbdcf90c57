"""Bombs at their worst sizes: the error kind, time and memory of ``kamerbrief extract`` on each.

    python benchmarks/bombs.py [--model blank:nl] [--only NAME ...] [--json]

Each bomb is built in a temporary folder at a realistic worst size (just under the
64 MiB input limit, or as large as the other limits let it be), then converted by
one run of ``python -m kamerbrief extract FILE --jobs 1 --timeout 60`` in a
subprocess. Per bomb it prints the error kind of the record, the wall time of the
run and the peak RSS of the process (``os.wait4``; the bombs are made in another
process, so that this one stays small: Linux counts the RSS of the process that
forked the run in its peak), and the same two over those of an
empty file (the baseline: start-up and an error record; a small letter, which
loads and runs the pipeline, is shown too). The bar of issue 19: each bomb's
error record within a second and under 200 MB of RSS more than the baseline.
Prints figures, asserts nothing; exit code 0.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "letters" / "seeds"
MIB = 1024 * 1024
NEAR = 63 * MIB  # just under the 64 MiB input limit
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


def _low_entropy(size: int, seed: int = 19) -> bytes:
    """``size`` bytes of 'a' and 'b' at random: they compress only about 7 times."""
    table = bytes(ord("a") + (i & 1) for i in range(256))
    return random.Random(seed).randbytes(size).translate(table)


def _zip(members: dict[str, bytes], level: int = 9) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _docx(document: bytes) -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": document}, level=1)


def _word_body(inner: bytes) -> bytes:
    head = f"<w:document {W}><w:body><w:p>".encode()
    return head + inner + b"</w:p></w:body></w:document>"


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref,
    )  # fmt: skip
    return bytes(out)


# --- the bombs: () -> (file name, bytes) -------------------------------------------------------

Bomb = tuple[str, bytes]


def zip_ratio() -> Bomb:
    return "ratio.zip", _zip({"bom.txt": b"\0" * NEAR})


def zip_size() -> Bomb:
    return "size.zip", _zip({"groot.txt": _low_entropy(70 * MIB)}, level=1)


def targz_ratio() -> Bomb:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        info = tarfile.TarInfo("bom.txt")
        info.size = NEAR
        tf.addfile(info, io.BytesIO(b"\0" * NEAR))
    return "ratio.tar.gz", buf.getvalue()


def docx_ratio() -> Bomb:
    return "ratio.docx", _docx(_word_body(b"<w:r><w:t>" + b"a" * (31 * MIB) + b"</w:t></w:r>"))


def docx_size() -> Bomb:
    text = _low_entropy(40 * MIB)
    return "size.docx", _docx(_word_body(b"<w:r><w:t>" + text + b"</w:t></w:r>"))


def docx_nesting() -> Bomb:
    # Random attribute values keep the ratio low, so the part reaches the XML parser.
    rng = random.Random(7)
    n = 31 * MIB // 26  # 26 bytes a level
    opens = b"".join(b'<w:r w:a="%08x">' % rng.getrandbits(32) for _ in range(n))
    return "nesting.docx", _docx(_word_body(opens + b"</w:r>" * n))


def docx_entities() -> Bomb:
    body = _word_body(b"<w:r><w:t>&lol9;</w:t></w:r>")
    return "entities.docx", _docx(LAUGHS.replace(b"lolz", b"w:document") + body)


def pdf_pages() -> Bomb:
    # As many pages as the object limit lets in: each page is one object.
    n = 499_000
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(n))
    page = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>"
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, n)]
    return "pages.pdf", _pdf(objects + [page] * n)


def pdf_objects() -> Bomb:
    line = b"1 0 obj null endobj\n"
    return "objects.pdf", b"%PDF-1.4\n" + line * ((NEAR - 20) // len(line)) + b"%%EOF\n"


def pdf_page_objects() -> Bomb:
    # 2 million paths in one compressed content stream: a 55 kB file.
    stream = zlib.compress(b"0 0 m 1 1 l S\n" * 2_000_000, 9)
    return "page-objects.pdf", _pdf([
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>",
        b"<</Length %d/Filter/FlateDecode>>stream\n" % len(stream) + stream + b"\nendstream",
    ])  # fmt: skip


def xml_nesting() -> Bomb:
    n = (NEAR - 30) // 9
    return "nesting.xml", b"<kamerstuk>" + b"<al>" * n + b"x" + b"</al>" * n + b"</kamerstuk>"


def xml_unclosed() -> Bomb:
    return "unclosed.xml", b"<?xml version='1.0'?><kamerstuk>" + b"<al>" * (NEAR // 4)


def xml_entities() -> Bomb:
    return "entities.xml", LAUGHS.replace(b"lolz", b"kamerstuk") + b"<kamerstuk>&lol9;</kamerstuk>"


def html_nesting() -> Bomb:
    n = (NEAR - 30) // 11
    return "nesting.html", b"<html><body>" + b"<div>" * n + b"x" + b"</div>" * n + b"</body></html>"


def xml_long_token() -> Bomb:
    """No bomb: one 60 MB comment. Read whole, as it should be, in linear time."""
    return "comment.xml", b"<kamerstuk><al>tekst<!--" + b"x" * (60 * MIB) + b"--></al></kamerstuk>"


BOMBS: dict[str, Callable[[], Bomb]] = {
    "zip ratio": zip_ratio,
    "zip size": zip_size,
    "tar.gz ratio": targz_ratio,
    "docx ratio": docx_ratio,
    "docx size": docx_size,
    "docx nesting": docx_nesting,
    "docx entities": docx_entities,
    "pdf pages": pdf_pages,
    "pdf objects": pdf_objects,
    "pdf page objects (compressed)": pdf_page_objects,
    "xml nesting": xml_nesting,
    "xml nesting, unclosed": xml_unclosed,
    "xml entities": xml_entities,
    "html nesting": html_nesting,
    "xml 60 MB comment (no bomb)": xml_long_token,
}
# --- running them ------------------------------------------------------------------------------


def run(path: Path, model: str) -> dict[str, object]:
    """One ``kamerbrief extract`` of ``path``: error kind, seconds, peak RSS, exit code."""
    cmd = [sys.executable, "-m", "kamerbrief", "extract", str(path), "--jobs", "1",
           "--timeout", "60", "--quiet", "--model", model]  # fmt: skip
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = out.read().decode("utf-8", "replace").splitlines()
        stderr = err.read().decode("utf-8", "replace")
    kinds, messages = [], []
    for line in lines:
        error = json.loads(line).get("error")
        kinds.append(error["kind"] if error else "record")
        messages.append(error["message"] if error else "")
    return {
        "kind": ",".join(kinds) or "no record",
        "message": " | ".join(m for m in messages if m)[:160],
        "seconds": round(seconds, 2),
        "rss_mb": round(usage.ru_maxrss / 1024),  # KiB on Linux
        "exit": proc.returncode,
        "stderr": stderr.strip().splitlines()[-1:] if proc.returncode not in (0, 1) else [],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="blank:nl")
    parser.add_argument("--only", nargs="*", help="names of the bombs to run (default: all)")
    parser.add_argument("--json", action="store_true", help="one JSON object per bomb")
    parser.add_argument("--make", help=argparse.SUPPRESS)  # NAME: write that bomb to --to
    parser.add_argument("--to", help=argparse.SUPPRESS)
    args = parser.parse_args()
    bombs = dict(BOMBS)
    if args.make:
        file_name, data = bombs[args.make]()
        Path(args.to, file_name).write_bytes(data)
        return 0
    if args.only:
        bombs = {name: make for name, make in bombs.items() if name in args.only}
    rows: list[tuple[str, int, dict[str, object]]] = []
    with tempfile.TemporaryDirectory(prefix="kamerbrief-bombs-") as tmp:
        empty, letter = Path(tmp) / "leeg.txt", Path(tmp) / "brief.txt"
        empty.write_bytes(b"")
        letter.write_bytes(min(SEEDS.glob("*.txt")).read_bytes())
        base = run(empty, args.model)
        rows.append(("baseline: an empty file", 0, base))
        rows.append(("a small letter", letter.stat().st_size, run(letter, args.model)))
        for name in bombs:
            folder = Path(tempfile.mkdtemp(dir=tmp))
            subprocess.run([sys.executable, __file__, "--make", name, "--to", str(folder)],
                           check=True)  # fmt: skip
            (path,) = folder.iterdir()
            rows.append((name, path.stat().st_size, run(path, args.model)))
            path.unlink()
    if args.json:
        for name, size, row in rows:
            print(json.dumps({"bomb": name, "bytes": size, **row}, ensure_ascii=False))
        return 0
    over = f"over the baseline ({base['seconds']} s, {base['rss_mb']} MB)"
    print(f"python {sys.version.split()[0]}, --model {args.model}, --jobs 1; +s and +MB: {over}\n")
    print("| bomb | file MB | error kind | s | +s | peak RSS MB | +MB |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for name, size, row in rows:
        extra_s = float(row["seconds"]) - float(base["seconds"])  # type: ignore[arg-type]
        extra_mb = int(row["rss_mb"]) - int(base["rss_mb"])  # type: ignore[call-overload]
        print(f"| {name} | {size / 1e6:.2f} | {row['kind']} | {row['seconds']} | {extra_s:+.2f}"
              f" | {row['rss_mb']} | {extra_mb:+d} |")  # fmt: skip
    problems = [(n, r) for n, _, r in rows if r["exit"] not in (0, 1)]
    for name, row in problems:
        print(f"\n{name}: exit code {row['exit']}: {row['stderr']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
