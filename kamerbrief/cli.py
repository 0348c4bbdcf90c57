"""The command line: a thin layer over the Python API.

stdout carries only data (JSON Lines records, the schema, evaluation figures);
messages go to stderr. Exit codes: 0 every input gave a record, 1 some inputs
gave error records, 2 usage errors (bad options, a pipeline that does not load).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kamerbrief import __version__

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


# What a directory is searched for; other files can still be named one by one.
READABLE_SUFFIXES = frozenset({".txt", ".docx", ".pdf", ".html", ".htm", ".xml"})


def _inputs(paths: list[str]) -> Iterator[str]:
    """Expand directories (recursively, the READABLE_SUFFIXES, sorted); keep other paths and '-'."""
    for p in paths:
        if p != "-" and Path(p).is_dir():
            found = (f for f in Path(p).rglob("*") if f.suffix.lower() in READABLE_SUFFIXES)
            yield from sorted(str(f) for f in found if f.is_file())
        else:
            yield p


def _write_atomic(path: Path, data: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _out_name(path: str, used: set[str]) -> str:
    stem = "stdin" if path == "-" else Path(path).stem
    name, n = f"{stem}.json", 2
    while name in used:
        name, n = f"{stem}-{n}.json", n + 1
    used.add(name)
    return name


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Letters (.txt, .docx, .pdf, .html/.htm, .xml), directories, or - for stdin."
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write one <stem>.json per input here.")
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
    model: ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No messages on stderr.")] = False,
) -> None:
    """Extract a letter record from each input.

    Example: kamerbrief extract corpus/letters/seeds/ > records.jsonl
    """
    from kamerbrief.extraction import Extractor
    from kamerbrief.pipeline import ModelError
    from kamerbrief.record import ErrorRecord

    extractor = Extractor(model)
    try:
        _ = extractor.nlp
    except ModelError as exc:
        raise _fail(str(exc)) from None
    if extractor.choice.warning and not quiet:
        err.print(extractor.choice.warning, markup=False)
    if output is not None:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(f"cannot create output directory {output}: {exc.strerror}") from None
    used: set[str] = set()
    done = failed = 0
    for path in _inputs(paths):
        if path == "-":
            record = extractor.from_bytes(sys.stdin.buffer.read(), "-")
        else:
            record = extractor.from_path(path)
        data = record.model_dump_json(indent=2 if pretty else None)
        if isinstance(record, ErrorRecord):
            failed += 1
            if not quiet:
                err.print(f"kamerbrief: {path}: {record.error.message}", markup=False)
        else:
            done += 1
        if output is not None:
            _write_atomic(output / _out_name(path, used), data + "\n")
        else:
            sys.stdout.write(data + "\n")
            sys.stdout.flush()
    if not quiet:
        err.print(
            f"kamerbrief: {done + failed} inputs, {done} records, {failed} errors", markup=False
        )
    if failed:
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
    from kamerbrief.extraction import Extractor
    from kamerbrief.pipeline import ModelError, describe

    extractor = Extractor(model)
    try:
        nlp = extractor.nlp
    except ModelError as exc:
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
    gold: Annotated[Path, typer.Argument(help="A gold directory (corpus/gold) or one gold file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    model: ModelOption = None,
    details: Annotated[bool, typer.Option("--details", help="List misses per letter.")] = False,
) -> None:
    """Score extraction against gold annotations: precision, recall, F1 per item type.

    Example: kamerbrief evaluate corpus/gold
    """
    from kamerbrief.evaluate import GoldError, report
    from kamerbrief.evaluate import evaluate as run
    from kamerbrief.extraction import Extractor
    from kamerbrief.pipeline import ModelError

    if not gold.exists():
        raise _fail(f"no such gold directory or file: {gold}")
    extractor = Extractor(model)
    try:
        results = run(gold, extractor.from_path)
    except (GoldError, ModelError) as exc:
        raise _fail(str(exc)) from None
    figures = report(results)
    if as_json:
        sys.stdout.write(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
        return
    out = Console(highlight=False)
    table = Table(title=f"kamerbrief evaluate: {figures['letters']} letters")
    for col in ("type", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for name, s in figures["scores"].items():  # type: ignore[union-attr]
        table.add_row(
            name, str(s["tp"]), str(s["fp"]), str(s["fn"]),
            f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
        )  # fmt: skip
    out.print(table)
    for name, a in figures["accuracy"].items():  # type: ignore[union-attr]
        out.print(f"{name}: {a['right']}/{a['total']} = {a['value']:.3f}")
    if details:
        for letter in figures["per_letter"]:  # type: ignore[union-attr]
            if letter["missed"] or letter["spurious"]:
                out.print(f"\n[bold]{letter['gold']}[/bold]")
                for m in letter["missed"]:
                    out.print(f"  missed: {m}", markup=False)
                for s in letter["spurious"]:
                    out.print(f"  spurious: {s}", markup=False)


def main() -> None:
    """Entry point of the console script."""
    app()
