"""Build kamerbrief's licence-clean pipeline: tok2vec + ner + morphologizer (issue 18).

    python training/build_letters.py [--width 64 --depth 2] [--ner-hidden 32] [--steps N]
                                     [--seed N] [--work DIR] [--out DIR] [--skip-convert]
                                     [--from-model DIR]

Converts UD Dutch (morphology, CC BY-SA 4.0; training/convert.py) and the government
letters annotated for kamerbrief (entities; training/letters_ner.py) into DocBins under
WORK, trains training/configs/letters.cfg on one core, and writes the pipeline with a
meta.json that names its licence and training data. Nothing of corpus/gold/test is read.
The defaults are the shipped pipeline's recipe (0.3.0: 64 x 2, hidden 32, seed 3).
The research-only CoNLL-2002 variant is still built by training/build.py, outside the package.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from build import single_thread_env  # noqa: E402  (the research build's thread settings)
from convert import syntax_split, write_docbin  # noqa: E402
from letters_ner import all_docs  # noqa: E402

VERSION = "0.3.0"
LICENCE = (
    "CC BY-SA 4.0. The morphologizer and the shared tok2vec are trained on the UD Dutch "
    "LassySmall and Alpino treebanks (CC BY-SA 4.0); the ner on Dutch government documents "
    "(Kamerstukken, answers to Kamervragen, rijksoverheid.nl letters) annotated for kamerbrief "
    "(training/data/ner and corpus/gold/dev). No CoNLL-2002 data."
)
SOURCES = [
    {"name": "UD Dutch LassySmall and UD Dutch Alpino (LassySmall dev and test, Alpino test)",
     "url": "https://universaldependencies.org/", "license": "CC BY-SA 4.0"},
    {"name": "kamerbrief entity annotations of Dutch government documents",
     "url": "training/data/ner, corpus/gold/dev", "license": "CC BY-SA 4.0"},
]  # fmt: skip


CITATIONS = [
    "Gosse Bouma and Gertjan van Noord (2017). Increasing return on annotation investment: the"
    " automatic construction of a Universal Dependency treebank for Dutch. UDW 2017.",
    "G. van Noord et al. (2013). Large Scale Syntactic Annotation of Written Dutch: Lassy.",
]


def convert(work: Path, oversample: int = 2) -> dict[str, int]:
    """DocBins for training: UD documents (morphology) and letters (entities)."""
    nlp = spacy.blank("nl")
    syn_train, syn_dev = syntax_split()
    ner_train, ner_dev = all_docs(nlp)
    return {
        "train": write_docbin(syn_train * oversample + ner_train, work / "train.spacy"),
        "dev": write_docbin(syn_dev + ner_dev, work / "dev.spacy"),
        "ner_train_entities": sum(len(d.ents) for d in ner_train),
    }


def train(
    work: Path, width: int, depth: int, steps: int, seed: int = 0, ner_hidden: int = 64
) -> Path:
    name = f"w{width}d{depth}" + (f"h{ner_hidden}" if ner_hidden != 64 else "")
    name += f"s{seed}" if seed else ""
    out = work / name
    cmd = [
        sys.executable, "-m", "spacy", "train", str(HERE / "configs" / "letters.cfg"),
        "--output", str(out), "--paths.train", str(work / "train.spacy"),
        "--paths.dev", str(work / "dev.spacy"), "--system.seed", str(seed),
        "--components.tok2vec.model.encode.width", str(width),
        "--components.tok2vec.model.encode.depth", str(depth),
        "--training.max_steps", str(steps),
        "--components.ner.model.hidden_width", str(ner_hidden),
    ]  # fmt: skip
    with open(work / f"{name}.log", "w") as log:
        subprocess.run(["nice", "-n", "19", *cmd], check=True, stdout=log,
                       stderr=subprocess.STDOUT, env=single_thread_env())  # fmt: skip
    return out / "model-best"


def performance(nlp: spacy.Language, work: Path) -> dict[str, object]:
    """UPOS and morphology on UD Alpino dev (never trained on), entities on the held-out
    tenth of the annotated letters (early stopping only)."""
    from convert import SYNTAX_EVAL_FILE, read_conllu
    from spacy.scorer import Scorer
    from spacy.tokens import DocBin
    from spacy.training import Example

    def scored(gold_docs: list) -> dict:
        examples = [Example(nlp.make_doc(d.text), d) for d in gold_docs]
        docs = nlp.pipe(ex.predicted for ex in examples)
        return Scorer(nlp).score(
            [Example(d, ex.reference) for d, ex in zip(docs, examples, strict=True)]
        )

    ud = list(DocBin(docs=read_conllu(SYNTAX_EVAL_FILE)).get_docs(nlp.vocab))
    syntax = scored(ud)
    letters = [d for d in DocBin().from_disk(work / "dev.spacy").get_docs(nlp.vocab)
               if d.has_annotation("ENT_IOB")]  # fmt: skip
    ents = scored(letters)
    return {
        "pos_acc": syntax["pos_acc"], "morph_acc": syntax["morph_acc"],
        "ents_p": ents["ents_p"], "ents_r": ents["ents_r"], "ents_f": ents["ents_f"],
        "ents_per_type": ents["ents_per_type"],
        "evaluated_on": "UPOS and morphology: UD Dutch Alpino dev (never trained on); entities:"
        " the held-out tenth of the annotated government documents (used for early stopping"
        " only). Gold figures per split: training/compare_pipelines.py.",
    }  # fmt: skip


def assemble(best: Path, out: Path, work: Path) -> None:
    nlp = spacy.load(best)
    # the sizes as trained, read from the model (also with --from-model)
    width = nlp.config["components"]["tok2vec"]["model"]["encode"]["width"]
    depth = nlp.config["components"]["tok2vec"]["model"]["encode"]["depth"]
    ner_hidden = nlp.config["components"]["ner"]["model"]["hidden_width"]
    nlp.meta["performance"] = performance(nlp, work)
    nlp.meta.update(
        name="nl_kamerbrief_sm", version=VERSION, license=LICENCE, sources=SOURCES,
        citations=CITATIONS,
        author="kamerbrief",
        description=(
            "kamerbrief's small Dutch pipeline for parliamentary documents: tok2vec "
            f"(width {width}, depth {depth}), ner (PER, ORG, LOC; hidden width {ner_hidden}) "
            "trained on Dutch government "
            "documents, morphologizer (UPOS + features) trained on UD Dutch. Built with "
            "training/build_letters.py."
        ),
    )  # fmt: skip
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=2)
    ap.add_argument("--steps", type=int, default=5000)
    ap.add_argument("--ner-hidden", type=int, default=32, help="width of the ner's hidden layer")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/kamerbrief-letters"))
    ap.add_argument("--out", type=Path, default=ROOT / "kamerbrief/pipelines/nl_kamerbrief_sm")
    ap.add_argument("--skip-convert", action="store_true")
    ap.add_argument("--from-model", type=Path, help="package this trained model, train nothing")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if not args.skip_convert:
        print(json.dumps(convert(args.work)), flush=True)
    best = args.from_model or train(
        args.work, args.width, args.depth, args.steps, args.seed, args.ner_hidden
    )
    assemble(best, args.out, args.work)
    print(f"wrote {args.out}", flush=True)


if __name__ == "__main__":
    main()
