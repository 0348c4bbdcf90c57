"""Build kamerbrief's Dutch spaCy pipeline ``nl_kamerbrief_sm`` in one command.

    python training/build.py            # convert, train, package, evaluate

Steps (default --mode joint)
  1. convert  the shared data (/work/shared/data) into .spacy files under
              WORK/corpus (training/convert.py)
  2. train    configs/joint.cfg: one shared tok2vec + tagger, morphologizer,
              parser, trainable_lemmatizer, ner, on the union of the UD Dutch
              docs and the CoNLL-2002 docs. spaCy 3 treats absent annotation as
              missing (the ner component skips UD docs, the syntax components
              skip CoNLL docs), so neither corpus erases the other's labels.
              With --jobs 2 (default) two seeds train in parallel, one core
              each, and the run with the better score on the carved dev splits
              is kept (never on the evaluation sets).
  3. package  to kamerbrief/pipelines/nl_kamerbrief_sm (meta.json with licence,
              sources and citations), checking the 20 MB limit
  4. evaluate with training/evaluate_pipeline.py (skip with --no-eval)

--mode separate instead trains configs/syntax.cfg and configs/ner.cfg in
parallel and assembles them with a *sourced* ner component that carries its own
tok2vec (more accurate NER in our runs, but about half the speed).

Deterministic for a fixed --seed: every training process runs single-threaded
(OMP/BLAS threads = 1, PYTHONHASHSEED=0) with spaCy's seeded training loop.
Large intermediate files go to WORK (default /tmp/kamerbrief-train), not into
the repository. Every training/evaluation process runs under ``nice -n 19``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

VERSION = "0.1.0"
PIPELINE_NAME = "nl_kamerbrief_sm"

SOURCES_UD = [
    {
        "name": "UD Dutch Alpino 2.16 (test split; dev split used only for evaluation)",
        "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
        "license": "CC BY-SA 4.0",
        "author": "Gosse Bouma, Gertjan van Noord",
    },
    {
        "name": "UD Dutch LassySmall 2.16 (dev and test splits)",
        "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
        "license": "CC BY-SA 4.0",
        "author": "Gosse Bouma, Gertjan van Noord",
    },
]
SOURCE_CONLL = {
    "name": "CoNLL-2002 Dutch named entities (ned.train, ned.testa; ned.testb used only for evaluation)",
    "url": "https://www.clips.uantwerpen.be/conll2002/ner/",
    "license": "research use only (CoNLL-2002 shared task licence): no use in other applications, "
    "in particular no commercial use",
    "author": "Erik F. Tjong Kim Sang; Atranos project, University of Antwerp (text: De Morgen, 2000)",
}
SOURCE_EUROPEANA = {
    "name": "Europeana Newspapers NER, Dutch, ICDAR-2021 release (train, dev; initials repaired)",
    "url": "https://github.com/stefan-it/historic-domain-adaptation-icdar",
    "license": "CC0 1.0",
    "author": "Luisa März, Stefan Schweter et al.; Europeana Newspapers Project",
}
SOURCE_LOOKUPS = {
    "name": "spacy-lookups-data Dutch lemma tables (rule lemmatizer)",
    "url": "https://github.com/explosion/spacy-lookups-data",
    "license": "MIT",
    "author": "Explosion",
}
CITATIONS_UD = [
    "Gosse Bouma and Gertjan van Noord (2017). Increasing return on annotation investment: the automatic "
    "construction of a Universal Dependency treebank for Dutch. Proceedings of the NoDaLiDa 2017 Workshop on "
    "Universal Dependencies (UDW 2017), Gothenburg. ACL Anthology W17-0403.",
    "L. van der Beek, G. Bouma, R. Malouf, G. van Noord (2002). The Alpino Dependency Treebank. "
    "Computational Linguistics in the Netherlands (CLIN) 2001.",
    "G. van Noord et al. (2013). Large Scale Syntactic Annotation of Written Dutch: Lassy. In P. Spyns and "
    "J. Odijk (eds), Essential Speech and Language Technology for Dutch, Springer.",
    "Daniel Zeman et al. Universal Dependencies 2.16. LINDAT/CLARIAH-CZ digital library, 2025.",
]
CITATION_CONLL = (
    "Erik F. Tjong Kim Sang (2002). Introduction to the CoNLL-2002 Shared Task: Language-Independent Named "
    "Entity Recognition. Proceedings of CoNLL-2002, Taipei, Taiwan."
)
CITATIONS_EUROPEANA = [
    "Luisa März, Stefan Schweter, Nina Poerner, Benjamin Roth, Hinrich Schütze (2021). Data Centric Domain "
    "Adaptation for Historical Text with OCR Errors. ICDAR 2021, LNCS 12822, pp. 748-761, Springer.",
    "Clemens Neudecker (2016). An Open Corpus for Named Entity Recognition in Historic Newspapers. "
    "Proceedings of LREC 2016, Portorož, Slovenia.",
]


def log(msg):
    print(f"[build {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def single_thread_env():
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        env[var] = "1"
    env["PYTHONHASHSEED"] = "0"
    return env


def train_cmd(cfg: Path, out: Path, train: Path, dev: Path, seed: int, extra=()):
    cmd = [
        sys.executable, "-m", "spacy", "train", str(cfg), "--output", str(out),
        "--paths.train", str(train), "--paths.dev", str(dev), "--system.seed", str(seed),
        *extra,
    ]
    if shutil.which("nice"):
        cmd = ["nice", "-n", "19", *cmd]
    return cmd


def run_parallel(jobs: dict, max_parallel: int):
    """jobs: name -> (cmd, logfile). Runs at most max_parallel at once."""
    pending = list(jobs.items())
    running = {}
    failed = []
    while pending or running:
        while pending and len(running) < max_parallel:
            name, (cmd, logfile) = pending.pop(0)
            log(f"start {name}: {' '.join(cmd)}  (log: {logfile})")
            fh = open(logfile, "w")
            running[name] = (subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=single_thread_env()), fh)
        time.sleep(5)
        for name in list(running):
            proc, fh = running[name]
            if proc.poll() is not None:
                fh.close()
                log(f"{name} finished with exit code {proc.returncode}")
                if proc.returncode:
                    failed.append(name)
                del running[name]
    if failed:
        raise SystemExit(f"training failed: {failed} (see logs)")


def dev_score(model_dir: Path, cfg: Path) -> float:
    """Weighted dev score of a trained model, with the config's score_weights."""
    import spacy

    weights = spacy.util.load_config(cfg)["training"]["score_weights"]
    perf = json.loads((Path(model_dir) / "meta.json").read_text())["performance"]
    weights = {k: v for k, v in weights.items() if v}
    total = sum(weights.values())
    return sum(perf.get(k, 0.0) * w for k, w in weights.items()) / total


def assemble(syntax_dir: Path, ner_dir, lemmatizer: str, ner_corpus: str):
    import spacy

    nlp = spacy.load(syntax_dir)
    if ner_dir is not None:
        ner_nlp = spacy.load(ner_dir)
        # the ner model embeds its own tok2vec (no listener), so sourcing it
        # leaves the syntax tok2vec and the components listening to it untouched
        nlp.add_pipe("ner", source=ner_nlp)
    if lemmatizer == "rule":
        nlp.remove_pipe("trainable_lemmatizer")
        lem = nlp.add_pipe("lemmatizer", config={"mode": "rule"}, last=True)  # needs POS from the morphologizer
        lem.initialize()  # copies the tables from spacy-lookups-data into the pipeline
    elif lemmatizer != "trainable":
        raise ValueError(lemmatizer)

    syntax_lic = "CC BY-SA 4.0"
    sources = list(SOURCES_UD)
    citations = list(CITATIONS_UD)
    if ner_corpus == "conll2002":
        sources.append(SOURCE_CONLL)
        citations.append(CITATION_CONLL)
        licence = (
            "Research use only. Trained on the UD Dutch Alpino and LassySmall treebanks (CC BY-SA 4.0: "
            "tagger, morphologizer, parser, lemmatizer) and on CoNLL-2002 Dutch (ner), with one tok2vec "
            "trained on both. The CoNLL-2002 licence allows research use only: 'No permission is given "
            "for usage other applications especially not for commercial applications.' kamerbrief ships "
            "this pipeline so that research use works offline out of the box; for any other use install "
            "nl_core_news_sm (kamerbrief then prefers it) or build a variant with "
            "'training/build.py --ner-corpus europeana' (CC0 NER data, weaker)."
        )
    else:
        sources.append(SOURCE_EUROPEANA)
        citations.extend(CITATIONS_EUROPEANA)
        licence = "CC BY-SA 4.0 (syntax components from UD Dutch; ner from CC0 Europeana Newspapers data)"
    if lemmatizer == "rule":
        sources.append(SOURCE_LOOKUPS)

    nlp.meta.update(
        {
            "lang": "nl",
            "name": PIPELINE_NAME,
            "version": VERSION,
            "description": (
                "kamerbrief's small Dutch CPU pipeline for parliamentary letters: tok2vec, tagger (UD XPOS), "
                "morphologizer (UPOS + features), parser (dependencies and sentence boundaries), "
                f"{'rule lemmatizer' if lemmatizer == 'rule' else 'trainable edit-tree lemmatizer'}, ner "
                f"({'PER, ORG, LOC, MISC' if ner_corpus == 'conll2002' else 'PER, ORG, LOC'}). Syntax trained on "
                "UD Dutch LassySmall dev+test and Alpino test only (the UD train splits were not available). "
                "Built with training/build.py."
            ),
            "author": "kamerbrief",
            "license": licence,
            "sources": sources,
            "citations": citations,
            "spacy_version": ">=3.8.0,<3.9.0",
            "requirements": [],
        }
    )
    # drop training-time performance figures: they were measured on the carved
    # dev splits, not on the evaluation sets (build.py writes those after eval)
    nlp.meta.pop("performance", None)
    # no /tmp paths in the shipped config
    for key in ("train", "dev"):
        if key in nlp._config.get("paths", {}):
            nlp._config["paths"][key] = None
    return nlp


def add_figures_to_meta(out: Path, figures_path: Path):
    """Store the held-out evaluation figures in meta.json["performance"]."""
    fig = json.loads(Path(figures_path).read_text())
    meta_path = Path(out) / "meta.json"
    meta = json.loads(meta_path.read_text())
    perf = {}
    if "alpino_dev" in fig:
        a = fig["alpino_dev"]
        perf.update({"pos_acc": a["upos"], "dep_las": a["las"], "dep_uas": a["uas"], "lemma_acc": a["lemma_acc"],
                     "sents_f": a["sents_f"], "tag_acc": a["xpos"], "morph_acc": a["morph_acc"]})
    if "conll2002_testb" in fig:
        n = fig["conll2002_testb"]
        perf.update({"ents_p": n["p"], "ents_r": n["r"], "ents_f": n["f"], "ents_per_type": n["per_type"]})
    if "speed" in fig:
        perf["speed_words_per_second_1_core"] = {
            "whole_letters": fig["speed"]["letters"]["words_per_second"],
            "blank_line_blocks": fig["speed"]["blocks"]["words_per_second"],
        }
    perf["evaluated_on"] = ("syntax: UD Dutch Alpino dev (gold tokenisation); ner: CoNLL-2002 ned.testb; speed: "
                            "kamerbrief corpus/letters/*.txt on one CPU core (training/evaluate_pipeline.py)")
    meta["performance"] = perf
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf8")


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", default="/tmp/kamerbrief-train", help="intermediate files (default %(default)s)")
    ap.add_argument("--out", default="/tmp/nl_kamerbrief_conll",
                    help="where the pipeline goes (default %(default)s); never inside the package when its "
                    "NER is trained on CoNLL-2002, whose licence allows research use only")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--mode", choices=["joint", "separate"], default="joint")
    ap.add_argument("--jobs", type=int, default=2,
                    help="trainings run in parallel, one core each (default 2 = both cores); in joint mode also "
                    "the number of seeds tried (seed, seed+1, ...)")
    ap.add_argument("--ner-corpus", choices=["conll2002", "europeana"], default="conll2002",
                    help="conll2002 (research-only licence, default) or europeana (CC0, shippable, much weaker)")
    ap.add_argument("--ner-split", choices=["carved", "standard"], default="carved",
                    help="carved: train on ned.train minus every 10th article + ned.testa, stop early on the "
                    "held-back articles (default); standard: train ned.train, stop early on ned.testa")
    ap.add_argument("--lemmatizer", choices=["rule", "trainable"], default="trainable")
    ap.add_argument("--skip-train", action="store_true", help="reuse the trained pipelines in WORK")
    ap.add_argument("--no-eval", action="store_true")
    args = ap.parse_args(argv)

    work = Path(args.work)
    corpus = work / "corpus"
    out = Path(args.out)
    if args.ner_corpus == "conll2002" and out.resolve().is_relative_to((REPO / "kamerbrief").resolve()):
        ap.error(f"{out}: a pipeline trained on CoNLL-2002 (research use only) is never written into the package")
    cfgs = HERE / "configs"
    import convert

    suffix = "_carved" if args.ner_split == "carved" else ""
    seeds = [args.seed + i for i in range(max(1, args.jobs))] if args.mode == "joint" else [args.seed]
    if not args.skip_train:
        log(f"converting data into {corpus}")
        counts = convert.convert_all(corpus, ner_corpus=args.ner_corpus)
        log(f"tokens: {json.dumps(counts)}")
        if args.mode == "joint":
            jobs = {
                f"joint-seed{seed}": (
                    train_cmd(cfgs / "joint.cfg", work / f"joint-seed{seed}", corpus / "joint_train.spacy",
                              corpus / "joint_dev.spacy", seed),
                    str(work / f"joint-seed{seed}.log"),
                )
                for seed in seeds
            }
        else:
            jobs = {
                "ner": (
                    train_cmd(cfgs / "ner.cfg", work / "ner", corpus / f"ner_train{suffix}.spacy",
                              corpus / f"ner_dev{suffix}.spacy", args.seed),
                    str(work / "ner.log"),
                ),
                "syntax": (
                    train_cmd(cfgs / "syntax.cfg", work / "syntax", corpus / "syntax_train.spacy",
                              corpus / "syntax_dev.spacy", args.seed),
                    str(work / "syntax.log"),
                ),
            }
        run_parallel(jobs, max(1, args.jobs))

    log("assembling")
    if args.mode == "joint":
        scored = sorted(
            ((dev_score(work / f"joint-seed{s}" / "model-best", cfgs / "joint.cfg"), -s) for s in seeds),
            reverse=True,
        )
        for sc, s in scored:
            log(f"seed {-s}: weighted score on the carved dev splits {sc:.4f}")
        best_seed = -scored[0][1]
        log(f"keeping seed {best_seed}")
        nlp = assemble(work / f"joint-seed{best_seed}" / "model-best", None, args.lemmatizer, args.ner_corpus)
    else:
        nlp = assemble(work / "syntax" / "model-best", work / "ner" / "model-best", args.lemmatizer, args.ner_corpus)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    size = du(out)
    log(f"wrote {out}: pipeline {nlp.pipe_names}, {size / 1e6:.1f} MB, ner labels {nlp.get_pipe('ner').labels}")
    if size > 20 * 1024 * 1024:
        raise SystemExit(f"pipeline is {size / 1e6:.1f} MB, over the 20 MB limit")

    if not args.no_eval:
        log("evaluating")
        cmd = [sys.executable, str(HERE / "evaluate_pipeline.py"), "--model", str(out), "--json",
               str(work / "figures.json")]
        if shutil.which("nice"):
            cmd = ["nice", "-n", "19", *cmd]
        subprocess.run(cmd, check=True, env=single_thread_env())
        add_figures_to_meta(out, work / "figures.json")
        log(f"figures written to {work / 'figures.json'} and {out / 'meta.json'}; size on disk "
            f"{du(out) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
