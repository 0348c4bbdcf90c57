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

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kamerbrief.nlp.sentences import text_sentences
from kamerbrief.parse import ParsedLetter
from kamerbrief.record import Commitment, DateItem, DateValue, Organisation, Person
from kamerbrief.rules.commitments import CommitmentRules, commitment_rules

_MAX_ACTION_CHARS = 300


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


class _Reader:
    def __init__(
        self,
        parsed: ParsedLetter,
        named: list[_Named],
        dates: Sequence[DateItem],
        rules: CommitmentRules,
    ) -> None:
        self.rules = rules
        self.named = named
        self.dates = dates
        senders = [s.name for s in parsed.metadata.senders]
        self.writer = senders[0] if senders else None
        # "we" in a minister's letter is the cabinet or the ministry: actor null, as "het kabinet"
        self.we: str | None = None
        self.sentence_end = 0

    # -- helpers --------------------------------------------------------------------

    def _strength(self, lower: str, default: str = "firm") -> str:
        if any(p.search(lower) for p in self.rules.soft_patterns):
            return "soft"
        return default

    def _negated(self, sent: Span, verb: Token) -> bool:
        """A negation within the verb's clause: 'zal niet', 'ik ga geen ...'."""
        for tok in sent[verb.i - sent.start + 1 : verb.i - sent.start + 7]:
            if tok.text in {",", ";", ":"} or tok.lower_ in self.rules.subordinators:
                return False
            if tok.lower_ in self.rules.negations:
                return True
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
        if particles and not self._particle_follows(verb, particles):
            return None  # "We werken dit uit", "voeren maatregelen uit": the particle must follow
        return "act"

    def _particle_follows(self, verb: Token, particles: Sequence[str]) -> bool:
        """A separable particle after the verb, not a preposition ('uit de rivieren')."""
        doc = verb.doc
        words = [t.lower_ for t in doc[verb.i + 1 : self.sentence_end]]
        for k in range(len(words)):
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
    ) -> _Clue | None:
        if verb is None:
            return None
        kind = self._verb_kind(verb, plural=plural)
        promised = any(p.search(lower) for p in self.rules.firm_patterns)
        if kind in ("act", "keep") and self._states_a_result(sent):
            kind = None  # "Zo blijft Nederland een veilige delta": an effect
        if kind is None or (kind == "act" and not acts):
            if promised:
                return _Clue(verb, actor, "firm")
            return None
        if self._negated(sent, verb):
            return None
        if kind == "past":
            if promised:
                return _Clue(verb, actor, "firm")
            if any(p.search(lower) for p in self.rules.soft_patterns):
                return _Clue(verb, actor, "soft")
            return None
        default = "soft" if kind == "want" else "firm"
        return _Clue(verb, actor, self._strength(lower, default))

    def _states_a_result(self, sent: Span) -> bool:
        """'Hiermee zorgen we voor ...', 'Zo voorkomen we ...': an effect, not a promise."""
        opening = " ".join(t.lower_ for t in sent[:3]) + " "
        return any(opening.startswith(o + " ") for o in self.rules.result_openers)

    # -- one sentence ---------------------------------------------------------------

    def read(self, sent: Span, previous: Span | None, last_person: str | None) -> _Clue | None:
        rules = self.rules
        self.sentence_end = sent.end
        lower = sent.text.lower()
        if len(sent.text) > rules.max_sentence_chars:
            return None
        if any(p.search(lower) for p in rules.fulfilled_patterns) and any(
            w in lower.split() or w in lower for w in rules.fulfilled_objects
        ):
            return _Clue(None, self.writer, "firm", "fulfilled")
        if any(p.search(lower) for p in rules.not_commitment_patterns):
            return None
        for pattern in rules.promise_by_patterns:
            m = pattern.search(lower)
            if m is not None:
                after = sent.start_char + m.end()
                actor = next((n.name for n in self._named_in(sent) if n.start >= after), None)
                return _Clue(
                    None, actor, "firm", action_from=None if previous is None else previous.text
                )
        tokens = list(sent)
        for tok in tokens:
            word = tok.lower_
            if word in rules.singular_subjects or word in rules.plural_subjects:
                plural = word in rules.plural_subjects
                actor = self.we if plural else self.writer
                clue = self._clue_for(
                    sent, lower, self._verb_beside(sent, tok.i, tok.i), actor, plural=plural
                )
                if clue is not None:
                    return clue
        for first, last in self._phrases(sent, rules.own_bodies):
            clue = self._clue_for(
                sent, lower, self._verb_beside(sent, first, last), self.writer, plural=False
            )
            if clue is not None:
                return clue
        for named in self._named_in(sent):
            span = sent.doc.char_span(named.start, named.end, alignment_mode="expand")
            if span is None:
                continue
            first = span.start
            while first > sent.start and sent.doc[first - 1].lower_ in self.rules.name_prefixes:
                first -= 1  # "De Radboud universiteit zal", "komt de NZa met", "Minister X heeft"
            verb = self._verb_beside(sent, first, span.end - 1)
            if verb is not None and verb.i > first and not self._opens_clause(sent, first):
                continue  # "Verduurzaming van ... Chemelot zal ...": not the subject
            acts = named.kind == "organisation"
            clue = self._clue_for(sent, lower, verb, named.name, plural=False, acts=acts)
            if clue is not None:
                return clue
        for first, last in self._phrases(sent, rules.collective_actors):
            body = self._body_named_after(sent, last)
            if body is not None:  # "het ministerie van IenW zal": the ministry itself
                name, body_last = body
                verb = self._verb_beside(sent, first, body_last)
                clue = self._clue_for(sent, lower, verb, name, plural=False)
                if clue is not None:
                    return clue
                continue
            verb = self._verb_beside(sent, first, last)
            clue = self._clue_for(sent, lower, verb, None, plural=False, acts=False)
            if clue is not None:
                return clue
        for tok in tokens:
            if tok.lower_ in rules.third_person_subjects and last_person is not None:
                clue = self._clue_for(
                    sent,
                    lower,
                    self._verb_beside(sent, tok.i, tok.i),
                    last_person,
                    plural=False,
                    acts=False,
                )
                if clue is not None:
                    return clue
        return self._agent_or_subjectless(sent, lower) or self._named_subject(sent, lower)

    def _agent_or_subjectless(self, sent: Span, lower: str) -> _Clue | None:
        """'In 2023 wordt door het RIVM een notitie opgesteld'; 'Het streven is om ...'."""
        rules = self.rules
        if any(p.search(lower) for p in rules.subjectless_patterns):
            return _Clue(None, None, self._strength(lower, "soft"))
        words = [t.lower_ for t in sent]
        if not any(w in rules.passive_verbs for w in words):
            return None
        dated = any(sent.start_char <= d.start and d.end <= sent.end_char for d in self.dates)
        informs = "geïnformeerd" in words and "kamer" in words
        if not (dated or informs):
            return None
        for tok in sent:
            if tok.lower_ != "door":
                continue
            after = sent.doc[tok.i + 1 : min(tok.i + 5, sent.end)]
            for named in self._named_in(sent):
                if after.start_char <= named.start < after.end_char:
                    return _Clue(tok, named.name, self._strength(lower))
        return None

    def _named_subject(self, sent: Span, lower: str) -> _Clue | None:
        """'De Radboud universiteit zal ...': a name the NER missed, after an article, then zal."""
        tokens = list(sent)
        if len(tokens) < 3 or tokens[0].lower_ not in {"de", "het"}:
            return None
        k = 1
        while k < len(tokens) and tokens[k].lower_ not in self.rules.future_verbs and k < 6:
            k += 1
        if k >= len(tokens) or tokens[k].lower_ not in self.rules.future_verbs:
            return None
        name = tokens[1:k]
        if not name[0].text[:1].isupper() or not all(t.is_alpha for t in name):
            return None
        actor = sent.doc[name[0].i : tokens[k].i].text
        return self._clue_for(sent, lower, tokens[k], actor, plural=False, acts=False)

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

    def _opens_clause(self, sent: Span, first: int) -> bool:
        """Whether token ``first`` starts the sentence, after openers and an article."""
        for tok in sent[: first - sent.start]:
            if tok.lower_ not in self.rules.clause_openers and tok.lower_ not in {"de", "het"}:
                return False
        return True

    def _named_in(self, sent: Span) -> list[_Named]:
        return [n for n in self.named if sent.start_char <= n.start and n.end <= sent.end_char]

    def _phrases(self, sent: Span, phrases: Sequence[str]) -> list[tuple[int, int]]:
        """(first, last) token indices of each phrase in the sentence."""
        low = [t.lower_ for t in sent]
        found = []
        for phrase in phrases:
            words = phrase.split()
            for k in range(len(low) - len(words) + 1):
                if low[k : k + len(words)] == words:
                    found.append((sent.start + k, sent.start + k + len(words) - 1))
        return sorted(found)


def _action(sent: Span, clue: _Clue, letter: str) -> str | None:
    """What is promised: the sentence after the verb (or the sentence the promise refers to)."""
    if clue.action_from is not None:
        text = clue.action_from
    elif clue.verb is not None:
        text = letter[
            clue.verb.idx + len(clue.verb.text) : sent.end_char
        ]  # Doc.text is rebuilt per call
    else:
        text = sent.text
    text = " ".join(text.split()).strip(" .;:,")
    return text[:_MAX_ACTION_CHARS] or None


def _deadline(sent: Span, dates: Sequence[DateItem]) -> DateValue | None:
    for item in dates:
        if sent.start_char <= item.start and item.end <= sent.end_char:
            return DateValue(text=item.text, value=item.value)
    return None


def _named_mentions(
    persons: Sequence[Person], organisations: Sequence[Organisation]
) -> list[_Named]:
    named = [_Named(m.start, m.end, p.name, "person") for p in persons for m in p.mentions] + [
        _Named(m.start, m.end, o.name, "organisation") for o in organisations for m in o.mentions
    ]
    return sorted(named, key=lambda n: n.start)


def extract_commitments(
    doc: Doc,
    parsed: ParsedLetter,
    *,
    persons: Sequence[Person] = (),
    organisations: Sequence[Organisation] = (),
    dates: Sequence[DateItem] = (),
) -> dict[str, object]:
    """The record's ``commitments``, read with the persons, organisations and dates found."""
    named = _named_mentions(persons, organisations)
    reader = _Reader(parsed, named, dates, commitment_rules())
    items = []
    previous: Span | None = None
    last_person: str | None = None
    for sent in text_sentences(doc):
        if sent.start_char >= parsed.content_start and sent.text.strip():
            clue = reader.read(sent, previous, last_person)
            if clue is not None:
                stripped = sent.text.strip()
                start = sent.start_char + sent.text.index(stripped)
                items.append(
                    Commitment(
                        text=stripped,
                        start=start,
                        end=start + len(stripped),
                        section=parsed.section_at(start),
                        actor=clue.actor,
                        action=_action(sent, clue, parsed.text),
                        deadline=_deadline(sent, dates),
                        strength=clue.strength,  # type: ignore[arg-type]
                        status=clue.status,  # type: ignore[arg-type]
                    )
                )
        people = [
            n.name
            for n in named
            if n.kind == "person" and sent.start_char <= n.start < sent.end_char
        ]
        if people:
            last_person = people[-1]
        previous = sent
    return {"commitments": items}
