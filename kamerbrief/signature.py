"""Signature blocks: "De Minister van ...," followed by the signatory's name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamerbrief.normalize import SourceLine
from kamerbrief.rules import layout_rules

_NAME = re.compile(
    r"^(?:[A-Z][\w.’'\-]*\.?|[a-z]{1,4}\.|van|de|der|den|ter|ten|het)(?:\s+\S+){0,6}$"
)


@dataclass(frozen=True)
class SignatureBlock:
    role_lines: tuple[int, ...]
    name_line: int
    role: str
    name: str


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
