"""What a document is: a letter, answers to Kamervragen, a motion, an amendment ...

The cues are data (``data/kinds.json``): a Kamerstuk prints its kind as a masthead in
capitals ("BRIEF VAN DE MINISTER ...", "MOTIE VAN HET LID ..."); the first masthead line
near the top decides. Without one, the Aanhangsel layout or answer labels ("Antwoord op
vraag 1") make answers to Kamervragen, a letter to the chair of a chamber a ``brief``, and
anything else ``other``. Lines are read after the OCR repairs of
:mod:`kamerbrief.structure.normalize` ("BRIEF VAIM DE MINISTER" is "BRIEF VAN ...").
"""

from __future__ import annotations

from kamerbrief.record import DocumentKind
from kamerbrief.rules.document_rules import kind_rules
from kamerbrief.structure.normalize import known_words, repaired


def _lines(text: str) -> list[str]:
    known = known_words(text)
    return [repaired(line, known) for raw in text.splitlines() if (line := raw.strip())]


def document_kind(text: str) -> DocumentKind:
    """The kind of the document whose text is ``text`` (as read from its source)."""
    rules = kind_rules()
    lines = _lines(text)
    top = lines[: rules.masthead_lines]
    for line in top:
        for cue in rules.mastheads:
            if cue.matches(line):
                return cue.kind  # type: ignore[return-value]
    if any(p.match(line) for line in top for p in rules.answer_masthead):
        return "antwoord_kamervragen"
    labels = sum(1 for line in lines if any(p.match(line) for p in rules.answers))
    if labels >= rules.min_answer_labels:
        return "antwoord_kamervragen"
    if any(p.match(line) for line in lines for p in rules.letter):
        return "brief"
    return "other"
