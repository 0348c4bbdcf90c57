"""Measure a kamerbrief spaCy pipeline.

    python training/evaluate_pipeline.py [--model DIR] [--letters DIR] [--json OUT]

Prints
  * UPOS accuracy, LAS, lemma accuracy, sentence F (and XPOS / morph accuracy)
    on UD Dutch Alpino *dev* (gold tokenisation, 10 sentences per doc);
  * NER precision / recall / F1 (overall and per label) on CoNLL-2002
    ned.testb (one doc per article);
  * words/s of the full pipeline on ONE core (process pinned to one CPU, BLAS
    and thinc threads set to 1; torch is not used) over the .txt letters under
    corpus/letters/, once with each letter as one doc and once with the letters
    cut into blank-line separated blocks (words = non-whitespace tokens).

Neither evaluation set is used in training (see training/README.md).
"""

from __future__ import annotations

import os

# One thread everywhere, before numpy / thinc are imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import spacy
from spacy.scorer import Scorer
from spacy.tokens import DocBin
from spacy.training import Example

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import convert  # noqa: E402

REPO = HERE.parent
DEFAULT_MODEL = REPO / "kamerbrief" / "pipelines" / "nl_kamerbrief_sm"
DEFAULT_LETTERS = REPO / "corpus" / "letters"


def _examples(nlp, gold_docs):
    out = []
    for gold in gold_docs:
        pred = spacy.tokens.Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])
        out.append(Example(pred, gold))
    return out


def _annotate(nlp, examples):
    """Run the full pipeline on each example's predicted doc (gold tokenisation)."""
    docs = list(nlp.pipe(ex.predicted for ex in examples))
    return [Example(doc, ex.reference) for doc, ex in zip(docs, examples)]


def eval_syntax(nlp):
    # re-home the gold docs in the pipeline's vocab (the scorer looks their
    # morph strings up there)
    gold = list(DocBin(docs=convert.read_conllu(convert.SYNTAX_EVAL_FILE)).get_docs(nlp.vocab))
    examples = _annotate(nlp, _examples(nlp, gold))
    scores = Scorer(nlp).score(examples)
    # case-insensitive lemma accuracy as extra information
    n = ok = 0
    for ex in examples:
        for p, g in zip(ex.predicted, ex.reference):
            n += 1
            ok += p.lemma_.lower() == g.lemma_.lower()
    return {
        "upos": scores.get("pos_acc"),
        "las": scores.get("dep_las"),
        "uas": scores.get("dep_uas"),
        "lemma_acc": scores.get("lemma_acc"),
        "lemma_acc_lowercased": ok / n if n else None,
        "sents_f": scores.get("sents_f"),
        "xpos": scores.get("tag_acc"),
        "morph_acc": scores.get("morph_acc"),
        "tokens": sum(len(d) for d in gold),
        "sentences": sum(1 for d in gold for _ in d.sents),
    }


def eval_ner(nlp):
    gold = convert.read_conll2002(convert.NER_EVAL_FILE, vocab=nlp.vocab)
    examples = _annotate(nlp, _examples(nlp, gold))
    scores = Scorer(nlp).score(examples)
    return {
        "p": scores["ents_p"],
        "r": scores["ents_r"],
        "f": scores["ents_f"],
        "per_type": scores.get("ents_per_type"),
        "tokens": sum(len(d) for d in gold),
        "entities": sum(len(d.ents) for d in gold),
    }


def _time_pipe(nlp, texts, repeats):
    for _ in nlp.pipe(texts[:2]):  # warm-up
        pass
    times, n_words = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        n_words = 0
        for doc in nlp.pipe(texts):
            n_words += sum(1 for t in doc if not t.is_space)
        times.append(time.perf_counter() - t0)
    return n_words, min(times), statistics.median(times)


def eval_speed(nlp, letters: Path, repeats: int = 3):
    """words/s on one core: whole letters, and the same letters cut into
    blank-line separated blocks (paragraphs), which spaCy batches better."""
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    except (AttributeError, OSError):
        pass
    try:
        from thinc.api import set_num_threads  # thinc >= 8.1

        set_num_threads(1)
    except Exception:
        pass
    texts = [p.read_text(encoding="utf8") for p in sorted(Path(letters).rglob("*.txt"))]
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    blocks = [b for t in texts for b in t.split("\n\n") if b.strip()]
    out = {"files": len(texts), "cpus": 1, "repeats": repeats}
    for key, data in (("letters", texts), ("blocks", blocks)):
        n_words, best, median = _time_pipe(nlp, data, repeats)
        out[key] = {
            "words": n_words,
            "seconds_best": round(best, 3),
            "words_per_second": round(n_words / best),
            "words_per_second_median": round(n_words / median),
            "n": len(data),
        }
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--letters", default=str(DEFAULT_LETTERS))
    ap.add_argument("--json", default=None, help="also write the figures to this file")
    ap.add_argument("--skip", nargs="*", default=[], choices=["syntax", "ner", "speed"])
    args = ap.parse_args(argv)

    nlp = spacy.load(args.model)
    result = {"model": args.model, "pipeline": nlp.pipe_names, "spacy": spacy.__version__}
    print(f"pipeline {nlp.meta.get('name')} {nlp.meta.get('version')}: {nlp.pipe_names}")

    if "syntax" not in args.skip:
        s = eval_syntax(nlp)
        result["alpino_dev"] = s
        print(f"\nUD Alpino dev ({s['sentences']} sentences, {s['tokens']} tokens, gold tokenisation)")
        print(f"  UPOS       {s['upos']:.4f}")
        print(f"  LAS        {s['las']:.4f}   (UAS {s['uas']:.4f})")
        if s["lemma_acc"] is not None:
            print(f"  lemma acc  {s['lemma_acc']:.4f}   (case-insensitive {s['lemma_acc_lowercased']:.4f})")
        print(f"  sentence F {s['sents_f']:.4f}")
        if s["xpos"] is not None:
            print(f"  XPOS       {s['xpos']:.4f}")
        if s["morph_acc"] is not None:
            print(f"  morph acc  {s['morph_acc']:.4f}")

    if "ner" not in args.skip and "ner" in nlp.pipe_names:
        n = eval_ner(nlp)
        result["conll2002_testb"] = n
        print(f"\nCoNLL-2002 ned.testb ({n['entities']} entities, {n['tokens']} tokens)")
        print(f"  NER P {n['p']:.4f}  R {n['r']:.4f}  F1 {n['f']:.4f}")
        for label, v in sorted((n["per_type"] or {}).items()):
            print(f"    {label:5s} P {v['p']:.4f}  R {v['r']:.4f}  F1 {v['f']:.4f}")

    if "speed" not in args.skip:
        sp = eval_speed(nlp, Path(args.letters))
        result["speed"] = sp
        words = sp["letters"]["words"]
        print(f"\nSpeed, full pipeline, 1 core, {words} words in {sp['files']} letters (best of {sp['repeats']}):")
        print(f"  whole letters as docs:        {sp['letters']['words_per_second']} words/s "
              f"(median {sp['letters']['words_per_second_median']})")
        print(f"  letters cut at blank lines:   {sp['blocks']['words_per_second']} words/s "
              f"(median {sp['blocks']['words_per_second_median']}, {sp['blocks']['n']} blocks)")

    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf8")
    return result


if __name__ == "__main__":
    main()
