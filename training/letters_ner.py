"""Government letters as NER training data: hand annotations and dev gold -> spaCy Docs.

Two sources, both over the normalised text kamerbrief's pipeline reads
(:func:`kamerbrief.parse.parse`):

* ``training/data/ner/<folder>/<stem>.json``: every written form of every person,
  organisation and location in a document of ``../shared/corpus`` outside both gold
  splits (format: ``training/data/ner/README.md``);
* ``corpus/gold/dev``: the dev split's entity entries (name, aliases, mention texts).
  Gold annotates the letter from its content on, so text before the content start is
  marked missing, not outside.

Nothing of ``corpus/gold/test`` is read: a document of the test split, in any of its
formats, is refused. Every whole-word occurrence of an entity string is labelled,
longest strings first, never overlapping; strings listed under ``not`` are left out.
Each document is cut into paragraphs (one Doc each) for batching.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

from kamerbrief.nlp.annotate import paragraphs
from kamerbrief.parse import parse
from kamerbrief.sources.read import read_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
ANNOTATIONS = ROOT / "training" / "data" / "ner"
GOLD = ROOT / "corpus" / "gold"
LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
_GOLD_LABELS = {"persons": "PER", "organisations": "ORG", "locations": "LOC"}


@dataclass
class Annotated:
    """A document's normalised text and its entity strings by label."""

    name: str
    text: str
    strings: dict[str, str]  # entity text -> label
    content_start: int = 0  # gold: nothing before this is annotated


def document_key(path: str | Path) -> str:
    """One key for a document's PDF, Word and text versions."""
    return re.sub(r"-(?:pdf|docx)$", "", Path(path).stem)


def test_keys() -> set[str]:
    """The documents of the gold test split, never to be trained on."""
    keys = set()
    for gold in (GOLD / "test").rglob("*.json"):
        keys.add(document_key(json.loads(gold.read_text("utf-8"))["letter"]))
    return keys


def hand_annotated(root: Path = ANNOTATIONS) -> Iterator[Annotated]:
    """The hand annotations under ``training/data/ner``."""
    refused = test_keys()
    for path in sorted(root.rglob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        source = SHARED / data["source"]
        if document_key(source) in refused:
            raise ValueError(f"{path}: {data['source']} is in the gold test split")
        text = parse(read_path(source).text).text
        strings = {e["text"]: LABELS[e["label"]] for e in data["entities"]}
        for word in data.get("not", []):
            strings.pop(word, None)
        yield Annotated(path.stem, text, strings)


def dev_gold(root: Path = GOLD / "dev") -> Iterator[Annotated]:
    """The dev split's entities; the test split is never read."""
    for path in sorted(root.rglob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        if any(gold.get(key) is None for key in _GOLD_LABELS):
            continue  # a letter without entity gold teaches nothing about entities
        letter = next(
            base / gold["letter"] for base in path.parents if (base / gold["letter"]).is_file()
        )
        parsed = parse(read_path(letter).text)
        strings: dict[str, str] = {}
        for key, label in _GOLD_LABELS.items():
            for entry in gold[key]:
                for form in (entry["name"], *entry.get("aliases", []), *entry.get("mentions", {})):
                    strings.setdefault(form, label)
        yield Annotated(path.stem, parsed.text, strings, parsed.content_start)


def labelled_spans(text: str, strings: dict[str, str]) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence of each string, longest first, none overlapping."""
    taken = bytearray(len(text))
    spans = []
    for s in sorted(strings, key=len, reverse=True):
        if not s.strip():
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text):
            if not any(taken[m.start() : m.end()]):
                taken[m.start() : m.end()] = b"\1" * (m.end() - m.start())
                spans.append((m.start(), m.end(), strings[s]))
    return sorted(spans)


def to_docs(nlp: spacy.Language, doc: Annotated) -> Iterator[Doc]:
    """One Doc per paragraph, with entities set and unannotated text missing."""
    spans = labelled_spans(doc.text, doc.strings)
    offset = 0
    for part in paragraphs(doc.text):
        start, end = offset, offset + len(part)
        offset = end
        if not part.strip():
            continue
        d = nlp.make_doc(part)
        ents: list[Span] = []
        for s, e, label in spans:
            if start <= s and e <= end:
                span = d.char_span(s - start, e - start, label=label, alignment_mode="expand")
                if span is not None and not any(span.start < x.end and x.start < span.end
                                                for x in ents):  # fmt: skip
                    ents.append(span)
        missing = []
        if doc.content_start > start:
            cut = d.char_span(0, min(doc.content_start, end) - start, alignment_mode="expand")
            if cut is not None:
                missing.append(cut)
                ents = [x for x in ents if x.start >= cut.end]
        d.set_ents(ents, missing=missing, default="outside")
        yield d


def all_docs(nlp: spacy.Language) -> tuple[list[Doc], list[Doc]]:
    """(train, dev): every 10th annotated document is held out for early stopping. A
    document with entity gold in the dev split is read once, from its gold."""
    train: list[Doc] = []
    dev: list[Doc] = []
    gold = list(dev_gold())
    golden = {d.name for d in gold}
    hand = [d for d in hand_annotated() if d.name not in golden]
    for i, doc in enumerate([*hand, *gold]):
        (dev if i % 10 == 5 else train).extend(to_docs(nlp, doc))
    return train, dev


if __name__ == "__main__":
    nlp = spacy.blank("nl")
    train, dev = all_docs(nlp)
    n = sum(len(d.ents) for d in train)
    print(f"train: {len(train)} paragraphs, {n} entities; dev: {len(dev)} paragraphs")
