"""Hostile inputs at scale: generate N of them, run ``kamerbrief extract`` on them, report.

    python benchmarks/fuzz.py --n 10000 --seed 1 [--jobs 2] [--timeout 30]
                              [--model blank:nl] [--keep DIR] [--json]

The inputs are files of every kind the robustness tests use (random bytes under every
suffix, empty and blank files, binary magic, NULs, broken encodings, truncated,
shuffled and huge-lined letters, deep, unclosed and malformed HTML and XML,
DOCTYPEs with entities, ZIP and Word bombs, PDFs with too many objects) plus real
PDFs, Word files and XML from ``corpus/`` and ``tests/data`` mutated (byte flips,
truncation, inserted junk, Word members shuffled, dropped or garbled), and
archives (.zip, .tar.gz) holding a mix of them, with traversal and symlink members.

One run of ``python -m kamerbrief extract DIR --jobs J --timeout T`` converts them
all; the report counts

- **crashes**: error records of kind ``internal``, a Python traceback on stderr, or
  an exit code other than 0 or 1;
- **hangs**: error records of kind ``timeout`` (an input over ``--timeout``);
- **broken lines**: stdout lines that are not one valid record (JSON that the
  record or error record model accepts), and inputs without exactly one record;
- **peak RSS**: the largest sum of the RSS of the whole process tree (the CLI, the
  fork server, the workers), sampled every 0.2 s with psutil;

and the records by error kind and by generator. Exit code 0 when there are no
crashes, hangs or broken lines, else 1. The same seed gives the same inputs.
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "corpus" / "letters"
TEST_DATA = ROOT / "tests" / "data"
SUFFIXES = [".txt", ".html", ".htm", ".xml", ".pdf", ".docx"]
MIB = 1024 * 1024


def _small(paths: list[Path], limit: int = 60_000) -> list[bytes]:
    return [p.read_bytes() for p in sorted(paths) if p.stat().st_size <= limit]


class Seeds:
    """The real documents that mutations start from."""

    def __init__(self) -> None:
        self.letters = _small(list((LETTERS / "seeds").glob("*.txt")), 40_000) or [b"Brief"]
        self.pdfs = _small(list(LETTERS.glob("**/*.pdf")))
        self.docx = _small(list(LETTERS.glob("**/*.docx")))
        self.xml = _small(list(TEST_DATA.glob("*.xml")))
        self.html = _small(list(TEST_DATA.glob("*.html")))


# --- the generators: (rng, seeds) -> (suffix, bytes) ----------------------------------------

Generated = tuple[str, bytes]


def g_random(rng: random.Random, s: Seeds) -> Generated:
    return rng.choice(SUFFIXES), rng.randbytes(rng.randint(1, 4000))


def g_empty(rng: random.Random, s: Seeds) -> Generated:
    return rng.choice(SUFFIXES), rng.choice([b"", b" ", b"\n\n\t ", b"\xef\xbb\xbf", b"\0"])


def g_magic(rng: random.Random, s: Seeds) -> Generated:
    magic = rng.choice([b"%PDF-", b"PK\x03\x04", b"\x89PNG\r\n", b"\xff\xd8\xff", b"\x1f\x8b",
                        b"\x7fELF", b"<?xml ", b"<!DOCTYPE html>"])  # fmt: skip
    return rng.choice(SUFFIXES), magic + rng.randbytes(rng.randint(0, 2000))


def g_encoding(rng: random.Random, s: Seeds) -> Generated:
    text = rng.choice(s.letters).decode("utf-8", "replace")[:3000]
    kind = rng.randrange(5)
    if kind == 0:
        data = text.encode("utf-16-le")  # no BOM
    elif kind == 1:
        data = text.encode("utf-8")[: rng.randint(1, 3000)] + b"\xc3"  # cut in a sequence
    elif kind == 2:
        data = bytes(b if rng.random() > 0.05 else 0 for b in text.encode("utf-8"))  # NULs
    elif kind == 3:
        data = text.encode("cp1252", "replace") + bytes(rng.randrange(128, 256) for _ in range(50))
    else:
        data = "\ufeff".encode() + "".join(
            chr(rng.randrange(0x80, 0x2FFF)) for _ in range(800)
        ).encode("utf-8", "surrogatepass")
    return ".txt", data


PIECES = ["a", "Den Haag, 3 maart 2020 ", "€ 2 miljoen ", "Kamerstuk 36278, nr. 32 ", "1.", "- "]


def g_letter(rng: random.Random, s: Seeds) -> Generated:
    letter = rng.choice(s.letters)
    lines = letter.decode("utf-8", "replace").splitlines()
    kind = rng.randrange(4)
    if kind == 0:
        data = letter[: rng.randint(0, len(letter))]
    elif kind == 1:
        rng.shuffle(lines)
        data = rng.choice(["\n", "\r\n", "\n\n", "\r"]).join(lines[:120]).encode("utf-8")
    elif kind == 2:
        piece = rng.choice(PIECES)
        n = rng.randint(1000, 40_000)
        data = ("\n".join(lines[:30]) + "\n" + (piece * (n // len(piece) + 1))[:n]).encode()
    else:
        data = ("\n".join(rng.choice(["1.", "a", "", "-", "Bijlage", "Pagina 1 van 2", "•"])
                          for _ in range(rng.randint(100, 3000)))).encode()  # fmt: skip
    return rng.choice([".txt", ".txt", ".html", ".xml"]), data


TAGS = ["div", "p", "span", "table", "td", "b", "script", "html", "body", "li", "article"]


HTML_BITS = ["<p>", "</p>", "<br>", "text ", "<a href='#n1'>", "<sup>", "</div>", "<pre>", "<!--",
             "-->", "<![CDATA[", "]]>"]  # fmt: skip


def g_html(rng: random.Random, s: Seeds) -> Generated:
    kind = rng.randrange(5)
    if kind == 0:
        n = rng.choice([50, 300, 5000, 100_000])
        tag = rng.choice(TAGS)
        data = f"<html><body>{f'<{tag}>' * n}diep{f'</{tag}>' * n}</body></html>"
    elif kind == 1:
        data = "<html><body>" + "".join(
            f"<{rng.choice(TAGS)}>" for _ in range(rng.randint(10, 50_000))
        )
    elif kind == 2:
        # At most 4,000: spaCy's tokenizer takes quadratic time on a run of punctuation without
        # a space (10,000 '<' take about 30 s), which --timeout bounds; the sample stays quick.
        brackets = "<" * rng.randint(1, 4000)
        data = f"<!DOCTYPE html><html><body><p>{brackets}{'&' * 1000}&#99999999;"
    elif kind == 3 and s.html:
        return ".html", _mutate(rng, rng.choice(s.html))
    else:
        data = "".join(rng.choice(HTML_BITS) for _ in range(3000))
    return rng.choice([".html", ".htm", ".txt"]), data.encode("utf-8")


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "'
    + b"&lol;" * 10
    + b'">]><kamerstuk><al>&lol2;</al></kamerstuk>'
)
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<kamerstuk><al>&xxe;</al></kamerstuk>")  # fmt: skip


def g_xml(rng: random.Random, s: Seeds) -> Generated:
    kind = rng.randrange(5)
    if kind == 0:
        n = rng.choice([50, 300, 100_000])
        data = b"<kamerstuk>" + b"<al>" * n + b"diep" + b"</al>" * n + b"</kamerstuk>"
    elif kind == 1:
        data = rng.choice([LAUGHS, EXTERNAL])
    elif kind == 2:
        data = b"<?xml version='1.0'?><kamerstuk><al>" + rng.randbytes(rng.randint(0, 500))
    elif kind == 3 and s.xml:
        return ".xml", _mutate(rng, rng.choice(s.xml))
    else:
        data = b"<kamerstuk>" + b"<al>x</al><noot><noot.nr>1</noot.nr></noot>" * rng.randint(
            1, 20_000
        )
        data += b"</kamerstuk>"
    return rng.choice([".xml", ".xml", ".txt"]), data


def _zip(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def g_bomb(rng: random.Random, s: Seeds) -> Generated:
    kind = rng.randrange(4)
    if kind == 0:  # a Word file whose XML unpacks 1000-fold
        body = (
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        )
        body += (
            b"<w:body><w:p><w:r><w:t>" + b"a" * (rng.randint(2, 40) * MIB) + b"</w:t></w:r></w:p>"
        )
        body += b"</w:body></w:document>"
        return ".docx", _zip([("word/document.xml", body)])
    if kind == 1:  # a PDF with more objects than the limit
        return ".pdf", b"%PDF-1.4\n" + b"1 0 obj null endobj\n" * 600_000 + b"%%EOF\n"
    if kind == 2:  # a Word file nested deeper than the limit
        deep = b"<w:r>" * 5000 + b"<w:t>x</w:t>" + b"</w:r>" * 5000
        body = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                b"<w:body><w:p>" + deep + b"</w:p></w:body></w:document>")  # fmt: skip
        return ".docx", _zip([("word/document.xml", body)])
    # a Word file with a DOCTYPE
    return ".docx", _zip([("word/document.xml", rng.choice([LAUGHS, EXTERNAL]))])


def _mutate(rng: random.Random, data: bytes) -> bytes:
    """Byte flips, a truncation, inserted or deleted junk: one or more of them."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(4)
        if kind == 0 and out:
            for _ in range(rng.randint(1, 20)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif kind == 1 and out:
            del out[rng.randint(0, len(out)) :]
        elif kind == 2:
            at = rng.randint(0, len(out))
            out[at:at] = rng.randbytes(rng.randint(1, 200))
        elif out:
            at = rng.randrange(len(out))
            del out[at : at + rng.randint(1, 2000)]
    return bytes(out)


def g_pdf(rng: random.Random, s: Seeds) -> Generated:
    return rng.choice([".pdf", ".pdf", ".txt"]), _mutate(rng, rng.choice(s.pdfs))


def g_docx(rng: random.Random, s: Seeds) -> Generated:
    data = rng.choice(s.docx)
    if rng.random() < 0.4:
        return ".docx", _mutate(rng, data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]
    kind = rng.randrange(3)
    if kind == 0:
        rng.shuffle(members)
    elif kind == 1 and members:
        members.pop(rng.randrange(len(members)))
    else:
        members = [(n, _mutate(rng, d) if n.endswith(".xml") and rng.random() < 0.5 else d)
                   for n, d in members]  # fmt: skip
    return ".docx", _zip(members, rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))


GENERATORS: dict[str, Callable[[random.Random, Seeds], Generated]] = {
    "random": g_random,
    "empty": g_empty,
    "magic": g_magic,
    "encoding": g_encoding,
    "letter": g_letter,
    "html": g_html,
    "xml": g_xml,
    "bomb": g_bomb,
    "pdf": g_pdf,
    "docx": g_docx,
}
WEIGHTS = {"random": 10, "empty": 3, "magic": 6, "encoding": 8, "letter": 12, "html": 10,
           "xml": 10, "bomb": 3, "pdf": 14, "docx": 12}  # fmt: skip


def g_archive(rng: random.Random, s: Seeds, members: list[Generated]) -> Generated:
    """A .zip or .tar.gz holding ``members``, a traversal member and, in tars, a symlink."""
    named = [(f"m{i:02d}{suffix}", data) for i, (suffix, data) in enumerate(members)]
    named.append((rng.choice(["../uit.txt", "/abs.txt", "a/../../b.txt"]), b"buiten"))
    if rng.random() < 0.5:
        return ".zip", _zip(named)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in named:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("link.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tf.addfile(link)
    return ".tar.gz", buf.getvalue()


def generate(n: int, seed: int, folder: Path) -> collections.Counter[str]:
    """Write ``n`` hostile inputs (archive members count one each) to ``folder``."""
    rng = random.Random(seed)
    seeds = Seeds()
    names, weights = list(WEIGHTS), list(WEIGHTS.values())
    made: collections.Counter[str] = collections.Counter()
    i = 0
    while i < n:
        if n - i >= 5 and rng.random() < 0.03:
            k = rng.randint(2, 4)
            members = [GENERATORS[g](rng, seeds) for g in rng.choices(names, weights, k=k)]
            suffix, data = g_archive(rng, seeds, members)
            (folder / f"{i:06d}_archive{suffix}").write_bytes(data)
            made["archive"] += k + 1 + (suffix == ".tar.gz")
            i += k + 1 + (suffix == ".tar.gz")
            continue
        name = rng.choices(names, weights)[0]
        suffix, data = GENERATORS[name](rng, seeds)
        (folder / f"{i:06d}_{name}{suffix}").write_bytes(data)
        made[name] += 1
        i += 1
    return made


# --- running and checking -----------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run(folder: Path, *, jobs: int, timeout: float, model: str) -> dict:
    """Extract every input of ``folder`` in one run; the figures of the report."""
    sys.path.insert(0, str(ROOT))
    from kamerbrief.batch.inputs import expand
    from kamerbrief.record import ErrorRecord, LetterRecord

    expected = [inp.path for inp in expand([str(folder)], read=False)]
    cmd = [sys.executable, "-m", "kamerbrief", "extract", str(folder), "--jobs", str(jobs),
           "--timeout", str(timeout), "--quiet", "--model", model]  # fmt: skip
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    out_path, err_path = folder.parent / "stdout.jsonl", folder.parent / "stderr.txt"
    peak = 0
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=err)
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, _tree_rss(proc.pid))
                stop.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        stop.set()
        sampler.join()
    seconds = time.monotonic() - start
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    kinds: collections.Counter[str] = collections.Counter()
    broken, paths, internal, timeouts = 0, [], [], []
    for line in out_path.read_bytes().split(b"\n")[:-1]:
        try:
            record = json.loads(line)
            model_cls = ErrorRecord if "error" in record else LetterRecord
            model_cls.model_validate(record)
        except Exception:  # anything that is not one valid record
            broken += 1
            continue
        paths.append(record["source"]["path"])
        kind = record["error"]["kind"] if "error" in record else "record"
        kinds[kind] += 1
        if kind == "timeout":
            timeouts.append(record["source"]["path"])
        if kind == "internal":
            internal.append(f"{record['source']['path']}: {record['error']['message']}")
    if not out_path.read_bytes().endswith(b"\n") and out_path.stat().st_size:
        broken += 1  # a last line cut short
    missing = len(collections.Counter(expected) - collections.Counter(paths))
    extra = len(collections.Counter(paths) - collections.Counter(expected))
    traceback = "Traceback" in stderr
    return {
        "inputs": len(expected),
        "records": len(paths),
        "seconds": round(seconds, 1),
        "inputs_per_second": round(len(expected) / max(seconds, 1e-9), 1),
        "exit_code": code,
        "crashes": len(internal) + int(traceback) + int(code not in (0, 1)),
        "hangs": kinds["timeout"],
        "broken_lines": broken + missing + extra,
        "peak_rss_mb": round(peak / MIB),
        "kinds": dict(sorted(kinds.items())),
        "internal": internal[:20],
        "timeouts": [Path(p).name for p in timeouts[:20]],
        "stderr_tail": stderr[-2000:] if traceback or code not in (0, 1) else "",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="hostile inputs (default 300)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300, help="--timeout of the run (s)")
    parser.add_argument("--model", default="blank:nl", help="the pipeline (default blank:nl)")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kamerbrief-fuzz-"))
    folder = args.keep or work / "inputs"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        made = generate(args.n, args.seed, folder)
        report = run(folder, jobs=args.jobs, timeout=args.timeout, model=args.model)
        report["generated"] = dict(sorted(made.items()))
        report["seed"] = args.seed
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key in ("inputs", "records", "seconds", "inputs_per_second", "exit_code", "crashes",
                    "hangs", "broken_lines", "peak_rss_mb", "kinds", "generated"):  # fmt: skip
            print(f"{key}: {report[key]}")
        for line in report["internal"]:
            print(f"internal: {line}")
        for name in report["timeouts"]:
            print(f"timeout: {name}")
        if report["stderr_tail"]:
            print(report["stderr_tail"], file=sys.stderr)
    return 0 if report["crashes"] == report["hangs"] == report["broken_lines"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
