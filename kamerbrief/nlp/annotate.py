"""Running the Dutch pipeline over a letter: kamerbrief's components, paragraph by paragraph.

A letter is split at its blank lines and the paragraphs go through ``nlp.pipe``:
entities and sentences never cross a paragraph break, the parser works on short
texts (faster than one long document), and the parts are joined back into one
``Doc`` whose text is exactly the letter's text.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kamerbrief.nlp.entity_rules import GAZETTEER, NAME_HEADS, OFFICES, PERSON_NAMES
from kamerbrief.nlp.glue import split_glued
from kamerbrief.nlp.sentences import COMPONENT as LINE_STARTS

_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")


def prepare_pipeline(nlp: Language) -> Language:
    """Add kamerbrief's components to a loaded pipeline (once; idempotent)."""
    if LINE_STARTS not in nlp.pipe_names:
        sentence_setters = [n for n in ("senter", "parser") if n in nlp.pipe_names]
        if sentence_setters:
            nlp.add_pipe(LINE_STARTS, before=sentence_setters[0])
        else:
            if "sentencizer" not in nlp.pipe_names:
                nlp.add_pipe("sentencizer")
            nlp.add_pipe(LINE_STARTS, after="sentencizer")
    # Rules after the statistical NER, so that they can correct it.
    for component in (NAME_HEADS, GAZETTEER, OFFICES, PERSON_NAMES):
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    return nlp


def paragraphs(text: str) -> list[str]:
    """``text`` cut after each blank line; the parts join back to ``text``."""
    parts: list[str] = []
    start = 0
    for match in _PARAGRAPH_END.finditer(text):
        parts.append(text[start : match.end()])
        start = match.end()
    if start < len(text) or not parts:
        parts.append(text[start:])
    return parts


def annotate(nlp: Language, text: str) -> Doc:
    """The letter's ``Doc``: ``doc.text == text``, annotated paragraph by paragraph, with
    words that text extraction glued together split where the letter gives the evidence."""
    docs = list(nlp.pipe(split_glued([nlp.make_doc(part) for part in paragraphs(text)])))
    if len(docs) == 1:
        return docs[0]
    # No extractor reads the tok2vec's output (``Doc.tensor``): not copied
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=("tensor",))
