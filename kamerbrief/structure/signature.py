"""Signature blocks: "De Minister van ...," followed by the signatory's name.

Kamerstuk proposals (motions, amendments) are signed by members of the Kamer
with their names only, one a line, after the text ("en gaat over tot de orde
van de dag." closes a motion): :func:`find_member_signatures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamerbrief.rules.loader import layout_rules
from kamerbrief.structure.normalize import SourceLine

_NAME = re.compile(
    r"^(?:[A-Z][\w.’'\-]*\.?|[a-z]{1,4}\.|van|de|der|den|ter|ten|het)(?:\s+\S+){0,6}$"
)


@dataclass(frozen=True)
class SignatureBlock:
    role_lines: tuple[int, ...]  # empty for a member who signs with the name only
    name_line: int
    role: str | None
    name: str

    @property
    def lines(self) -> tuple[int, ...]:
        return (*self.role_lines, self.name_line)


def normalise_role(text: str) -> str:
    """The office in normal capitalisation, without article and comma.

    "DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT," -> "Minister van Infrastructuur en Waterstaat"
    """
    rules = layout_rules()
    text = " ".join(text.split()).rstrip(",").strip()
    if text.isupper():
        words = []
        for i, word in enumerate(text.lower().split()):
            if i > 0 and word.strip(",") in rules.lowercase_words_in_titles:
                words.append(word)
            else:
                words.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
        text = " ".join(words)
    if text[:3].lower() == "de ":
        text = text[3:]
    return text[:1].upper() + text[1:]


def strip_titles(name: str) -> str:
    """The name without academic titles ("drs. V.L.W.A. Heijnen" -> "V.L.W.A. Heijnen")."""
    titles = layout_rules().academic_titles
    words = name.split()
    while len(words) > 1 and words[0] in titles:
        words.pop(0)
    while len(words) > 1 and words[-1].strip(",") in titles:
        words.pop()
    return " ".join(words).rstrip(",")


def _is_name(text: str) -> bool:
    if not text or text.endswith((",", ":", ";")) or len(text) > 60:
        return False
    if layout_rules().signature_role.match(text):
        return False
    return bool(_NAME.match(text)) and any(ch.isupper() for ch in text)


def find_signatures(lines: list[SourceLine], usable: list[int]) -> list[SignatureBlock]:
    """Signature blocks among the lines ``usable`` (indices in reading order)."""
    rules = layout_rules()
    blocks: list[SignatureBlock] = []
    k = 0
    while k < len(usable):
        i = usable[k]
        text = lines[i].text
        if not rules.signature_role.match(text) or len(text) > 120:
            k += 1
            continue
        role_idx = [i]
        # A role may wrap once: "De Minister voor Buitenlandse Handel en" +
        # "Ontwikkelingssamenwerking,"
        if (
            not text.endswith(",")
            and k + 1 < len(usable)
            and lines[usable[k + 1]].text.endswith(",")
        ):
            role_idx.append(usable[k + 1])
        if not lines[role_idx[-1]].text.endswith(","):
            k += 1
            continue
        n = k + len(role_idx)
        if n < len(usable) and _is_name(lines[usable[n]].text):
            role = normalise_role(" ".join(lines[j].text for j in role_idx))
            name_line = usable[n]
            blocks.append(
                SignatureBlock(
                    tuple(role_idx), name_line, role, strip_titles(lines[name_line].text)
                )
            )
            k = n + 1
            continue
        k += 1
    return blocks


def _member_lines(lines: list[SourceLine], usable: list[int]) -> list[int]:
    """The run of name lines that closes the text: after the motion's closing, else at the end."""
    closing = layout_rules().kamerstuk.closing
    after = next((k for k, i in enumerate(usable) if closing.match(lines[i].text)), None)
    if after is not None:  # names follow the closing; notes may come after them
        run: list[int] = []
        for i in usable[after + 1 :]:
            if not _is_name(lines[i].text) or lines[i].text.endswith((".", ";")):
                break
            run.append(i)
        return run
    run = []
    for i in reversed(usable):
        if not _is_name(lines[i].text) or lines[i].text.endswith((".", ";")):
            break
        run.append(i)
    # The names stand after a sentence, not after a heading or a list of names alone.
    if len(run) == len(usable):
        return []
    return run[::-1]


def _split_names(text: str, members: list[str]) -> list[str]:
    """A line of several names printed side by side, split by the heading's names."""
    low = text.lower()
    if len(low) != len(text):
        return [text]
    known = sorted({m.lower() for m in members}, key=len, reverse=True)
    names: list[str] = []
    pos = 0
    while pos < len(text):
        found = next(
            (m for m in known if low.startswith(m, pos) and low[pos + len(m) :][:1] in ("", " ")),
            None,
        )
        if found is None:
            return [text]
        names.append(text[pos : pos + len(found)])
        pos += len(found)
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return names if len(names) > 1 else [text]


def find_member_signatures(
    lines: list[SourceLine], usable: list[int], members: list[str]
) -> list[SignatureBlock]:
    """The members who sign a proposal at its end, one block per name as printed.

    ``members`` are the names in the heading ("VAN DER PLAS", "OMTZIGT"): they
    split a line that prints two names side by side; a signature line that
    names no one in the heading is still kept (a heading "... C.S." names one).
    """
    blocks: list[SignatureBlock] = []
    for i in _member_lines(lines, usable):
        for name in _split_names(lines[i].text, members):
            blocks.append(SignatureBlock((), i, None, strip_titles(name)))
    return blocks
