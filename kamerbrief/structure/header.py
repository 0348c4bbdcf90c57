"""The letter's header: addressee, place and date, subject, and where the body starts.

The layouts read (rules in ``data/layout.json``):

- the Rijksoverheid template: a side column and header with labels ("Datum",
  "Betreft" / "Onderwerp", "Ons kenmerk", "Uw brief", "Bijlage(n)", contact lines,
  "Retouradres") and their values on the same line or apart, with or without blank
  lines between them (Word documents), in any order; the body starts after the
  header block whether or not a salutation follows;
- a date line of any era: "Den Haag, 25 maart 2015", "'s-Gravenhage, 14 maart 1983"
  (the apostrophe on its own OCR line, "14maart" glued);
- the masthead of printed Kamerstukken ("Tweede Kamer der Staten-Generaal",
  "Vergaderjaar", dossier number and title, "Nr. 12"), which is header, and the
  "Ontvangen <date>" / "Vastgesteld <date>" line of a memorie or verslag;
- answers to written questions (Aanhangsel Handelingen), whose header is two
  sentences: "Vragen van ... over ... (ingezonden ...)" and "Antwoord van Minister X
  (Ministry) (ontvangen ...)": the letter's date is the ontvangen date, its sender the
  answering minister;
- Kamerstuk proposals (motions, amendments): under the masthead a heading
  "MOTIE VAN HET LID CEDER" and a line "Voorgesteld 10 april 2025".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kamerbrief.rules.calendar import parse_full_date
from kamerbrief.rules.loader import KamerstukDocument, layout_rules
from kamerbrief.rules.questions import question_rules
from kamerbrief.rules.words import word_rules
from kamerbrief.structure.normalize import SourceLine

# How far into the letter a header may reach (content lines).
_HEADER_WINDOW = 80
# How far into the letter a date line may stand (content lines).
_PLACE_DATE_WINDOW = 20
_DATE_TEXT = re.compile(r"\d{1,2}\s+[a-z]+\s+\d{4}")
_GLUED_DAY = re.compile(r"^(\d{1,2})(?=[a-z])")
# a day or a year OCR cut in two: "1 4 maart 1983", "14 maart 19 83"
_SPACED_DIGITS = re.compile(r"^(\d) (\d)(?= ?[A-Za-z])|(?<= )(1[89]|20) (\d{2})$")
# a day or a year in which OCR read "1" as "l" or "I" and "0" as "O": "2l april", "l990"
_OCR_NUMBER = re.compile(r"^[\dlIO]{1,2}(?=\s*[a-z])|(?<=\s)[\dlIO]{4}$")
_OCR_DIGITS = str.maketrans("lIO", "110")
QUESTION_BLOCK_STARTS = ("Vragen van ", "Antwoord van ", "Mededeling van ", "Nadere vragen van ")


def read_date(text: str) -> str | None:
    """ISO day of a letter's date as printed, also with day and month glued ("17juli 1980")
    and with OCR's letters for digits in the day and year ("l maart 1990", "1O mei l990")."""
    text = " ".join(text.split())
    text = _SPACED_DIGITS.sub(lambda m: "".join(g for g in m.groups() if g), text)
    text = _OCR_NUMBER.sub(lambda m: m.group().translate(_OCR_DIGITS), text)
    return parse_full_date(_GLUED_DAY.sub(r"\1 ", text))


_OCR_HYPHEN = re.compile(r"(?<=[a-z])-\s?(?=[a-z])")


def read_printed_date(printed: str) -> tuple[str, str | None]:
    """(text, ISO day) of a date in a header sentence, read also when OCR left a line-end
    hyphen in it ("fe-bruari") or the sentence's full stop stands inside the bracket
    ("(Ontvangen 2 februari 1985.)")."""
    text = " ".join(printed.split()).rstrip(". ")
    return text, read_date(_OCR_HYPHEN.sub("", text))


@dataclass
class Header:
    """What the header says, and the index of the first line of the body."""

    body_start: int = 0
    content_start: int | None = None  # first line a reader reads as content, if not the body
    title: str | None = None
    date_text: str | None = None
    date_value: str | None = None
    place: str | None = None
    addressee: str | None = None
    senders: list[tuple[str, str]] = field(default_factory=list)
    salutation: int | None = None
    questions: bool = False  # an answer to written questions (Aanhangsel Handelingen)
    proposal: KamerstukDocument | None = None  # a motion or amendment, by its heading
    members: list[str] = field(default_factory=list)  # member names in the heading


_PARAGRAPH_WORDS = 40  # a line this long is a paragraph, never a dossier title


def _is_prose(text: str) -> bool:
    """A line of running text: long, with many words (no label, address or heading)."""
    return len(text.split()) >= layout_rules().header_prose_words


def _is_sentence(text: str) -> bool:
    """Running text that ends a sentence: a paragraph, not a title or an address."""
    return _is_prose(text) and text.endswith((".", "?", "!", ":"))


def _label_values(
    lines: list[SourceLine], idx: list[int], header: Header, stop_at_prose: bool = False
) -> int | None:
    """Fill date and subject from side-column labels and their values.

    Labels and values stand on one line ("Datum 12 maart 2024") or apart: a run of
    labels, then their values one a line (the last value takes the rest), with or
    without blank lines between them (Word documents), in any order. Returns the last
    line of the header block (the last label or value read), None if no label was read.
    With ``stop_at_prose`` the reading stops at the first line of running text after a label,
    and at the second paragraph of running text before any.
    """
    labels = layout_rules().header_labels
    values: dict[str, list[str]] = {}
    last: int | None = None

    def is_label(text: str) -> bool:
        return labels.kind_of(text) is not None or labels.split_inline(text) is not None

    rules = layout_rules()

    def value_line(text: str) -> str:
        """The value without a label or a side-column note glued to its end."""
        return rules.without_note(labels.strip_trailing(text)[0])

    def goes_on(value: list[str], k: int) -> int | None:
        """The index in ``idx`` of the line that continues ``value``, or None: the next
        line, or the next after blank lines when the value ends in "van", "de", ... or the
        line goes on in lower case; never a label or the body's first line ("Bij brief
        van ...")."""
        j = k
        while j < len(idx) and not lines[idx[j]].text:
            j += 1
        if j >= len(idx):
            return None
        tail = value[-1].split()
        runs_on = bool(tail) and tail[-1].lower() in word_rules().line_continuations
        nxt = lines[idx[j]].text
        if j > k and not runs_on and not nxt[:1].islower():
            return None  # after a blank line only "van" / "het Koninkrijk", "diverse" / "algemene"
        if is_label(nxt):
            return None
        first = nxt.split()[0]
        if not runs_on and first[:1].isupper() and first.lower() in rules.sentence_openers:
            if _is_prose(nxt):
                return None
        return j

    k = 0
    sentences = 0  # paragraphs of running text before any label
    while k < len(idx):
        text = lines[idx[k]].text
        if stop_at_prose and text and not is_label(text):
            if last is not None and _is_prose(text):
                break
            # A note in the side column may be one sentence; two paragraphs are the body.
            sentences += _is_sentence(text)
            if last is None and sentences >= 2:
                break
        inline = labels.split_inline(text)
        if inline and labels.kind_of(text) is None:
            value = [value_line(inline[1])]
            glued = labels.strip_trailing(inline[1])[1] is not None
            last = idx[k]
            k += 1
            # The value wraps onto the next lines until a blank line, the next label or
            # the body's first line; a side column's standing note in between is skipped.
            while not glued and value and (j := goes_on(value, k)) is not None:
                nxt = lines[idx[j]].text
                k = j + 1
                if rules.note_fragment(nxt):
                    continue
                value.append(value_line(nxt))
                glued = labels.strip_trailing(nxt)[1] is not None
                last = idx[j]
            values.setdefault(inline[0], value)
            continue
        run: list[str] = []
        while k < len(idx) and (kind := labels.kind_of(lines[idx[k]].text)) is not None:
            run.append(kind)
            last = idx[k]
            k += 1
        if not run:
            k += 1
            continue
        # The values follow as blocks: one line per label, the last takes the rest.
        block: list[str] = []
        j = k
        while len(block) < len(run):
            while j < len(idx) and not lines[idx[j]].text:
                j += 1
            if j >= len(idx) or is_label(lines[idx[j]].text):
                break
            if stop_at_prose and _is_prose(lines[idx[j]].text):
                break
            while j < len(idx) and lines[idx[j]].text and not is_label(lines[idx[j]].text):
                block.append(value_line(lines[idx[j]].text))
                last = idx[j]
                j += 1
        for n, kind in enumerate(run):
            if n >= len(block):
                break
            taken = block[n:] if n == len(run) - 1 else [block[n]]
            values.setdefault(kind, taken)
        k = j
    if "date" in values and header.date_text is None:
        value = " ".join(values["date"][:1])
        found = layout_rules().header_value_date.match(value)
        # Side-column text glued after the date ("6 juli 2021 datum en het kenmerk van").
        text = found.group("date") if found else value
        # A value that is no date (a phone number printed beside the label) is no date.
        if found or read_date(text):
            header.date_text = text
            header.date_value = read_date(text)
    if "subject" in values and header.title is None:
        header.title = " ".join(" ".join(values["subject"]).split())
    if not values.keys() & {"date", "subject"}:
        return None
    return last


def _addressee(lines: list[SourceLine], idx: list[int]) -> str | None:
    """The addressee: its first line and the lines that continue it.

    A side column printed beside the address block interleaves its lines
    ("Directie Klimaat", "Bezoekadres", "www.facebook.com/minbzk"); a continuation
    starts in lower case ("der Staten-Generaal") or completes a word broken at a hyphen
    ("Staten-" + "Generaal"), and the addressee ends with "Staten-Generaal".
    """
    rules = layout_rules()
    for k, i in enumerate(idx):
        if not rules.addressee_start.match(lines[i].text):
            continue
        text = lines[i].text
        seen = 0
        for j in idx[k + 1 :]:
            if rules.addressee_end.search(text) or seen >= 4:
                break
            line = lines[j].text
            if not line:
                continue
            seen += 1
            if rules.addressee_stop.match(line):
                break
            if rules.addressee_skip.search(line):
                continue  # the side column's web address or e-mail between the lines
            if text.endswith("-") and line[:1].isupper():
                if rules.addressee_end.search(text + line.split()[0]):
                    text += line.split()[0]
            elif line[:1].islower() or text.split()[-1] in word_rules().line_continuations:
                text += " " + line  # "der Staten-Generaal"; "... van de" / "Tweede Kamer ..."
        end = rules.addressee_end.search(text)
        text = text[: end.end()] if end else text
        # "Aan de Voorzitter ..." is addressed to "de Voorzitter ...": "Aan" is no part of it.
        return text[4:] if text.startswith("Aan ") else text
    return None


def _questions_header(lines: list[SourceLine], idx: list[int], header: Header) -> bool:
    """Read the header of an answer to written questions; False if this is not one.

    The "Antwoord van ... (ontvangen <date>)" sentence gives the letter's date and the
    answering minister; the "Vragen van ... over <title> (ingezonden ...)" sentence the
    title. The body starts at the first question label after the answer sentence, or
    after that sentence when the questions are printed before it (older Aanhangsels).
    """
    rules = layout_rules().aanhangsel
    content = [i for i in idx if lines[i].text][: rules.window]
    joined = ""
    ends: list[int] = []  # offset in joined where each content line ends
    for i in content:
        joined += lines[i].text + " "
        ends.append(len(joined))
    answer = rules.answer.search(joined)
    if not answer:
        return False
    answer_line = next(n for n, end in enumerate(ends) if end >= answer.end())
    questions = rules.questions.search(joined)
    if questions:
        header.title = " ".join(questions.group("title").split())
    header.date_text, header.date_value = read_printed_date(rules.date_of(answer))
    who = rules.also_for.split(answer.group("who"))[0]
    for pattern in rules.answerers:
        for m in pattern.finditer(who):
            ministry = re.split(r"\s+[–-]\s+", m.group("ministry"))[0].strip()
            office = m.group("office")
            office = "-".join(p[:1].upper() + p[1:] for p in office.split("-"))
            ministry = ministry or rules.office_ministries.get(office, "")  # "Minister-President"
            role = rules.office(office, ministry, header.date_value)
            header.senders.append((m.group("name"), role))
        if header.senders:
            break
    start = next(
        (n for n in range(answer_line + 1, len(content))
         if question_rules().is_label(lines[content[n]].text)),
        None,
    )  # fmt: skip
    if start is None:
        header.body_start = content[answer_line] + 1
    else:
        header.body_start = content[start]
    # What a reader reads starts at "Vragen van ...", or at "Antwoord van ..." without it.
    answer_start = next(n for n, end in enumerate(ends) if end > answer.start())
    header.content_start = next(
        (i for i in content if i < header.body_start and rules.questions_line.match(lines[i].text)),
        content[answer_start],
    )
    header.questions = True
    return True


def _has_lower(text: str) -> bool:
    return any(ch.islower() for ch in text)


def _kamerstuk_header(lines: list[SourceLine], idx: list[int], header: Header) -> bool:
    """Read the heading and "Voorgesteld" date of a motion or amendment; False if not one.

    The heading is a line in capitals ("GEWIJZIGDE MOTIE VAN HET LID CLAASSEN"),
    wrapped onto more lines in capitals, and a "Voorgesteld <date>" line follows
    within a few lines ("Ter vervanging van die gedrukt onder nr. 8" may come
    between). A sentence that mentions "de motie van het lid ..." is no heading.
    """
    rules = layout_rules().kamerstuk
    content = [i for i in idx if lines[i].text][: rules.heading_window]
    for k, i in enumerate(content):
        line = lines[i].text
        if rules.number_prefix is not None:
            line = rules.number_prefix.sub("", line)  # "Nr. 12 MOTIE VAN HET LID ..."
        first, glued = _split_proposed(line)
        if rules.document_of(first) is None:
            continue
        if glued is not None and (value := read_date(glued)):
            found = rules.document_of(first)
            assert found is not None
            _set_proposal(header, found, first, glued, value, i, i + 1)
            return True
        parts = [line]
        n = k + 1
        while n < len(content) and not _has_lower(lines[content[n]].text):
            parts.append(lines[content[n]].text)
            n += 1
        title = " ".join(" ".join(parts).split())
        found = rules.document_of(title)
        if found is None:
            continue
        for j in content[n : n + 3]:
            m = rules.proposed_date.match(lines[j].text)
            if m and (value := read_date(m.group("date"))):
                _set_proposal(header, found, title, m.group("date"), value, i, j + 1)
                return True
    return False


def _split_proposed(text: str) -> tuple[str, str | None]:
    """A heading with its "Voorgesteld <date>" printed on the same line (OCR): (heading, date)."""
    rules = layout_rules().kamerstuk
    cut = text.rfind(" Voorgesteld ")
    if cut < 0:
        cut = text.rfind(" Ontvangen ")
    if cut > 0:
        m = rules.proposed_date.match(text[cut + 1 :])
        if m:
            return text[:cut].rstrip(), m.group("date")
    return text, None


def _set_proposal(
    header: Header,
    found: tuple[KamerstukDocument, str],
    title: str,
    date_text: str,
    value: str,
    heading: int,
    body_start: int,
) -> None:
    header.proposal, members = found
    header.members = layout_rules().kamerstuk.members(members)
    title = " ".join(title.split())
    # "..., TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3" joined to the heading is no title.
    m = header.proposal.heading.match(title)
    header.title = title[: m.end("members")] if m else title
    header.date_text = date_text
    header.date_value = value
    header.content_start = heading
    header.body_start = body_start


def _opens_body(rest: str) -> bool:
    """Text after a date on its line that is the body's first sentence, joined by OCR
    ("'s-Gravenhage, 8 februari 1985 Zoals toegezegd in mijn brief ...")."""
    return rest[:1].isupper() and _is_prose(rest)


def _bare_date(lines: list[SourceLine], idx: list[int], header: Header) -> int | None:
    """A date on a line of its own under the addressee ("1 juli 1994"), before the first
    sentence of the body; its index, or None."""
    rules = layout_rules()
    for i in [i for i in idx if lines[i].text][:_PLACE_DATE_WINDOW]:
        text = lines[i].text
        if _is_sentence(text):  # running text: the body began (a dossier title is no sentence)
            return None
        m = rules.bare_date_line.match(text)
        if m and (value := read_date(m.group("date"))):
            header.date_text = m.group("date")
            header.date_value = value
            return i
    return None


def _embedded_place_date(lines: list[SourceLine], idx: list[int], header: Header) -> None:
    """The date of a place and date line that two-column OCR printed inside another line
    ("... Staten-Generaal 's.Gravenhage, 26 februari 1991 dient te ..."), when no line of
    the header is one: the place must be The Hague's, the date whole. The body's start
    does not move."""
    rules = layout_rules()
    for i in [i for i in idx if lines[i].text][:_PLACE_DATE_WINDOW]:
        m = rules.embedded_place_date.search(lines[i].text)
        if m and (value := read_date(m.group("date"))):
            header.date_text = m.group("date")
            header.date_value = value
            printed = re.sub(r"s[.-]\s?", "s-", m.group("place"), count=1)  # "'s. Gravenhage"
            header.place = header.place or _place(printed, "")
            return


def _place_date(lines: list[SourceLine], idx: list[int], header: Header) -> int | None:
    """Find the "'s-Gravenhage, 14 maart 1983" line; its index, or None.

    The apostrophe of "'s-Gravenhage" may stand on its own line (OCR). The line may go
    on with the salutation ("..., 28 februari 1986 Geachte voorzitter, ...").
    """
    rules = layout_rules()
    content = [i for i in idx if lines[i].text][:_PLACE_DATE_WINDOW]
    for n, i in enumerate(content):
        text = lines[i].text
        m = rules.place_date_line.match(text)
        if m is None and rules.lone_place_line.match(text) and n + 1 < len(content):
            # the place on its line, the date on the next: "'s-Gravenhage," / "14 maart 1983"
            m = rules.place_date_line.match(f"{text} {lines[content[n + 1]].text}")
            i = content[n + 1] if m else i
        if not m or not (value := read_date(m.group("date"))):
            continue
        rest = m.group("rest")
        if rest and not (rules.salutation.match(rest) or _opens_body(rest)):
            continue
        header.place = _place(m.group("place"), lines[content[n - 1]].text if n else "")
        header.date_text = m.group("date")
        header.date_value = value
        return i
    return None


def _place(printed: str, before: str) -> str:
    """The place as printed, with what OCR put on the line before: the apostrophe of
    "'s-Gravenhage" on its own line, or "'s-" broken off ("'s-" / "Gravenhage")."""
    place = " ".join(printed.split())
    if place.startswith(("s-", "S-")) or place.startswith(("Gravenhage", "GRAVENHAGE")):
        # the pattern's parts are all optional: it matches the end of any line
        prefix = layout_rules().place_apostrophe_end.search(before)
        apostrophe = (prefix and prefix.group("apostrophe")) or "'"
        if place[:1] not in "sS":
            if not (prefix and prefix.group("s")):
                return place  # "Gravenhage" without "'s-" on the line before
            place = "s-" + place
        place = apostrophe + place
    return place


_NUMBER_LINE = re.compile(r"^Nr\.?\s*\d+[a-z]?$")


def _masthead_end(lines: list[SourceLine], idx: list[int]) -> int | None:
    """The last line of a printed Kamerstuk's masthead, or None if there is none.

    "Tweede Kamer der Staten-Generaal" / "Vergaderjaar 1988-1989" / "20 800" /
    "Hoofdstuk V Ministerie van Buitenlandse Zaken" / "Nr. 146": the dossier title
    is the text between the session line and "Nr." (or the document's heading in
    capitals). It names the dossier, not the document: it is no ``title``.
    """
    rules = layout_rules().masthead
    content = [i for i in idx if lines[i].text][: rules.window]
    if not content or not rules.start.match(lines[content[0]].text):
        return None
    session = next((n for n, i in enumerate(content) if rules.session.match(lines[i].text)), None)
    if session is None:
        return None
    parts: list[str] = []
    last = None
    # the "Nr. 10" line that closes the masthead, with only titles before it (no sentence
    # ends): a long title line is then a title, not the body ("Goedkeuring van de ...
    # overeenkomst ... (Trb. 1977, 32)" three times over in a combined dossier)
    closing = next(
        (n for n, i in enumerate(content) if n > session and _NUMBER_LINE.match(lines[i].text)),
        None,
    )
    titles_until = (
        closing
        if closing is not None
        and not any(
            lines[i].text.rstrip().endswith((".", ":", ";")) for i in content[session + 1 : closing]
        )
        else session
    )
    for n, i in enumerate(content[session + 1 :], start=session + 1):
        text = lines[i].text
        if rules.dossier.match(text) or rules.skip.match(text):
            last = i
            if parts and text.startswith("Nr"):
                break
            continue
        if rules.end.match(text):
            break
        if (
            parts
            and n >= titles_until
            and _is_prose(text)
            and (text.rstrip().endswith((".", ":", ";")) or len(text.split()) >= _PARAGRAPH_WORDS)
        ):
            break  # the body's first paragraph: the heading ran on into no end line
        parts.append(text)
        last = i
    return last if parts else None


def _document_date(lines: list[SourceLine], idx: list[int], header: Header) -> None:
    """The date of a Kamerstuk without a date line: "Ontvangen 6 februari 1989" under
    "MEMORIE VAN ANTWOORD", or "VERSLAG VAN EEN MONDELING OVERLEG Vastgesteld 9 februari 1989".

    The body starts after the date line, unless running text (a footnote printed
    under the masthead) comes before it: then the date line is in the body.
    """
    rules = layout_rules()
    content = [i for i in idx if lines[i].text][:_PLACE_DATE_WINDOW]
    for n, i in enumerate(content):
        m = rules.document_date_line.match(lines[i].text)
        cover = None if m else rules.heading_date_line.match(lines[i].text)
        found = m or cover
        if found and (value := read_date(found.group("date"))):
            header.date_text = found.group("date")
            header.date_value = value
            if not any(_is_prose(lines[j].text) for j in content[:n]):
                header.body_start = i if m and m.group("heading") else i + 1
                # "AANBIEDINGSBRIEF 19 september 1985" / "Aan de Voorzitter ...": header.
                rest = [j for j in content[n + 1 :] if j >= header.body_start][:1]
                if rest and rules.addressee_start.match(lines[rest[0]].text):
                    header.addressee = _addressee(lines, rest)
                    header.body_start = rest[0] + 1
            return


def _after_side_labels(lines: list[SourceLine], idx: list[int], start: int) -> int:
    """The first line of the body after the salutation at ``start - 1``: the side column's
    last labels and their values may follow it in PDF text ("Uw kenmerk" / "2016Z15087")."""
    labels = layout_rules().header_labels
    rest = [i for i in idx if i >= start and lines[i].text]
    body = start
    k = 0
    while k < len(rest) and labels.kind_of(lines[rest[k]].text) is not None:
        body = rest[k] + 1
        nxt = rest[k + 1] if k + 1 < len(rest) else None
        if nxt is not None and labels.kind_of(lines[nxt].text) is None:
            if _is_prose(lines[nxt].text):
                break
            body = nxt + 1  # the label's value
            k += 1
        k += 1
    return body


def read_header(lines: list[SourceLine], furniture: frozenset[int]) -> Header:
    """Read the header from the first lines that are not page furniture."""
    rules = layout_rules()
    header = Header()
    idx = [i for i in range(len(lines)) if i not in furniture][:_HEADER_WINDOW]
    if _questions_header(lines, idx, header) or _kamerstuk_header(lines, idx, header):
        return header
    salutation = next((i for i in idx if rules.salutation.match(lines[i].text)), None)
    place_date = _place_date(lines, idx, header)
    head = [i for i in idx if salutation is None or i < salutation]
    if salutation is not None:
        header.salutation = salutation
        header.content_start = salutation
        header.body_start = _after_side_labels(lines, idx, salutation + 1)
        _label_values(lines, head, header)
        header.addressee = _addressee(lines, head)
    else:
        # No salutation: the body starts after the header block (side column, date line).
        if place_date is not None:
            head = [i for i in head if i <= place_date]
        block_end = _label_values(lines, head, header, stop_at_prose=True)
        if place_date is None and header.date_text is None:
            place_date = _bare_date(lines, head, header)
        ends = [i for i in (place_date, block_end) if i is not None]
        if ends:
            end = max(ends)
            rest = rules.place_date_line.match(lines[end].text)
            # A date line that goes on with the salutation starts the body itself.
            header.body_start = end if rest and rest.group("rest") else end + 1
            # Running text before the date line (a report addressed further on) is body;
            # the registry's stamp ("Ter griffie van de Tweede Kamer ... ontvangen op ...") is not.
            prose = next(
                (
                    i
                    for i in head
                    if i < end
                    and _is_sentence(lines[i].text)
                    and not rules.header_note.match(lines[i].text)
                    and not rules.addressee_start.match(lines[i].text)
                ),
                None,
            )
            if prose is not None:
                header.body_start = prose
            header.addressee = _addressee(lines, [i for i in head if i < header.body_start])
    if header.date_text is None and salutation is not None:
        for i in head:
            if _DATE_TEXT.fullmatch(lines[i].text) and parse_full_date(lines[i].text):
                header.date_text = lines[i].text
                header.date_value = parse_full_date(lines[i].text)
                break
    if header.date_text is None and header.body_start == 0:
        _document_date(lines, idx, header)
    if header.date_text is None:
        _embedded_place_date(lines, idx, header)
    if header.body_start == 0:
        last = _masthead_end(lines, idx)
        if last is not None:
            header.body_start = last + 1
    return header
