"""Domain check of nl_kamerbrief_sm on real letters (no gold labels: read it).

    python training/domain_check.py [--model DIR] [FILE ...]

Default files: corpus/letters/seeds/*.txt and corpus/letters/rijksoverheid-pdf/*.txt.
For each file it prints
  * the sentences that start at, or run across, a short heading-like line
    (e.g. "1. Inleiding", "Betreft", "Geachte voorzitter,"),
  * how signature names with initials ("E.I. Schippers") come out,
  * every entity containing "minister" (ministries, Minister-President),
  * entity counts per label;
and then the same for a few probe sentences.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import spacy

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = REPO / "kamerbrief" / "pipelines" / "nl_kamerbrief_sm"
LETTERS = REPO / "corpus" / "letters"

PROBES = [
    "De Minister-President, Minister van Algemene Zaken, M. Rutte heeft de Kamer op 12 mei geïnformeerd.",
    "De Minister van Volksgezondheid, Welzijn en Sport,\nE.I. Schippers",
    "Het Ministerie van Infrastructuur en Waterstaat werkt samen met het ministerie van BZK en Rijkswaterstaat.",
    "1. Inleiding\nVoorafgaand aan het bezoek aan de Russische Federatie hebben Minister Ploumen en Minister "
    "Schippers een missie geleid.",
    "Betreft\nWater en Bodem sturend\n\nGeachte voorzitter,\nDeze brief gaat over ons water en onze bodem.",
]

HEADING = re.compile(r"^\s*(\d+(\.\d+)*\.?\s+)?[A-Z][^.!?]{0,60}$")


def show(doc, label=""):
    if label:
        print(f"\n== {label}")
    sents = list(doc.sents)
    print(f"   sentences: {len(sents)}; entities: {dict(Counter(e.label_ for e in doc.ents))}")
    return sents


def heading_report(doc, max_items=8):
    lines = doc.text.split("\n")
    offs, pos = [], 0
    for line in lines:
        offs.append((pos, line))
        pos += len(line) + 1
    shown = 0
    for start, line in offs:
        if shown >= max_items:
            break
        if not HEADING.match(line) or len(line.split()) > 6:
            continue
        span = doc.char_span(start, start + len(line.rstrip()), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        sent = span[0].sent
        txt = sent.text.replace("\n", "⏎")
        verdict = "own sentence" if sent.start == span.start and sent.end <= span.end + 1 else "merged"
        print(f"   heading {line.strip()!r:40} -> {verdict}: {txt[:110]!r}")
        shown += 1


def names_report(doc):
    for m in re.finditer(r"\b(?:[A-Z]\.){1,4}\s?[A-Z][a-z]+", doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        ents = [(e.text, e.label_) for e in doc.ents if e.start < span.end and e.end > span.start]
        toks = [t.text for t in span]
        print(f"   initials {m.group(0)!r:22} tokens {toks} ents {ents} sent_start_inside="
              f"{any(t.is_sent_start for t in span[1:])}")


def ministry_report(doc, max_items=12):
    seen = set()
    for e in doc.ents:
        if "inister" in e.text and e.text not in seen:
            seen.add(e.text)
            print(f"   {e.label_:5} {e.text!r}")
            if len(seen) >= max_items:
                break
    # 'Ministerie van X' mentions that got no entity at all
    missed = 0
    for m in re.finditer(r"[Mm]inisterie van( [A-Z][\w-]*| en)+", doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not any(e.start < span.end and e.end > span.start for e in doc.ents):
            missed += 1
    print(f"   'ministerie van ...' mentions without any entity: {missed}")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("files", nargs="*")
    args = ap.parse_args(argv)
    nlp = spacy.load(args.model)
    files = [Path(f) for f in args.files] or sorted((LETTERS / "seeds").glob("*.txt")) + sorted(
        (LETTERS / "rijksoverheid-pdf").glob("*.txt")
    )
    for f in files:
        text = f.read_text(encoding="utf8")
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        doc = nlp(text)
        show(doc, str(f.relative_to(REPO) if f.is_relative_to(REPO) else f))
        heading_report(doc)
        names_report(doc)
        ministry_report(doc)
    print("\n== probes")
    for text in PROBES:
        doc = nlp(text)
        print(f"\n   {text!r}")
        for s in doc.sents:
            print(f"     sent: {s.text!r}")
        print(f"     ents: {[(e.text, e.label_) for e in doc.ents]}")


if __name__ == "__main__":
    main()
