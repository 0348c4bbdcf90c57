"""References: citations of parliamentary papers, and a document's own Kamerstuk.

Citations are typographic, not linguistic, so they are found with regular
expressions over the letter's text, assembled once from the shapes and cue
words in ``data/references.json``:

- Kamerstukken: "Kamerstukken II 2014/15, 31 839, nr. 456", "Kamerstuk 33 750
  XVI, nr. 36", "(36 471-64)", "kst-33750-XVI-36"; "nrs. 684 en 685" gives one
  reference per number, as the gold does;
- Handelingen and their Aanhangsel: "Handelingen II 2021/22, nr. 82, item 5",
  "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028",
  "Kamerstukken II 2021/22, Aanhangsel, nr. 1694" (kind "handelingen");
- motions and amendments named after members: "Motie Dijkstra", "de motie van
  het lid Omtzigt", "amendement-Van Weyenberg"; a citation in brackets right
  after an unnamed "motie (...)" is the motion;
- Zaak numbers ("2024Z01234"): kind "kamervragen", or the kind the
  tweedekamer.nl URL around them names;
- publications of laws, decrees and treaties: "Stb. 2019, 370" (kind "staatsblad"),
  "Staatscourant 2023, nr. 12345" ("staatscourant"), "Trb. 1957, 91" ("tractatenblad"),
  with the calendar year as ``year``.

A document's own Kamerstuk (running footer, identifier line, XML metadata,
masthead or file name) is its identity, never one of its references.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from kamerbrief.record import Kamerstuk, Reference
from kamerbrief.rules.loader import ReferenceRules, month_rules, reference_rules

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kamerbrief.parse import ParsedLetter

_SP = r"[ \t\u00a0]"
_S = rf"{_SP}*(?:\n{_SP}*)?"  # optional blanks, at most one line break
_S1 = rf"(?:{_SP}+(?:\n{_SP}*)?|\n{_SP}*)"  # at least one blank, at most one line break
_COMMA = rf"{_S},?{_S}"
_NOT_WORD = r"(?![^\W\d_])"  # not followed by a letter: "nr.5" and "nr 874" are fine
_URL_START = ("http://", "https://", "www.")


def _alt(words: Iterable[str], *, ignore_case: bool) -> str:
    parts = sorted({re.escape(w).replace(r"\ ", f"{_SP}+") for w in words}, key=len, reverse=True)
    body = "|".join(parts)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


@dataclass(frozen=True)
class CitationPatterns:
    """The citation patterns, compiled once from the rule data."""

    rules: ReferenceRules
    kamerstuk: re.Pattern[str]  # "Kamerstukken II 2014/15, 31 839, nr. 456"
    tweede_kamer: re.Pattern[str]  # "Tweede Kamer, vergaderjaar 2014–2015, 31 839, nr. 456"
    bare: re.Pattern[str]  # "31 839, nr. 456"
    bracketed: re.Pattern[str]  # "(36 471-64)"
    bill_dossier: re.Pattern[str]  # "het wetsvoorstel Wet betaalbare huur (36 512)"
    kamerstuk_zaak: re.Pattern[str]  # "Kamerstuk 2022Z24775"
    kamerstuk_aanhangsel: re.Pattern[str]  # "Kamerstukken II 2021/22, Aanhangsel, nr. 1694"
    handelingen: re.Pattern[str]  # "Handelingen II 2021/22, nr. 82, item 5"
    motion: re.Pattern[str]  # "motie", "amendement-", "motie van het lid"
    name: re.Pattern[str]  # one member's name after an intro
    capital_name: re.Pattern[str]  # one member's name without an intro
    joiner: re.Pattern[str]
    tail_with_cue: re.Pattern[str]  # ", nr. 684" after a number
    tail_bare: re.Pattern[str]  # " en 685" after a number
    footer: re.Pattern[str]  # a whole line "Tweede Kamer, vergaderjaar ..., nr. ..."
    identifier_line: re.Pattern[str]
    masthead_dossier: re.Pattern[str]
    masthead_number: re.Pattern[str]
    masthead_year: re.Pattern[str]
    before_motion: re.Pattern[str]  # "onze motie (" right before a citation
    number_cue: re.Pattern[str]
    dossier_start: re.Pattern[str]
    publication: re.Pattern[str]  # "Stb. 2019, 370", "Staatscourant 2023, nr. 12345"


@cache
def citation_patterns() -> CitationPatterns:
    r = reference_rules()
    year = f"(?P<year>{r.year_shape.pattern})(?![\\d])"  # not "1984-19" of "1984-1985"
    chamber = f"(?P<chamber>{_alt(r.chamber_marks, ignore_case=False)})(?![\\w])"
    kcue = f"{_alt(r.kamerstuk_cues, ignore_case=True)}{_NOT_WORD}"
    ycue = f"{_alt(r.year_cues, ignore_case=True)}{_NOT_WORD}"
    nrcue_plain = f"{_alt(r.number_cues, ignore_case=True)}{_NOT_WORD}"
    nrcue = f"(?P<nrcue>{nrcue_plain})"
    # Handelingen are also cited by page: "Handelingen II 1984-1985, blz. 2345"
    page_plain = f"{_alt(r.page_cues, ignore_case=True)}{_NOT_WORD}" if r.page_cues else "(?!)"
    h_nrcue = f"(?P<nrcue>{nrcue_plain}|{page_plain})"
    number = f"(?P<number>{r.number_shape.pattern})"
    # a chapter after its cue word: "20 800 Hfdst. XVI", "20 800 hoofdstuk XVI"
    ccue = f"(?:{_alt(r.chapter_cues, ignore_case=True)}{_S})?" if r.chapter_cues else ""
    dossier = (
        f"(?P<dossier>{r.dossier_shape.pattern})"
        f"(?:(?:{_SP}+{ccue}|-)(?P<chapter>{r.chapter_shape.pattern})|-(?P<sub>\\d{{1,4}})(?![\\d]))?"
    )
    # after a cue word, PDF letter-spacing may split the dossier's first digits:
    # "Kamerstuk 3 6 410-XII" is dossier 36 410
    cued_dossier = dossier.replace(
        f"(?P<dossier>{r.dossier_shape.pattern})",
        f"(?P<dossier>{r.dossier_shape.pattern}|(?<![\\d.,])\\d{_SP}\\d{_SP}\\d{{3}}(?![\\d]))",
    )
    with_number = f"{_COMMA}{nrcue}{_S}{number}"
    letter = r.letter_number_shape.pattern  # Eerste Kamer papers: "35 300, A"
    k_prefix = f"(?P<cue>{kcue}(?:{_S1}{chamber})?(?:{_COMMA}(?:{ycue}{_S1})?{year})?){_COMMA}"
    tk = _alt(r.chamber_cues, ignore_case=False)
    tk_prefix = f"(?P<cue>{tk}{_COMMA}(?:{ycue}{_S1})?{year}){_COMMA}"
    hcue = _alt((*r.aanhangsel_cues, *r.handelingen_cues), ignore_case=True)
    item = f"(?:{_COMMA}{_alt(r.item_cues, ignore_case=True)}{_S}\\d{{1,3}}|-\\d{{1,3}})(?![\\d])"
    # A number without "nr." is not followed by a word ("2013/14, 12 september").
    cued_number = f"(?:{nrcue}{_S})?{number}(?(nrcue)|(?!{_SP}*[^\\W\\d_]))"
    h_cued_number = f"(?:{h_nrcue}{_S})?{number}(?(nrcue)|(?!{_SP}*[^\\W\\d_]))"
    # "Handelingen II", also "Handelingen van de Tweede Kamer" ("der Tweede Kamer")
    chamber_named = f"{_S1}(?i:van{_S1}de|der){_S1}{tk}"
    handelingen = (
        f"(?P<cue>{hcue}(?:{_S1}{chamber}|{chamber_named})?){_COMMA}(?:(?:{ycue}{_S1})?{year}{_COMMA})?"
        f"{h_cued_number}(?(year)|(?(nrcue)|(?!)))(?:{item})?"
    )
    aanhangsel = _alt(r.aanhangsel_cues, ignore_case=True)
    kamerstuk_aanhangsel = f"{k_prefix}{aanhangsel}{_NOT_WORD}{_COMMA}{cued_number}"
    motion_cue = _alt(r.motion_cues, ignore_case=True)
    # "van het lid" in any case; a bare "van" only in lower case ("motie Van der Lee" is a name)
    phrases = [i for i in r.member_intros if " " in i]
    words = [i for i in r.member_intros if " " not in i]
    intro = _alt(phrases, ignore_case=True)
    if words:
        intro += f"|{_alt(words, ignore_case=False)}"
    motion = f"(?<![\\w-])(?P<cue>{motion_cue})(?:-|{_SP}+)(?:(?P<intro>{intro}){_SP}+)?"
    lower_particles = _alt(r.name_particles, ignore_case=False)
    capital_particles = _alt(
        (p[0].upper() + p[1:] for p in r.name_particles if p[0].isalpha()), ignore_case=False
    )
    word = r"[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)*(?![\w])"
    capital_name = f"(?:{capital_particles}{_SP}+(?:{lower_particles}{_SP}+)?)?{word}"
    name = f"(?:(?:{capital_particles}|{lower_particles}){_SP}+)*{word}"
    joiner = "|".join(re.escape(j).replace(r"\ ", f"{_SP}+") for j in r.name_joiners)
    list_word = _alt(r.list_words, ignore_case=True)
    after = _alt(r.words_after_listed_number, ignore_case=True)
    footer = f"(?m)^{_SP}*{tk_prefix}{dossier}{with_number}{_SP}*$"
    id_pattern = r.identifiers["kamerstuk"].pattern
    return CitationPatterns(
        rules=r,
        kamerstuk=re.compile(
            f"{k_prefix}{cued_dossier}(?:{with_number}|{_COMMA}(?:{nrcue_plain}{_S})?(?P<letter>{letter}))?"
        ),
        tweede_kamer=re.compile(f"{tk_prefix}{dossier}{with_number}"),
        bare=re.compile(f"{dossier}{with_number}"),
        bracketed=re.compile(
            f"(?<=\\()(?P<dossier>{r.dossier_shape.pattern})-(?P<sub>\\d{{1,4}})(?=\\))"
        ),
        bill_dossier=re.compile(
            f"(?<![\\w-])(?:{_alt(r.bill_cues, ignore_case=True)}){_NOT_WORD}[^().;\\n]{{0,150}}?"
            f"\\((?P<ref>{dossier})\\)"
        )
        if r.bill_cues
        else re.compile("(?!)"),
        kamerstuk_zaak=re.compile(f"{k_prefix}(?P<number>{r.zaak_number.pattern})"),
        kamerstuk_aanhangsel=re.compile(kamerstuk_aanhangsel),
        # A footnote's number may be glued to the cue: "2Kamervragen (Aanhangsel) 2023–2024"
        handelingen=re.compile(f"(?<![^\\W\\d]){handelingen}"),
        motion=re.compile(motion),
        name=re.compile(name),
        capital_name=re.compile(capital_name),
        joiner=re.compile(f"(?:{joiner})"),
        tail_with_cue=re.compile(
            f"(?:{_S},{_S}(?:{list_word}{_S1})?|{_S1}{list_word}{_S1}){nrcue}{_S}{number}"
        ),
        tail_bare=re.compile(
            f"(?:{_S1}{list_word}{_S1}|{_S}(?P<comma>,){_S}){number}"
            f"(?!{_SP}+(?!{after}(?![\\w]))[^\\W\\d_])"
        ),
        footer=re.compile(footer),
        identifier_line=re.compile(f"(?m)^{_SP}*{id_pattern}{_SP}*$"),
        masthead_dossier=re.compile(f"(?m)^{_SP}*{dossier}(?={_SP}*$|{_SP}+[A-Z])"),
        masthead_number=re.compile(
            f"(?m)^{_SP}*(?i:nr\\.?|nummer){_SP}*(?P<number>\\d{{1,5}}){_SP}*$"
        ),
        masthead_year=re.compile(f"{ycue}{_S1}{year}"),
        before_motion=re.compile(
            f"(?<![\\w-])(?P<cue>{_alt((*r.motion_cues, *r.plural_motion_cues), ignore_case=True)})"
            f"{_SP}*\\({_SP}*$"
        ),
        number_cue=re.compile(nrcue),
        dossier_start=re.compile(f"{_SP}?{r.dossier_shape.pattern}"),
        publication=re.compile(
            f"(?<![\\w-])(?P<cue>{_alt(r.publication_cues, ignore_case=True)}){_NOT_WORD}{_COMMA}"
            f"(?P<year>{r.publication_year_shape.pattern})(?![\\d]){_COMMA}"
            f"(?:{nrcue}{_S})?(?P<number>\\d{{1,6}})(?![\\d])"
            f"(?!{_SP}+{_alt(month_rules().months, ignore_case=True)}(?![\\w]))"  # "2023, 12 maart"
        ),
    )


@dataclass
class _Citation:
    """One citation: the references it gives and the text it covers."""

    start: int
    end: int
    items: list[Reference] = field(default_factory=list)


# -- normalising the parts of a citation ---------------------------------------------------


def parliamentary_year(value: str | None) -> str | None:
    """A vergaderjaar "2014/15", "2014–2015" or "20142015" as "2014-2015"."""
    if not value:
        return None
    digits = re.findall(r"\d+", value)
    if len(digits) == 1 and len(digits[0]) == 8:
        digits = [digits[0][:4], digits[0][4:]]
    if len(digits) != 2 or len(digits[0]) != 4:
        return None
    first, second = digits
    if len(second) == 2:
        second = first[:2] + second
    return f"{first}-{second}"


def _chamber(match: re.Match[str], rules: ReferenceRules) -> str | None:
    groups = match.groupdict()
    if groups.get("chamber"):
        mark = groups["chamber"]
        return rules.chamber_marks.get(mark) or rules.chamber_marks.get(mark.upper())
    cue = groups.get("cue") or ""
    for words, chamber in rules.chamber_cues.items():
        if re.search(rf"(?<![\w]){re.escape(words)}(?![\w])", cue):
            return chamber
    return None


def dossier_of(match: re.Match[str], rules: ReferenceRules) -> tuple[str, str | None]:
    """(dossier, number) with the chapter or sub-dossier decided."""
    groups = match.groupdict()
    dossier = re.sub(r"\D", "", groups["dossier"])
    number = groups.get("number")
    if groups.get("chapter"):
        return f"{dossier}-{groups['chapter'].upper()}", number
    sub = groups.get("sub")
    if sub:
        # "21 501-02, nr. 2498": a sub-dossier; "36 471-64": dossier 36471, nr. 64.
        if number is None and dossier not in rules.series_with_subdossiers:
            return dossier, str(int(sub))
        return f"{dossier}-{sub}", number
    return dossier, number


def _reference(text: str, start: int, end: int, **fields: str | None) -> Reference:
    return Reference(text=text[start:end], start=start, end=end, **fields)


# -- finding citations ---------------------------------------------------------------------


def _number_list(
    text: str, match: re.Match[str], base: dict[str, str | None], p: CitationPatterns
) -> _Citation:
    """A citation with its number and the numbers listed after it ("nr. 679, nr. 684 en 685")."""
    first_end = match.end()
    found = _Citation(
        match.start(), first_end, [_reference(text, match.start(), first_end, **base)]
    )
    plural = (match.groupdict().get("nrcue") or "").lower().rstrip(".").endswith("s")
    pos = first_end
    while True:
        tail = p.tail_with_cue.match(text, pos)
        if tail is None:
            tail = p.tail_bare.match(text, pos)
            if tail is None or (tail.group("comma") and not plural):
                break
            if p.dossier_start.match(text, tail.start("number")):
                break  # "nr. 456 en 32 793, nr. 12": the next citation starts here
            start = tail.start("number")
        else:
            start = tail.start("nrcue")
            plural = plural or tail.group("nrcue").lower().rstrip(".").endswith("s")
        item = base | {"number": tail.group("number")}
        found.items.append(_reference(text, start, tail.end(), **item))
        pos = found.end = tail.end()
    return found


def _kamerstukken(text: str, p: CitationPatterns) -> Iterator[_Citation]:
    rules = p.rules
    for pattern in (p.kamerstuk, p.tweede_kamer, p.bare):
        for m in pattern.finditer(text):
            dossier, number = dossier_of(m, rules)
            base = {
                "kind": "kamerstuk",
                "dossier": dossier,
                "number": number,
                "year": parliamentary_year(m.groupdict().get("year")),
                "chamber": _chamber(m, rules),
            }
            if m.groupdict().get("letter"):
                base["number"] = m.group("letter")
            if m.groupdict().get("number") is None:
                yield _Citation(m.start(), m.end(), [_reference(text, m.start(), m.end(), **base)])
            else:
                yield _number_list(text, m, base, p)
    for m in p.bracketed.finditer(text):
        dossier, number = dossier_of(m, rules)
        if number is not None:
            ref = _reference(text, m.start(), m.end(), kind="kamerstuk", dossier=dossier,
                             number=number)  # fmt: skip
            yield _Citation(m.start(), m.end(), [ref])
    for m in p.bill_dossier.finditer(text):
        dossier, _ = dossier_of(m, rules)
        start, end = m.span("ref")
        ref = _reference(text, start, end, kind="kamerstuk", dossier=dossier)
        yield _Citation(start, end, [ref])
    for m in p.kamerstuk_zaak.finditer(text):
        ref = _reference(
            text, m.start(), m.end(), kind="kamerstuk", number=m.group("number"),
            year=parliamentary_year(m.group("year")), chamber=_chamber(m, rules),
        )  # fmt: skip
        yield _Citation(m.start(), m.end(), [ref])


def _handelingen(text: str, p: CitationPatterns) -> Iterator[_Citation]:
    rules = p.rules
    for pattern in (p.kamerstuk_aanhangsel, p.handelingen):
        for m in pattern.finditer(text):
            ref = _reference(
                text, m.start(), m.end(), kind="handelingen", number=m.group("number"),
                year=parliamentary_year(m.group("year")), chamber=_chamber(m, rules),
            )  # fmt: skip
            yield _Citation(m.start(), m.end(), [ref])


def _url_at(text: str, start: int, end: int) -> str | None:
    """The URL that the span ``start:end`` lies in, joined over one line break, or None."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    token = text[left:right]
    if not token.startswith(_URL_START) and left >= 2 and text[left - 1] == "\n":
        before = text[: left - 1].rsplit(None, 1)[-1] if text[: left - 1].strip() else ""
        if before.startswith(_URL_START) and before.endswith("/"):
            token = before + token
    return token if token.startswith(_URL_START) or "://" in token else None


def _identifiers(text: str, p: CitationPatterns) -> Iterator[_Citation]:
    rules = p.rules
    for m in rules.identifiers["kamerstuk"].finditer(text):
        chapter = m.group("chapter")
        dossier = m.group("dossier") + (f"-{chapter.upper()}" if chapter else "")
        ref = _reference(text, m.start(), m.end(), kind="kamerstuk", dossier=dossier,
                         number=m.group("number"))  # fmt: skip
        yield _Citation(m.start(), m.end(), [ref])
    for m in rules.identifiers["handelingen"].finditer(text):
        ref = _reference(
            text, m.start(), m.end(), kind="handelingen", number=m.group("number"),
            year=parliamentary_year(m.group("year")),
            chamber="II" if m.group("chamber").lower() == "tk" else "I",
        )  # fmt: skip
        yield _Citation(m.start(), m.end(), [ref])
    for m in rules.zaak_number.finditer(text):
        kind = "kamervragen"
        url = _url_at(text, m.start(), m.end())
        if url:
            kind = next((k for part, k in rules.url_kinds.items() if part in url), kind)
        ref = _reference(text, m.start(), m.end(), kind=kind, number=m.group())
        yield _Citation(m.start(), m.end(), [ref])


def _members(text: str, pos: int, with_intro: bool, p: CitationPatterns) -> int:
    """The end of the member names that start at ``pos`` (``pos`` if there are none)."""
    first = (p.name if with_intro else p.capital_name).match(text, pos)
    # "de motie van de Kamer", "motie van Minister ...": no member
    if first is None or first.group().split()[-1] in p.rules.not_names:
        return pos
    end = first.end()
    while True:
        join = p.joiner.match(text, end)
        if join is None or (join.group().strip() == "," and not with_intro):
            break
        nxt = (p.name if with_intro else p.capital_name).match(text, join.end())
        if nxt is None or nxt.group().split()[-1] in p.rules.not_names:
            break
        end = nxt.end()
    return end


def _motions(text: str, p: CitationPatterns) -> Iterator[_Citation]:
    rules = p.rules
    for m in p.motion.finditer(text):
        intro = m.group("intro")
        if intro is not None and " " not in intro.strip():
            # a bare "van": a member's name in capitals follows, not a body ("van de
            # Europese Commissie", "van Provinciale Staten")
            end = _members(text, m.end(), False, p)
            if end == m.end() or re.match(rf"{_SP}+[A-ZÀ-Þ]", text[end:]):
                continue
        else:
            end = _members(text, m.end(), intro is not None, p)
        if end == m.end():
            continue
        member = text[m.end() : end]
        tail = rules.name_tail.match(text, end)
        if tail:
            end = tail.end()
        cue = re.sub(r"\s+", " ", m.group("cue").lower())
        ref = _reference(
            text, m.start(), end, kind=rules.motion_cues[cue],
            member=member,
        )  # fmt: skip
        yield _Citation(m.start(), end, [ref])


def _publications(text: str, p: CitationPatterns) -> Iterator[_Citation]:
    """ "Stb. 2019, 370", "Staatscourant 2023, nr. 12345", "Trb. 1957, 91": the publication
    of a law, decree or treaty, of its own kind, with its calendar year; "Trb. 1994, 83 en
    166" gives one reference per number."""
    kinds = {cue.lower(): kind for cue, kind in p.rules.publication_cues.items()}
    for m in p.publication.finditer(text):
        kind = kinds[re.sub(r"\s+", " ", m.group("cue").lower())]
        base = {"kind": kind, "number": m.group("number"), "year": m.group("year")}
        found = _number_list(text, m, base, p)
        # "Trb. 1994, 83 en 1995, 12": a year starts the next citation, not a number
        for k, ref in enumerate(found.items[1:], start=1):
            if p.rules.publication_year_shape.fullmatch(ref.number or ""):
                found.items = found.items[:k]
                found.end = found.items[-1].end
                break
        yield found


def _replaced_number(text: str, own: Kamerstuk | None, p: CitationPatterns) -> Iterator[_Citation]:
    """ "Ter vervanging van die gedrukt onder nr. 8", "het amendement op stuk nr. 8": nr. 8 of
    the document's own dossier."""
    own_numbers = [
        *p.rules.replaces_own_number.finditer(text),
        *p.rules.own_dossier_number.finditer(text),
    ]
    for m in own_numbers:
        start, end = m.span("text")
        ref = _reference(text, start, end, kind="kamerstuk", number=m.group("number"),
                         dossier=own.dossier if own else None)  # fmt: skip
        yield _Citation(start, end, [ref])


def _without_overlaps(found: Iterable[_Citation]) -> list[_Citation]:
    """Earliest first, the longest of those that start together; overlapping ones dropped."""
    kept: list[_Citation] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


def _same_paper(a: Reference, b: Reference) -> bool:
    return a.kind == b.kind and a.dossier == b.dossier and a.number == b.number


def _link_motions(text: str, refs: list[Reference], p: CitationPatterns) -> list[Reference]:
    """A named motion and the citation in brackets after it are one reference
    ("motie Bontenbal/Grinwis (Kamerstukken 32813, nr. 952)"); a citation in brackets
    after an unnamed "motie (" is the motion."""
    linked: list[Reference] = []
    skip = -1
    for n, ref in enumerate(refs):
        if n == skip:
            continue
        nxt = refs[n + 1] if n + 1 < len(refs) else None
        if ref.member is not None and nxt is not None and nxt.kind == "kamerstuk":
            opening = re.fullmatch(rf"{_S}\({_SP}*", text[ref.end : nxt.start])
            closing = re.match(rf"{_SP}*\)", text[nxt.end :])
            if opening and closing:
                end = nxt.end + closing.end()
                ref = ref.model_copy(
                    update={"text": text[ref.start : end], "end": end, "dossier": nxt.dossier,
                            "number": nxt.number, "year": nxt.year, "chamber": nxt.chamber}
                )  # fmt: skip
                skip = n + 1
        elif ref.kind == "kamerstuk":
            before = p.before_motion.search(text[max(0, ref.start - 40) : ref.start])
            if before:
                cue = re.sub(r"\s+", " ", before.group("cue").lower())
                rules = p.rules
                ref.kind = rules.motion_cues.get(cue) or rules.plural_motion_cues[cue]
        linked.append(ref)
    return linked


def _own_aanhangsel(text: str, p: CitationPatterns) -> tuple[str, str | None] | None:
    """(number, year) of an answer's own Aanhangsel identifier line ("ah-tk-20232024-2271")."""
    pattern = p.rules.identifiers["handelingen"].pattern
    m = re.search(f"(?m)^{_SP}*{pattern}{_SP}*$", text)
    return (m.group("number"), parliamentary_year(m.group("year"))) if m else None


def find_references(text: str, own: Kamerstuk | None = None) -> list[Reference]:
    """Every citation of a parliamentary paper in ``text``, in text order, except ``own``
    and the Aanhangsel number of an answer's own identifier line."""
    p = citation_patterns()
    own_answer = _own_aanhangsel(text, p)
    found = [
        *_kamerstukken(text, p),
        *_handelingen(text, p),
        *_identifiers(text, p),
        *_motions(text, p),
        *_replaced_number(text, own, p),
        *_publications(text, p),
    ]
    refs: list[Reference] = []
    for f in _without_overlaps(found):
        for ref in f.items:
            if own is not None and ref.kind == "kamerstuk" and ref.number is not None:
                if (ref.dossier, ref.number) == (own.dossier, own.number):
                    continue  # the document's own identity, e.g. its running footer
            if ref.kind == "handelingen" and (ref.number, ref.year) == own_answer:
                continue
            if _url_at(text, ref.start, ref.end) and ref.kind in ("kamerstuk", "handelingen"):
                # an identifier in the URL of the citation just before it is that citation
                para = text.rfind("\n\n", 0, ref.start)
                if any(_same_paper(r, ref) and r.start > para for r in refs):
                    continue
            refs.append(ref)
    return _link_motions(text, refs, p)


def extract_references(
    doc: Doc, parsed: ParsedLetter, own: Kamerstuk | None = None
) -> dict[str, object]:
    """The letter's references: citations in its content, not ``own``, its own Kamerstuk
    (worked out once, from the source, by :func:`own_kamerstuk`)."""
    text = parsed.text
    refs = [r for r in find_references(text, own) if r.start >= parsed.content_start]
    for ref in refs:
        ref.section = parsed.section_at(ref.start)
        ref.question = parsed.question_at(ref.start)
    return {"references": refs}
