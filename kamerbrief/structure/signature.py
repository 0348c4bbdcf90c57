"""Signature blocks: "De Minister van ...," followed by the signatory's name.

The forms read: role and name on separate lines (a role wrapped over lines, with or
without its comma, "voor deze," or a portfolio line between role and name); role and
name on one line ("De Minister van Justitie, F. Korthals Altes"); the name above the
role ("Carola Schouten" / "Minister van Landbouw, ..."); several signatories. A
"mede namens ..." line names no signatory of its own.

Kamerstuk proposals (motions, amendments) are signed by members of the Kamer
with their names only, one a line, after the text ("en gaat over tot de orde
van de dag." closes a motion): :func:`find_member_signatures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from kamerbrief.rules.loader import gazetteer, layout_rules
from kamerbrief.rules.offices import spelt_office
from kamerbrief.structure.normalize import SourceLine

_NAME = re.compile(
    r"^(?:[A-Z][\w.’'\-]*\.?|[a-z]{1,4}\.|van|de|der|den|ter|ten|het)(?:\s+\S+){0,8}$"
)

# A line that ends a sentence or a block, with a footnote mark after it ("toekomen.1").
_LINE_END = re.compile(r"[.,:;!?)][\"'’”»]?\d{0,2}$")


@dataclass(frozen=True)
class SignatureBlock:
    role_lines: tuple[int, ...]  # empty for a member who signs with the name only
    name_line: int
    role: str | None
    name: str

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(sorted({*self.role_lines, self.name_line}))


def normalise_role(text: str) -> str:
    """The office in normal capitalisation, without article and comma.

    "DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT," -> "Minister van Infrastructuur en Waterstaat"
    """
    rules = layout_rules()
    text = " ".join(text.split()).rstrip(",").strip()
    text = rules.signature.glued_office.sub(r"\1 \2", text)  # "Ministervan" (OCR)
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
    return spelt_office(text[:1].upper() + text[1:])


def strip_titles(name: str) -> str:
    """The name without academic titles ("drs. V.L.W.A. Heijnen" -> "V.L.W.A. Heijnen") and
    predicates of nobility ("B.-J. M. Baron van Voorst tot Voorst"), without the mark
    "(w.g.)" of a signed copy, and with an initial OCR read as a digit restored
    ("H. A. F. M. 0. van Mierlo" -> "... O. van Mierlo")."""
    rules = layout_rules()
    titles = rules.academic_titles
    misreads = rules.signature.initial_misreads
    words = [
        misreads[w[0]] + "." if len(w) == 2 and w[1] == "." and w[0] in misreads else w
        for w in _unmarked(name).split()
    ]
    noble = rules.signature.noble_predicates
    # after an initial or a title, or first: "B.-J. M. Baron van ...", "jhr. mr. J. ...";
    # not a surname's word after a particle ("J. de Ridder van Dam")
    words = [
        w
        for k, w in enumerate(words)
        if k == len(words) - 1
        or w.lower() not in noble
        or (k > 0 and not words[k - 1].endswith("."))
    ]
    while len(words) > 1 and words[0] in titles:
        words.pop(0)
    while len(words) > 1 and words[-1].strip(",") in titles:
        words.pop()
    return " ".join(words).rstrip(",")


def _unmarked(text: str) -> str:
    """``text`` without the "(w.g.)" that marks a signed copy."""
    return layout_rules().signature.signed_mark.sub("", text, count=1)


def _is_name(text: str) -> bool:
    text = _unmarked(text)
    if not text or text.endswith((",", ":", ";")) or len(text) > 60:
        return False
    # A sentence ends in a full stop; a name only after an initial ("... J.").
    if text.endswith(".") and len(text.split()[-1]) > 2:
        return False
    # Words in lower case are a name's particles ("van der", "baron"), not a sentence's
    # ("Ter inzage gelegd op de bibliotheek").
    rules = layout_rules()
    particles = rules.signature.name_particles
    # An "l" after a particle is the OCR of a capital I ("Van lersel").
    words = text.split()
    if any(
        w[:1].islower()
        and not any(ch.isupper() for ch in w)
        and w.lower() not in particles
        and w not in rules.academic_titles
        and not (w[0] == "l" and prev.lower() in particles)
        for prev, w in pairwise(words)
    ):
        return False
    if rules.signature_role.match(text):
        return False
    words = {w.strip(",.").lower() for w in text.split()}
    if words & rules.signature.not_name_words:
        return False
    return bool(_NAME.match(text)) and any(ch.isupper() for ch in text)


_INITIAL = re.compile(r"^(?:(?:IJ|[A-Z][a-z]{0,2})\.)+$")  # "E.", "Th.C.", "IJ."


def _personal(name: str) -> bool:
    """Whether a name above a role is a person's: initials ("E. Heinen", "Th.C. de Graaf"), or
    two words or more that name no place the gazetteer knows ("Eppo Bruins", not "Den Haag")."""
    words = name.split()
    if any(_INITIAL.match(w) for w in words):
        return True
    return len(words) >= 2 and name not in gazetteer().location_forms


def _title_like(text: str) -> bool:
    """An office as printed: capitalised words and the small words of titles only.

    "de minister van Volksgezondheid, Welzijn en Sport," is one; "De Minister van
    Justitie heeft mij gevraagd" is a sentence.
    """
    rules = layout_rules()
    words = text.rstrip(",").replace(",", " ").split()
    if not words or text.endswith((".", ":", ";")):
        return False
    if rules.signature_role.fullmatch(text.rstrip(",")):
        return True  # the whole role: "De voorzitter van de commissie"
    for n, word in enumerate(words):
        if word[:1].isupper() or word[:1].isdigit() or not any(ch.isalpha() for ch in word):
            continue
        if word.lower() in rules.lowercase_words_in_titles:
            continue
        if n <= 1 and rules.signature_role.match(" ".join(words[n:])):
            continue  # "de minister ..."
        return False
    return True


def _role_text(lines: list[SourceLine], role_idx: list[int]) -> str:
    text = " ".join(lines[j].text for j in role_idx)
    return layout_rules().signature.also_for_inline.sub("", text)


def _split_one_line(text: str) -> tuple[str, str] | None:
    """(role, name) of "De Minister van Justitie, F. Korthals Altes" (comma or not).

    A "mede namens ..." part of the role is dropped: "De Staatssecretaris van
    Financiën, mede namens de Minister van Financiën, J. Jansen".
    """
    rules = layout_rules()
    # a comma and a space, or no space before a capital ("Financiën,E. Heinen": glued)
    cuts = [m.start() for m in re.finditer(r",(?:\s|(?=[A-Z]))", text)]
    cuts += [m.start() for m in rules.signature.name_start.finditer(text)]
    for cut in sorted(cuts):  # the longest name first
        role = rules.signature.also_for_inline.sub("", text[:cut]).strip()
        if re.search(r"\b[A-Z]\.$", role):  # the cut fell between initials
            continue
        # A full stop after the surname ("J. Wallage.") ends the line, not the name.
        name = text[cut:].lstrip(", ").strip()
        if name.endswith(".") and len(name.split()[-1]) > 2:
            name = name[:-1]
        # The name ends the line and has a surname, not initials only ("W.B." of a
        # sentence that wraps after them).
        has_surname = any(ch.islower() for ch in strip_titles(name))
        if role and _title_like(role) and name[:1].isupper() and has_surname:
            if _is_name(strip_titles(name)):
                return role, name
    return None


def _split_signatures(text: str) -> list[tuple[str, str]]:
    """The signatures of a line: one, or several printed side by side (OCR).

    "De Minister van Justitie, F. Korthals Altes De Minister van Financiën, H.O. Ruding"
    """
    parts = layout_rules().signature.next_role.split(text)
    found = [_split_one_line(part) for part in parts]
    if all(f is not None for f in found):
        return [f for f in found if f is not None]
    one = _split_one_line(text) if len(parts) == 1 else None
    return [one] if one is not None else []


def _starts_block(lines: list[SourceLine], prev: int, line: int) -> bool:
    if any(not lines[j].text for j in range(prev + 1, line)):
        return True
    text = lines[prev].text
    return (
        bool(_LINE_END.search(text))
        or _is_name(text)
        or bool(layout_rules().signature_role.match(text))
    )


def _runs_on(lines: list[SourceLine], usable: list[int], k: int) -> bool:
    """Whether a sentence runs on from line ``usable[k]`` into the next (in lower case,
    no blank line between, no "mede namens")."""
    if k + 1 >= len(usable):
        return False
    i, j = usable[k], usable[k + 1]
    nxt = lines[j].text
    if any(
        not lines[n].text for n in range(i + 1, j)
    ) or layout_rules().signature.also_for_line.match(nxt):
        return False
    return nxt[:1].islower()


def _role_before_note(text: str) -> str | None:
    """The role of a line that goes on after the role's comma with other text, or None;
    also of a role line that OCR ended in a full stop or semicolon for its comma."""
    roles = [text[:-1] + ","] if text.endswith((".", ";")) else []
    roles += [text[: m.start() + 1] for m in re.finditer(", ", text) if m.start() > 0]
    role_start = layout_rules().signature_role
    return next((r for r in roles if _title_like(r) and role_start.match(r)), None)


def _ends_on_signature(lines: list[SourceLine], usable: list[int], k: int) -> bool:
    """Whether line ``usable[k]`` is a whole signature on one line that no sentence runs on
    from: the last line, or one the next line does not continue (in lower case)."""
    text = lines[usable[k]].text
    return (
        not text.endswith(",") and bool(_split_signatures(text)) and not _runs_on(lines, usable, k)
    )


def _block(
    lines: list[SourceLine], role_idx: list[int], name_line: int, name: str
) -> SignatureBlock:
    role = normalise_role(_role_text(lines, role_idx))
    return SignatureBlock(tuple(role_idx), name_line, role, strip_titles(name))


# three spaces or a tab between columns (a Word table or a tab stop exported as text)
_COLUMN_GAP = re.compile(r"\s*\t\s*|\s{3,}")


def _side_by_side(lines: list[SourceLine], usable: list[int], k: int) -> list[SignatureBlock]:
    """Signatures printed in columns: "De Minister van X,    De Staatssecretaris van Y,"
    and, a few lines on, "A. Jansen    B. de Vries"; one block per column, else none."""
    rules = layout_rules()
    roles = _COLUMN_GAP.split(lines[usable[k]].text.strip())
    if len(roles) < 2 or not all(rules.signature_role.match(r) for r in roles):
        return []
    for n in range(k + 1, min(k + 4, len(usable))):
        names = _COLUMN_GAP.split(lines[usable[n]].text.strip())
        if len(names) == len(roles) and all(_is_name(name) for name in names):
            i, j = usable[k], usable[n]
            return [
                SignatureBlock((i,), j, normalise_role(role), strip_titles(name))
                for role, name in zip(roles, names, strict=True)
            ]
    return []


def _royal_signature(lines: list[SourceLine], usable: list[int]) -> list[SignatureBlock]:
    """A royal message's signature: the monarch's name alone under its place and date."""
    rules = layout_rules()
    for prev, i in pairwise(usable):
        if lines[i].text in rules.signature.monarchs and rules.place_date_line.match(
            lines[prev].text
        ):
            return [SignatureBlock((), i, None, lines[i].text)]
    return []


@cache
def _officer() -> re.Pattern[str] | None:
    """One officer of a college as it signs: "H. E. Koning, president"; None without
    functions in the data."""
    functions = layout_rules().signature.board_functions
    if not functions:
        return None
    alternatives = "|".join(re.escape(f) for f in sorted(functions, key=len, reverse=True))
    return re.compile(rf"\s*(?P<name>[^,]+?),\s*(?P<function>{alternatives})\b[.,;]?", re.I)


def _board_signatures(lines: list[SourceLine], usable: list[int]) -> list[SignatureBlock]:
    """A college signed by its officers: "De Algemene Rekenkamer," and below it, on one
    line or several, "H. E. Koning, president W. van der Zanden, secretaris"."""
    sig = layout_rules().signature
    officer = _officer()
    if sig.board_line is None or officer is None:
        return []
    for k, i in enumerate(usable):
        if not sig.board_line.match(lines[i].text):
            continue
        blocks = []
        for j in usable[k + 1 : k + 4]:
            text, pos, found = lines[j].text, 0, []
            while (m := officer.match(text, pos)) is not None and _is_name(m["name"].strip()):
                found.append(m)
                pos = m.end()
            if not found or text[pos:].strip():
                break
            for m in found:
                role = m["function"][:1].upper() + m["function"][1:].lower()
                blocks.append(SignatureBlock((i,), j, role, strip_titles(m["name"].strip())))
        if blocks:
            return blocks
    return []


def find_signatures(lines: list[SourceLine], usable: list[int]) -> list[SignatureBlock]:
    """Signature blocks among the lines ``usable`` (indices in reading order)."""
    found = _role_signatures(lines, usable)
    return found or _board_signatures(lines, usable) or _royal_signature(lines, usable)


def _role_signatures(lines: list[SourceLine], usable: list[int]) -> list[SignatureBlock]:
    """Signature blocks that an office line starts ("De Minister van ...,")."""
    rules = layout_rules()
    sig = rules.signature
    blocks: list[SignatureBlock] = []
    taken: set[int] = set()
    k = 0
    while k < len(usable):
        i = usable[k]
        text = lines[i].text
        if i in taken or not rules.signature_role.match(text) or len(text) > 200:
            k += 1
            continue
        # A signature block starts a line of its own: after a blank line, a sentence, a
        # closing, a name or another block; not in the middle of a sentence. A whole
        # signature on one line that ends its text ("De Minister van Justitie, F. Korthals
        # Altes") may follow a last sentence that OCR printed without its full stop.
        if (
            k
            and not _starts_block(lines, usable[k - 1], i)
            and not _ends_on_signature(lines, usable, k)
        ):
            k += 1
            continue
        # "mede namens" + a role on the next line: that minister is no signatory.
        if (
            k
            and sig.also_for_line.match(lines[usable[k - 1]].text)
            and not lines[usable[k - 1]].text.endswith(",")
        ):
            k += 1
            continue
        columns = _side_by_side(lines, usable, k)
        if columns:  # two signatures printed beside each other, roles and names in columns
            blocks.extend(columns)
            taken.update(line for b in columns for line in b.lines)
            k += 1
            continue
        ones = [] if text.endswith(",") else _split_signatures(text)
        if ones and _runs_on(lines, usable, k):
            k += 1  # "... gesproken met" / "de Minister van Financiën, G. Zalm" / "en met ..."
            continue
        if ones:
            for role, name in ones:
                blocks.append(SignatureBlock((i,), i, normalise_role(role), strip_titles(name)))
            taken.add(i)
            k += 1
            continue
        if not _title_like(sig.also_for_inline.sub("", text)):
            # A footnote printed beside the role ("De Minister van Justitie, ' Ter inzage
            # gelegd op de bibliotheek.") above the name: the role ends at its comma.
            role = _role_before_note(text)
            nxt = usable[k + 1] if k + 1 < len(usable) else None
            if role and nxt is not None and _is_name(lines[nxt].text):
                name = lines[nxt].text
                blocks.append(SignatureBlock((i,), nxt, normalise_role(role), strip_titles(name)))
                taken.update((i, nxt))
                k += 2
                continue
            k += 1
            continue
        role_idx = [i]
        n = k + 1
        # The role wraps: "de staatssecretaris van Volksgezondheid," + "Welzijn en Sport,",
        # "De Minister voor Buitenlandse Handel en" + "Ontwikkelingssamenwerking,",
        # "De Minister-President," + "Minister van Algemene Zaken,".
        while n < len(usable) and len(role_idx) < 3:
            nxt = lines[usable[n]].text
            so_far = _role_text(lines, role_idx).rstrip()
            if _is_name(nxt) or not _title_like(nxt):
                break
            wraps = (so_far.endswith(",") and nxt.endswith(",")) or (
                so_far.split()[-1].lower() in rules.lowercase_words_in_titles
            )
            if not wraps and not nxt[:1].islower():
                break
            role_idx.append(usable[n])
            n += 1
        # The name above the role: "Carola Schouten" / "Minister van Landbouw, ...";
        # a role without its comma under a name belongs to that name, not the next. The
        # name may end in the comma of an apposition ("E. Heinen," / "Minister van ...").
        if k and not _role_text(lines, role_idx).rstrip().endswith(","):
            prev = usable[k - 1]
            above = lines[prev].text.removesuffix(",")
            apposition = above != lines[prev].text
            if prev not in taken and _is_name(above) and (not apposition or _personal(above)):
                blocks.append(_block(lines, role_idx, prev, above))
                taken.update(role_idx)
                taken.add(prev)
                k = n
                continue
        # "mede namens de Minister van Financiën," after the role names no signatory;
        # it may wrap until its comma.
        if n < len(usable) and sig.also_for_line.match(lines[usable[n]].text):
            end = n
            while end < min(n + 3, len(usable)) and not lines[usable[end]].text.endswith(","):
                end += 1
            n = min(end + 1, len(usable))
        # "voor deze," or a portfolio line may stand between role and name, or the mark
        # "w.g." of a signed copy on its own line.
        # After "voor deze," the signing official's function ("de directeur-generaal,").
        between = 0
        for_this = False
        while n < len(usable) and between < sig.max_between:
            nxt = lines[usable[n]].text
            if _is_name(nxt) or rules.signature_role.match(nxt):
                break
            if not (
                sig.for_this.match(nxt)
                or _title_like(nxt)
                or (for_this and nxt.endswith(","))
                or not _unmarked(nxt)
            ):
                break
            for_this = for_this or bool(sig.for_this.match(nxt))
            n += 1
            between += 1
        if n < len(usable) and _is_name(lines[usable[n]].text):
            name_line = usable[n]
            blocks.append(_block(lines, role_idx, name_line, lines[name_line].text))
            taken.update(role_idx)
            taken.add(name_line)
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


def _split_known(text: str, members: list[str]) -> list[str] | None:
    """``text`` split into the heading's names, or None if some part is not one of them."""
    low = text.lower()
    if len(low) != len(text):
        return None
    known = sorted({m.lower() for m in members}, key=len, reverse=True)
    names: list[str] = []
    pos = 0
    while pos < len(text):
        found = next(
            (m for m in known if low.startswith(m, pos) and low[pos + len(m) :][:1] in ("", " ")),
            None,
        )
        if found is None:
            return None
        names.append(text[pos : pos + len(found)])
        pos += len(found)
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return names


def _is_initial(word: str) -> bool:
    return len(word) <= 3 and word.endswith(".") and word[:1].isupper()


def split_surnames(text: str) -> list[str]:
    """Members' names printed side by side ("Wolters G. Terpstra Gerritse",
    "H. A. de Boer Van Dijk"), split by their form: a name is initials, particles
    and a surname; a new name starts at an initial, a capitalised particle ("Van",
    "De") or a second capitalised word after a surname. A particle in lower case
    goes on with the name ("Gualthérie van Weezel"), and so does a double name whose
    second part is one ("Müller-van Ast")."""
    particles = layout_rules().signature.name_particles
    names: list[list[str]] = []
    complete = False  # the current name has its surname
    for word in text.split():
        if _is_initial(word) or word.lower() in particles:
            starts = complete and word[:1].isupper()
            if starts or not names:
                names.append([])
            names[-1].append(word)
            complete = False
            continue
        if not names or complete:
            names.append([])
        names[-1].append(word)
        # "Müller-van Ast": a double name whose second part begins with a particle goes on
        complete = word.rpartition("-")[2] not in particles
    return [" ".join(name) for name in names]


def _split_names(text: str, members: list[str]) -> list[str]:
    """A line of several names printed side by side, split by the heading's names,
    else by the form of a name."""
    known = _split_known(text, members)
    if known is not None:
        return known if len(known) > 1 else [text]
    if len(text.split()) > 1 and all(_is_name(name) for name in split_surnames(text)):
        return split_surnames(text)
    return [text]


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
