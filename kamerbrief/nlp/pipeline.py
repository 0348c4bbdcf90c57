"""Choosing and loading the Dutch spaCy pipeline: the one place where this happens.

Order: the ``--model`` flag (a package name or a path), else the
``KAMERBRIEF_MODEL`` environment variable, else the installed package
``nl_core_news_sm``, else the pipeline shipped in ``kamerbrief/pipelines``,
else a blank Dutch pipeline (tokenizer only), with a warning.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kamerbrief.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

ENV_VAR = "KAMERBRIEF_MODEL"
STANDARD_PIPELINE = "nl_core_news_sm"
BUNDLED_PIPELINE = "nl_kamerbrief_sm"
BLANK = "blank:nl"

Reason = Literal["flag", "environment", "installed", "bundled", "blank"]
_WHY = {
    "flag": "named with --model",
    "environment": f"named in ${ENV_VAR}",
    "installed": f"the installed package {STANDARD_PIPELINE}",
    "bundled": "the pipeline shipped with kamerbrief",
    "blank": "no trained Dutch pipeline found",
}


@dataclass(frozen=True)
class ModelChoice:
    name: str  # package name, path, or "blank:nl"
    reason: Reason

    @property
    def why(self) -> str:
        return _WHY[self.reason]

    @property
    def warning(self) -> str | None:
        if self.reason == "blank":
            return (
                "warning: no trained Dutch spaCy pipeline found; using a blank Dutch pipeline"
                f" (install {STANDARD_PIPELINE} or pass --model)"
            )
        return None


def bundled_pipeline_path() -> Path | None:
    """The directory of the pipeline shipped in the package, if it is there."""
    path = Path(str(resources.files("kamerbrief").joinpath("pipelines", BUNDLED_PIPELINE)))
    return path if (path / "config.cfg").is_file() else None


def is_installed(package: str) -> bool:
    """Whether the spaCy pipeline package ``package`` is installed."""
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


def choose_model(flag: str | None = None, environ: dict[str, str] | None = None) -> ModelChoice:
    """Which pipeline to use, and why."""
    env = os.environ if environ is None else environ
    if flag:
        return ModelChoice(flag, "flag")
    if env.get(ENV_VAR):
        return ModelChoice(env[ENV_VAR], "environment")
    if is_installed(STANDARD_PIPELINE):
        return ModelChoice(STANDARD_PIPELINE, "installed")
    bundled = bundled_pipeline_path()
    if bundled is not None:
        return ModelChoice(str(bundled), "bundled")
    return ModelChoice(BLANK, "blank")


def load_pipeline(choice: ModelChoice) -> Language:
    """Load the chosen pipeline; raises ModelError with a one-line message."""
    import spacy

    if choice.name == BLANK:
        return spacy.blank("nl")
    try:
        nlp = spacy.load(choice.name)
    except Exception as exc:  # spaCy raises OSError, ValueError, ImportError, KeyError ...
        reason = " ".join(str(exc).split())
        if len(reason) > 200:
            reason = reason[:197] + "..."
        raise ModelError(
            f"cannot load the spaCy pipeline {choice.name!r} ({choice.why}): {reason}"
        ) from None
    if nlp.lang != "nl":
        raise ModelError(
            f"the spaCy pipeline {choice.name!r} is for {nlp.lang!r}, not Dutch ('nl')"
        )
    return nlp


def pipeline_name(nlp: Language, choice: ModelChoice) -> str:
    """The pipeline's package name ("nl_core_news_sm", "nl_kamerbrief_sm", "blank:nl")."""
    if choice.name == BLANK:
        return BLANK
    lang, name = str(nlp.meta.get("lang", "")), str(nlp.meta.get("name", ""))
    return name if name.startswith(f"{lang}_") else f"{lang}_{name}"


def describe(nlp: Language, choice: ModelChoice) -> dict[str, object]:
    """Name, version, licence, components, labels and measured accuracy of a pipeline."""
    from kamerbrief.rules.loader import label_rules

    meta = nlp.meta
    labels = list(nlp.get_pipe("ner").labels) if "ner" in nlp.pipe_names else []
    mapping = label_rules()
    return {
        "name": pipeline_name(nlp, choice),
        "location": choice.name,
        "reason": choice.reason,
        "why": choice.why,
        "version": meta.get("version"),
        "components": list(nlp.pipe_names),
        "entity_labels": labels,
        "label_types": {label: mapping.record_type(label) for label in labels},
        "license": meta.get("license") or None,
        "sources": [src.get("name") for src in meta.get("sources", []) if isinstance(src, dict)],
        "performance": meta.get("performance", {}),
    }
