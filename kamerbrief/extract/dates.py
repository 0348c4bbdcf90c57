"""Dates for the record: calendar expressions on spaCy tokens, with ISO 8601 values.

A small grammar reads the letter's tokens; its words (periods, parts, relative
words, contexts that make a number no date) come from ``data/dates.json`` and
the month names from ``data/months.json``. Values keep the letter's precision:
"februari 2014" is ``2014-02``, never a day. Parts, seasons, halves and quarters
are intervals with ``approximate``; relative expressions ("volgend jaar", "dit
najaar") are anchored on the letter's date, and a day without a year takes the
year of the nearest earlier full date, else the letter's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from kamerbrief.extract.spans import span_fields
from kamerbrief.extract.token_reader import TokenReader
from kamerbrief.nlp.sentences import starts_sentence
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import DateItem
from kamerbrief.rules.calendar import month_number, period_year
from kamerbrief.rules.loader import month_rules
from kamerbrief.rules.numbers import parse_count
from kamerbrief.rules.values import DateRules, date_rules

_DAY = re.compile(r"^(?:0?[1-9]|[12]\d|3[01])$")
_YEAR = re.compile(r"^\d{4}$")
_YEAR_WITH_NOTE = re.compile(r"^(\d{4})\d{1,2}$")  # "20235": the year, then footnote 5
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# After an infinitive, these end its clause: the infinitive is a verb, not a noun.
_CLAUSE_ENDS = frozenset({"PUNCT", "SCONJ", "VERB", "AUX"})
_YEAR_SPAN = re.compile(r"^(\d{4})[-–](\d{4})$")
_YEAR_PAIR = re.compile(r"^(\d{4})[/–-](\d{2}|\d{4})$")  # "1987/1988", "1987/88"
_QUARTER = re.compile(r"^[qQ]([1-4])$")

# A calendar point: (year, month, day) with month and day None at lower precision.
Point = tuple[int, int | None, int | None]


@dataclass(frozen=True)
class Interval:
    """From the start of ``lo`` to the end of ``hi``; one point when they are equal."""

    lo: Point
    hi: Point

    @classmethod
    def months(cls, first: int, last: int) -> Interval:
        """Months counted as year*12 + month-1; a whole year collapses to the year."""
        (y1, m1), (y2, m2) = divmod(first, 12), divmod(last, 12)
        if m1 == 0 and m2 == 11 and y1 == y2:
            return cls((y1, None, None), (y1, None, None))
        return cls((y1, m1 + 1, None), (y2, m2 + 1, None))

    def month_range(self) -> tuple[int, int]:
        return (
            self.lo[0] * 12 + (self.lo[1] or 1) - 1,
            self.hi[0] * 12 + (self.hi[1] or 12) - 1,
        )

    def iso(self) -> str:
        lo, hi = _iso(self.lo), _iso(self.hi)
        return lo if lo == hi else f"{lo}/{hi}"


def _iso(point: Point) -> str:
    year, month, day = point
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


@dataclass
class DateMatch:
    """A date expression over tokens ``start`` .. ``end`` (exclusive)."""

    start: int
    end: int
    value: Interval | None
    approximate: bool = False
    full_day: bool = False  # a day with its year written: anchors later bare days


class _Context:
    """What values are anchored on: the letter's date and the last full date read."""

    def __init__(self, letter_date: Point | None) -> None:
        self.letter_date = letter_date
        self.last_full: Point | None = None

    @property
    def anchor(self) -> Point | None:
        """The letter's date; in a letter without one, the last full date read."""
        return self.letter_date or self.last_full

    @property
    def year(self) -> int | None:
        """The year of :attr:`anchor`, or None."""
        anchor = self.anchor
        return None if anchor is None else anchor[0]

    def year_for(self, month: int, day: int | None, mark: str | None) -> int | None:
        """The year of a day or month written without one."""
        if mark is not None and self.anchor is not None:
            ay, am, ad = self.anchor
            here = (month, day or 1)
            if mark == "past":
                return ay if here <= (am or 12, ad or 31) else ay - 1
            return ay if here >= (am or 1, ad or 1) else ay + 1
        if self.last_full is not None:
            year, last_month, _ = self.last_full
            if last_month is not None and last_month - month > 6:
                return year + 1  # "op 31 december 2024 en 2 januari": the next January
            return year
        return self.year


class DateGrammar(TokenReader):
    """Reads calendar expressions from a letter's tokens (see the module docstring)."""

    def __init__(self, doc: Doc, rules: DateRules) -> None:
        super().__init__(doc)
        self.rules = rules
        self.starts, self.keys = _lookups(rules)
        self._word_starts: dict[str, bool] = {}  # could_start of a word, by the word

    def _key(self, i: int, table: dict[str, object]) -> tuple[str, int] | None:
        """The longest key of ``table`` (words split on spaces) starting at ``i``."""
        for key, words in self.keys[id(table)].get(self._word(i), ()):
            if tuple(self.low[i : i + len(words)]) == words:
                return key, i + len(words)
        return None

    def could_start(self, i: int) -> bool:
        """Whether a date expression can begin at token ``i`` (most tokens cannot)."""
        word = self._word(i)
        if word in ("de", "het") and word not in self.starts:
            return self._word(i + 1) in self.starts
        starts = self._word_starts.get(word)
        if starts is None:
            starts = self._word_starts[word] = (
                word in self.starts
                or any(map(str.isdigit, word))
                or parse_count(word) is not None  # "twee jaar geleden"
            )
        return starts

    def _year(self, i: int, *, noted: bool = False) -> int | None:
        """The year at token ``i``; with ``noted``, also one with a footnote number glued on."""
        first, last = self.rules.year_range
        word = self._word(i)
        if noted and (m := _YEAR_WITH_NOTE.match(word)):
            word = m[1]
        if _YEAR.match(word) and first <= int(word) <= last:
            return int(word)
        return None

    def _month(self, i: int) -> int | None:
        word = self._word(i)
        if not word.isalpha():
            return None
        month = month_number(word)
        if month is None:
            return None
        text = self.tokens[i].text
        if len(word) < 5 and not text.islower():  # "Jan", "Mei" capitalised: names
            return None
        return month

    def _day(self, i: int) -> int | None:
        word = self._word(i)
        return int(word) if _DAY.match(word) else None

    def _mark(self, i: int) -> tuple[str | None, int]:
        word = self._word(i)
        if word in self.rules.past_marks:
            return "past", i + 1
        if word in self.rules.future_marks:
            return "future", i + 1
        return None, i

    def _range_word(self, i: int) -> int | None:
        return self._phrase(i, self.rules.range_words)

    # -- the grammar --------------------------------------------------------------------

    def parse(self, i: int, ctx: _Context) -> DateMatch | None:
        """The longest date expression starting at token ``i``."""
        for reader in (
            self._named_day,
            self._decade,
            self._year_pair,
            self._part,
            self._ordinal_period,
            self._period,
            self._day_expr,
            self._month_expr,
            self._numeric,
            self._years,
            self._relative_year,
        ):
            found = reader(i, ctx)
            if found is not None:
                return found
        return None

    def _named_day(self, i: int, ctx: _Context) -> DateMatch | None:
        """'Prinsjesdag', 'Prinsjesdag 2025': a day fixed by its place in its month."""
        spec = self.rules.named_days.get(self._word(i))
        if spec is None:
            return None
        month, weekday, nth = spec
        year, end = self._year(i + 1), i + 2
        if year is None:
            year, end = ctx.year, i + 1
        if year is None:
            return DateMatch(i, end, None)
        day = 1 + (weekday - date(year, month, 1).weekday()) % 7 + 7 * (nth - 1)
        return DateMatch(i, end, Interval((year, month, day), (year, month, day)))

    def _decade(self, i: int, ctx: _Context) -> DateMatch | None:
        """'de jaren negentig', "de jaren '90": the latest such decade the letter's year has
        begun (the 1990s before 2090), ten years."""
        start = i
        if self._word(i) == "de":
            i += 1
        if self._word(i) != "jaren":
            return None
        k = i + 1 + (self._word(i + 1) in {"'", "’"})
        word = self._word(k)
        tens = self.rules.decades.get(word)
        if tens is None and word.isdigit() and len(word) == 2 and word.endswith("0"):
            tens = int(word)
        if tens is None:
            return None
        year = ctx.year
        first = 1900 + tens
        if year is not None and 2000 + tens <= year:
            first = 2000 + tens
        return DateMatch(start, k + 1, Interval((first, None, None), (first + 9, None, None)))

    def _year_pair(self, i: int, ctx: _Context) -> DateMatch | None:
        """'het schooljaar 1987/1988', 'cursusjaar 1987/88': one period of two years."""
        before = self._word(i - 1)
        if before not in self.rules.year_pair_nouns and (
            f"{self._word(i - 2)} {before}" not in self.rules.year_pair_nouns
        ):
            return None
        m = _YEAR_PAIR.match(self._word(i))
        if m is None:
            return None
        first = int(m[1])
        second = int(m[2]) if len(m[2]) == 4 else first // 100 * 100 + int(m[2])
        if second != first + 1:
            return None
        return DateMatch(i, i + 1, Interval((first, None, None), (second, None, None)))

    def _numeric(self, i: int, ctx: _Context) -> DateMatch | None:
        word = self._word(i)
        if m := _NUMERIC_DATE.match(word):
            day, month, year = int(m[1]), int(m[2]), int(m[3])
        elif m := _ISO_DAY.match(word):
            year, month, day = int(m[1]), int(m[2]), int(m[3])
        else:
            return None
        if not _valid_day(year, month, day):
            return None
        point = (year, month, day)
        return DateMatch(i, i + 1, Interval(point, point), full_day=True)

    def _day_point(self, i: int, ctx: _Context, year_hint: int | None = None):
        """(end, day, month, year or None, mark) for 'DAY MONTH [,] [YEAR] [jl.]'."""
        day, month = self._day(i), self._month(i + 1)
        if day is None or month is None:
            return None
        end = i + 2
        year = self._year(end, noted=True)
        if year is not None:
            end += 1
        elif self._word(end) == "," and (year := self._year(end + 1, noted=True)) is not None:
            end += 2  # "3 maart, 2022": a comma before the year
        mark, end = self._mark(end)
        return end, day, month, year, mark

    def _day_expr(self, i: int, ctx: _Context) -> DateMatch | None:
        start = i
        opener = self._word(i) in self.rules.range_openers
        if opener:
            i += 1
        first = self._day(i)
        if first is None:
            return None
        point = self._day_point(i, ctx)
        # "5 tot 9 november 2013", "6 en 7 november": a bare first day
        if point is None:
            j = self._phrase(i + 1, self.rules.range_words)
            second = None if j is None else self._day_point(j, ctx)
            if second is None:
                return None
            end, day2, month, year, mark = second
            year = year or ctx.year_for(month, day2, mark)
            if year is None or not (_valid_day(year, month, first) and first < day2):
                return None
            if not _valid_day(year, month, day2):
                return None
            found = DateMatch(i, end, Interval((year, month, first), (year, month, day2)))
            found.full_day = self._year(end - 1 - (mark is not None)) is not None
            return found
        end, day, month, year, mark = point
        explicit = year is not None
        # "van 1 januari tot 1 juli 2024", "tussen 1 januari en 1 juli 2024"
        between = opener and self._word(start) == "tussen"
        j = self._phrase(end, tuple(w for w in self.rules.range_words if between or w != ("en",)))
        second = self._day_point(j, ctx) if j is not None else None
        if second is not None:
            end2, day2, month2, year2, mark2 = second
            year2 = year2 or year or ctx.year_for(month2, day2, mark2)
            year = year or year2
            if (
                year is not None
                and year2 is not None
                and _valid_day(year, month, day)
                and _valid_day(year2, month2, day2)
                and (year, month, day) < (year2, month2, day2)
            ):
                found = DateMatch(
                    i,
                    end2,
                    Interval((year, month, day), (year2, month2, day2)),
                )
                found.full_day = explicit or self._year(end2 - 1 - (mark2 is not None)) is not None
                return found
        if opener:
            return self._day_expr(i, ctx)
        year = year or ctx.year_for(month, day, mark)
        if year is None or not _valid_day(year, month, day):
            return DateMatch(i, end, None)  # "31 april 2024": a date as written, with no value
        return DateMatch(
            i, end, Interval((year, month, day), (year, month, day)), full_day=explicit
        )

    def _month_point(self, i: int, ctx: _Context):
        """(end, month, year or None, mark) for 'MONTH [van] [YEAR | dit jaar] [jl.]'."""
        month = self._month(i)
        if month is None:
            return None
        end = i + 1
        j = end + 1 if self._word(end) == "van" else end
        year = self._year(j, noted=True)
        if year is not None:
            return j + 1, month, year, None
        rel = self._named_year(j, ctx, bound=False)
        if rel is not None and rel.value is not None:
            return rel.end, month, rel.value.lo[0], None
        mark, end = self._mark(end)
        return end, month, None, mark

    def _month_expr(self, i: int, ctx: _Context) -> DateMatch | None:
        point = self._month_point(i, ctx)
        if point is None:
            return None
        end, month, year, mark = point
        # "november 2022 tot januari 2023"
        j = self._phrase(end, tuple(w for w in self.rules.range_words if w != ("en",)))
        second = self._month_point(j, ctx) if j is not None else None
        if second is not None and second[2] is not None:
            end2, month2, year2, _ = second
            year1 = year if year is not None else year2
            if (year1, month) < (year2, month2):
                return DateMatch(i, end2, Interval((year1, month, None), (year2, month2, None)))
        elif second is not None and year is None and second[1] > month:
            # "mei/juni", "van mei tot en met juni": two months of the year the context gives
            year1 = ctx.year_for(month, None, mark)
            if year1 is not None:
                period = Interval((year1, month, None), (year1, second[1], None))
                return DateMatch(i, second[0], period)
        if year is None:
            # a bare month is a date only where the context says so
            before = self._word(i - 1)
            if mark is None and before not in self.rules.month_context:
                return None
            year = ctx.year_for(month, None, mark)
            if year is None:
                return DateMatch(i, end, None)
        return DateMatch(i, end, Interval((year, month, None), (year, month, None)))

    def _years(self, i: int, ctx: _Context) -> DateMatch | None:
        start = i
        opener = self._word(i) == "tussen" or (self._word(i) == "van" and self._year(i + 1))
        if opener:
            i += 1
        word = self._word(i)
        span = _YEAR_SPAN.match(word)
        if span:
            first, last = int(span[1]), int(span[2])
            lo, hi = self.rules.year_range
            if not (lo <= first < last <= hi) or self._not_a_year(i):
                return None
            return DateMatch(start, i + 1, Interval((first, None, None), (last, None, None)))
        year = self._year(i)
        if year is None or self._not_a_year(i):
            return None
        words = (
            self.rules.range_words
            if self._word(start) == "tussen"
            else tuple(w for w in self.rules.range_words if w != ("en",))
        )
        j = self._phrase(i + 1, words)
        second = self._year(j) if j is not None else None
        if second is not None and second > year:
            return DateMatch(start, j + 1, Interval((year, None, None), (second, None, None)))
        if opener and self._word(start) == "tussen":
            return None
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if nxt is not None and self._counted_after(i, nxt):
            return None
        return DateMatch(i, i + 1, Interval((year, None, None), (year, None, None)))

    def _not_a_year(self, i: int) -> bool:
        """A number that is part of a reference, an article, a name ("WK Voetbal 2018")."""
        before = self._word(i - 1)
        if before == ",":
            before = self._word(i - 2)
        if before.rstrip(".") in self.rules.not_after or before in self.rules.not_after:
            return True
        if i > 0:
            prev = self.tokens[i - 1]
            named = prev.text[:1].isupper() and not starts_sentence(prev)
            if (
                prev.is_alpha
                and (named or prev.pos_ in ("NOUN", "PROPN"))
                and not self._known_before(before)
            ):
                return True  # "WK voetbal 2018", "Wet op de loonbelasting 1964"
            if prev.text in {"/", "-", "–"} and i > 1 and self.low[i - 2].isdigit():
                return True
        nxt = self._word(i + 1)
        return nxt in {"/"} or bool(re.match(r"^[a-z]{2}$", nxt) and self.tokens[i + 1].is_upper)

    def _known_before(self, word: str) -> bool:
        rules = self.rules
        return (
            word in rules.month_context
            or word in rules.parts
            or word in rules.relations
            or word in rules.periods
            or any(word == w[0] for w in rules.trim_leading)
            or month_number(word) is not None
        )

    def _counted_after(self, i: int, nxt: Token) -> bool:
        """'2030 woningen': the number counts something; it is no year."""
        word = nxt.lower_
        if word in self.rules.not_before_words:
            return True
        before = self._word(i - 1)
        if self._known_before(before) or self.low[max(0, i - 3) : i] == ["tot", "en", "met"]:
            return False
        j = nxt.i
        while j < min(nxt.i + 2, len(self.tokens) - 1) and self.tokens[j].pos_ == "ADJ":
            j += 1  # "2000 unieke nummers"
        noun = self.tokens[j]
        word = noun.lower_
        after = self._word(j + 1)
        if noun.is_upper and len(noun) > 1 and after in {"’s", "'s"} and not noun.whitespace_:
            return True  # "2000 BSN’s"
        verb_ends = j + 1 < len(self.tokens) and self.tokens[j + 1].pos_ in _CLAUSE_ENDS
        return (
            (  # "1800 aanvragen"; not "voor 2040 vaststellen zoals ..."
                noun.pos_ == "NOUN" or ("Inf" in noun.morph.get("VerbForm") and not verb_ends)
            )
            and noun.is_lower
            and word.endswith(("en", "s"))
            and word not in self.rules.periods
        )

    def _relative_year(self, i: int, ctx: _Context) -> DateMatch | None:
        found = self._named_year(i, ctx, bound=False)
        if found is not None:
            return found
        # "twee jaar geleden"
        count = parse_count(self._word(i)) if self._word(i) else None
        end = self._phrase(i + 1, self.rules.years_ago)
        if count is not None and end is not None and count < 100 and count == int(count):
            if ctx.anchor is None:
                return DateMatch(i, end, None)
            year = ctx.anchor[0] - int(count)
            return DateMatch(i, end, Interval((year, None, None), (year, None, None)))
        return None

    def _base(self, i: int, ctx: _Context, *, bound: bool) -> DateMatch | None:
        """What a part or an ordinal applies to: a year, month, period or relative year."""
        for reader in (self._ordinal_period, self._period, self._month_expr):
            found = reader(i, ctx)
            if found is not None:
                return found
        year = self._year(i)
        if year is not None and not self._not_a_year(i):
            return DateMatch(i, i + 1, Interval((year, None, None), (year, None, None)))
        return self._named_year(i, ctx, bound=bound)

    def _named_year(self, i: int, ctx: _Context, *, bound: bool) -> DateMatch | None:
        """'vorig jaar', 'dit jaar'; 'het jaar' only after a part ('het einde van het jaar')."""
        rel = self._key(i, self.rules.relative_years)
        if rel is None or (not bound and rel[0] in self.rules.needs_part):
            return None
        if ctx.anchor is None:
            return DateMatch(i, rel[1], None)
        year = ctx.anchor[0] + self.rules.relative_years[rel[0]]
        if rel[0] in self.rules.coming_years and (ctx.anchor[1] or 12) <= 6:
            year -= 1  # "het komende jaar" early in the year: mostly this year
        return DateMatch(i, rel[1], Interval((year, None, None), (year, None, None)))

    def _part(self, i: int, ctx: _Context) -> DateMatch | None:
        """'begin 2016', 'midden april 2014', 'het einde van het jaar', 'eind vorig jaar'."""
        key = self._key(i, self.rules.parts)
        if key is None:
            return None
        name, j = key
        if self._word(j) == "van":
            j += 1
        if self._word(j) in {"het", "de", "dit", "deze"} and self._base(j, ctx, bound=True) is None:
            j += 1
        base = self._base(j, ctx, bound=True)
        if base is None:
            return None
        value = None if base.value is None else _part_of(base.value, self.rules.parts[name])
        return DateMatch(i, base.end, value, approximate=True)

    def _ordinal_period(self, i: int, ctx: _Context) -> DateMatch | None:
        """'het eerste kwartaal van 2024', 'tweede helft van volgend jaar', 'Q3 2025'."""
        start = i
        if self._word(i) in {"het", "de"}:
            i += 1
        quarter = _QUARTER.match(self._word(i))
        if quarter:
            number, unit, j = int(quarter[1]), "kwartaal", i + 1
        else:
            number = self.rules.ordinals.get(self._word(i))
            unit, j = self._word(i + 1), i + 2
            if number is None or unit not in {"kwartaal", "helft"}:
                return None
        if unit == "helft" and number > 2:
            return None
        if self._word(j) == "van":
            j += 1
        base = self._base(j, ctx, bound=True)
        if base is not None and base.value is not None and base.value.lo[1] is None:
            year, end = base.value.lo[0], base.end
        elif base is None and ctx.anchor is not None:
            year, end = ctx.anchor[0], (j - 1 if self._word(j - 1) == "van" else j)
        else:
            return None
        size = 3 if unit == "kwartaal" else 6
        first = year * 12 + (number - 1) * size
        return DateMatch(start, end, Interval.months(first, first + size - 1), approximate=True)

    def _period(self, i: int, ctx: _Context) -> DateMatch | None:
        """'najaar van 2014', 'dit najaar', 'voor de zomer', 'rond de jaarwisseling'."""
        rules = self.rules
        relation = rules.relations.get(self._word(i))
        j = i + 1 if relation else i
        relative = None
        rel = self._key(j, rules.relative_periods)
        if rel is not None:
            relative, j = rules.relative_periods[rel[0]], rel[1]
        elif self._word(j) in {"de", "het"}:
            j += 1
        name = self._word(j)
        if name not in rules.periods:
            return None
        end = j + 1
        k = end + 1 if self._word(end) == "van" else end
        year = self._year(k)
        if year is not None:
            end = k + 1
        elif k > end and (named := self._named_year(k, ctx, bound=False)) is not None:
            # "het najaar van dit jaar", "de zomer van volgend jaar"
            if named.value is None:
                return DateMatch(i, named.end, None, approximate=True)
            year, end = named.value.lo[0], named.end
        elif relative is None and relation in (None, "during"):
            return None  # "in de zomer" alone says no more than a season
        first, last = rules.periods[name]
        if year is None:
            if ctx.anchor is None:
                return DateMatch(i, end, None, approximate=True)
            year = period_year(ctx.anchor[0], ctx.anchor[1], first, last, relative)
        lo, hi = year * 12 + first - 1, year * 12 + last - 1
        if relation == "before":  # the months before it, not before the letter's date
            hi = lo - 1
            lo = hi - 2
            if ctx.anchor is not None:
                lo = max(lo, ctx.anchor[0] * 12 + (ctx.anchor[1] or 1) - 1)
                hi = max(hi, lo)
        elif relation == "after":
            lo = hi + 1
            hi = max(lo, year * 12 + 11)
        begin = (
            i
            if relation in ("before", "after", "around") or relative
            else j - (1 if self._word(j - 1) in {"de", "het"} else 0)
        )
        return DateMatch(begin, end, Interval.months(lo, hi), approximate=True)


_LOOKUPS: dict[int, tuple[frozenset[str], dict[int, dict[str, list]]]] = {}


def _lookups(rules: DateRules) -> tuple[frozenset[str], dict[int, dict[str, list]]]:
    """Words a date can start with, and each phrase table indexed by its first word."""
    if id(rules) not in _LOOKUPS:
        tables = (rules.parts, rules.relative_years, rules.relative_periods)
        keys: dict[int, dict[str, list]] = {}
        for table in tables:
            index: dict[str, list] = {}
            for key in sorted(table, key=lambda k: -len(k.split())):
                words = tuple(key.split())
                index.setdefault(words[0], []).append((key, words))
            keys[id(table)] = index
        starts = {w for table in tables for w in (k.split()[0] for k in table)}
        starts |= set(rules.periods) | set(rules.relations) | set(rules.ordinals)
        starts |= set(rules.range_openers) | set(month_rules().months)
        starts |= set(rules.named_days) | ({"jaren"} if rules.decades else set())
        _LOOKUPS[id(rules)] = (frozenset(starts), keys)
    return _LOOKUPS[id(rules)]


def _part_of(value: Interval, part: str) -> Interval:
    """The begin, middle or end of an interval, at the precision its length calls for."""
    lo, hi = value.month_range()
    n = hi - lo + 1
    if n == 1 and value.lo[2] is None:  # a month: its first, middle or last ten days
        year, month = divmod(lo, 12)
        month += 1
        last_day = calendar.monthrange(year, month)[1]
        days = {"begin": (1, 10), "middle": (11, 20), "end": (21, last_day)}[part]
        return Interval((year, month, days[0]), (year, month, days[1]))
    if n >= 12:
        spans = {"begin": (lo, lo + 2), "middle": (lo + 5, lo + 6), "end": (hi - 2, hi)}
    else:
        mid = lo + (n - 1) // 2
        spans = {"begin": (lo, lo), "middle": (mid, lo + n // 2), "end": (hi, hi)}
    return Interval.months(*spans[part])


def _anchor(parsed: ParsedLetter) -> Point | None:
    date = parsed.metadata.date
    if date is None or date.value is None:
        return None
    parts = [int(p) for p in date.value.split("/")[0].split("-")]
    while len(parts) < 3:
        parts.append(None)  # type: ignore[arg-type]
    return (parts[0], parts[1], parts[2])


DATE_SPANS = "kamerbrief_dates"  # the dates step's token spans, in doc.spans


def find_dates(doc: Doc, parsed: ParsedLetter) -> list[DateMatch]:
    """Every date expression in the letter's content, in text order, as token spans."""
    grammar = DateGrammar(doc, date_rules())
    ctx = _Context(_anchor(parsed))
    found: list[DateMatch] = []
    i = 0
    n = len(grammar.tokens)
    while i < n:
        if grammar.tokens[i].idx < parsed.content_start:
            i += 1
            continue
        hit = grammar.parse(i, ctx) if grammar.could_start(i) else None
        if hit is None or hit.end <= i:
            i += 1
            continue
        found.append(hit)
        if hit.full_day and hit.value is not None:
            ctx.last_full = hit.value.hi
        i = hit.end
    return found


def extract_dates(doc: Doc, parsed: ParsedLetter) -> dict[str, object]:
    """The record's ``dates``; their token spans go to ``doc.spans[DATE_SPANS]``, where
    the amounts step reads them."""
    items = []
    hits = find_dates(doc, parsed)
    doc.spans[DATE_SPANS] = [doc[hit.start : hit.end] for hit in hits]
    for hit in hits:
        items.append(
            DateItem(
                **span_fields(doc, parsed, hit.start, hit.end),
                value=None if hit.value is None else hit.value.iso(),
                approximate=hit.approximate,
            )
        )
    return {"dates": items}
