"""Words glued together by text extraction ("Hetkabinet", "zalanalyseren", "ditook",
"EuropeseCommissie", "IGJ.Verder"): split into tokens where the letter gives the evidence.

A token is split into a function word and the rest (or at a lower-to-upper case change)
only when the letter prints the two words apart, side by side, more often than it prints
them glued. Nothing of two letters is split off the end ("zorg|en", "waar|de" are Dutch
endings), and words made of two glue words ("voordat") stay whole. The text is not
changed: the two tokens have no space between them, so every offset stays exact.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Token

from kamerbrief.nlp.sentences import starts_sentence
from kamerbrief.rules.calendar import month_number
from kamerbrief.rules.loader import gazetteer, head_rules
from kamerbrief.rules.numbers import scale_of
from kamerbrief.rules.values import amount_rules, date_rules
from kamerbrief.rules.words import lexicon, word_rules

MIN_PART = 3  # either part of a split, but a glue word in front: at least this many letters
MIN_TOKEN = 5
COMMON_RANK = 40_000  # a word of the lexicon this common may be split off unseen


class _Decided(NamedTuple):
    """What a word's text alone decides of its split (:func:`_split_in_word`)."""

    point: int  # where to split, or 0
    in_long_name: bool = False  # whether a known name of several words may end in it
    lexicon_point: int = 0  # the lexicon's split point, or 0
    needs_start: bool = False  # whether that split holds only where the word opens a sentence


def _split_in_word(
    text: str, pairs: Counter[tuple[str, str]], words: Counter[str], nouns: Counter[str]
) -> _Decided:
    """What ``text`` alone decides, the same wherever it stands in the letter."""
    rules = word_rules()
    glue = rules.glue_words
    low = text.lower()
    if low in rules.glue_keep:
        return _Decided(0)
    seen = words[low]
    shape = _shape(text)
    for k in shape.points:
        left, right = low[:k], low[k:]
        camel = text[k - 1].islower() and text[k].isupper()
        if left in rules.glue_subjects and len(right) >= 5 and words[right]:
            # "ikalleen", "zalcliëntenorganisaties": the word stands alone elsewhere
            return _Decided(k)
        if not camel and not _glue_between(left, right, glue):
            continue
        if pairs[(left, right)] > seen:
            return _Decided(k)
        if camel and min(len(left), len(right)) >= MIN_PART and words[left] and words[right]:
            return _Decided(k)  # "EuropeseCommissie": both words printed on their own
        if camel and text[k:] in _known_names() and (left in glue or words[left]):
            return _Decided(k)  # "inNederland", "tussenIsraël": a word, a known name
        if camel and (text[:k],) in _long_names().get(text[k:], ()):
            return _Decided(k)  # "AmnestyInternational": a known two-word name, glued
    k = _name_then_word(text, words, nouns, shape.names)
    if k:
        return _Decided(k)
    return _Decided(0, shape.in_long_name, *_lexicon_split(text, words, shape.lexicon_points))


def _glue_between(left: str, right: str, glue: frozenset[str]) -> bool:
    """Whether a glue word ends ``left`` or begins ``right`` with enough of a word beside it."""
    return (left in glue and len(right) >= MIN_PART) or (
        right in glue and len(right) >= MIN_PART and len(left) >= MIN_PART
    )


class _Shape(NamedTuple):
    """Where in a word a split can be at all, from its letters alone (see the callers)."""

    points: tuple[int, ...]  # after a glue word or subject, before a glue word, camel case
    names: tuple[int, ...]  # ends of a known one-word name at the start, longest first
    in_long_name: bool  # whether a known name of several words may end in the word
    lexicon_points: tuple[int, ...] | None  # None: the lexicon split cannot apply


@lru_cache(maxsize=200_000)
def _shape(text: str) -> _Shape:
    """The split points :func:`_split_in_word` and its helpers may take in ``text``: at any
    other point their conditions fail whatever the letter, so they look only here."""
    rules = word_rules()
    glue, subjects = rules.glue_words, rules.glue_subjects
    low = text.lower()
    n = len(text)

    def point(k: int) -> bool:
        left, right = low[:k], low[k:]
        return (
            left in subjects
            or (text[k - 1].islower() and text[k].isupper())
            or _glue_between(left, right, glue)
        )

    points = tuple(k for k in range(1, n) if point(k))
    known = _known_names()
    names = tuple(k for k in range(n - 1, 2, -1) if text[:k] in known)
    index = _long_names()
    in_long_name = any(text[:k] in index for k in range(n - 1, 3, -1))
    lexicon_points: tuple[int, ...] | None = None
    if not (low in lexicon() or not low.isalpha() or text in known):
        either = glue | subjects
        lexicon_points = tuple(
            k for k in range(2, len(low) - 2) if low[:k] in either or low[k:] in either
        )
    return _Shape(points, names, in_long_name, lexicon_points)


def _split_by_context(
    doc: Doc, i: int, decided: _Decided, words: Counter[str], nouns: Counter[str]
) -> int:
    """The split point of token ``i`` from what its text decides (:func:`_split_in_word`)
    and, where that depends on it, the tokens around it."""
    if decided.point:
        return decided.point
    if decided.in_long_name:
        k = _long_name_then_word(doc[i], words, nouns)
        if k:
            return k
    if decided.lexicon_point and (not decided.needs_start or starts_sentence(doc[i])):
        return decided.lexicon_point
    return 0


def _lexicon_split(
    text: str, words: Counter[str], points: tuple[int, ...] | None
) -> tuple[int, bool]:
    """ "ikonderzoeken", "dezeaanbesteding", "Zakenheeft", "ditook": a function word glued
    to a word, where the token is no Dutch word and the parts are (data/lexicon.json): the
    word a common one, or one the letter prints on its own ("om|buigingen" is neither).
    Two content words are never split: Dutch writes its compounds as one word, and a
    capitalised word only at a sentence start ("Ditgegeven", not "de Mijnraad"). The split
    point (or 0) and whether it holds only when the word opens a sentence."""
    low = text.lower()
    known = lexicon()
    if points is None:  # a word of the lexicon, a known name, not only letters
        return 0, False
    glue = word_rules().glue_words | word_rules().glue_subjects

    def common(word: str) -> bool:
        return known.get(word, COMMON_RANK) < COMMON_RANK or (word in known and bool(words[word]))

    for k in points:  # the others have no glue word on either side
        left, right = low[:k], low[k:]
        if left in glue and (
            (len(right) >= 4 and common(right)) or (right in glue and len(right) >= MIN_PART)
        ):
            return k, not text[:1].islower()
        if right in glue and len(right) >= MIN_PART and len(left) >= 5 and common(left):
            return k, False
    return 0, False


@cache
def _long_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The names of the gazetteer of two words or more, by their last word: "Naties" ->
    (("Verenigde",),)."""
    data = gazetteer()
    index: dict[str, set[tuple[str, ...]]] = {}
    for entry in (*data.organisations, *data.locations):
        for form in entry.forms:
            words = form.split()
            if len(words) > 1 and len(words[-1]) >= 4 and words[-1][:1].isupper():
                index.setdefault(words[-1], set()).add(tuple(words[:-1]))
    return {last: tuple(befores) for last, befores in index.items()}


@cache
def _known_names() -> frozenset[str]:
    """The one-word names of the gazetteer ("Nederland", "UNHCR", "BZK"), as written."""
    data = gazetteer()
    return frozenset(
        form
        for entry in (*data.organisations, *data.locations)
        for form in entry.forms
        if " " not in form
        and form[:1].isupper()
        and (len(form) >= 4 or (len(form) == 3 and form.isupper()))  # "BZKdaarom"
    )


def _glued_rest(rest: str, words: Counter[str], nouns: Counter[str]) -> bool:
    """Whether ``rest``, after a name, is a word of its own: a function word, or a word of
    five letters or more the letter prints on its own and never after an article (a noun
    there makes a compound: "Kamerleden", "Commissiebesluit")."""
    if not rest.islower():
        return False
    if rest in word_rules().glue_words:
        return len(rest) >= MIN_PART
    return len(rest) >= 5 and bool(words[rest]) and not nouns[rest]


def _long_name_then_word(token: Token, words: Counter[str], nouns: Counter[str]) -> int:
    """ "Verenigde Natiesgecommuniceerd", "Internationaal Strafhofverdacht": the last word
    of a name of the gazetteer, after the name's other words, glued to the next word."""
    text = token.text
    index = _long_names()
    for k in range(len(text) - 1, 3, -1):
        for before in index.get(text[:k], ()):
            if token.i < len(before):
                continue
            preceding = token.doc[token.i - len(before) : token.i]
            if tuple(t.text for t in preceding) == before and _glued_rest(text[k:], words, nouns):
                return k
    return 0


def _name_then_word(
    text: str, words: Counter[str], nouns: Counter[str], ends: tuple[int, ...]
) -> int:
    """ "Nederlandaandringen", "UNHCRover": a known name that the letter prints on its own,
    glued to a function word of three letters or more or to a word of five letters or more
    that the letter also prints on its own; compounds and endings ("Groningenveld",
    "Nederlandse", "Nederlanden") stay whole."""
    for k in ends:  # where a known name ends, longest first
        name = text[:k]
        if not words[name.lower()]:
            continue
        if _glued_rest(text[k:], words, nouns) or (
            name.isupper() and _word_after_acronym(text[k:])
        ):
            if head_rules().kind_of(text) is not None:
                return 0  # "IJsselmeergebied", "Noordzeekanaal": a name made by its head word
            return k
    return 0


def _word_after_acronym(rest: str) -> bool:
    """ "NVWAis", "VWSmomenteel": an acronym in capitals takes no lower-case ending, so a
    function word or a common word of the lexicon after it is a word of its own."""
    if not rest.islower() or not rest.isalpha():
        return False
    return rest in word_rules().glue_words or lexicon().get(rest, COMMON_RANK) < COMMON_RANK


@cache
def _place_words() -> frozenset[str]:
    """The capitalised words of the gazetteer's places ("Tilburg", "Loon", "Zand")."""
    return frozenset(
        word
        for form in _place_names()
        for word in form.split()
        if word[:1].isupper() and "-" not in word and len(word) >= 3
    )


def _in_name(tok: Token) -> bool:
    """Whether a capitalised word stands right before ``tok``: a name goes on there
    ("Commissie Ontwikkelingssamenwerking Nederland-Suriname")."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.text[:1].isupper() and not prev.is_sent_start


# two months, or a month and the part of the next, joined by a slash or a hyphen:
# "mei/juni", "mei-juni", "mei/begin" (of "eind mei/begin juni")
_MONTH_PAIR = re.compile(r"(?P<a>[A-Za-z]{3,9})(?P<s>[/-])(?P<b>[A-Za-z]{3,9})")


def _month_pair(text: str) -> list[str] | None:
    """ "mei/juni", "mei/begin": split so that the dates read both sides."""
    m = _MONTH_PAIR.fullmatch(text)
    if m is None or month_number(m["a"]) is None:
        return None
    if month_number(m["b"]) is None and m["b"].lower() not in date_rules().parts:
        return None
    return [m["a"], m["s"], m["b"]]


def _place_pair(text: str) -> list[str] | None:
    """ "Tilburg-Loon", "Zand-Waalwijk": two places of a route joined by a hyphen, each a
    word of a known place, split around it; "Amsterdam-Noord", "Staten-Generaal" and known
    names with a hyphen ("Noord-Holland", "Sint-Eustatius") stay whole."""
    left, dash, right = text.partition("-")
    known = _place_words()
    if not dash or "-" in right or left not in known or right not in known:
        return None
    if text in _known_names() or f"{left} {right}" in _place_names():
        return None  # "Noord-Holland", "Sint-Eustatius": one place
    return [left, "-", right]


@cache
def _place_names() -> frozenset[str]:
    return gazetteer().location_forms


_YEAR_NOTE = re.compile(r"(?P<year>(?:19|20)\d{2})\.(?P<note>\d{1,2})")


def _sentence_glue(token: Token, words: Counter[str]) -> list[str] | None:
    """ "IGJ.Verder", "deskundigen.1": a sentence end glued to the next sentence or to a
    footnote number; the parts, or None. The word before the stop must stand alone
    elsewhere in the letter, so abbreviations ("N.V.", "t.a.v.") are never cut."""
    year = _YEAR_NOTE.fullmatch(token.text)
    if year:  # "sinds 2019.7": a year, its stop and a footnote number (no Dutch decimal)
        return [year.group("year"), ".", year.group("note")]
    left, stop, right = token.text.partition(".")
    if not stop or len(left) < MIN_PART - 1 or not left.isalpha() or not words[left.lower()]:
        return None
    if right.isdigit() and len(right) <= 2 and len(left) >= MIN_PART:
        return [left, ".", right]
    if len(right) >= 2 and right.isalpha() and right[0].isupper():
        return [left, ".", right]
    return None


_WORD_NUMBER = re.compile(r"(?P<a>[a-zà-ÿ]{2,})(?P<b>\d[\d.,]*%?)")  # "zijn19"
_NAME_NUMBER = re.compile(r"(?P<a>[A-Za-zÀ-ÿ]{2,})(?P<b>\d{1,3}(?:\.\d{3})*|\d{3,})")  # "TikTok160"
_NUMBER_WORD = re.compile(  # "1.500bewoners", "95%van", "160Nederlandstalige"
    r"(?P<a>\d(?:[\d.,]*\d)?(?:%|x)?)(?P<b>[A-Za-zÀ-ÿ][a-zà-ÿ’']{2,})"
)


# a number glued to a compound of an acronym and a noun: "193VN-lidstaten"
_NUMBER_ACRONYM = re.compile(r"(?P<a>\d(?:[\d.,]*\d)?)(?P<b>[A-Z]{2,}-[a-zà-ÿ]{3,})")


def _common_word(word: str) -> bool:
    """A lower-case word common enough to be a word of its own after a number
    ("1.500bewoners"), or a word of per cent ("21procentpunten"); no code ("3D", "5G") is."""
    return word.islower() and (
        lexicon().get(word, COMMON_RANK) < COMMON_RANK or word in amount_rules().percent_words
    )


# a list item's dash glued to the day of a date: "-1 december 1989"
_DASH_DAY = re.compile(r"(?P<a>[-–])(?P<b>(?:0?[1-9]|[12]\d|3[01]))")
# a footnote's number glued to the name that opens it: "1NOS", "3Dagblad", "1The"
_NOTE_NAME = re.compile(r"(?P<a>[1-9]\d?)(?P<b>[A-Z][a-zà-ÿ]+|[A-Z]{2,})")


# a currency sign glued to the word before it: "bedraagt€", "ongeveer€"
_WORD_SIGN = re.compile(r"(?P<a>[a-zà-ÿ]{3,})(?P<b>[€$£ƒ])")  # not "US$", "HK$"
# a number with decimals or thousands glued to a word: "jaarlijks1,2", "ruim1.500"; a
# footnote marker is a bare number ("cryptografie14")
_WORD_DECIMALS = re.compile(r"(?P<a>[a-zà-ÿ]{2,})(?P<b>\d{1,3}(?:[.,]\d+)+)")


def _scale_glue(doc: Doc, i: int) -> list[str] | None:
    """A scale word glued to the word after it, after a number: "5 miljoeneuro", "5 miljoen"
    + "beschikbaar"; the rest a currency or a common word, never a compound's part."""
    if i == 0 or not doc[i - 1].like_num:
        return None
    low = doc[i].lower_
    for k in range(3, len(low) - 2):
        rest = low[k:]
        if scale_of(low[:k]) is not None and (
            rest in amount_rules().currency_words or (len(rest) >= 4 and _common_word(rest))
        ):
            return [doc[i].text[:k], doc[i].text[k:]]
    return None


def _number_glue(token: Token, words: Counter[str]) -> list[str] | None:
    """A number glued to a word ("zijn19", "december2018", "1.500bewoners", "95%van",
    "4xdieren"): the two parts when the word stands alone elsewhere in the letter; codes
    ("COP29", "CO2", "2024Z01234") have capitals or no such word and stay whole."""
    m = _WORD_NUMBER.fullmatch(token.text)
    # a number after a content word is a footnote marker ("cryptografie14"): left whole, so
    # that it never reads as a quantity; after "zijn" or a month it is glued text
    if m and words[m.group("a")]:
        if m.group("a") in word_rules().glue_words or month_number(m.group("a")):
            return [m.group("a"), m.group("b")]
    m = _WORD_DECIMALS.fullmatch(token.text)
    if m and (words[m.group("a")] or _common_word(m.group("a"))):
        return [m.group("a"), m.group("b")]  # "jaarlijks1,2 miljard"
    m = _NUMBER_WORD.fullmatch(token.text)
    if m and (words[m.group("b").lower()] or _common_word(m.group("b"))):
        return [m.group("a"), m.group("b")]
    m = _NUMBER_ACRONYM.fullmatch(token.text)
    if m:
        return [m.group("a"), m.group("b")]  # "193VN-lidstaten", "2.067EER-studenten"
    m = _DASH_DAY.fullmatch(token.text)
    if m and token.i + 1 < len(token.doc) and month_number(token.nbor().lower_):
        return [m.group("a"), m.group("b")]  # "-1 december 1989": a list item's dash, a day
    m = _NOTE_NAME.fullmatch(token.text)
    if m and (not m.group("b").isupper() or m.group("b") in _known_names()):
        return [m.group("a"), m.group("b")]  # "1NOS, 29 oktober 2024", "3Dagblad van het ..."
    m = _NAME_NUMBER.fullmatch(token.text)
    if m and words[m.group("a").lower()] and len(m.group("b").replace(".", "")) >= 3:
        return [m.group("a"), m.group("b")]  # "TikTok160": no footnote has three digits
    return None


def split_glued(docs: Sequence[Doc]) -> list[Doc]:
    """The paragraphs of one letter with their glued tokens split: a new ``Doc`` (words and
    spaces only, no annotation) where something was split, else the same one."""
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    nouns: Counter[str] = Counter()  # words printed after an article
    articles = word_rules().noun_articles
    # (text, lower case, alphabetic, followed by a space) of every token, read once
    rows_of = [[(t.text, t.lower_, t.is_alpha, bool(t.whitespace_)) for t in doc] for doc in docs]
    for rows in rows_of:
        previous = None
        for _, low, alpha, space in rows:
            if alpha:
                words[low] += 1
                if previous is not None:
                    pairs[(previous, low)] += 1
                    if previous in articles:
                        nouns[low] += 1
                previous = low if space else None
            else:
                previous = None
    decided: dict[str, _Decided] = {}  # what a word's text alone decides
    out: list[Doc] = []
    for doc, rows in zip(docs, rows_of, strict=True):
        splits: dict[int, list[str]] = {}
        for i, (text, _, alpha, _) in enumerate(rows):
            parts: list[str] | None = None
            if alpha and len(text) >= MIN_TOKEN:
                parts = _scale_glue(doc, i)
                if parts is not None:
                    splits[i] = parts
                    continue
                if text not in decided:
                    decided[text] = _split_in_word(text, pairs, words, nouns)
                k = _split_by_context(doc, i, decided[text], words, nouns)
                if k:
                    parts = [text[:k], text[k:]]
            else:
                if "." in text and not doc[i].like_url and not doc[i].like_email:
                    parts = _sentence_glue(doc[i], words)
                if parts is None and any(c.isdigit() for c in text):
                    parts = _number_glue(doc[i], words)
                if parts is None and (m := _WORD_SIGN.fullmatch(text)):
                    parts = [m.group("a"), m.group("b")]
                if parts is None and ("/" in text or "-" in text):
                    parts = _month_pair(text)
                if parts is None and "-" in text and not _in_name(doc[i]):
                    parts = _place_pair(text)
            if parts:
                splits[i] = parts
        if not splits:
            out.append(doc)
            continue
        orths: list[str] = []
        spaces: list[bool] = []
        for i, (text, _, _, space) in enumerate(rows):
            parts = splits.get(i, [text])
            orths.extend(parts)
            spaces.extend([False] * (len(parts) - 1) + [space])
        out.append(Doc(doc.vocab, words=orths, spaces=spaces))
    return out
