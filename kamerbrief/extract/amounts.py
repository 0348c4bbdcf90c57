"""Amounts for the record: money, percentages and counted quantities with scaled values.

Read on spaCy tokens with the words of ``data/amounts.json`` (currencies,
hedges, units) and ``data/numbers.json`` (number words, scales): "ruim 20
miljard euro" is money, value 20000000000, unit EUR, qualifier "ruim";
"tussen € 2 en € 3 miljoen" a range (``value`` 2000000, ``value_max``
3000000); "een 30-tal bedrijven" a quantity of "bedrijven". Dates, article,
dossier and page numbers, list numbers and headings give no amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from kamerbrief.extract.dates import DATE_SPANS
from kamerbrief.extract.spans import span_fields
from kamerbrief.extract.token_reader import TokenReader
from kamerbrief.nlp.sentences import starts_sentence
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import Amount
from kamerbrief.rules.numbers import parse_count, parse_digits, parse_group_word, scale_of
from kamerbrief.rules.values import AmountRules, amount_rules, number_rules

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_PERCENT_TOKEN = re.compile(rf"^({_NUM})(%|%-punt)$")
_RANGE_TOKEN = re.compile(rf"^({_NUM})[-–]({_NUM})$")
_PERCENT_RANGE = re.compile(rf"^({_NUM})[-–]({_NUM})(%)$")  # "10-15%"
_SIGNED_PERCENT = re.compile(rf"^([+\-−±])({_NUM})(%)$")  # "(-3%)", "(+5%)"
_PERCENT_COMPOUND = re.compile(rf"^({_NUM})(%)-[a-zß-ÿ]+$")  # "40%-doelstelling"
_ROUND_SUM = re.compile(rf"^({_NUM})[,.][-–—]{{1,2}}\.?$")  # "ƒ 450,-", "€ 35,-", "f 25,—"
# "f7 min." in a scanned letter, "f100.000,--" with the dashes of a round sum
_GLUED_MONEY = re.compile(rf"^([fƒ€$£])({_NUM})(?:[,.][-–—]{{1,2}}\.?)?$")
# "f 4 500 000", "ƒ 25 000,-", "f 1 234 567,89", "f 4 783,2 mln.": groups after a currency
# sign, the last with a round sum's dash, cents or a decimal before a scale word
_THOUSANDS_GROUP = re.compile(r"^(\d{3})(?:,(\d{1,2})|[,.][-–—]{1,2}\.?)?$")
_GLUED_SCALE = re.compile(rf"^({_NUM})([a-z]{{2,8}}\.?)$")  # "€5mln", "12,5mld"
_TIMES_TOKEN = re.compile(r"^(\d+)([x×])$")  # "12x overbelading"
_SIGNED = re.compile(rf"^[+±]({_NUM})$")
_MINUS = re.compile(rf"^[-−]({_NUM})$")


@cache
def _fraction_pattern() -> re.Pattern[str]:
    """ "1½%", "¾%", "3/4%": a whole and a fraction (a slashed one only before a percent)."""
    signs = "".join(map(re.escape, amount_rules().fraction_signs))
    return re.compile(rf"^(\d+)?(?:([{signs}])|([1-7])/([248]))(%)?$")


def _written_fraction(word: str, after: str = "") -> float | None:
    """The value of "1½", "¾%", "3/4%" (or "1/2" before ``after`` "procent"); None for "3/4"
    alone (a date or a ratio)."""
    rules = amount_rules()
    m = _fraction_pattern().match(word)
    percent = bool(m and m[5]) or after in rules.percent_words
    if m is None or (m[3] and (not percent or int(m[3]) >= int(m[4]))):
        return None
    part = rules.fraction_signs[m[2]] if m[2] else int(m[3]) / int(m[4])
    return (int(m[1]) if m[1] else 0) + part


_MODIFIER_POS = frozenset({"ADJ", "ADV"})
# What follows a counted noun and never a noun's modifier: "drie gezinnen wachten", "... zijn"
_AFTER_PLURAL = frozenset(
    {"AUX", "VERB", "PUNCT", "ADP", "CCONJ", "SCONJ", "ADV", "PRON", "DET", "NUM"}
)
_CLOCK = re.compile(r"^(?:[01]?\d|2[0-4])[.:][0-5]\d$")  # "22.00" before "uur"
_PERIOD = re.compile(r"^(?:19|20)\d\d[-–](?:19|20)\d\d$")  # two years joined: a period
# Not the noun after "per" that a sum prices ("per vat", "per liter"): "per de ..."
_NOT_PRICED = frozenset({"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PUNCT", "NUM"})
_OPENS = frozenset({".", "?", "!", ":", ";", ")"})  # a token after which a line or sentence opens


@dataclass
class AmountMatch:
    """An amount the grammar read over tokens ``start`` .. ``end``, before it is an item."""

    start: int  # token indices, end exclusive
    end: int
    kind: str | None  # money | percentage | quantity; None while the unit is unknown
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    scaled: bool = False  # a scale word (miljoen, mld.) was written


class AmountGrammar(TokenReader):
    """Reads amounts from the tokens of one letter."""

    def __init__(
        self, doc: Doc, rules: AmountRules, blocked: set[int], year: int | None = None
    ) -> None:
        super().__init__(doc)
        self.rules = rules
        self.blocked = blocked  # tokens of dates and the letterhead
        self.starts = _start_words(rules)
        # the signs that may also follow the sum ("1.000 €"): those without a letter; a
        # letter's sign ("f", "EUR", "US$") only goes before it
        self.signs_after = frozenset(
            s for s in rules.currency_symbols if not any(c.isalpha() for c in s)
        )
        # "de meevaller van 430 mln." in a letter of 1992 is in guilders
        old = year is not None and year <= rules.guilder_until
        self.bare_currency = "NLG" if old else "EUR"
        self._lower: frozenset[str] | None = None
        self._word_starts: dict[str, bool] = {}  # what a word alone says of could_start

    def could_start(self, i: int) -> bool:
        """Whether an amount can begin at token ``i``: a numeral, a hedge, a sign, 'een'."""
        if i in self.blocked:
            return False
        word = self._word(i)
        starts = self._word_starts.get(word)
        if starts is None:
            starts = self._word_starts[word] = (
                word in self.starts
                or any(map(str.isdigit, word))
                or parse_count(word) is not None
                or parse_group_word(word) is not None
                or _written_fraction(word) is not None
            )
        return starts or self._fraction(i) is not None

    def _fraction(self, i: int) -> float | None:
        """ "anderhalf miljard", "(een) half miljoen": a fraction before a scale word."""
        value = number_rules().fractions.get(self._word(i))
        return value if value is not None and scale_of(self._word(i + 1)) is not None else None

    # -- numbers --------------------------------------------------------------------

    def _number(self, i: int) -> tuple[int, float, float | None, bool] | None:
        """(end, value, upper bound or None, is_group) for the numeral at ``i``."""
        if i in self.blocked or i >= len(self.tokens):
            return None
        word = self._word(i)
        value = parse_digits(word)
        if value is not None:
            part = _written_fraction(self._word(i + 1), self._word(i + 2))
            if word.isdigit() and part is not None and part < 1:
                return i + 2, value + part, None, False  # "1 ½%", "2 1/2 procent"
            return i + 1, value, None, False
        if (part := _written_fraction(word)) is not None:
            return i + 1, part, None, False  # "1½%", "¾%"
        if (fraction := self._fraction(i)) is not None:
            return i + 1, fraction, None, False
        if m := _PERCENT_TOKEN.match(word):
            return i + 1, parse_digits(m[1]) or 0.0, None, False
        if m := _SIGNED_PERCENT.match(word):
            value = parse_digits(m[2]) or 0.0
            return i + 1, -value if m[1] in "-−" else value, None, False
        if m := _PERCENT_COMPOUND.match(word):
            return i + 1, parse_digits(m[1]) or 0.0, None, False
        if (m := _ROUND_SUM.match(word)) or (m := _GLUED_MONEY.match(word)):
            return i + 1, parse_digits(m[m.lastindex or 1]) or 0.0, None, False
        if word in self.rules.one_words and scale_of(self._word(i + 1)) is not None:
            return i + 1, 1.0, None, False  # "een miljard euro"
        if (
            word in self.rules.one_words
            and word != "een"
            and self._word(i + 1) in self.rules.percent_words
        ):
            return i + 1, 1.0, None, False  # "minder dan één procent" (not "een procent")
        if (m := _GLUED_SCALE.match(word)) and (scale := scale_of(m[2])) is not None:
            return i + 1, (parse_digits(m[1]) or 0.0) * scale, None, False  # "€5mln"
        if m := _SIGNED.match(word):
            return i + 1, parse_digits(m[1]) or 0.0, None, False
        if (m := _MINUS.match(word)) and self._word(i - 1) in self.rules.level_datums:
            return i + 1, -(parse_digits(m[1]) or 0.0), None, False  # "NAP -4 m": a depth
        if (m := _TIMES_TOKEN.match(self.tokens[i].text)) and not self._word(i - 1).isdigit():
            return i + 1, float(m[1]), None, False  # not "ISSN 0921 738x", "1X" (a footnote)
        if (m := _RANGE_TOKEN.match(word)) or (m := _PERCENT_RANGE.match(word)):
            lo, hi = parse_digits(m[1]), parse_digits(m[2])
            if lo is not None and hi is not None and lo < hi:
                return i + 1, lo, hi, False
        group = parse_group_word(word)
        if group is not None:
            return i + 1, float(group), None, True
        if word.isalpha():
            count = parse_count(word)
            if count is not None:
                return i + 1, count, None, False
        return None

    def _scaled(self, i: int) -> tuple[int, float, float | None, bool, bool] | None:
        """A numeral with its scale word: (end, value, upper, is_group, scaled)."""
        number = self._number(i)
        if number is None:
            return None
        end, value, upper, group = number
        scale = scale_of(self._word(end)) or self._ocr_scale_before_currency(end)
        if scale is not None and not group:
            end += 1
            abbreviated = len(self._word(end - 1)) <= 3
            if abbreviated and self._word(end) == "." and not self.tokens[end - 1].whitespace_:
                end += 1  # "mld." split by the tokenizer
            return end, value * scale, None if upper is None else upper * scale, group, True
        return end, value, upper, group, False

    def _ocr_scale_before_currency(self, i: int) -> float | None:
        """The scale of OCR's "min." for "mln." before a currency word: "12 min. gulden"
        (not "45 min. langer", minutes)."""
        scale = self.rules.ocr_scales.get(self._word(i))
        if scale is None:
            return None
        after = i + 1
        if self._word(after) == "." and not self.tokens[i].whitespace_:
            after += 1
        return scale if self._word(after) in self.rules.currency_words else None

    # -- one amount -----------------------------------------------------------------

    def parse(self, i: int) -> AmountMatch | None:
        """The amount starting at token ``i`` (a hedge, a currency sign or a numeral)."""
        rules = self.rules
        start = i
        qualifier = None
        q_end = self._phrase(i, rules.qualifiers)
        if q_end is not None and self._starts_number(q_end):
            qualifier = _text(self.tokens, i, q_end)
            i = q_end
        if self._word(i) == "een" and (
            parse_group_word(self._word(i + 1)) is not None or self._fraction(i + 1) is not None
        ):
            i += 1  # "een 30-tal", "een viertal", "een half miljard"
        article = 1 if self._word(i + 1) in {"de", "het"} else 0  # "tussen de 10 en 15 miljoen"
        opener = self._word(i) in rules.range_openers and self._starts_number(i + 1 + article)
        if opener:
            i += 1 + article
        sign = self._sign(i)
        currency = None if sign is None else sign[0]
        if sign is not None:
            i += sign[1]
        elif m := _GLUED_MONEY.match(self.tokens[i].text if i < len(self.tokens) else ""):
            currency = rules.currency_symbols.get(m[1].lower())
        first = self._grouped_count(i) if currency is None else None
        if first is None:
            first = self._scaled(i)
            if first is None or self._not_an_amount(i, first[0]):
                return None
        elif self._not_an_amount(i, i + 1, grouped=True):
            return None
        end, value, upper, group, scaled = first
        if currency is not None and not scaled:
            end, value, scaled = self._money_digits(end, value)
        found = AmountMatch(start, end, None, value, upper, qualifier=qualifier, scaled=scaled)
        # a range: "2 à 3 miljoen", "tussen € 2 en € 3 miljoen", "0,1 tot 2,8 Mton"
        words = rules.range_words + ((("en",),) if opener else ())
        j = self._phrase(end, words)
        if j is not None and upper is None:
            sign = self._sign(j)
            k = j if sign is None else j + sign[1]
            second = self._scaled(k)
            if second is not None and not self._not_an_amount(k, second[0]):
                end2, value2, _, _, scaled2 = second
                if (
                    scaled2 and not scaled and value < 1000
                ):  # "2 à 3 miljoen", not "500.000 tot 1 miljoen"
                    value *= value2 / _unscaled(self, k)
                if value < value2:
                    found = AmountMatch(
                        start,
                        end2,
                        None,
                        value,
                        value2,
                        qualifier=qualifier,
                        scaled=scaled or scaled2,
                    )
                    end = end2
        elif opener:
            return None
        if currency is not None:
            found.kind, found.unit = "money", currency
            return self._money_tail(found)
        return self._unit(found, group)

    def _money_digits(self, end: int, value: float) -> tuple[int, float, bool]:
        """Thousands grouped by spaces and the OCR scale of a sum after a currency sign.

        "f 4 500 000" is 4500000 (after a sign, three-digit groups are no dossier number),
        "f 1 234 567,89" 1234567.89, "f 4 783,2 mln." 4783.2 million;
        "f7 min." is 7 million ("min." is how scans read "mln.", only after a sign).
        """
        if float(value).is_integer() and value < 1000:
            while (
                end < len(self.tokens)
                and self.tokens[end - 1].whitespace_
                and (group := _THOUSANDS_GROUP.match(self.tokens[end].text))
            ):
                value, end = value * 1000 + int(group[1]), end + 1
                if group[2]:  # "f 1 234 567,89": the cents (or decimals) end the sum
                    value += int(group[2]) / 10 ** len(group[2])
                    break
        word = self._word(end)
        scale = self.rules.ocr_scales.get(word) or scale_of(word.rstrip("."))
        if scale is not None:
            end += 1
            if self._word(end) == "." and not self.tokens[end - 1].whitespace_:
                end += 1  # "mln." split by the tokenizer
            return end, value * scale, True
        return end, value, False

    def _count_after_name(self, prev: Token, word: str, end: int) -> bool:
        """ "bij de IND 260 asielaanvragen", "TikTok 160 moderatoren": a count of three
        digits or more after a capitalised name or acronym, not a year, counts the noun
        after it ("COP 28", "WK 2026", "Natura 2000" are names)."""
        digits = word.replace(".", "")
        return (
            len(prev) > 1
            and digits.isdigit()
            and len(digits) >= 3
            and not (len(digits) == 4 and digits.startswith(("19", "20")))
            and self._counted_noun(end, digits=True) is not None
        )

    def _currency_after(self, end: int) -> bool:
        """Whether a currency or a scale follows: the number is a sum ("NAM 1,5 euro")."""
        word = self._word(end)
        return word in self.rules.currency_words or scale_of(word) is not None

    def _grouped_count(self, i: int) -> tuple[int, float, float | None, bool, bool] | None:
        """ "46 890 illegale grensoverschrijdingen": thousands grouped by spaces, then a
        plural noun they count (a dossier number, "31 839", counts nothing)."""
        word = self._word(i)
        if not re.fullmatch(r"[1-9][0-9]{0,2}", word):
            return None
        value, end = int(word), i + 1
        while (
            end < len(self.tokens)
            and re.fullmatch(r"[0-9]{3}", self.tokens[end].text)
            and self.tokens[end - 1].whitespace_ == " "
        ):
            value, end = value * 1000 + int(self.tokens[end].text), end + 1
        if end == i + 1:
            return None
        if self._measure(end) is not None:
            return end, float(value), None, False, False  # "23 000 ha", "12 000 m2"
        noun = self._counted_noun(end, digits=True)
        if noun is None or not self._word(noun).endswith(("en", "s", "’s", "'s")):
            return None
        return end, float(value), None, False, False

    def _starts_number(self, i: int) -> bool:
        sign = self._sign(i)
        j = i if sign is None else i + sign[1]
        if self._word(j) == "een":
            j += 1
        return self._number(j) is not None

    def _sign(self, i: int) -> tuple[str, int] | None:
        """A currency sign before a sum: its code and its width in tokens ("Hfl." is
        two when the tokenizer splits off the full stop)."""
        word = self._word(i)
        width = 1
        code = self.rules.currency_symbols.get(word) or self._ocr_sign(i)
        if (
            self._word(i + 1) == "."
            and not self.tokens[i].whitespace_
            and word + "." in self.rules.currency_symbols
        ):
            code, width = self.rules.currency_symbols[word + "."], 2
        if code is None or (len(word) == 2 and word.endswith(".") and self._opens_line(i)):
            return None  # "f. 25 gemeenten ...": item f of a list, not a sign
        nxt = self._word(i + width)
        if (
            parse_digits(nxt) is None
            and not _RANGE_TOKEN.match(nxt)
            and not _ROUND_SUM.match(nxt)
            and not _GLUED_SCALE.match(nxt)
        ):
            return None  # "f" or "eur" not followed by digits
        return code, width

    def _ocr_sign(self, i: int) -> str | None:
        """ "/ 300 mln.": a guilder sign OCR read as a slash, standing apart, before a
        number and a scale word (not "2022 / 2023", not "1 / 3")."""
        code = self.rules.ocr_signs.get(self._word(i))
        if code is None or self._word(i - 1)[:1].isdigit():
            return None
        scale = self._word(i + 2)
        if parse_digits(self._word(i + 1)) is None:
            return None
        if scale_of(scale.rstrip(".")) is None and scale not in self.rules.ocr_scales:
            return None
        return code

    def _money_tail(self, found: AmountMatch) -> AmountMatch:
        """A currency word after the sign ("€ 5 miljoen euro") and 'structureel'."""
        end = found.end
        if (
            self._word(end) == ","
            and self._word(end + 1) in {"-", "–", "—", "--"}
            and not self.tokens[end - 1].whitespace_
            and not self.tokens[end].whitespace_
        ):
            end += 2  # "f 100.000,—" split by the tokenizer
        if self._word(end) in self.rules.currency_words:
            end += 1
        suffix = self._phrase(end, self.rules.money_suffixes) or self._per_unit(end)
        found.end = suffix or end
        return found

    def _per_unit(self, end: int) -> int | None:
        """ "1,5 euro per vat", "12 ct per liter": "per" and the one noun it prices."""
        if self._word(end) != "per" or end + 1 >= len(self.tokens):
            return None
        noun = self.tokens[end + 1]
        return end + 2 if noun.is_alpha and noun.pos_ not in _NOT_PRICED else None

    def _unit(self, found: AmountMatch, group: bool) -> AmountMatch | None:
        """What follows the numeral: a currency, '%', a unit of measure or a counted noun."""
        rules = self.rules
        end = found.end
        word = self._word(end)
        last = self._word(found.end - 1)
        if (m := _PERCENT_TOKEN.match(last)) or (m := _PERCENT_COMPOUND.match(last)):
            found.kind, found.unit = "percentage", rules.percent_words[m[2]]
            return found
        if m := _SIGNED_PERCENT.match(last):
            found.kind, found.unit = "percentage", rules.percent_words[m[3]]
            return found
        if (m := _fraction_pattern().match(last)) and m[5]:
            found.kind, found.unit = "percentage", rules.percent_words[m[5]]
            return found
        if m := _PERCENT_RANGE.match(last):
            found.kind, found.unit = "percentage", rules.percent_words[m[3]]
            return found
        if (m := _TIMES_TOKEN.match(self.tokens[found.end - 1].text)) and m[2] in rules.multipliers:
            found.kind, found.unit = "quantity", rules.multipliers[m[2]]
            return found
        if word in rules.multipliers:  # "drie keer", not "twee keer zo vaak"
            if self._word(end + 1) in rules.comparisons:
                return None
            found.kind, found.unit, found.end = "quantity", rules.multipliers[word], end + 1
            return found
        opens_next = end + 1 < len(self.tokens) and self.tokens[end + 1].like_num
        if word in self.signs_after and not opens_next:
            # a sign after the sum, as tables and foreign sources print it: "1.000 €"; not
            # the sign of the next sum ("12 € 5 miljoen")
            found.kind, found.unit = "money", rules.currency_symbols[word]
            found.end = end + 1
            return self._money_tail(found)
        pair = f"{word} {self._word(end + 1)}"  # "Duitse mark", "Amerikaanse dollar"
        if pair in rules.currency_words:
            found.kind, found.unit = "money", rules.currency_words[pair]
            found.end = end + 2
            return self._money_tail(found)
        if word in rules.currency_words:
            found.kind, found.unit = "money", rules.currency_words[word]
            found.end = end + 1
            return self._money_tail(found)
        if word in rules.minor_units:
            code, factor = rules.minor_units[word]
            # "12 ct per liter": a cent of the letter's era, guilder or euro
            found.kind, found.unit = "money", self.bare_currency if code == "*" else code
            found.end = self._per_unit(end + 1) or end + 1
            found.value *= factor
            found.value_max = None if found.value_max is None else found.value_max * factor
            return found
        if word in rules.percent_words:
            found.kind, found.unit, found.end = "percentage", rules.percent_words[word], end + 1
            return found
        unit = self._measure(end)
        if unit is not None:
            found.kind, found.unit, found.end = "quantity", unit[0], unit[1]
            return found
        noun = self._counted_noun(
            end, digits=not group and parse_digits(self._word(found.end - 1)) is not None
        )
        if noun is not None:
            end = noun + 1
            if self._word(end) in {"’s", "'s"} and not self.tokens[noun].whitespace_:
                end += 1  # "regio’s"
            found.kind, found.unit, found.end = "quantity", _text(self.tokens, noun, end), end
            return found
        if found.scaled and (self._money_scale(found) or self._money_context(found.start)):
            found.kind, found.unit = "money", self.bare_currency
            return self._money_tail(found)
        return found  # kind None: may take the unit of a coordinated amount

    def _measure(self, i: int) -> tuple[str, int] | None:
        if i >= len(self.tokens):
            return None
        tok = self.tokens[i]
        text = tok.text
        end = i + 1
        if text == "°" and not tok.whitespace_ and end < len(self.tokens):
            text, end = text + self.tokens[end].text, end + 1
        if text.lower() in self.rules.measure_units:
            return text, end
        return None

    def _counted_noun(self, i: int, *, digits: bool) -> int | None:
        """The index of the noun a number counts: 'acht bovenregionale netwerken'."""
        rules = self.rules
        j = i
        if digits and self._label_of_line(i):
            return None
        if digits and self._word(j) == "van" and self._word(j + 1) in {"de", "het"}:
            j += 2  # "135 van de winningen"
        modifiers = 0
        while j < len(self.tokens):
            tok = self.tokens[j]
            if tok.text == "(" and not self._word(j + 1)[:1].isdigit():
                return None  # "inkomstenbelasting 1964 (afschaffing ...)": an aside, no noun
            if tok.text in "()":
                j += 1
                continue
            if tok.lower_ in rules.clause_words or tok.lower_ in rules.list_words:
                return None  # "het belastingplan 1979 waarvoor ...", "12 resp. 15 miljoen"
            if (tok.pos_ in ("NOUN", "PROPN") or tok.is_upper) and self._countable(tok):
                return j  # the tagger calls a plural acronym ("BSN’s") a symbol
            if j == i and digits and self._capitalised_plural(j):
                return j  # "330 Bulgaren", "321 Ebusco’s"
            if tok.pos_ == "VERB" and self._plural_form(tok) and self._noun_like(j):
                return j  # "acht hoofdopgaven", tagged as an infinitive or a plural verb
            if j == i and self._participle_noun(j):
                return j  # "vier gezinnen zijn verhuisd", tagged as a participle
            if j == i and digits and self._mistagged_plural(j):
                return j  # "1.838 zwembaden zijn", "47 zendingen", tagged as a verb or adverb
            if (
                tok.pos_ in _MODIFIER_POS
                or tok.lower_ in rules.count_modifiers
                or (tok.pos_ == "VERB" and tok.morph.get("VerbForm") == ["Part"])
                or tok.lower_.endswith("ende")
            ):
                modifiers += 1
                if modifiers > rules.max_modifiers:
                    return None
                j += 1
                continue
            return None
        return None

    def _opens_line(self, i: int) -> bool:
        """Whether token ``i`` is the first of its line."""
        prev = self.tokens[i - 1] if i > 0 else None
        return prev is None or prev.is_space or "\n" in prev.whitespace_ or "\n" in prev.text

    def _label_of_line(self, i: int) -> bool:
        """A number that opens a line or a sentence before a capitalised word labels it: a
        footnote or a list item ("1 Mbo-instelling verbiedt ...", "nl) 3 Passende ...")."""
        if i < 2 or i >= len(self.tokens):
            return False
        word = self.tokens[i].text
        if not word[:1].isupper() or word.isupper():
            return False
        before = self.tokens[i - 2]
        return before.text in _OPENS or before.is_space or "\n" in before.whitespace_

    def _capitalised_plural(self, j: int) -> bool:
        """A capitalised plural right after a number in running text: people of a nation
        ("330 Bulgaren") or things of a brand ("321 Ebusco’s"), not a heading run in."""
        tok = self.tokens[j]
        if not tok.is_title or starts_sentence(tok) or tok.lower_ in self.rules.not_counted:
            return False
        if tok.lower_ in self._lower_words():
            return False  # "5 Indien ...", "2 Is ...": a numbered answer's first word
        before = self.tokens[j - 2] if j >= 2 else None
        if before is None or before.text in _OPENS or "\n" in before.whitespace_:
            return False  # a number that opens a sentence or a line labels it
        if not self.tokens[j - 1].whitespace_:
            return False  # "4Improven": a footnote's number glued to its first word
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        glued_s = nxt is not None and nxt.text in {"’s", "'s"} and not tok.whitespace_
        plural = tok.lower_.endswith(("en", "ers", "s")) or glued_s
        return plural and (nxt is None or not nxt.is_title)

    def _lower_words(self) -> frozenset[str]:
        """The words the letter writes in lower case."""
        if self._lower is None:
            self._lower = frozenset(t.text for t in self.tokens if t.is_lower)
        return self._lower

    @staticmethod
    def _plural_form(tok: Token) -> bool:
        """An infinitive, or a plural past verb (a plural noun after a number is never
        one: "260 asielaanvragen open"); a plural present is often an infinitive after a
        year or a list number ("in 2015 verlenen", "1) Beperkt afgraven")."""
        forms = tok.morph.get("VerbForm")
        past = "Plur" in tok.morph.get("Number") and "Past" in tok.morph.get("Tense")
        return "Inf" in forms or ("Fin" in forms and past)

    def _noun_like(self, j: int) -> bool:
        """An infinitive-tagged word that reads as a plural noun: more of the clause follows."""
        tok = self.tokens[j]
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        return (
            tok.is_lower
            and self._countable(tok)
            and nxt is not None
            and nxt.text not in {".", "!", "?", ";", "te", "om"}
            and nxt.pos_ not in ("VERB", "AUX", "SCONJ")
        )

    def _mistagged_plural(self, j: int) -> bool:
        """A plural noun right after a number that is no year, which the tagger called a
        verb, adverb or adjective: a lower-case word in -en or -s that no noun follows
        ("in totaal 1.838 zwembaden zijn", "t/m 31 juli 47 zendingen"); not "in 2015
        verlenen", not "47 open zendingen" (a modifier)."""
        tok = self.tokens[j]
        number = self._word(j - 1).replace(".", "")
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        return (
            tok.pos_ in ("VERB", "ADV", "ADJ")
            and tok.is_lower
            and tok.is_alpha
            and len(tok) >= 4
            and tok.lower_.endswith(("en", "s"))
            and number.isdigit()
            and not (len(number) == 4 and number.startswith(("19", "20")))
            and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "PRON"))  # "18 voorkomen we"
            and self._countable(tok)
        )

    def _participle_noun(self, j: int) -> bool:
        """A plural noun tagged as a participle, right after the number: no noun follows it.

        "drie gezinnen wachten nog" counts "gezinnen"; "twee gesloten scholen" does not
        count "gesloten" (a noun follows: the participle is a modifier).
        """
        tok = self.tokens[j]
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        return (
            tok.pos_ == "VERB"
            and tok.morph.get("VerbForm") == ["Part"]
            and tok.is_lower
            and tok.text.endswith(("en", "s"))
            and self._countable(tok)
            and (nxt is None or nxt.pos_ in _AFTER_PLURAL)
        )

    def _countable(self, tok: Token) -> bool:
        word = tok.lower_
        if word in self.rules.not_counted or not any(c.isalpha() for c in word):
            return False
        if tok.like_url or word.startswith(("http", "www.")):
            return False  # a footnote's number before its web address: "14 https://..."
        if tok.is_lower:
            return True
        if tok.is_upper and len(tok) > 1 and not tok.whitespace_:  # "BSN’s": a plural acronym
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.text in {"’s", "'s"}:
                return True
        # "WIA-beoordelingen", "CO2-equivalenten": an acronym joined to a lower-case noun
        head, _, tail = tok.text.rpartition("-")
        return bool(head) and tail.islower()

    def _after_label(self, k: int) -> bool:
        """Whether the numbers and joins before token k follow a label ("artikelen 42 en")."""
        joins = self.rules.series_joins
        while k > 0 and (self._word(k - 1) in joins or self._word(k - 1).isdigit()):
            k -= 1
        label = self._word(k - 1) if k > 0 else ""
        return self._word(k).isdigit() and (
            label in self.rules.not_after or label.rstrip(".") in self.rules.not_after
        )

    def _money_scale(self, found: AmountMatch) -> bool:
        """ "510 mln.", "5 mld.": a scale written short, which letters use for sums."""
        return any(
            self._word(k).rstrip(".") in self.rules.money_scales
            for k in range(found.start, found.end)
        )

    def _money_context(self, i: int) -> bool:
        """Words of money near a bare '250 miljoen'."""
        window = self.low[max(0, i - 40) : i + 12]
        return any(w in self.rules.money_context for w in window)

    def _not_an_amount(self, i: int, end: int, *, grouped: bool = False) -> bool:
        """Article, dossier, list and page numbers; ordinals; phone numbers."""
        rules = self.rules
        before = self._word(i - 1)
        if before in rules.not_after or before.rstrip(".") in rules.not_after:
            return True
        if before in rules.series_joins and self._after_label(i - 1):
            return True  # "artikelen 42 en 15", "vragen 3, 4 en 5"
        word = self._word(i)
        if _CLOCK.match(word) and self._word(i + 1) == "uur":
            return True  # "tot 22.00 uur": a time of day
        if _PERIOD.match(word):
            return True  # "het schooljaar 2025–2026", "Wet maatregelen 1987-1991": a period
        if before in rules.part_labels and word.isdigit() and len(word) <= 2:
            return True  # "Lijn 3 zet in op ...": a numbered part
        if grouped:
            return False
        nxt = self._word(end)
        if nxt in {"e", "ste"}:
            return True  # "7 e Actieprogramma": an ordinal
        if word.isdigit() and len(word) > 1 and word.startswith("0"):
            return True  # "070 ...": a phone number
        # "31 839", "21 501-02": a dossier number in two groups (not after a sign: "f 4 500 000")
        money = before in rules.currency_symbols
        if word.isdigit() and re.match(r"^\d{3}(?:-\d+)?$", nxt) and not money:
            return True
        if re.match(r"^\d{3}(?:-\d+)?$", word) and self._word(i - 1).isdigit():
            return True
        tok = self.tokens[i]
        prev = self.tokens[i - 1] if i > 0 else None
        line_start = prev is None or "\n" in prev.whitespace_ or "\n" in prev.text
        if (
            prev is not None
            and any(c.isdigit() for c in word)  # "in Nederland drie zorgaanbieders" is no name
            and prev.is_alpha
            and prev.text[:1].isupper()
            and not starts_sentence(prev)
            and prev.lower_ not in rules.currency_symbols
            and prev.lower_ not in rules.level_datums  # "NAP -4 m"
            and not self._count_after_name(prev, word, end)
            and not self._currency_after(end)
        ):
            return True  # "Natura 2000", "Horizon 2020": part of a name; not "IND 260 aanvragen"
            # nor "de NAM 1,5 euro per vat"
        opener = self.tokens[end] if end < len(self.tokens) else None
        if line_start and (
            nxt in {".", ")"}
            or (opener is not None and (opener.is_title or (opener.is_upper and len(opener) > 1)))
        ):
            return True  # "1. ...", "1) ...", a footnote "1 Kamerstuk ...", "5 NIS directive"
        if (
            prev is not None
            and prev.text in {".", ";"}
            and end == i + 1
            and word.isdigit()
            and end < len(self.tokens)
            and self.tokens[end].is_title
        ):
            return True  # "... aangevuld. 3 Toxische stoffen ...": a paragraph number run in
        return (
            tok.is_title
            and not starts_sentence(tok)
            and parse_digits(word) is None
            and self._word(i - 1) not in number_rules().units
        )


_STARTS: dict[int, frozenset[str]] = {}


def _start_words(rules: AmountRules) -> frozenset[str]:
    """The first words of hedges, range openers and currency signs, and the words for one."""
    if id(rules) not in _STARTS:
        words = {q[0] for q in rules.qualifiers} | set(rules.range_openers)
        signs = set(rules.currency_symbols) | set(rules.ocr_signs)
        _STARTS[id(rules)] = frozenset(words | signs | rules.one_words)
    return _STARTS[id(rules)]


def _unscaled(grammar: AmountGrammar, i: int) -> float:
    number = grammar._number(i)
    return 1.0 if number is None or number[1] == 0 else number[1]


def _text(tokens: list[Token], start: int, end: int) -> str:
    return "".join(t.text_with_ws for t in tokens[start:end]).strip()


def _blocked_tokens(doc: Doc, parsed: ParsedLetter) -> set[int]:
    """Tokens where no amount is read: the dates step's dates and the letterhead before
    the content."""
    if DATE_SPANS not in doc.spans:
        raise RuntimeError("the amounts step reads the dates step's spans: run it first")
    blocked: set[int] = set()
    for span in doc.spans[DATE_SPANS]:
        blocked.update(range(span.start, span.end))
    for tok in doc:
        if tok.idx >= parsed.content_start:
            break
        blocked.add(tok.i)
    return blocked


def find_amounts(doc: Doc, parsed: ParsedLetter) -> list[AmountMatch]:
    """Every amount in the letter's content, in text order, as token spans; no date (the
    dates step's, in ``doc.spans``) becomes an amount."""
    date = parsed.metadata.date
    year = int(date.value[:4]) if date is not None and date.value else None
    grammar = AmountGrammar(doc, amount_rules(), _blocked_tokens(doc, parsed), year)
    found: list[AmountMatch] = []
    i = 0
    while i < len(grammar.tokens):
        hit = grammar.parse(i) if grammar.could_start(i) else None
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    bare = [hit for hit in found if hit.kind is None]
    found = _share_scales(grammar, _share_units(grammar, found))
    found = _with_table_sums(grammar, found, parsed.text)
    return _with_bare_counts(grammar, found, bare)


# "(x f 1 min., prijspeil 1980)", "(bedragen x € 1 mln)", "(bedragen in € 1.000)": the unit of
# the bare figures of the table that follows
_TABLE_UNIT = re.compile(
    r"\(\s*(?:bedragen\s+)?(?:x|in)\s+(?:(?P<sign>[f€ƒ]|eur|euro|hfl\.?|fl\.?)\s*)?"
    r"(?P<n>1(?:[.\s]?000)*)?\s*"
    r"(?P<scale>mln\.?|min\.?|miljoen(?:en)?|mld\.?|miljard(?:en)?|duizenden)?\s*"
    r"(?P<word>guldens?|euro(?:'s|’s)?)?[^)\n]{0,40}\)",
    re.IGNORECASE,
)
_PLURAL_SCALES = {"miljoenen": 1e6, "miljarden": 1e9, "duizenden": 1e3}
_FIGURE = re.compile(r"^\d{1,3}(?:\.\d{3})*(?:,\d+)?$")
_TABLE_TOKENS = 120  # a table's figures follow its unit within so many tokens
_PROSE = 4  # this many words in a row end the table: prose again


def _breaks(tok: Token) -> bool:
    """Whether a line ends after ``tok`` (or ``tok`` is the line break)."""
    return "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)


def _with_table_sums(
    grammar: AmountGrammar, found: list[AmountMatch], text: str
) -> list[AmountMatch]:
    """The bare figures of a table whose unit line gives currency and scale are sums; the
    unit line itself ("f 1 min.") is none. Years (column heads) and labels are skipped; a
    run of words ends the table. Tables flattened into one line are read the same.
    ``text`` is the doc's text."""
    tokens = grammar.tokens
    table: list[AmountMatch] = []
    headers: list[tuple[int, int]] = []
    counted = {i for f in found for i in range(f.start, f.end)}
    for start, tok in enumerate(tokens):
        m = _TABLE_UNIT.match(text, tok.idx) if tok.text == "(" else None
        if m is None or (m["n"] is None and m["scale"] is None):
            continue
        sign = (m["sign"] or m["word"] or "").lower()
        unit = grammar.rules.currency_symbols.get(sign) or grammar.rules.currency_words.get(
            sign.rstrip("s'’")
        )
        if unit is None:
            continue
        factor = float(m["n"].replace(".", "").replace(" ", "")) if m["n"] else 1.0
        scale = (m["scale"] or "").lower()
        factor *= (
            scale_of(scale.rstrip("."))
            or _PLURAL_SCALES.get(scale)
            or grammar.rules.ocr_scales.get(scale, 1.0)
        )
        k = start
        while k < len(tokens) and tokens[k].idx < m.end():
            k += 1
        if k < len(tokens) and not (_breaks(tokens[k - 1]) or tokens[k].text[:1].isdigit()):
            continue  # the unit of a sentence, not a table's: "het overzicht (x € 1 mln) van"
        headers.append((start, k))
        words = 0
        for j in range(k, min(k + _TABLE_TOKENS, len(tokens))):
            t = tokens[j]
            if t.is_space or t.is_punct:
                continue
            if not _FIGURE.match(t.text):
                words = words + 1 if t.is_alpha else 0
                if words >= _PROSE:
                    break
                continue
            words = 0
            value = parse_digits(t.text)
            if value is None or j in grammar.blocked or j in counted:
                continue
            if t.text.isdigit() and 1900 <= value <= 2100:
                continue  # a column's year
            table.append(AmountMatch(j, j + 1, "money", value * factor, unit=unit, scaled=True))
    if not headers:
        return found
    kept = [f for f in found if not any(a <= f.start < b for a, b in headers)]
    return sorted([*kept, *table], key=lambda f: f.start)


def _share_units(grammar: AmountGrammar, found: list[AmountMatch]) -> list[AmountMatch]:
    """'900 en 1.650 miljoen euro', '20 of 40 cm': a bare number takes its neighbour's unit."""
    out: list[AmountMatch] = []
    for n, hit in enumerate(found):
        if hit.kind is None:
            nxt = found[n + 1] if n + 1 < len(found) else None
            between = grammar.low[hit.end : nxt.start] if nxt else []
            if (
                nxt is not None
                and nxt.kind is not None
                and len(between) == 1
                and (between[0] in grammar.rules.list_words)
            ):
                small = hit.value < 1000  # "900 en 1.650 miljoen", not "500.000 en 1 miljoen"
                scale = (
                    _scale_word_of(grammar, nxt) if nxt.scaled and not hit.scaled and small else 1.0
                )
                hit = replace(hit, kind=nxt.kind, unit=nxt.unit, value=hit.value * scale)
            else:
                continue
        out.append(hit)
    return out


def _share_scales(grammar: AmountGrammar, found: list[AmountMatch]) -> list[AmountMatch]:
    """'€ 40 en € 60 miljoen', '€ 10, € 20 en € 30 mln', 'f 12 resp. f 15 mln.': a sum with
    its currency sign but no scale word takes the scale of the sum it is listed with (same
    currency, scaled, one list word between), from right to left along the list."""
    out = list(found)
    scales = {n: _scale_factor(grammar, hit) for n, hit in enumerate(out) if hit.scaled}
    for n in range(len(out) - 2, -1, -1):
        hit, nxt = out[n], out[n + 1]
        between = grammar.low[hit.end : nxt.start]
        if (
            hit.kind == "money"
            and nxt.kind == "money"
            and hit.unit == nxt.unit
            and scales.get(n + 1) is not None
            and not hit.scaled
            and hit.value < 1000  # "€ 40 en € 60 miljoen", not "€ 2.500 en € 1 miljoen"
            and len(between) == 1
            and between[0] in grammar.rules.list_words
            and grammar.tokens[hit.end - 1].text[-1:].isdigit()  # "€ 40", not "40 euro"
            # "van € 500 naar € 1 miljoen": a fine of 500 euro, not of 500 million
            and hit.value * scales[n + 1] <= _SCALE_SPREAD * nxt.value
        ):
            scale = scales[n] = scales[n + 1]
            high = None if hit.value_max is None else hit.value_max * scale
            out[n] = replace(hit, value=hit.value * scale, value_max=high, scaled=True)
    return out


_SCALES = (1e3, 1e6, 1e9, 1e12)
_SCALE_SPREAD = 100  # a listed sum at most this many times the scaled sum it borrows from


def _scale_factor(grammar: AmountGrammar, hit: AmountMatch) -> float | None:
    """The multiplier a scale word gave ``hit`` ("€ 60 miljoen", OCR's "f 60 min."), or None."""
    for i in range(hit.start, hit.end):
        number = grammar._number(i)
        if number is not None and number[1]:
            factor = hit.value / number[1]  # "€ 1,1 miljoen": 1100000.0000000002 / 1.1
            return next((s for s in _SCALES if abs(factor - s) <= 1e-6 * s), None)
    return None


def _with_bare_counts(
    grammar: AmountGrammar, found: list[AmountMatch], bare: list[AmountMatch]
) -> list[AmountMatch]:
    """ "steeg van 5.971 naar 6.125": thousands grouped by points count something, also
    without a noun after them, unless a table or a citation holds the number ("Kamerstukken
    II 2023/24, 36.410, nr. 3")."""
    taken = {i for f in found for i in range(f.start, f.end)}
    counts = [
        replace(hit, kind="quantity", unit=_counted_before(grammar, hit.start))
        for hit in bare
        if hit.value_max is None
        and _GROUPED.match(grammar.tokens[hit.end - 1].text)
        and not taken.intersection(range(hit.start, hit.end))
        and not _cited(grammar, hit)
    ]
    return sorted([*found, *counts], key=lambda f: f.start) if counts else found


def _cited(grammar: AmountGrammar, hit: AmountMatch) -> bool:
    """A number of a citation: after a citation word or a parliamentary year in the same
    clause ("wetsvoorstel 36.410", "2023/24, 36.410"), or before its "nr."."""
    rules = grammar.rules
    low = grammar.low
    for k in range(hit.start - 1, max(-1, hit.start - _CITATION_REACH), -1):
        if low[k] in {".", ";", ":"}:
            break
        if low[k] in rules.citation_words or _YEAR_PAIR.match(low[k]):
            return True
    after = [w for w in low[hit.end : hit.end + 3] if w != ","]
    return bool(after) and after[0].rstrip(".") in {"nr", "nrs"}


_CITATION_REACH = 5
_YEAR_PAIR = re.compile(r"^\d{4}[/–-]\d{2,4}$")
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_COUNTED_REACH = 8  # words back to "het aantal <noun>" in the same clause


def _counted_before(grammar: AmountGrammar, i: int) -> str | None:
    """The noun counted in "het aantal meldingen steeg van 5.971 ...", if the clause names
    one before the number."""
    low = grammar.low
    for k in range(i - 1, max(-1, i - _COUNTED_REACH), -1):
        if grammar.tokens[k].is_punct:
            return None
        if (
            low[k] in grammar.rules.count_words
            and k + 1 < i
            and grammar.tokens[k + 1].pos_ == "NOUN"
        ):
            return grammar.tokens[k + 1].text
    return None


def _scale_word_of(grammar: AmountGrammar, hit: AmountMatch) -> float:
    for i in range(hit.start, hit.end):
        scale = scale_of(grammar.low[i])
        if scale is not None:
            return scale
    return 1.0


def _exact(value: float) -> float:
    """``value`` without the binary rounding error of its scaling: 4.1 * 1e9 is 4100000000,
    not 4099999999.9999995 (fifteen significant digits hold every printed sum)."""
    return float(f"{value:.15g}")


def extract_amounts(doc: Doc, parsed: ParsedLetter) -> dict[str, object]:
    """The record's ``amounts``; the dates step runs first, so that no date becomes one."""
    items = []
    for hit in find_amounts(doc, parsed):
        items.append(
            Amount(
                **span_fields(doc, parsed, hit.start, hit.end),
                kind=hit.kind,  # type: ignore[arg-type]
                value=_exact(hit.value),
                value_max=None if hit.value_max is None else _exact(hit.value_max),
                unit=hit.unit,
                qualifier=hit.qualifier,
            )
        )
    return {"amounts": items}
