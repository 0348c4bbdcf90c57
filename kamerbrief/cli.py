"""The command line: a thin layer over the Python API.

stdout carries only data (JSON Lines records, the schema, evaluation figures);
messages go to stderr. Exit codes: 0 every input gave a record, 1 some inputs
gave error records, 2 usage errors (bad options, a pipeline that does not load).
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kamerbrief.batch.inputs import READABLE_SUFFIXES  # noqa: F401  (what directories yield; re-exported)
from kamerbrief.errors import SetupError
from kamerbrief.sources.limits import Limits
from kamerbrief.version import __version__

app = typer.Typer(
    name="kamerbrief",
    help="Turn Dutch parliamentary letters (Kamerbrieven) into structured, validated JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="spaCy pipeline: package name or path (default: $KAMERBRIEF_MODEL, nl_core_news_sm,"
        " the bundled pipeline, a blank Dutch pipeline).",
    ),
]
USAGE_ERROR = 2


def _fail(message: str) -> typer.Exit:
    err.print(f"kamerbrief: {message}", markup=False)
    return typer.Exit(USAGE_ERROR)


def _inputs(paths: list[str]) -> Iterator[str]:
    """The input paths that ``paths`` name: directories, globs and archives expanded."""
    from kamerbrief.batch.inputs import expand

    for inp in expand(paths, read=False):
        yield inp.path


def _write_atomic(path: Path, data: str) -> None:
    from kamerbrief.batch.engine import write_atomic

    write_atomic(path, data)


def _default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _count(paths: list[str], files_from: Path | None) -> int | None:
    """How many inputs there are, None where that means reading stdin twice."""
    from kamerbrief.batch.inputs import expand, paths_from

    if "-" in paths or str(files_from) == "-":
        return None
    listed = paths_from(str(files_from)) if files_from is not None else iter(())
    try:
        return sum(1 for _ in expand(itertools.chain(paths, listed), read=False))
    except OSError:
        return None


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Letters (.txt, .docx, .pdf, .html/.htm, .xml), directories (recursive),"
            " glob patterns, .zip/.tar.gz/.tgz archives, or - for stdin.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write one <name>.json per input here, atomically (name: the input's path"
            " relative to its argument, '/' as '__'; -<hash> added where two inputs share one).",
        ),
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
    model: ModelOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No messages or progress on stderr.")
    ] = False,
    files_from: Annotated[
        Path | None,
        typer.Option(
            "--files-from", help="Also read the inputs listed in FILE, one a line (- for stdin)."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes (default: the number of cores).",
            show_default=False,
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="With -o: skip inputs whose record exists and is newer than the input"
            " (than the archive, for archive members).",
        ),
    ] = False,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            help="Also write the error records to FILE as JSON Lines (appended to with --resume).",
        ),
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local (process pool) or dask (a Dask bag).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="With --engine dask: the scheduler's address (default: a local"
            " cluster of --jobs worker processes).",
        ),
    ] = None,
    dask_processes: Annotated[
        bool, typer.Option("--dask-processes/--dask-threads", hidden=True)
    ] = True,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0,
            help="Seconds one input may take; over it, an error record of kind timeout"
            " and a fresh worker (0: no limit).",
        ),
    ] = 300,
    max_size: Annotated[
        int, typer.Option("--max-size", min=1, help="Bytes an input or archive member may have.")
    ] = Limits.max_bytes,
    max_unpacked: Annotated[
        int,
        typer.Option("--max-unpacked", min=1, help="Bytes a Word file's XML may unpack to."),
    ] = Limits.max_unpacked,
    max_ratio: Annotated[
        int,
        typer.Option(
            "--max-ratio", min=1, help="Compression ratio of a ZIP member over 1 MiB (a bomb)."
        ),
    ] = Limits.max_ratio,
    max_pages: Annotated[
        int, typer.Option("--max-pages", min=1, help="Pages a PDF may have.")
    ] = Limits.max_pages,
    max_objects: Annotated[
        int, typer.Option("--max-objects", min=1, help="Objects a PDF may have.")
    ] = Limits.max_objects,
    max_depth: Annotated[
        int, typer.Option("--max-depth", min=1, help="Nesting depth of XML and HTML elements.")
    ] = Limits.max_depth,
) -> None:
    """Extract a letter record from each input, in input order.

    Example: kamerbrief extract corpus/letters/ --jobs 2 -o records/ --resume
    """
    from kamerbrief.batch.engine import Batch, Progress
    from kamerbrief.batch.inputs import expand, paths_from, with_limits
    from kamerbrief.nlp.pipeline import choose_model
    from kamerbrief.rules.registry import load_all

    args = list(paths or [])
    if not args and files_from is None:
        raise _fail("no inputs: name files, directories, globs or archives, or use --files-from")
    if "-" in args and str(files_from) == "-":
        raise _fail("stdin cannot be both an input (-) and the --files-from list")
    if engine not in ("local", "dask"):
        raise _fail(f"unknown engine {engine!r}: use local or dask")
    if resume and output is None:
        raise _fail("--resume needs -o DIR")
    if files_from is not None and str(files_from) != "-" and not files_from.is_file():
        raise _fail(f"no such file: {files_from}")
    n_jobs = jobs or _default_jobs()
    if output is not None:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(f"cannot create output directory {output}: {exc.strerror}") from None

    listed = paths_from(str(files_from)) if files_from is not None else iter(())
    run_limits = Limits(
        max_bytes=max_size, max_unpacked=max_unpacked, max_ratio=max_ratio,
        max_pages=max_pages, max_objects=max_objects, max_depth=max_depth,
    )  # fmt: skip
    stream = with_limits(expand(itertools.chain(args, listed)), run_limits)
    # A single input is converted here: a pool would only add its start-up time.
    head = list(itertools.islice(stream, 2))
    stream = itertools.chain(head, stream)
    extractor = None
    if engine == "local" and (n_jobs == 1 or len(head) < 2):
        from kamerbrief.api import Extractor

        try:
            n_jobs, extractor = 1, Extractor(model)
            _ = extractor.nlp
        except SetupError as exc:
            raise _fail(str(exc)) from None
        warning = extractor.choice.warning
    else:
        try:
            load_all()  # a broken rule file stops the run here, not in every worker
        except SetupError as exc:
            raise _fail(str(exc)) from None
        warning = choose_model(model).warning
    if warning and not quiet:
        err.print(warning, markup=False)

    show_bar = not quiet and err.is_terminal
    progress = Progress(err, _count(args, files_from)) if show_bar else None
    console = progress.console if progress is not None else err

    def on_error(path: str, message: str) -> None:
        if not quiet:
            console.print(f"kamerbrief: {path}: {message}", markup=False)

    try:
        errors_fh = (
            open(errors, "a" if resume else "w", encoding="utf-8") if errors is not None else None
        )
    except OSError as exc:
        raise _fail(f"cannot write {errors}: {exc.strerror}") from None
    batch = Batch(
        model=model, jobs=n_jobs, pretty=pretty, output=output, resume=resume,
        errors=errors_fh, engine=engine, scheduler=scheduler, dask_processes=dask_processes,
        on_error=on_error, progress=progress, extractor=extractor, timeout=timeout,
        limits=run_limits,
    )  # fmt: skip
    try:
        if progress is not None:
            with progress:
                summary = batch.run(stream)
        else:
            summary = batch.run(stream)
    except SetupError as exc:  # the pipeline or rule data in a worker, the Dask engine
        raise _fail(str(exc)) from None
    finally:
        if errors_fh is not None:
            errors_fh.close()
    if not quiet:
        err.print(summary.line(), markup=False)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the letter record and the error record."""
    from kamerbrief.record import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


@app.command()
def info(
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show which spaCy pipeline is used and why, its licence, labels and measured accuracy."""
    from kamerbrief.api import Extractor
    from kamerbrief.nlp.pipeline import describe

    try:
        extractor = Extractor(model)
        nlp = extractor.nlp
    except SetupError as exc:
        raise _fail(str(exc)) from None
    if extractor.choice.warning:
        err.print(extractor.choice.warning, markup=False)
    described = describe(nlp, extractor.choice)
    described["kamerbrief"] = __version__
    if as_json:
        sys.stdout.write(json.dumps(described, indent=2, ensure_ascii=False, default=str) + "\n")
        return
    Console(highlight=False, soft_wrap=True).print(_info_table(described))


_ACCURACY = {
    "pos_acc": "UPOS accuracy",
    "tag_acc": "tag accuracy",
    "morph_acc": "morphology accuracy",
    "lemma_acc": "lemma accuracy",
    "dep_uas": "UAS",
    "dep_las": "LAS",
    "sents_f": "sentence F1",
    "ents_p": "entities precision",
    "ents_r": "entities recall",
    "ents_f": "entities F1",
}


def _info_table(described: dict) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    table.add_row("pipeline", f"{described['name']} {described['version'] or ''}".strip())
    table.add_row("chosen because", str(described["why"]))
    table.add_row("location", str(described["location"]))
    table.add_row("components", ", ".join(described["components"]) or "-")
    types = described["label_types"]
    table.add_row(
        "entity labels", ", ".join(f"{k} -> {v or '(not used)'}" for k, v in types.items()) or "-"
    )
    performance = described["performance"] or {}
    for key, name in _ACCURACY.items():
        value = performance.get(key)
        if isinstance(value, int | float):
            table.add_row(name, f"{value:.3f}")
    for label, scores in (performance.get("ents_per_type") or {}).items():
        if isinstance(scores, dict) and "f" in scores:
            table.add_row(f"  {label} F1", f"{scores['f']:.3f}")
    speed = performance.get("speed_words_per_second_1_core") or performance.get("speed")
    if speed:
        table.add_row("speed", json.dumps(speed))
    if performance.get("evaluated_on"):
        table.add_row("measured on", str(performance["evaluated_on"]))
    if not performance:
        table.add_row("accuracy", "not recorded in the pipeline's meta.json")
    table.add_row("licence", str(described["license"] or "not stated"))
    if described["sources"]:
        table.add_row("trained on", "; ".join(described["sources"]))
    table.add_row("kamerbrief", str(described["kamerbrief"]))
    return table


@app.command()
def evaluate(
    gold: Annotated[
        Path | None,
        typer.Argument(help="A gold directory (corpus/gold) or one gold file.", show_default=False),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    model: ModelOption = None,
    details: Annotated[bool, typer.Option("--details", help="List misses per letter.")] = False,
    coverage_dir: Annotated[
        Path | None,
        typer.Option(
            "--coverage",
            metavar="DIR",
            help="Instead of scoring against gold: extract every document under DIR and report,"
            " per folder and document kind, errors, the share with a date, signatories and"
            " subject, sections per letter, and suspicious outputs.",
        ),
    ] = None,
) -> None:
    """Score extraction against gold annotations: precision, recall, F1 per item type.

    Example: kamerbrief evaluate corpus/gold; kamerbrief evaluate --coverage corpus/letters
    """
    from kamerbrief.api import Extractor
    from kamerbrief.evaluate.score import evaluate as run
    from kamerbrief.evaluate.score import report_splits

    if (gold is None) == (coverage_dir is None):
        raise _fail("name a gold directory or file, or --coverage DIR (not both)")
    if coverage_dir is not None:
        from kamerbrief.batch.inputs import expand
        from kamerbrief.evaluate.coverage import coverage, print_report
        from kamerbrief.record import ErrorDetail, ErrorRecord, ErrorSource
        from kamerbrief.rules.coverage import coverage_rules

        if not coverage_dir.is_dir():
            raise _fail(f"no such directory: {coverage_dir}")
        try:
            extractor = Extractor(model)
            _ = extractor.nlp
            rules = coverage_rules()
        except SetupError as exc:
            raise _fail(str(exc)) from None
        if extractor.choice.warning:
            err.print(extractor.choice.warning, markup=False)

        def records() -> Iterator[tuple[str, object]]:
            for inp in expand([str(coverage_dir)]):
                rel = Path(os.path.relpath(inp.path, coverage_dir)).as_posix()
                if inp.error is not None:
                    error = ErrorDetail(kind=inp.error.kind, message=inp.error.message)
                    yield rel, ErrorRecord(source=ErrorSource(path=inp.path), error=error)
                elif inp.data is not None:
                    yield rel, extractor.from_bytes(inp.data, inp.path)
                else:
                    yield rel, extractor.from_path(inp.path)

        try:
            figures = coverage(records(), rules=rules)  # type: ignore[arg-type]
        except SetupError as exc:
            raise _fail(str(exc)) from None
        if as_json:
            sys.stdout.write(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
        else:
            out = Console(highlight=False, soft_wrap=True)
            if not out.is_terminal:
                out.width = 120  # a pipe or file: the tables at their width, not 80 columns
            print_report(figures, out)
        return
    assert gold is not None
    if not gold.exists():
        raise _fail(f"no such gold directory or file: {gold}")
    try:
        extractor = Extractor(model)
        results = run(gold, extractor.from_path)
    except SetupError as exc:  # a broken gold file (GoldError) too
        raise _fail(str(exc)) from None
    splits = report_splits(results, gold)
    figures = splits.pop("all")
    if splits:  # a gold directory with dev/ and test/: each split apart, then all
        figures["splits"] = {
            k: {key: v[key] for key in ("letters", "errors", "scores", "accuracy")}
            for k, v in splits.items()
        }
    if as_json:
        sys.stdout.write(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
        return
    out = Console(highlight=False)
    for name, part in splits.items():
        _print_scores(out, part, f"kamerbrief evaluate, {name}: {part['letters']} letters")
    _print_scores(out, figures, f"kamerbrief evaluate: {figures['letters']} letters")
    if details:
        for letter in figures["per_letter"]:  # type: ignore[union-attr]
            if letter["missed"] or letter["spurious"]:
                out.print(f"\n[bold]{letter['gold']}[/bold]")
                for m in letter["missed"]:
                    out.print(f"  missed: {m}", markup=False)
                for s in letter["spurious"]:
                    out.print(f"  spurious: {s}", markup=False)


def _print_scores(out: Console, figures: dict, title: str) -> None:
    table = Table(title=title)
    for col in ("type", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for name, s in figures["scores"].items():
        table.add_row(
            name, str(s["tp"]), str(s["fp"]), str(s["fn"]),
            f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
        )  # fmt: skip
    out.print(table)
    for name, a in figures["accuracy"].items():
        out.print(f"{name}: {a['right']}/{a['total']} = {a['value']:.3f}")


from kamerbrief.cli_analyst import register as _register_analyst  # noqa: E402

_register_analyst(app)


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except SetupError as exc:  # a set-up error no command caught: still one line, exit 2
        err.print(f"kamerbrief: {exc}", markup=False)
        sys.exit(USAGE_ERROR)
