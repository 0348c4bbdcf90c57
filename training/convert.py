"""Convert the shared training data into spaCy ``DocBin`` files.

Used by ``build.py`` (training data) and ``evaluate_pipeline.py`` (held-out
evaluation data).  Everything is read straight from ``/work/shared/data`` (or
``$KAMERBRIEF_DATA``); nothing there is modified.

Data roles (see training/README.md):

* syntax TRAIN  = UD LassySmall dev + UD LassySmall test + UD Alpino test,
  minus every 10th document, which forms the syntax early-stopping DEV split.
  (The UD *train* splits are missing from the shared data.)
* syntax EVAL   = UD Alpino dev  (never trained on, never used for stopping)
* NER TRAIN     = CoNLL-2002 ned.train minus every 10th article, + ned.testa
* NER DEV       = every 10th article of ned.train (early stopping)
  (split "standard" instead: train = ned.train, dev = ned.testa)
* NER EVAL      = CoNLL-2002 ned.testb (never trained on)

CoNLL-2002 pitfalls handled here (see /work/shared/data/SOURCE.txt):
``-DOCSTART- -DOCSTART- O`` lines are article breaks, not tokens; the POS
column (MBT tags, not UD) is dropped, so no tagger can ever learn from it;
each file is converted on its own, so the shared file stem "ned" never
collides.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

DATA = Path(os.environ.get("KAMERBRIEF_DATA", "/work/shared/data"))
UD = DATA / "ud"
CONLL = DATA / "conll2002"
EUROPEANA = DATA / "ner-open" / "europeana-icdar-nl"

SYNTAX_TRAIN_FILES = [
    UD / "nl_lassysmall-ud-dev.conllu",
    UD / "nl_lassysmall-ud-test.conllu",
    UD / "nl_alpino-ud-test.conllu",
]
SYNTAX_EVAL_FILE = UD / "nl_alpino-ud-dev.conllu"
NER_TRAIN_FILE = CONLL / "ned.train"
NER_DEV_FILE = CONLL / "ned.testa"
NER_EVAL_FILE = CONLL / "ned.testb"


# --------------------------------------------------------------------------
# UD CoNLL-U
# --------------------------------------------------------------------------
def read_conllu(path: Path, n_sents: int = 10) -> list[Doc]:
    """UD CoNLL-U -> Docs with POS, TAG, MORPH, LEMMA, HEAD/DEP, sentences.

    Empty nodes ("8.1") are skipped by spaCy's converter; there are no
    multiword ranges in these treebanks.
    """
    text = Path(path).read_text(encoding="utf8")
    return list(conllu_to_docs(text, n_sents=n_sents, no_print=True))


def syntax_split(every: int = 10):
    """Return (train_docs, dev_docs) carved from the syntax training files.

    Deterministic: document i of each file goes to dev when i % every == 5.
    """
    train, dev = [], []
    for path in SYNTAX_TRAIN_FILES:
        for i, doc in enumerate(read_conllu(path)):
            (dev if i % every == every // 2 else train).append(doc)
    return train, dev


# --------------------------------------------------------------------------
# CoNLL-2002 (TOKEN POS IOB2), articles separated by -DOCSTART- lines
# --------------------------------------------------------------------------
def _doc_from_tokens(vocab, words: list[str], tags: list[str], sent_starts: list[bool]) -> Doc:
    return Doc(
        vocab,
        words=words,
        spaces=[True] * (len(words) - 1) + [False] if words else [],
        ents=tags,
        sent_starts=sent_starts,
    )


def read_conll2002(path: Path, vocab=None) -> list[Doc]:
    """One Doc per article; the POS column is discarded on purpose."""
    vocab = vocab or spacy.blank("nl").vocab
    docs: list[Doc] = []
    words: list[str] = []
    tags: list[str] = []
    starts: list[bool] = []
    new_sent = True

    def flush():
        nonlocal words, tags, starts
        if words:
            docs.append(_doc_from_tokens(vocab, words, tags, starts))
        words, tags, starts = [], [], []

    for line in Path(path).read_text(encoding="utf8").splitlines():
        line = line.strip()
        if not line:
            new_sent = True
            continue
        parts = line.split(" ")
        if parts[0] == "-DOCSTART-":
            flush()
            new_sent = True
            continue
        if len(parts) != 3:
            raise ValueError(f"{path}: unexpected line {line!r}")
        word, _mbt_pos, tag = parts
        words.append(word)
        tags.append(tag)
        starts.append(new_sent)
        new_sent = False
    flush()
    return docs


# --------------------------------------------------------------------------
# Europeana Newspapers NL (ICDAR release, TOKEN<TAB>IOB1, CC0) - optional,
# only used by `build.py --ner-corpus europeana` (the openly licensed variant)
# --------------------------------------------------------------------------
def _read_iob_sentences(path: Path):
    sents, cur = [], []
    for line in Path(path).read_text(encoding="utf8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        word, tag = line.split("\t")
        cur.append([word, tag])
    if cur:
        sents.append(cur)
    return sents


def _repair_initials(sents):
    """The initials repair described in ner-open/SOURCE.txt, section 1."""

    def typ(tag):
        return tag[2:] if tag != "O" else None

    joined = []
    for sent in sents:
        if joined:
            prev = joined[-1]
            if (
                len(prev) >= 2
                and prev[-1][0] == "."
                and typ(prev[-2][1])
                and 1 <= len(prev[-2][0]) <= 4
                and prev[-2][0].isalpha()
                and typ(sent[0][1]) == typ(prev[-2][1])
            ):
                prev.extend(sent)
                continue
        joined.append(list(sent))
    for sent in joined:
        for i in range(1, len(sent) - 1):
            w, t = sent[i]
            if w == "." and t == "O":
                a, b = typ(sent[i - 1][1]), typ(sent[i + 1][1])
                if a and a == b and 1 <= len(sent[i - 1][0]) <= 4 and sent[i - 1][0].isalpha():
                    sent[i][1] = "I-" + a
    return joined


def read_europeana(path: Path, vocab=None, n_sents: int = 10) -> list[Doc]:
    vocab = vocab or spacy.blank("nl").vocab
    sents = _repair_initials(_read_iob_sentences(path))
    docs = []
    for i in range(0, len(sents), n_sents):
        words, tags, starts = [], [], []
        prev_type = None
        for sent in sents[i : i + n_sents]:
            prev_type = None
            for j, (w, t) in enumerate(sent):
                ty = t[2:] if t != "O" else None
                # IOB1 -> IOB2: an entity starts where the type changes.
                tags.append("O" if ty is None else ("I-" if ty == prev_type else "B-") + ty)
                words.append(w)
                starts.append(j == 0)
                prev_type = ty
        docs.append(_doc_from_tokens(vocab, words, tags, starts))
    return docs


# --------------------------------------------------------------------------
def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    n = 0
    for doc in docs:
        db.add(doc)
        n += len(doc)
    db.to_disk(path)
    return n


def convert_all(out: Path, ner_corpus: str = "conll2002", syntax_oversample: int = 3) -> dict:
    """Write every .spacy file the training configs need into ``out``."""
    out = Path(out)
    counts = {}
    syn_train, syn_dev = syntax_split()
    counts["syntax_train"] = write_docbin(syn_train, out / "syntax_train.spacy")
    counts["syntax_dev"] = write_docbin(syn_dev, out / "syntax_dev.spacy")
    if ner_corpus == "conll2002":
        train = read_conll2002(NER_TRAIN_FILE)
        dev = read_conll2002(NER_DEV_FILE)
    elif ner_corpus == "europeana":
        train = read_europeana(EUROPEANA / "train.txt")
        dev = read_europeana(EUROPEANA / "dev.txt")
    else:
        raise ValueError(ner_corpus)
    # split "standard": train on the train file, stop early on the dev file
    counts["ner_train"] = write_docbin(train, out / "ner_train.spacy")
    counts["ner_dev"] = write_docbin(dev, out / "ner_dev.spacy")
    # split "carved": the dev file joins the training data and early stopping
    # uses every 10th document of the train file instead
    carved_dev = [d for i, d in enumerate(train) if i % 10 == 5]
    carved_train = [d for i, d in enumerate(train) if i % 10 != 5] + dev
    counts["ner_train_carved"] = write_docbin(carved_train, out / "ner_train_carved.spacy")
    counts["ner_dev_carved"] = write_docbin(carved_dev, out / "ner_dev_carved.spacy")
    # joint training (one shared tok2vec): the union of both corpora. spaCy
    # treats absent annotation as missing, not as negative: UD docs carry no
    # entity annotation (the ner component skips them) and the NER docs carry
    # no POS/morph/lemma/deps (tagger, morphologizer, lemmatizer and parser
    # ignore them). The smaller syntax set is repeated `syntax_oversample` times.
    counts["joint_train"] = write_docbin(syn_train * syntax_oversample + carved_train, out / "joint_train.spacy")
    counts["joint_dev"] = write_docbin(syn_dev + carved_dev, out / "joint_dev.spacy")
    return counts


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(convert_all(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kamerbrief-train/corpus")), indent=1))
