"""Commitments (toezeggingen): sentences in which an actor binds themselves to a future act.

Per sentence, cues from ``data/commitments.json`` decide whether it promises
anything, how firmly, and whether the letter reports the promise as kept:

- a report of fulfilment ("Hiermee geef ik uitvoering aan de motie ...") is a
  fulfilled commitment of the signatory;
- "... is toegezegd door Minister Schippers" takes its actor from the sentence and
  its action from the sentence before;
- a subject next to its finite verb (Dutch puts the finite verb beside the
  subject in a main clause: "Ik zal", "zal ik", "We werken", "bekijk ik") makes
  a commitment when the verb is a future, going, wanting or keeping verb or an
  act, and no negation follows it. The subject is the writer ("ik": the first
  signatory; "we": the signatory of a letter signed by one), the letter's own
  ministry, a person or organisation of the record, or a collective actor
  ("het kabinet", "Nederland": actor null);
- questions, requests, the letter describing itself ("Hierbij stuur ik u ...")
  and forecasts ("naar verwachting") are no commitments.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from kamerbrief.extract.dates import Interval
from kamerbrief.extract.token_reader import TokenReader
from kamerbrief.nlp.sentences import text_sentences
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import Commitment, DateItem, DateValue, Mention, Organisation, Person
from kamerbrief.rules.calendar import iso_bounds, month_number, period_year
from kamerbrief.rules.commitments import CommitmentRules, commitment_rules
from kamerbrief.rules.offices import ministry_of
from kamerbrief.rules.values import date_rules

_MAX_ACTION_CHARS = 300
# the ministry or portfolio after an office: capitalised words, joined by "en", "&" or
# commas ("Justitie en Veiligheid", "J&V")
_OFFICE_NAME = r"(?:\s+(?:van|voor)\s+[A-Z][\w'&-]*(?:(?:\s*,\s*|\s+en\s+|\s+)[A-Z][\w'&-]*)*)?"


@cache
def _office_pattern(offices: frozenset[str]) -> re.Pattern[str]:
    """ "De Minister van Justitie en Veiligheid", "de staatssecretaris": an office with its
    article, its ministry optional."""
    words = "|".join(sorted(map(re.escape, offices), key=len, reverse=True))
    return re.compile(rf"\b(?:[Dd]e|DE|[Bb]eide)\s+(?P<office>(?i:{words})(?![\w-]){_OFFICE_NAME})")


# "met de/deze/dit ...": what the writer acts with, not what they deliver ("met een voorstel")
_DEFINITE = frozenset({"de", "het", "deze", "dit", "die", "dat", "dezelfde"})

# what a word beside a subject is not, when it is to be its verb (the tagger calls an
# inverted verb a determiner or a noun often enough: "doe ik u hierbij ...")
_NOT_VERB_POS = frozenset({"ADP", "PUNCT", "CCONJ", "SCONJ", "NUM"})


@dataclass(frozen=True)
class _Named:
    start: int  # character offsets of a mention
    end: int
    name: str
    kind: str  # person | organisation


@dataclass
class _Clue:
    verb: Token | None
    actor: str | None
    strength: str
    status: str = "new"
    action_from: str | None = None  # a sentence the action is read from instead
    subject: tuple[int, int] | None = None  # first and last token of the subject as written
    previous: Span | None = None  # the sentence the action is read from, if not this one
    clause_end: int | None = None  # where a subordinate clause's act ends (a token index)
    coordinated: bool = False  # the verb of a second clause sharing the subject: "... en zal"


class _Reader:
    def __init__(
        self,
        parsed: ParsedLetter,
        named: list[_Named],
        dates: Sequence[DateItem],
        rules: CommitmentRules,
        doc: Doc,
        persons: Sequence[Person] = (),
    ) -> None:
        self.rules = rules
        self.senders = parsed.metadata.senders
        self.ministry = parsed.metadata.ministry
        self.person_roles = [(p.name, p.roles) for p in persons if p.roles]
        self.named = named  # by start
        self.named_starts = [n.start for n in named]
        self.dates = dates
        senders = [s.name for s in parsed.metadata.senders]
        self.writer = senders[0] if senders else None
        # "we" in a minister's letter is the cabinet or the ministry: actor null, as "het kabinet"
        self.we: str | None = None
        self.sentence_end = 0
        self.letter = parsed.text
        self.letter_date = _letter_date(parsed)
        # the lower-case form of every token, looked up by index (shared with the dates and
        # amounts, which read it first)
        self.low: list[str] = TokenReader(doc).low

    # -- helpers --------------------------------------------------------------------

    def _strength(self, lower: str, default: str = "firm") -> str:
        if self.rules.soft_patterns.search_any(lower):
            return "soft"
        return default

    def _negated(self, sent: Span, verb: Token) -> bool:
        """A negation within the verb's clause: 'zal niet', 'ik ga geen ...'."""
        doc = sent.doc
        rules = self.rules
        aux = verb.lower_ in rules.future_verbs | rules.go_verbs | rules.want_verbs
        for tok in sent[verb.i - sent.start + 1 : verb.i - sent.start + 7]:
            if tok.i == verb.i + 1 and tok.lower_ in rules.object_pronouns and aux:
                continue  # "zal dat niet doen": an object, not a clause ("zorg dat" is one)
            if tok.text in {",", ";", ":"} or tok.lower_ in self.rules.subordinators:
                return False
            if tok.lower_ == "en" and doc[tok.i - 1].pos_ in {"VERB", "AUX"}:
                return False  # "zal dat onderzoeken en ... niet": the next clause's
            if tok.lower_ in self.rules.negations:
                after = doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
                return after not in self.rules.negated_promise_verbs  # "niet nalaten"
        return False

    def _verb_beside(self, sent: Span, first: int, last: int) -> Token | None:
        """The finite verb beside a subject over tokens ``first`` .. ``last`` (doc indices)."""
        rules = self.rules
        before = sent.doc[first - 1] if first > sent.start else None
        after = sent.doc[last + 1] if last + 1 < sent.end else None
        if before is not None and before.lower_ in rules.subordinators:
            return None  # a subordinate clause: its verb comes last
        at_start = (
            before is None
            or before.lower_ in rules.clause_openers
            or before.text in {",", ";", ":", ".", "(", "–", "-"}
        )
        if (
            at_start
            and before is not None
            and before.lower_ in {"en", "of"}
            and first - 2 >= sent.start
            and sent.doc[first - 2].pos_ in {"NOUN", "PROPN"}
            and (after is None or after.pos_ not in {"VERB", "AUX"})
        ):
            return None  # "hebben de minister en ik overleg gevoerd": the verb came first
        if at_start:
            return after
        return before

    def _verb_kind(self, verb: Token, *, plural: bool) -> str | None:
        """future | go | want | keep | past | act, or None for no commitment verb."""
        rules = self.rules
        word = verb.lower_
        if word in rules.future_verbs:
            return "future"
        if word in rules.go_verbs:
            return "go"
        if word in rules.want_verbs:
            return "want"
        if word in rules.keep_verbs:
            return "keep"
        if word in rules.past_verbs:
            return "past"
        if word in rules.stative_verbs or word in rules.not_verbs or not verb.is_lower:
            return None
        if word not in rules.commit_verbs_first_person and word not in rules.action_verbs:
            return None
        particles = rules.particle_verbs.get(word)
        if particles and not self._particle_follows(verb, particles) and not self._delivers(verb):
            return None  # "We werken dit uit", "voeren maatregelen uit": the particle must follow
        return "act"

    def _delivers(self, verb: Token) -> bool:
        """ "kom ... met een voorstel", "komt ... met een reactie op ...": the verb's
        preposition, then at most three words, then something the writer delivers."""
        preposition = self.rules.delivery_prepositions.get(verb.lower_)
        if preposition is None:
            return False
        doc = verb.doc
        words = [t.lower_ for t in doc[verb.i + 1 : self.sentence_end]]
        if any(w in self.rules.delivery_not_after for w in words):
            return False  # "kom met deze brief tegemoet aan", "kom ... tot de conclusie"
        for k, word in enumerate(words):
            if word != preposition or k + 1 == len(words) or words[k + 1] in _DEFINITE:
                continue  # "met deze brief", "met de evaluatie": a means, not a delivery
            if any(self._is_deliverable(noun) for noun in words[k + 1 : k + 5]):
                return True
        return False

    def _is_deliverable(self, word: str) -> bool:
        """Something the writer delivers, also as a compound's end: "voorstel",
        "kabinetsreactie", "wetsvoorstel" (lower case)."""
        return any(
            word == d or (word.endswith(d) and len(word) > len(d) + 2)
            for d in self.rules.deliverables
        )

    def _particle_follows(self, verb: Token, particles: Sequence[str]) -> bool:
        """A separable particle after the verb, not a preposition ('uit de rivieren'); after
        a causative 'laat', a bare infinitive, not one the task is left with ('Ik laat het aan
        de gemeenten (over) om dit te controleren')."""
        doc = verb.doc
        words = [t.lower_ for t in doc[verb.i + 1 : self.sentence_end]]
        causative = verb.lower_ in self.rules.causative_verbs
        for k in range(len(words)):
            if causative and words[k] in self.rules.causative_not_before:
                return False
            for particle in particles:
                parts = particle.split()
                if words[k : k + len(parts)] == parts:
                    nxt = words[k + len(parts)] if k + len(parts) < len(words) else ""
                    if nxt not in self.rules.articles:
                        return True
        return False

    def _clue_for(
        self,
        sent: Span,
        lower: str,
        verb: Token | None,
        actor: str | None,
        *,
        plural: bool,
        acts: bool = True,
        subject: tuple[int, int] | None = None,
    ) -> _Clue | None:
        clue = self._clue_kind(sent, lower, verb, actor, plural=plural, acts=acts)
        if clue is None and verb is not None and subject is not None:
            second = self._coordinated_verb(sent, max(subject[1], verb.i))
            if second is not None:
                clue = self._clue_kind(sent, lower, second, actor, plural=plural, acts=acts)
                if clue is not None:
                    clue.coordinated = True
        if clue is not None:
            clue.subject = subject
        return clue

    def _coordinated_verb(self, sent: Span, after: int) -> Token | None:
        """The finite verb of a second clause that shares the subject, after "en": "Nederland
        heeft zich sterk gemaakt en zal dit blijven doen", "... en laat dit onderzoeken";
        None when the clause after "en" has a subject of its own ("en zal ik ...")."""
        rules = self.rules
        verbs = rules.future_verbs | rules.keep_verbs | rules.go_verbs | rules.causative_verbs
        subjects = rules.singular_subjects | rules.plural_subjects | rules.third_person_subjects
        doc = sent.doc
        for tok in doc[after + 1 : sent.end - 2]:
            if tok.text == ";" or (
                tok.lower_ in rules.subordinators and tok.lower_ not in rules.relatives
            ):
                return None  # "bevestigd dat X is en blijft": inside a clause of its own
            if tok.lower_ == "en" and doc[tok.i + 1].lower_ in verbs:
                nxt = doc[tok.i + 2]
                if nxt.lower_ in subjects or nxt.is_punct:
                    return None
                if doc[tok.i + 1].lower_ in rules.keep_verbs and not _infinitive_after(
                    sent, tok.i + 1
                ):
                    return None  # "is en blijft een hoeksteen", "blijft van mening": a state
                return doc[tok.i + 1]
        return None

    def _clue_kind(
        self,
        sent: Span,
        lower: str,
        verb: Token | None,
        actor: str | None,
        *,
        plural: bool,
        acts: bool = True,
    ) -> _Clue | None:
        if verb is None:
            return None
        kind = self._verb_kind(verb, plural=plural)
        promised = self.rules.firm_patterns.search_any(lower) or (
            actor in (self.writer, self.we)  # "heb ik besloten ... te": the writer's decision
            and self.rules.decision_patterns.search_any(lower)
            and not self._dated_before_letter(sent)
        )
        own = actor is None or actor in (self.writer, self.we)
        if kind is None and own and self._future_present(sent, verb):
            kind = "act"  # "Na de zomer maken we de balans op": the present of a dated act
        if kind == "want" and (not own or self._aim_only(sent, verb)):
            return None  # "Tatarstan wil ...", "We willen voorkomen dat ...": no act promised
        if kind == "act" and not own and self._ongoing(lower):
            return None  # "De NVWA onderzoekt op dit moment ...": work described
        if kind == "act" and actor not in (None, self.we) and self._effort(sent, lower, verb):
            return None  # "Verder zet ik in op passende zorg": policy at work
        if kind == "keep" and not own and not promised and not self._dated_after_letter(sent):
            return None  # "UNHCR blijft aandringen op ...": another body's work going on
        if kind in ("act", "keep") and self._states_a_result(sent):
            kind = None  # "Zo blijft Nederland een veilige delta": an effect
        if kind is None or (kind == "act" and not acts):
            promise_verb = verb.lower_ in self.rules.promise_verbs  # "zeg" tagged ADP
            if promised and verb.pos_ in _NOT_VERB_POS and not promise_verb:
                return None  # "met de Stichting ... zegt het kabinet toe": not its verb
            if promised and not self._negated(sent, verb):  # not "zegt niet toe"
                return _Clue(verb, actor, "firm")
            return None
        if self._negated(sent, verb):
            return None
        if kind == "past":
            if promised:
                return _Clue(verb, actor, "firm")
            if self.rules.soft_patterns.search_any(lower):
                return _Clue(verb, actor, "soft")
            return None
        default = "soft" if kind == "want" else "firm"
        return _Clue(verb, actor, self._strength(lower, default))

    def _future_present(self, sent: Span, verb: Token) -> bool:
        """A finite verb in the present tense that the sentence dates after the letter:
        "In het voorjaar 2025 maakt het kabinet opnieuw de balans op"."""
        rules = self.rules
        word = verb.lower_
        if not verb.is_lower or word in rules.stative_verbs or word in rules.not_verbs:
            return False
        if verb.pos_ in {"VERB", "AUX"}:
            if verb.morph.get("Tense") != ["Pres"]:
                return False
        elif not self._after_fronted_date(verb):
            return False  # the tagger calls "maak" in "Na de zomer maak ik ..." a noun
        particles = rules.particle_verbs.get(word)
        if particles and not self._particle_follows(verb, particles):
            return False
        # the date of the verb's own clause, not of a clause after it ("op basis van de
        # informatie die het programma in 2025 oplevert")
        end = next(
            (t.idx for t in sent.doc[verb.i + 1 : sent.end] if t.lower_ in rules.subordinators),
            sent.end_char,
        )
        lo = sent.start_char
        dated = _deadline_in(lo, end, self.letter, self.dates, rules, self.letter_date)
        # or bounded without a calendar date: "Over twee weken stuur ik ...", "binnen een maand"
        return dated is not None or _period_in(lo, end, self.letter, rules) is not None

    def _effort(self, sent: Span, lower: str, verb: Token) -> bool:
        """An undated effort of the writer or of others in the present: "zet ik in op ...",
        "werk ik aan ...", "UWV zet extra in op ..." (a plan of "we" or the cabinet, "We
        zetten in op ...", is the letter's promise)."""
        if verb.lower_ not in self.rules.effort_verbs:
            return False
        if not self.rules.effort_patterns.search_any(lower):
            return False
        return not self._dated_after_letter(sent)

    def _after_fronted_date(self, verb: Token) -> bool:
        """ "Na de zomer maak ik ...": the verb right after a date that opens the clause,
        before its subject."""
        doc = verb.doc
        if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ not in self.rules.inverted_subjects:
            return False
        gap = self.letter[: verb.idx].rstrip(" ,")
        return any(item.end == len(gap) for item in self.dates)

    def _aim_only(self, sent: Span, verb: Token) -> bool:
        """A wish with no act in its clause: only aim verbs ("voorkomen") or no verb at all."""
        rules = self.rules
        clause = list(sent.doc[verb.i + 1 : _clause_end(sent, verb.i, rules)])
        cut = next(
            (
                k
                for k, t in enumerate(clause)
                if t.lower_ in rules.subordinators and not _as_phrase(clause, k)
            ),
            None,
        )
        clause = clause[:cut]  # "voorkomen dat ...", "ruimte, waar ...": not the wish itself
        text = " " + " ".join(t.lower_ for t in clause) + " "
        if any(f" {phrase} " in text for phrase in rules.want_without_verb):
            return False
        words = [t for t in clause if t.is_alpha]
        if len(words) > 1 and words[-1].is_lower and words[-1].lower_.endswith("en"):
            last, before = words[-1], words[-2]
            noun_phrase = before.pos_ in {"DET", "ADP", "NUM", "PRON"} or (
                before.pos_ == "ADJ" and before.lower_.endswith("e")  # "natuurlijke systemen"
            )
            if last.lower_ not in rules.aim_verbs and (not noun_phrase or before.lower_ == "te"):
                return False  # "wil ik ... ook meenemen": the verb closes the clause
        acts = rules.action_verbs | rules.commit_verbs_first_person
        for tok in clause:  # any act in the clause: "verminderen, herstellen en inzetten"
            word = tok.lower_
            if word in rules.aim_verbs:
                continue
            if word in acts or (tok.pos_ in {"VERB", "AUX"} and word.endswith("en")):
                return False
        return True

    def text_of(self, span: Span) -> str:
        """``span.text``, cut from the letter (the doc's text) instead of joined token by token."""
        return self.letter[span.start_char : span.end_char]

    def _ongoing(self, lower: str) -> bool:
        return any(f" {m} " in f" {lower} " for m in self.rules.ongoing_markers)

    def _dated_before_letter(self, sent: Span) -> bool:
        """A date in the sentence that ends before the letter's date ("In 2019 ...")."""
        return any(
            sent.start_char <= item.start
            and item.end <= sent.end_char
            and _ends_before(item.value, self.letter_date)
            for item in self.dates
        )

    def _dated_after_letter(self, sent: Span) -> bool:
        """A date in the sentence that can bound a promise ("In het voorjaar 2025 ...")."""
        lo, hi = sent.start_char, sent.end_char
        found = _deadline_in(lo, hi, self.letter, self.dates, self.rules, self.letter_date)
        return found is not None

    def _follows(self, sent: Span) -> _Clue | None:
        """ "Mijn reactie volgt na de zomer", "Voor 1 juli volgt een nadere uitwerking":
        something the writer delivers, a follow verb and a date ahead in the verb's own
        phrase; or the date first, the verb, then the deliverable. Not "Hieruit volgt ...",
        "Het plan volgt de lijn van ...", "Een toelichting volgt in bijlage 2", nor a date
        in a clause after the verb ("... volgt de lijn die het kabinet in 2025 schetste")."""
        rules = self.rules
        tokens = list(sent)
        at = next((k for k, t in enumerate(tokens) if t.lower_ in rules.follow_verbs), None)
        if at is None or at + 1 >= len(tokens):
            return None
        verb, after = tokens[at], tokens[at + 1 :]
        maker: Sequence[Token] = ()
        lo = hi = verb.idx
        if after[0].lower_ in rules.follow_not_after:
            return None  # "Hieruit volgt ...", "volgt hieronder"
        stop = next(
            (k for k, t in enumerate(after) if t.is_punct or t.lower_ in rules.subordinators),
            len(after),
        )
        phrase = after[:stop]  # the verb's own phrase
        if any(t.lower_ in rules.follow_not_in for t in phrase):
            return None  # "volgt in bijlage 2", "in paragraaf 3"
        subject = self._deliverable(tokens[:at])
        if subject is not None:
            if after[0].lower_ in rules.articles:
                return None  # an object after the verb: "Het plan volgt de lijn van ..."
            maker, lo = tokens[:at], verb.idx
            hi = phrase[-1].idx + len(phrase[-1]) if phrase else verb.idx
        elif any(
            self.letter[sent.start_char : d.start].strip().lower() in _date_leads()
            and verb.idx - 2 <= d.end <= verb.idx
            for d in self.dates
        ):  # the date first: "Na de zomer volgt mijn reactie", "Voor 1 juli volgt ..."
            cut = next((k for k, t in enumerate(phrase) if t.pos_ == "ADP"), len(phrase))
            subject = self._deliverable(phrase[:cut])
            maker, lo, hi = phrase, sent.start_char, verb.idx
        if subject is None or (
            _deadline_in(lo, hi, self.letter, self.dates, rules, self.letter_date) is None
            and _period_in(lo, hi, self.letter, rules, self.letter_date) is None
        ):
            return None
        owners = [rules.deliverable_owners[w] for w in subject if w in rules.deliverable_owners]
        if owners and owners[0] != "other":  # "mijn reactie op het advies van het CPB"
            return _Clue(None, self.we if owners[0] == "we" else self.writer, "firm")
        other = bool(owners) or subject[-1].startswith("kabinet")
        if other or _made_by_another(maker, subject[-1], rules):
            # "Hun advies volgt", "De kabinetsreactie volgt", "Het advies van de Raad van
            # State volgt", "... volgt een evaluatie door het RIVM"
            return _Clue(None, None, "firm")
        return _Clue(None, self.writer, "firm")  # "Een nadere uitwerking volgt ..."

    def _deliverable(self, tokens: Sequence[Token]) -> list[str] | None:
        """The words of a short noun phrase whose head is something delivered ("mijn
        reactie (op het rapport)", "een nadere uitwerking", "de kabinetsreactie"), or None."""
        rules = self.rules
        words = [t.lower_ for t in tokens]
        cut = next((k for k, t in enumerate(tokens) if k and t.pos_ == "ADP"), len(tokens))
        if len(words) - cut > 6:
            return None  # "mijn reactie op het rapport": the phrase after its head is short
        words = words[:cut]
        if not 2 <= len(words) <= 5 or not all(w.isalpha() for w in words):
            return None
        if words[0] not in rules.articles and words[0] not in rules.deliverable_owners:
            return None
        return words if self._is_deliverable(words[-1]) else None

    def _states_a_result(self, sent: Span) -> bool:
        """'Hiermee zorgen we voor ...', 'Zo voorkomen we ...': an effect, not a promise."""
        opening = " ".join(t.lower_ for t in sent[:3]) + " "
        return any(opening.startswith(o + " ") for o in self.rules.result_openers)

    # -- one sentence ---------------------------------------------------------------

    def read(
        self, sent: Span, text: str, previous: Span | None, last_person: str | None
    ) -> _Clue | None:
        """The clue of a promise in ``sent``, whose text is ``text``, or None."""
        rules = self.rules
        self.sentence_end = sent.end
        lower = text.lower()
        if len(text) > rules.max_sentence_chars:
            return None
        if rules.fulfilled_patterns.search_any(lower) and any(
            w in lower.split() or w in lower for w in rules.fulfilled_objects
        ):
            return self._own_clause(sent, _Clue(None, self.writer, "firm", "fulfilled"))
        kept = rules.kept_promise_openers.search_any(lower)
        if kept and rules.delivery_patterns.search_any(lower):
            # "Conform mijn toezegging stuur ik u hierbij ...": kept by sending this
            return self._own_clause(sent, _Clue(None, self.writer, "firm", "fulfilled"))
        if rules.not_commitment_patterns.search_any(lower):
            return None
        if rules.forecast_patterns.search_any(lower) and not rules.firm_patterns.search_any(lower):
            return None  # "zal het vaker voorkomen dat ...": a forecast, not a promise
        negated = any(w in rules.negations for w in lower.split())
        if not negated and rules.own_intent_patterns.search_any(lower):
            own = {"mijn", "ik", "mij"} & set(lower.split())
            return self._own_clause(sent, _Clue(None, self.writer if own else self.we, "soft"))
        if not negated and rules.addressee_receives_patterns.search_any(lower):
            return _Clue(None, self.writer, "firm")  # "U ontvangt de evaluatie voor de zomer"
        if not negated and (delivered := self._follows(sent)) is not None:
            return delivered  # "Mijn reactie volgt na de zomer"
        if not negated and rules.own_passive_patterns.search_any(lower):
            # "... zullen onder mijn verantwoordelijkheid worden ingediend"
            return _Clue(None, self.writer, "firm")
        for pattern in rules.promise_by_patterns:
            m = pattern.search(lower)
            if m is not None:
                after = sent.start_char + m.end()
                actor = next((n.name for n in self._named_in(sent) if n.start >= after), None)
                return _Clue(
                    None,
                    actor,
                    "firm",
                    action_from=None if previous is None else self.text_of(previous),
                    previous=previous,
                )
        low = self.low
        doc = sent.doc
        for i in range(sent.start, sent.end):
            word = low[i]
            if word in rules.singular_subjects or word in rules.plural_subjects:
                tok = doc[i]
                plural = word in rules.plural_subjects
                actor = self.we if plural else self.writer
                clue = self._clue_for(
                    sent,
                    lower,
                    self._verb_beside(sent, tok.i, tok.i),
                    actor,
                    plural=plural,
                    subject=(tok.i, tok.i),
                )
                if clue is not None:
                    return clue
        own_bodies = self._phrases(sent, rules.own_bodies)
        collective = self._phrases(sent, rules.collective_actors)
        clue = self._subordinate_promise(sent, lower, own_bodies, collective)
        if clue is not None:
            return clue
        for first, last in own_bodies:
            clue = self._clue_for(
                sent,
                lower,
                self._verb_beside(sent, first, last),
                self.writer,
                plural=False,
                subject=(first, last),
            )
            if clue is not None:
                return clue
        mentions = self._named_in(sent)
        for group in _joined_names(mentions, self.letter):
            named = group[0]
            span = sent.doc.char_span(named.start, named.end, alignment_mode="expand")
            end = sent.doc.char_span(group[-1].start, group[-1].end, alignment_mode="expand")
            if span is None or end is None:
                continue
            first = span.start
            while first > sent.start and sent.doc[first - 1].lower_ in self.rules.name_prefixes:
                first -= 1  # "De Radboud universiteit zal", "komt de NZa met", "Minister X heeft"
            span = sent.doc[first : end.end]  # "BZK en IenW onderzoeken ...": one subject
            named = self._lead(group)
            verb = self._verb_beside(sent, first, span.end - 1)
            if verb is not None and verb.i > first and not self._opens_clause(sent, first):
                continue  # "Verduurzaming van ... Chemelot zal ...": not the subject
            # a body's undated present describes its work ("De IND beoordeelt ..."), unless
            # it starts something ("UWV start een vervolgonderzoek"); a ministry's is the
            # government acting ("IenW herijkt de aanpak")
            acts = named.kind == "organisation" and (
                named.name.startswith("Ministerie")
                or (verb is not None and verb.lower_ in self.rules.inception_verbs)
                or self._dated_after_letter(sent)
            )
            subject = (first, span.end - 1)
            clue = self._clue_for(
                sent, lower, verb, named.name, plural=False, acts=acts, subject=subject
            )
            if clue is not None:
                return clue
        for first, last, holder in self._offices_in(sent):
            verb = self._verb_beside(sent, first, last)
            if verb is not None and verb.i > first and not self._opens_clause(sent, first):
                continue
            clue = self._clue_for(
                sent, lower, verb, holder, plural=False, acts=False, subject=(first, last)
            )
            if clue is not None:
                return clue
        if collective and (fronted := self._named_subject(sent, lower)) is not None:
            # "De commissie van deskundigen zal het Rijk ... adviseren": the unit before the
            # verb is the subject, the collective after it the object
            if fronted.verb is not None and fronted.verb.i < collective[0][0]:
                return fronted
        for first, last in collective:
            body = self._body_named_after(sent, last)
            if body is not None:  # "het ministerie van IenW zal": the ministry itself
                name, body_last = body
                verb = self._verb_beside(sent, first, body_last)
                clue = self._clue_for(
                    sent, lower, verb, name, plural=False, subject=(first, body_last)
                )
                if clue is not None:
                    return clue
                continue
            actor_words = " ".join(t.lower_ for t in sent.doc[first : last + 1])
            last = _with_partners(sent, last)  # "Rijk en gemeenten ontwikkelen ..."
            verb = self._verb_beside(sent, first, last)
            # "In het voorjaar 2025 maakt het kabinet de balans op": a dated act
            dated = self._dated_after_letter(sent)
            # "Het kabinet stelt een handreiking op": the government announcing its act
            # (an effort or work it describes, "Het kabinet zet in op ...", is none)
            governs = (
                actor_words in rules.acting_collectives
                and verb is not None
                and not self._effort(sent, lower, verb)
                and not self._ongoing(lower)  # "onderzoekt op dit moment": work described
            )
            clue = self._clue_for(
                sent, lower, verb, None, plural=False, acts=dated or governs, subject=(first, last)
            )
            if (
                clue is not None
                and verb is not None
                and verb.lower_ in rules.want_verbs
                and actor_words in rules.aiming_collectives
                and not dated
                and clue.strength != "firm"
            ):
                continue  # "Nederland wil werken aan ...": the government's aim, undated
            if clue is not None:
                return clue
        for i in range(sent.start, sent.end):
            if last_person is not None and low[i] in rules.third_person_subjects:
                tok = doc[i]
                verb = self._verb_beside(sent, tok.i, tok.i)
                if verb is not None and "Plur" in verb.morph.get("Number"):
                    continue  # "Zij willen ...": they, not the person last named
                clue = self._clue_for(
                    sent,
                    lower,
                    verb,
                    last_person,
                    plural=False,
                    acts=False,
                    subject=(tok.i, tok.i),
                )
                if clue is not None:
                    return clue
        return self._agent_or_subjectless(sent, lower) or self._named_subject(sent, lower)

    def _own_clause(self, sent: Span, clue: _Clue) -> _Clue:
        """``clue`` with the verb and subject of the writer's main clause ("Conform mijn
        toezegging ..., stuur ik u hierbij ..."), so that its action is that clause and not
        the whole sentence; unchanged when there is none."""
        rules = self.rules
        subjects = rules.singular_subjects | rules.plural_subjects
        # the tagger often misses an inverted verb ("informeer ik"): a known verb, or the
        # word right after the comma that closes a fronted clause, will do
        known = rules.commit_verbs_first_person | rules.action_verbs | rules.future_verbs
        for tok in sent:
            if tok.lower_ not in subjects:
                continue
            verb = self._verb_beside(sent, tok.i, tok.i)
            if verb is None or not (verb.is_lower and verb.is_alpha):
                continue
            after_comma = verb.i > sent.start and sent.doc[verb.i - 1].text == ","
            if verb.pos_ in {"VERB", "AUX"} or verb.lower_ in known or after_comma:
                clue.verb, clue.subject = verb, (tok.i, tok.i)
                return clue
        return clue

    def _subordinate_promise(
        self,
        sent: Span,
        lower: str,
        own_bodies: list[tuple[int, int]],
        collective: list[tuple[int, int]],
    ) -> _Clue | None:
        """ "waarover ik u voor de zomer zal informeren", "dat het kabinet in de komende
        periode zal analyseren": ik/we, the cabinet or the own ministry after a
        subordinator, then zal/zullen before the clause ends."""
        rules = self.rules
        doc = sent.doc
        subjects: dict[int, tuple[int, str | None]] = {
            first: (last, None) for first, last in collective
        }
        for first, last in own_bodies:
            subjects[first] = (last, self.writer)
        low = self.low
        for i in range(sent.start, sent.end):
            word = low[i]
            if word in rules.singular_subjects or word in rules.plural_subjects:
                last = i
                actor = self.we if word in rules.plural_subjects else self.writer
            elif i in subjects:
                last, actor = subjects[i]
            else:
                continue
            if i == sent.start or low[i - 1] not in rules.promise_subordinators:
                continue
            relative = low[i - 1] in rules.writer_only_subordinators
            if relative and word not in rules.singular_subjects:
                continue
            tok = doc[i]
            for nxt in doc[last + 1 : sent.end]:
                if nxt.text in {",", ";", ":"} or nxt.lower_ in rules.subordinators:
                    break
                # "dat ik ... zal sturen"; or the writer's dated present verb at the clause's
                # end: "een plan, dat ik voor de zomer naar uw Kamer stuur"
                dated = (
                    actor == self.writer
                    and nxt.lower_ in rules.commit_verbs_first_person
                    and _deadline_in(
                        tok.idx, nxt.idx, self.letter, self.dates, rules, self.letter_date
                    )
                    is not None
                )
                if (
                    relative
                    and not dated
                    and (
                        (nxt.pos_ in {"VERB", "AUX"} and nxt.lower_ not in rules.future_verbs)
                        or (word in rules.singular_subjects and nxt.lower_ == "zullen")
                    )
                ):
                    break  # "De gesprekken die ik voer, zullen ...": the clause's own verb first
                if nxt.lower_ in rules.future_verbs or dated:
                    if self._negated(sent, doc[last]):
                        return None
                    end = next(
                        (t.i for t in doc[nxt.i + 1 : sent.end] if t.text in {",", ";"}),
                        _clause_end(sent, nxt.i, rules),
                    )
                    clue = _Clue(nxt, actor, self._strength(lower), subject=(tok.i, last))
                    clue.clause_end = end
                    return clue
        return None

    def _agent_or_subjectless(self, sent: Span, lower: str) -> _Clue | None:
        """'In 2023 wordt door het RIVM een notitie opgesteld'; 'Het streven is om ...'."""
        rules = self.rules
        if rules.subjectless_patterns.search_any(lower):
            return _Clue(None, None, self._strength(lower, "soft"))
        words = self.low[sent.start : sent.end]
        if not any(w in rules.passive_verbs for w in words):
            return None
        # "die in 2016 door het RIEC is opgesteld": a date of the past binds nobody
        dated = self._dated_after_letter(sent)
        informs = "geïnformeerd" in words and "kamer" in words
        if not (dated or informs):
            return None
        for k, word in enumerate(words):
            if word != "door":
                continue
            tok = sent.doc[sent.start + k]
            after = sent.doc[tok.i + 1 : min(tok.i + 5, sent.end)]
            for named in self._named_in(sent):
                if after.start_char <= named.start < after.end_char:
                    return _Clue(tok, named.name, self._strength(lower))
        return None

    def _named_subject(self, sent: Span, lower: str) -> _Clue | None:
        """'De Radboud universiteit zal ...': a name the NER missed, after an article, then zal;
        'De werkgroep zal ...': a unit named by its kind."""
        if len(sent) < 3 or self.low[sent.start] not in {"de", "het"}:
            return None
        tokens = list(sent)
        k = 1
        while k < len(tokens) and tokens[k].lower_ not in self.rules.future_verbs and k < 6:
            k += 1
        if k >= len(tokens) or tokens[k].lower_ not in self.rules.future_verbs:
            return None
        name = tokens[1:k]  # empty in "Het zal ...": no name at all
        # "De werkgroep zal", "De commissie van deskundigen zal": a unit by its kind
        rules = self.rules
        qualified = 1 < len(name) <= 5 and name[1].lower_ in rules.unit_qualifiers
        kind = bool(name) and name[0].lower_ in rules.unit_subjects
        unit = kind and (len(name) == 1 or qualified)
        if not name or not (name[0].text[:1].isupper() or unit):
            return None  # "De Radboud universiteit zal", "De werkgroep zal"
        if not all(t.is_alpha for t in name):
            return None
        actor = " ".join(t.text for t in name)  # "commissievan": words glued in the source
        subject = (tokens[0].i, tokens[k].i - 1)
        return self._clue_for(
            sent, lower, tokens[k], actor, plural=False, acts=False, subject=subject
        )

    def _body_named_after(self, sent: Span, last: int) -> tuple[str, int] | None:
        """(name, last token) of the organisation in 'het ministerie van IenW' after ``last``."""
        doc = sent.doc
        if last + 2 >= sent.end or doc[last + 1].lower_ != "van":
            return None
        start = doc[last + 2].idx
        for n in self.named:
            if n.start == start and n.kind == "organisation":
                span = doc.char_span(n.start, n.end, alignment_mode="expand")
                return (n.name, span.end - 1) if span is not None else None
        return None

    def _lead(self, group: list[_Named]) -> _Named:
        """Of names joined as one subject, the letter's own ministry, else the first."""
        own = (self.ministry or "").lower()
        for named in group:
            if own and (ministry_of(named.name) or "").lower() == own:
                return named
        return group[0]

    def _opens_clause(self, sent: Span, first: int) -> bool:
        """Whether token ``first`` starts the sentence, after openers and an article."""
        for tok in sent[: first - sent.start]:
            if tok.lower_ not in self.rules.clause_openers and tok.lower_ not in {"de", "het"}:
                return False
        return True

    def _offices_in(self, sent: Span) -> list[tuple[int, int, str | None]]:
        """(first, last token, holder) of each office named as a subject in ``sent``: "De
        Minister van Justitie en Veiligheid heeft toegezegd ...", "de staatssecretaris zal
        ..."."""
        found = []
        text = self.letter[sent.start_char : sent.end_char]  # sent.text, not rebuilt
        for m in _office_pattern(self.rules.office_subjects).finditer(text):
            span = sent.doc.char_span(
                sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
            )
            if span is not None:
                found.append((span.start, span.end - 1, self._office_holder(m.group("office"))))
        return found

    def _office_holder(self, office: str) -> str | None:
        """Who holds ``office``: the signatory whose role names the same ministry (or the
        only signatory, of a bare "de minister" of that kind), else a person of the letter
        with that role, else the office itself ("Minister van Financiën"); None for a bare
        office that is no signatory's."""
        word = office.split()[0].lower()
        kind = self.rules.office_kinds.get(word, word)
        ministry = (ministry_of(office) or "").lower()
        for sender in self.senders:
            role = (sender.role or "").lower()
            if kind not in role:
                continue
            if (ministry and (ministry_of(sender.role) or "").lower() == ministry) or (
                not ministry and len(self.senders) == 1
            ):
                return sender.name
        if not ministry:
            return None
        for name, roles in self.person_roles:
            if any(kind in r.lower() and ministry == (ministry_of(r) or "").lower() for r in roles):
                return name
        return office[:1].upper() + office[1:]

    def _named_in(self, sent: Span) -> list[_Named]:
        """The mentions inside ``sent``, in order."""
        lo = bisect_left(self.named_starts, sent.start_char)
        hi = bisect_right(self.named_starts, sent.end_char)
        return [n for n in self.named[lo:hi] if n.end <= sent.end_char]

    def _phrases(self, sent: Span, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
        """(first, last) token indices of each phrase in the sentence."""
        low = self.low[sent.start : sent.end]
        present = set(low)
        found = []
        for words in _phrase_words(phrases):
            if words[0] not in present:
                continue  # most phrases: their first word is not in the sentence
            for k in range(len(low) - len(words) + 1):
                if low[k : k + len(words)] == words:
                    found.append((sent.start + k, sent.start + k + len(words) - 1))
        return sorted(found)


# -- the promised act ---------------------------------------------------------------------


def _clause_end(sent: Span, after: int, rules: CommitmentRules) -> int:
    """The token index where the promise's clause ends: the sentence end, or a clause of
    contrast or reason (", maar ...", "; ...", ", omdat ...") after token ``after``."""
    doc = sent.doc
    # "ga ik, zoals ook blijkt uit ..., in gesprek": the act goes on after an inserted clause
    inserted = _inserted_clause(sent, after, rules)
    for tok in sent[after - sent.start + 1 :]:
        if _inside(tok.i, inserted):
            continue
        if tok.text == ";":
            return tok.i
        if (
            tok.lower_ == "en"
            and tok.i + 1 < sent.end
            and doc[tok.i + 1].lower_ in rules.past_verbs | rules.future_verbs
        ):  # "... benadrukken en is ook onderdeel van ...": a new clause without subject
            return tok.i - 1 if doc[tok.i - 1].text == "," else tok.i
        if tok.lower_ == "en" and tok.i > after + 1 and _new_main_clause(sent, tok.i + 1, rules):
            return tok.i - 1 if doc[tok.i - 1].text == "," else tok.i
        if tok.text == "," and tok.i + 1 < sent.end:
            nxt = doc[tok.i + 1]
            if nxt.lower_ in rules.action_clause_ends:
                return tok.i
            if (  # ", het gaat hier om ...": a new main clause
                nxt.lower_ in rules.action_new_clause_subjects
                and tok.i + 2 < sent.end
                and doc[tok.i + 2].pos_ in {"VERB", "AUX"}
            ):
                return tok.i
        if tok.lower_ in rules.action_clause_ends and tok.i > after + 1 and tok.lower_ != "zoals":
            if sent.doc[tok.i - 1].text == ",":
                return tok.i - 1
    end = sent.end
    while end > sent.start and sent.doc[end - 1].is_punct and sent.doc[end - 1].text != ")":
        end -= 1
    return end


def _with_partners(sent: Span, last: int) -> int:
    """The last token of a subject that goes on after "en" with its partners, before its
    verb: "Rijk en gemeenten ontwikkelen", "het kabinet en de provincies zullen"; ``last``
    when none."""
    doc = sent.doc
    if last + 2 >= sent.end - 1 or doc[last + 1].lower_ != "en":
        return last
    k = last + 2
    if doc[k].pos_ == "DET":
        k += 1
    if k + 1 < sent.end and doc[k].pos_ in {"NOUN", "PROPN"} and doc[k + 1].pos_ in {"VERB", "AUX"}:
        return k
    return last


def _as_phrase(tokens: Sequence[Token], k: int) -> bool:
    """ "als één van de oplossingen", "als opdrachtgever": "als" before a noun phrase is a
    preposition, no clause (after an article it opens one: "als de middelen komen")."""
    return (
        tokens[k].lower_ == "als"
        and k + 1 < len(tokens)
        and tokens[k + 1].pos_ in {"NUM", "NOUN", "PROPN", "ADJ"}
    )


_CONJUNCT_REACH = 6  # words before the finite verb of a main clause after "en"
_CLAUSE_GOES_ON = frozenset({"NOUN", "PROPN", "PRON", "DET", "ADV", "ADP", "ADJ", "NUM"})


def _infinitive_after(sent: Span, i: int) -> bool:
    """An infinitive in the clause after token ``i`` ("blijft dit doen"), before a comma."""
    for tok in sent.doc[i + 1 : sent.end]:
        if tok.is_punct:
            return False
        if "Inf" in tok.morph.get("VerbForm"):
            return True
    return False


def _has_aux(sent: Span, hi: int, rules: CommitmentRules) -> bool:
    """Whether an auxiliary ("zal", "ga", "wil") stands in the sentence before token ``hi``."""
    verbs = rules.future_verbs | rules.go_verbs | rules.want_verbs | rules.keep_verbs
    return any(t.lower_ in verbs for t in sent.doc[sent.start : hi])


def _new_main_clause(sent: Span, at: int, rules: CommitmentRules) -> bool:
    """Whether a main clause with a subject of its own starts at token ``at``, after "en":
    a phrase, then a finite verb ("en de Commissie brengt dit op", "en vanuit EZ wordt
    nagegaan"). A finite verb right after "en" shares the subject ("maken de balans op en
    besluiten ..."); an infinitive shares the auxiliary ("zal evalueren en de sector
    raadplegen"); "en hoe ..." is a subordinate clause. A main clause goes on after its
    verb ("brengt dit op"); a verb that ends a clause ("... en met uw Kamer delen.", "...
    en EOT'n worden uitgevoerd voordat ...") or follows a preposition ("voor biobased
    bouw", a tagger's slip) is no new clause's; after an auxiliary, a verb in "-en" is an
    infinitive it governs, whatever the tagger says ("zal de regeling evalueren en de
    resultaten delen met de Kamer")."""
    doc = sent.doc
    if at >= sent.end or doc[at].lower_ in rules.subordinators:
        return False
    for tok in doc[at : min(sent.end - 1, at + _CONJUNCT_REACH + 1)]:
        if "Fin" in tok.morph.get("VerbForm"):
            after = doc[tok.i + 1 : min(sent.end, tok.i + 3)]
            goes_on = (
                len(after) == 2
                and not any(t.is_punct or t.is_space for t in after)
                and after[0].pos_ in _CLAUSE_GOES_ON
                and after[0].lower_ not in rules.subordinators
            )
            # a finite verb follows a phrase's head, never a preposition or an article
            placed = tok.i > at and doc[tok.i - 1].pos_ not in {"ADP", "DET", "ADJ"}
            infinitive = tok.lower_.endswith("en") and _has_aux(sent, at - 1, rules)
            return placed and goes_on and not infinitive
        if tok.is_punct or tok.pos_ in {"VERB", "AUX", "CCONJ", "SCONJ"}:
            return False
    return False


def _inserted_clause(sent: Span, after: int, rules: CommitmentRules) -> tuple[int, int] | None:
    """(opening comma, closing comma) of a clause inserted right after the verb and subject
    ending at token ``after`` ("Daarom ga ik, zoals ook blijkt uit ..., de komende tijd in
    gesprek"), or None when there is none or no comma closes it."""
    doc = sent.doc
    for comma in range(after + 1, sent.end - 1):
        if doc[comma].text != "," or doc[comma + 1].lower_ not in rules.action_clause_ends:
            continue
        # right after the verb any such clause; further on a remark ("uw Kamer, zoals
        # toegezegd, voor de zomer informeren")
        if comma < after + 3 or doc[comma + 1].lower_ in rules.inserted_remarks:
            close = next((t.i for t in doc[comma + 1 : sent.end - 1] if t.text == ","), None)
            return None if close is None else (comma, close)
        return None
    return None


def _inside(i: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= i <= span[1]


def _words(tokens: Sequence[Token], rules: CommitmentRules) -> list[Token]:
    """``tokens`` without the connectives right after the verb ("zet om die reden extra in")."""
    kept = list(tokens)
    for k in range(min(len(kept), 4)):
        for phrase in rules.action_drop_words:
            words = phrase.split()
            if [t.lower_ for t in kept[k : k + len(words)]] == words:
                return kept[:k] + kept[k + len(words) :]
    return kept


def _cap(text: str | None) -> str | None:
    """At most ``_MAX_ACTION_CHARS``, cut at a space, never inside a word."""
    if not text or len(text) <= _MAX_ACTION_CHARS:
        return text or None
    return text[: text.rfind(" ", 0, _MAX_ACTION_CHARS + 1)].rstrip(" ,;:") or None


def _join(tokens: Sequence[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens)
    return " ".join(text.split()).strip(" .;:,")


def _glued(left: Token, right: Token) -> bool:
    """Two words the glue repair split ("hetkabinet" -> "het", "kabinet"): no space between
    them in the letter, both letters at the seam. The action prints them apart."""
    return not left.whitespace_ and left.text[-1:].isalpha() and right.text[:1].isalpha()


def _join_lowering(tokens: Sequence[Token], sent: Span) -> str:
    """As :func:`_join`, with the sentence's first word in lower case when it moved inside
    the clause ("Op basis hiervan bekijk ik" -> "ik bekijk op basis hiervan") and is no
    name, and words glued in the letter apart."""
    opening = next((t for t in sent if not t.is_space), None)
    parts = []
    for k, t in enumerate(tokens):
        joined = k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1
        text = t.text_with_ws if joined and not _glued(t, tokens[k + 1]) else t.text + " "
        moved = k > 0 and opening is not None and t.i == opening.i
        if moved and t.pos_ != "PROPN" and t.text[1:].islower():
            text = text[:1].lower() + text[1:]
        parts.append(text)
    return " ".join("".join(parts).split()).strip(" .;:,")


def _action(sent: Span, clue: _Clue, rules: CommitmentRules) -> tuple[str | None, int, int]:
    """The promised act as a clause, and the char span of the clause it was read from.

    Subject as written, the finite verb, and what follows it up to the clause's end: "ik
    zal uw Kamer informeren over ...", "UWV zet extra in op ...", "we werken toe naar
    ..." (a fronted adverbial, "Daarom" or "Voor de zomer", is left out; an inverted
    subject goes before its verb).
    """
    if clue.action_from is not None:
        text = " ".join(clue.action_from.split()).strip(" .;:,")
        return _cap(text), sent.start_char, sent.end_char
    verb = clue.verb
    if verb is None or clue.subject is None or not (sent.start <= verb.i < sent.end):
        text = _promised(" ".join(sent.text.split()).strip(" .;:,"), rules)
        return _cap(text), sent.start_char, sent.end_char
    doc = sent.doc
    first, last = clue.subject
    first = max(first, sent.start)
    if first > verb.i:  # "Daarom zet ik ...": subject, verb, then the rest without the subject
        end = _clause_end(sent, last, rules)
        subject = list(doc[first : last + 1])
        begin = _clause_start(sent, verb.i)
        # what came before the verb, if a phrase and not a clause: "Samen met UWV bekijk
        # ik" -> "ik bekijk samen met UWV"; "Daarom" and the like are dropped
        fronted = _words(list(doc[begin : verb.i]), rules)
        if (
            clue.status == "fulfilled"  # "Conform mijn toezegging stuur ik ...": not the act
            or any(t.text == "," for t in fronted)
            or len(fronted) > 15
            or (fronted and fronted[0].lower_ in rules.subordinators)  # "Wanneer ... zal ik"
            or any(t.lower_ == "te" for t in fronted)  # "Om ... te vergroten zetten we in"
        ):
            fronted = []
        inserted = _inserted_clause(sent, last, rules)
        rest = [
            t
            for t in doc[verb.i + 1 : end]
            if not first <= t.i <= last and not _inside(t.i, inserted)
        ]
        tokens = [*subject, verb, *_words(fronted + _words(rest, rules), rules)]
    elif clue.coordinated:  # "Nederland heeft ... en zal dit blijven doen": Nederland zal ...
        end = _clause_end(sent, verb.i, rules)
        tokens = [*doc[first : last + 1], verb, *_words(list(doc[verb.i + 1 : end]), rules)]
        begin = verb.i
    elif clue.clause_end is not None:  # "waarover ik u ... zal informeren": ik zal u ... informeren
        end = clue.clause_end
        rest = [*doc[last + 1 : verb.i], *doc[verb.i + 1 : end]]
        tokens = [*doc[first : last + 1], verb, *_words(rest, rules)]
        begin = first
    else:
        end = _clause_end(sent, verb.i, rules)
        head = list(doc[sent.start : first])
        if (  # "De Minister van VWS en ik willen ...": the whole subject, not a clause
            head
            and head[-1].lower_ == "en"
            and len(head) <= 8
            and all(t.text != "," and t.pos_ not in {"VERB", "AUX"} for t in head)
        ):
            first = sent.start
        inserted = _inserted_clause(sent, verb.i, rules)
        tokens = [
            *doc[first : verb.i + 1],
            *_words([t for t in doc[verb.i + 1 : end] if not _inside(t.i, inserted)], rules),
        ]
        begin = _clause_start(sent, first)
    text = _promised(_join_lowering(tokens, sent), rules)
    close = doc[end - 1].idx + len(doc[end - 1].text) if end > sent.start else sent.end_char
    return _cap(text), doc[begin].idx, close


def _promised(text: str, rules: CommitmentRules) -> str:
    """What was promised, after "heeft toegezegd dat ...", "werd toegezegd ... te voeren"."""
    for pattern in rules.action_after:
        m = pattern.search(text.lower())
        if m is not None and m.end() < len(text):
            return text[m.end() :]
    return text


def _final_particle(
    sent: Span, clue: _Clue, action: str | None, rules: CommitmentRules
) -> str | None:
    """The separable particle that ends the action ("... op", "... uit"), if its verb's."""
    verb = clue.verb
    if verb is None or not action or clue.action_from is not None:
        return None
    last = action.split()[-1]
    if last.lower() in rules.particle_verbs.get(verb.lower_, ()):
        return last
    for tok in sent:
        if tok.text == last and tok.dep_ == "compound:prt" and tok.head.i == verb.i:
            return last
    return None


def _clause_start(sent: Span, at: int) -> int:
    """The first token of the main clause holding token ``at``: after "; " or a coordinating
    "en"/"maar" right before it ("... vindt plaats en ik verwacht ...")."""
    for tok in reversed(list(sent[: at - sent.start])):
        if tok.text in {";", ":"}:
            return tok.i + 1
        if tok.lower_ in {"en", "maar"} and tok.i + 1 == at:
            return tok.i + 1
    return sent.start


def short_action(action: str | None, limit: int, particle: str | None = None) -> str | None:
    """At most ``limit`` words, cut after a comma or before a clause ("om", "zodat", "en",
    "die", "waarbij") when the action is longer; never inside a word. A separable verb's
    particle at the end of the clause ("We werken maatregelen ... uit") is kept after the
    cut, so that the verb keeps its meaning: "We werken maatregelen ... … uit"."""
    if action is None:
        return None
    words = action.split()
    if len(words) <= limit:
        return action
    if particle is not None and words[-1].lower() == particle.lower():
        cut = short_action(" ".join(words[:-1]), limit - 2)
        return f"{cut} … {words[-1]}"
    window = range(limit, limit // 3, -1)
    # the strongest boundary first: punctuation, then a clause, then "en"
    cut = next((k for k in window if words[k - 1].endswith((",", ";", ":"))), None)
    if cut is None:
        starts = commitment_rules().clause_starts
        cut = next((k for k in window if words[k].lower() in starts), None)
    if cut is None:
        cut = next((k for k in window if words[k].lower() in {"en", "en/of"}), None)
    return " ".join(words[: cut or limit]).rstrip(",;:")


# -- the deadline --------------------------------------------------------------------------


def _deadline_in(
    lo: int,
    hi: int,
    letter: str,
    dates: Sequence[DateItem],
    rules: CommitmentRules,
    after: date | None,
) -> DateValue | None:
    """The first date in ``lo:hi`` that can bound a promise: not before the letter's date,
    not the date of a debate, a letter or a period ("het debat van 16 juni"). A month or
    season without a year that has passed is next year's only when no date ahead is there
    ("Na het overleg in januari zal ik ... voor de zomer": the summer)."""
    rolled: DateValue | None = None
    for item in dates:
        if not (lo <= item.start and item.end <= hi):
            continue
        before = letter[max(lo, item.start - 80) : item.start].lower()
        if rules.not_deadline_before.search_any(before):
            continue
        tail = letter[item.end : item.end + 6].lower().lstrip()
        if re.search(r"\bjl\b", item.text.lower()) or tail.startswith("jl"):
            continue  # "7 juli jl.": past
        if _ends_before(item.value, after):
            coming = _coming(item.text, item.value)
            if rolled is None and not _ends_before(coming, after):
                rolled = DateValue(text=item.text, value=coming)
            continue
        return DateValue(text=item.text, value=item.value)
    return rolled


def _coming(text: str, value: str | None) -> str | None:
    """The value a year on, of a month or season named without a year that a promise
    points to: "dit voorjaar" or "begin juli" in a letter of November is next year's;
    unchanged when the text names a year or the past ("vorig najaar", "afgelopen zomer")."""
    if value is None or any(c.isdigit() for c in text):
        return value
    rules = date_rules()
    words = re.findall(r"[^\W\d_]+", text.lower())
    if any(rules.relative_periods.get(w) == "last" for w in words):
        return value
    if not any(month_number(w) or w in rules.periods for w in words):
        return value
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) + 1), value)


@cache
def _date_leads() -> frozenset[str]:
    """What may stand before a date that opens a sentence: nothing, or its relation."""
    return frozenset({"", *(" ".join(words) for words in date_rules().trim_leading)})


@cache
def _season_pattern() -> re.Pattern[str]:
    """ "in het najaar", "in de zomer": a period of the dates' table without a year after it."""
    names = "|".join(sorted(map(re.escape, date_rules().periods), key=len, reverse=True))
    return re.compile(rf"\bin ((?:het|de) ({names}))\b(?!\s+(?:van\b|\d))")


def _made_by_another(tokens: Sequence[Token], head: str, rules: CommitmentRules) -> bool:
    """A maker named right after the deliverable ``head``: "door het RIVM", or "van de Raad
    van State" after what another writes ("het advies"); not "de evaluatie van de
    Participatiewet" (what it is of)."""
    at = next((k for k, t in enumerate(tokens) if t.lower_ == head), None)
    if at is None or at + 1 >= len(tokens):
        return False
    link = tokens[at + 1].lower_
    if link != "door" and not (link == "van" and head in rules.authored_deliverables):
        return False
    return any(t.text[:1].isupper() and t.is_alpha for t in tokens[at + 2 : at + 5])


def _ends_before(value: str | None, day: date | None) -> bool:
    """Whether the ISO date ``value`` ends before ``day`` (False when either is unknown)."""
    if value is None or day is None:
        return False
    try:
        _, last, _ = iso_bounds(value)
    except ValueError:
        return False
    return last < day


def _period_in(
    lo: int,
    hi: int,
    letter: str,
    rules: CommitmentRules,
    after: date | None = None,
    verb_at: int | None = None,
) -> DateValue | None:
    """ "de komende jaren", "op korte termijn": a bound without a calendar value; or a season
    named without a year, which the dates leave alone ("in de zomer" may be any summer) but
    which in a promise's own clause (no subordinator and no finite verb of the past between
    it and the promise's verb at ``verb_at``, else the start ``lo``) is the coming one: "Ik
    zal u in het najaar informeren"; next year's unless this year's ends a month or more
    after the letter."""
    lowered = letter[lo:hi].lower()
    season = _season_pattern().search(lowered)
    if season is not None and after is not None:
        anchor = lo if verb_at is None else verb_at
        a, b = sorted((max(0, anchor - lo), season.start()))
        # no clause between the season and the promise's verb: no subordinator, no finite
        # verb of its own ("Zoals ik u in het najaar heb gemeld, zal ik ..."); an inserted
        # phrase between commas is no clause ("Ik zal u, naar verwachting in het najaar, ...")
        words = re.findall(r"\w+", lowered[a:b])
        own_clause = not any(w in rules.subordinators or w in rules.past_verbs for w in words)
        if own_clause:
            first, last = date_rules().periods[season.group(2)]
            year = period_year(after.year, after.month, first, last, None)
            if year * 12 + last - 1 < after.year * 12 + after.month:  # ends within a month
                year += 1
            months = Interval.months(year * 12 + first - 1, year * 12 + last - 1)
            text = letter[lo + season.start(1) : lo + season.end()]
            return DateValue(text=text, value=months.iso())
    for pattern in rules.deadline_phrases:
        m = pattern.search(lowered)
        if m is not None:
            text = letter[lo + m.start() : lo + m.end()]
            if text.lower().startswith("in "):
                text = text[3:]
            return DateValue(text=text, value=None)
    return None


def _named_mentions(
    persons: Sequence[Person], organisations: Sequence[Organisation]
) -> list[_Named]:
    named = [_Named(m.start, m.end, p.name, "person") for p in persons for m in p.mentions] + [
        _Named(m.start, m.end, o.name, "organisation") for o in organisations for m in o.mentions
    ]
    return sorted(named, key=lambda n: n.start)


def _joined_names(mentions: list[_Named], letter: str) -> list[list[_Named]]:
    """The mentions in groups: names joined by "en" or a comma are one group ("BZK en IenW",
    "EZK, IenW en IPO"); every other mention is a group of its own."""
    groups: list[list[_Named]] = []
    for named in mentions:
        if groups and letter[groups[-1][-1].end : named.start].strip() in {"en", ","}:
            groups[-1].append(named)
        else:
            groups.append([named])
    return groups


@cache
def _phrase_words(phrases: tuple[str, ...]) -> tuple[list[str], ...]:
    """The words of each phrase of a rule list, split once."""
    return tuple(p.split() for p in phrases if p.split())


@dataclass
class _Row:
    item: Commitment
    words: frozenset[str]


def _action_key(action: str | None) -> frozenset[str]:
    """Content words of an action, cut to six letters so that inflections meet."""
    words = re.findall(r"[^\W\d_]{3,}", (action or "").lower())
    return frozenset(w[:6] for w in words if w not in STOP_WORDS)


def _same_promise(a: _Row, b: _Row, overlap: float) -> bool:
    """The same actor and status, and the same sentence or nearly all the words of the
    shorter action in the longer ("..., samen met de provincies" adds a detail)."""
    if a.item.actor != b.item.actor or a.item.status != b.item.status:
        return False
    if " ".join(a.item.text.split()) == " ".join(b.item.text.split()):
        return True
    small, large = sorted((len(a.words), len(b.words)))
    shared = len(a.words & b.words)
    return small >= 3 and shared >= overlap * small and shared >= 0.6 * large


def extract_commitments(
    doc: Doc,
    parsed: ParsedLetter,
    *,
    persons: Sequence[Person] = (),
    organisations: Sequence[Organisation] = (),
    dates: Sequence[DateItem] = (),
) -> dict[str, object]:
    """The record's ``commitments``, read with the persons, organisations and dates found.

    A promise the letter repeats (same actor, the same sentence or nearly the same action)
    is one commitment with every occurrence in ``mentions``.
    """
    rules = commitment_rules()
    named = _named_mentions(persons, organisations)
    persons_named = [n for n in named if n.kind == "person"]
    person_starts = [n.start for n in persons_named]
    reader = _Reader(parsed, named, dates, rules, doc, persons)
    letter = parsed.text
    questions = [(q.start, q.end) for q in parsed.questions]
    letter_date = _letter_date(parsed)
    sentences = [part for s in text_sentences(doc) for part in _parts(s, rules.max_sentence_chars)]
    texts = [reader.text_of(s) for s in sentences]
    rows: list[_Row] = []
    previous: Span | None = None
    last_person: str | None = None
    for n, (sent, text) in enumerate(zip(sentences, texts, strict=True)):
        asked = any(lo <= sent.start_char < hi for lo, hi in questions)
        if sent.start_char >= parsed.content_start and text.strip() and not asked:
            clue = reader.read(sent, text, previous, last_person)
            if clue is not None:
                stripped = text.strip()
                start = sent.start_char + text.index(stripped)
                action, lo, hi = _action(sent, clue, rules)
                if text.rstrip().endswith(":") and n + 1 < len(sentences) and action:
                    # "we zetten in op:" and a list: the first item completes the act
                    listed = " ".join(texts[n + 1].split()).strip(" .;:,")
                    action = _cap(f"{action}: {listed}")
                deadline = _deadline_in(lo, hi, letter, dates, rules, letter_date)
                if deadline is None and clue.previous is not None:  # "Dat is toegezegd door ..."
                    deadline = _deadline_in(
                        clue.previous.start_char, clue.previous.end_char, letter, dates, rules,
                        letter_date,
                    )  # fmt: skip
                if deadline is None and n + 1 < len(sentences):
                    after = sentences[n + 1]  # "Dat doe ik voor de zomer."
                    if rules.deadline_refer_back.search_any(texts[n + 1].lower()):
                        deadline = _deadline_in(
                            after.start_char, after.end_char, letter, dates, rules, letter_date
                        )
                if deadline is None:
                    at = None if clue.verb is None else clue.verb.idx
                    deadline = _period_in(lo, hi, letter, rules, letter_date, at)
                item = Commitment(
                    text=stripped,
                    start=start,
                    end=start + len(stripped),
                    section=parsed.section_at(start),
                    question=parsed.question_at(start),
                    actor=clue.actor,
                    action=action,
                    action_short=short_action(
                        action, rules.action_short_words, _final_particle(sent, clue, action, rules)
                    ),
                    deadline=deadline,
                    strength=clue.strength,  # type: ignore[arg-type]
                    status=clue.status,  # type: ignore[arg-type]
                    mentions=[Mention(text=stripped, start=start, end=start + len(stripped),
                                      section=parsed.section_at(start))],
                )  # fmt: skip
                row = _Row(item, _action_key(action))
                # "Dat laatste is toegezegd door X" reads its action from the sentence before:
                # X's own promise, not a repetition of that sentence
                same = (
                    next(
                        (r for r in rows if _same_promise(r, row, rules.same_promise_overlap)), None
                    )
                    if clue.action_from is None
                    else None
                )
                if same is None:
                    rows.append(row)
                else:
                    same.item.mentions.append(item.mentions[0])
                    if same.item.deadline is None:
                        same.item.deadline = item.deadline
        k = bisect_left(person_starts, sent.end_char) - 1  # the last person named in sent
        if k >= 0 and person_starts[k] >= sent.start_char:
            last_person = persons_named[k].name
        previous = sent
    return {"commitments": [r.item for r in rows]}


def _parts(sent: Span, max_chars: int) -> list[Span]:
    """A sentence too long to read as one, cut at its semicolons: a chronology or a list run
    into one sentence ("-1 december 1989: ... zegt het kabinet toe ...; -7 december 1989:
    ..."), whose parts are read each as a sentence; else the sentence itself."""
    if len(sent.text) <= max_chars:
        return [sent]
    parts: list[Span] = []
    start = sent.start
    for tok in sent:
        if tok.text == ";":
            if tok.i > start:
                parts.append(sent.doc[start : tok.i + 1])
            start = tok.i + 1
    if start < sent.end:
        parts.append(sent.doc[start : sent.end])
    return parts


def _letter_date(parsed: ParsedLetter) -> date | None:
    """The first day of the letter's date: no deadline ends before it."""
    value = parsed.metadata.date.value if parsed.metadata.date else None
    if not value:
        return None
    try:
        first, _, _ = iso_bounds(value)
    except ValueError:
        return None
    return first
