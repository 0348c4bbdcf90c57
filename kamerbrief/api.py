"""The extraction API: a letter's source in, a validated letter record out.

read source -> normalise and structure (:mod:`kamerbrief.parse`) -> spaCy doc
-> extractors -> record. The CLI is a thin layer over :class:`Extractor`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kamerbrief.errors import SetupError, SourceError
from kamerbrief.extract.identity import own_kamerstuk
from kamerbrief.nlp.annotate import annotate, prepare_pipeline
from kamerbrief.nlp.pipeline import (
    BLANK,
    ModelChoice,
    choose_model,
    describe,
    load_pipeline,
)
from kamerbrief.parse import ParsedLetter, parse
from kamerbrief.record import (
    DateValue,
    ErrorDetail,
    ErrorRecord,
    ErrorSource,
    LetterRecord,
    Provenance,
    Source,
    kamerstuk_id,
)
from kamerbrief.rules.registry import load_all
from kamerbrief.sources.read import SourceText, read_bytes, read_path, sha256_of
from kamerbrief.steps import Context, check_steps, run_steps
from kamerbrief.structure.kind import document_kind
from kamerbrief.version import __version__

if TYPE_CHECKING:
    from spacy.language import Language


class Extractor:
    """Loads the rule data and the Dutch pipeline once and turns letters into records.

    Raises :class:`kamerbrief.errors.SetupError` when either cannot be loaded.
    """

    def __init__(self, model: str | None = None, *, nlp: Language | None = None) -> None:
        load_all()  # a broken rule file stops here, before any letter is read
        check_steps()
        self.choice: ModelChoice = choose_model(model)
        self._nlp = None if nlp is None else prepare_pipeline(nlp)

    @property
    def nlp(self) -> Language:
        """The chosen pipeline with kamerbrief's own components added."""
        if self._nlp is None:
            self._nlp = prepare_pipeline(load_pipeline(self.choice))
        return self._nlp

    @cached_property
    def provenance(self) -> Provenance:
        """Tool and pipeline versions; the same for every record of this extractor."""
        info = describe(self.nlp, self.choice)
        return Provenance(
            tool_version=__version__,
            model=str(info["name"]),
            model_version=None if info["name"] == BLANK else str(info["version"]),
        )

    def from_source(self, source: SourceText) -> LetterRecord:
        """The record of a decoded source."""
        parsed = with_publication_metadata(parse(source.text), source.meta)
        nlp = self.nlp
        nlp.max_length = max(nlp.max_length, len(parsed.text) + 1)
        doc = annotate(nlp, parsed.text)
        # The letter's own Kamerstuk (running footer, masthead, file name) is its identity,
        # worked out once: the references step leaves it out of the citations.
        kamerstuk = own_kamerstuk(source.text, source.path, source.meta)
        kind = document_kind(source.text)
        items = run_steps(Context(doc, parsed, kamerstuk, kind))
        metadata = parsed.metadata.model_copy(update={"kamerstuk": kamerstuk, "kind": kind})
        return LetterRecord(
            id=kamerstuk_id(kamerstuk.dossier, kamerstuk.number)
            if kamerstuk
            else f"sha256-{source.sha256[:16]}",
            source=Source(
                path=source.path, sha256=source.sha256, format=source.format, chars=len(source.text)
            ),
            text=parsed.text,
            metadata=metadata,
            sections=parsed.sections,
            questions=parsed.questions,
            warnings=parsed.warnings,
            provenance=self.provenance,
            **items,
        )

    def from_path(self, path: str | Path) -> LetterRecord | ErrorRecord:
        """The record of the file at ``path``, or an error record; never raises for bad input."""
        try:
            source = read_path(path)
        except SourceError as exc:
            return error_record(str(path), exc)
        return self._guarded(source)

    def from_bytes(self, data: bytes, path: str = "-") -> LetterRecord | ErrorRecord:
        """The record of ``data`` read from ``path`` (stdin is "-"), or an error record."""
        try:
            source = read_bytes(data, path)
        except SourceError as exc:
            return error_record(path, exc, sha256_of(data))
        return self._guarded(source)

    def _guarded(self, source: SourceText) -> LetterRecord | ErrorRecord:
        # A letter that trips a bug gives an error record; the batch goes on.
        try:
            return self.from_source(source)
        except SetupError:
            raise
        except Exception as exc:
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
            return error_record(
                source.path, SourceError("internal", f"extraction failed: {detail}", source.sha256)
            )


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def with_publication_metadata(parsed: ParsedLetter, meta: dict[str, str]) -> ParsedLetter:
    """Title and date from the publication's metadata (XML) where the text gave none."""
    update: dict[str, object] = {}
    if parsed.metadata.title is None and meta.get("title"):
        update["title"] = meta["title"]
    date = meta.get("date", "")
    if parsed.metadata.date is None and _ISO_DAY.match(date):
        update["date"] = DateValue(text=date, value=date[:10])
    if not update:
        return parsed
    return replace(parsed, metadata=parsed.metadata.model_copy(update=update))


def error_record(path: str, exc: SourceError, sha256: str | None = None) -> ErrorRecord:
    return ErrorRecord(
        source=ErrorSource(path=path, sha256=exc.sha256 or sha256),
        error=ErrorDetail(kind=exc.kind, message=exc.message),
    )


def lazy_extract(model: str | None = None) -> Callable[[str | Path], LetterRecord | ErrorRecord]:
    """``Extractor(model).from_path``, with the Extractor made on the first call only."""
    made: list[Extractor] = []

    def from_path(path: str | Path) -> LetterRecord | ErrorRecord:
        if not made:
            made.append(Extractor(model))
        return made[0].from_path(path)

    return from_path


def extract(source: str | Path | bytes, *, model: str | None = None) -> LetterRecord:
    """The letter record of a file path or of a letter's bytes.

    Raises :class:`kamerbrief.errors.SourceError` for input that gives no text
    and :class:`kamerbrief.errors.SetupError` for a pipeline or rule data that does not load.
    """
    extractor = Extractor(model)
    if isinstance(source, bytes):
        return extractor.from_source(read_bytes(source, "-"))
    return extractor.from_source(read_path(source))


def extract_text(text: str, *, model: str | None = None, path: str = "-") -> LetterRecord:
    """The letter record of a letter given as text."""
    data = text.encode("utf-8")
    return Extractor(model).from_source(
        SourceText(path=path, sha256=sha256_of(data), text=text, encoding="utf-8")
    )
