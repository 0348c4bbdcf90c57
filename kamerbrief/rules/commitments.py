"""The cue lexicon of commitments (``data/commitments.json``), validated on load."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import Field, ValidatorFunctionWrapHandler, field_validator

from kamerbrief.rules.loader import Patterns, RuleFile, compile_pattern, load_rules


class CommitmentRules(RuleFile):
    clause_starts: frozenset[str] = frozenset()  # where a short action may be cut: "om", "zodat"
    singular_subjects: frozenset[str]
    plural_subjects: frozenset[str]
    third_person_subjects: frozenset[str]
    inverted_subjects: frozenset[str]  # "Na de zomer maak ik ...": after the finite verb
    own_bodies: tuple[str, ...]
    collective_actors: tuple[str, ...]
    future_verbs: frozenset[str]
    go_verbs: frozenset[str]
    want_verbs: frozenset[str]
    keep_verbs: frozenset[str]
    # "... en laat dit onderzoeken": a verb that makes another act, in a second clause
    causative_verbs: frozenset[str] = frozenset()
    # "Ik laat het aan de gemeenten om ... te controleren", "laat ... over": a task left to
    # others, when one of these comes before the infinitive
    causative_not_before: frozenset[str] = frozenset()
    past_verbs: frozenset[str]
    # "zeg ... toe", "beloof": the verb of a promise, whatever the tagger calls it
    promise_verbs: frozenset[str] = frozenset()
    subordinators: frozenset[str]
    promise_subordinators: frozenset[str] = frozenset()  # "waarover ik ... zal informeren"
    unit_subjects: frozenset[str] = frozenset()  # "De werkgroep zal ...": a unit by its kind
    unit_qualifiers: frozenset[str] = frozenset()  # "De commissie van deskundigen zal ..."
    office_subjects: frozenset[str] = frozenset()  # "De Minister van BZ zal ...": an office
    object_pronouns: frozenset[str] = frozenset()  # "zal dat niet doen": an object
    relatives: frozenset[str] = frozenset()  # "informatie die nodig is en zal ..."
    # "uw Kamer, zoals toegezegd, voor de zomer informeren": a remark the act goes on after
    inserted_remarks: frozenset[str] = frozenset()
    # the office a signatory's role names, for each office word: "ministers" -> "minister"
    office_kinds: dict[str, str] = Field(default_factory=dict)
    clause_openers: frozenset[str]
    not_verbs: frozenset[str]
    stative_verbs: frozenset[str]
    action_verbs: frozenset[str]
    commit_verbs_first_person: frozenset[str]
    particle_verbs: dict[str, tuple[str, ...]]
    # "Ik kom voor de zomer met een voorstel": a verb whose preposition, before something
    # the writer delivers, makes the act (the preposition is no particle there)
    delivery_prepositions: dict[str, str] = Field(default_factory=dict)
    deliverables: tuple[str, ...] = ()  # nouns, also as compound ends: "voorstel", "plan"
    delivery_not_after: frozenset[str] = frozenset()  # "kom met ... tegemoet", "tot", "overeen"
    # "Mijn reactie volgt na de zomer": something delivered, the verb that it follows with
    follow_verbs: frozenset[str] = frozenset()
    # what another writes, so that "van <a body>" after it names its maker: "het advies van
    # de Raad van State"; not "de evaluatie van de Participatiewet"
    authored_deliverables: frozenset[str] = frozenset()
    # relatives that open a promise of the writer ("ik") only: "een evaluatie, die ik in mei
    # zal sturen", not "de knelpunten die we zullen tegenkomen"
    writer_only_subordinators: frozenset[str] = frozenset()
    follow_not_after: frozenset[str] = frozenset()  # "volgt uit", "volgt hieronder"
    follow_not_in: frozenset[str] = frozenset()  # "volgt in bijlage 2": no delivery to come
    # whose delivery it is, by the possessive before it: "writer", "we" or "other"
    deliverable_owners: dict[str, Literal["writer", "we", "other"]] = Field(default_factory=dict)
    result_openers: tuple[str, ...]
    firm_patterns: Patterns
    soft_patterns: Patterns
    fulfilled_patterns: Patterns
    fulfilled_objects: frozenset[str]
    promise_by_patterns: Patterns
    not_commitment_patterns: Patterns
    subjectless_patterns: Patterns
    passive_verbs: frozenset[str]
    articles: frozenset[str]
    name_prefixes: frozenset[str]
    negations: frozenset[str]
    # "Ik zal niet nalaten ... te informeren": a negation these verbs turn into a promise
    negated_promise_verbs: frozenset[str] = frozenset()
    max_sentence_chars: int = Field(gt=50)
    # the promised act as a clause
    action_clause_ends: frozenset[str]
    action_drop_words: tuple[str, ...]
    action_new_clause_subjects: frozenset[str]
    action_after: tuple[re.Pattern[str], ...]
    action_short_words: int = Field(gt=5)
    # the deadline
    not_deadline_before: Patterns
    deadline_refer_back: Patterns
    deadline_phrases: Patterns
    # what is no promise
    forecast_patterns: Patterns
    aim_verbs: frozenset[str] = frozenset()  # "We willen voorkomen dat ...": an aim, no act
    want_without_verb: tuple[str, ...] = ()  # "Daar wil ik graag in gesprek": an act all the same
    ongoing_markers: tuple[str, ...] = ()  # "De NVWA onderzoekt op dit moment ...": work described
    # "zet ik in op ...", "werk ik aan ...": an effort described, a promise only when dated
    effort_verbs: frozenset[str] = frozenset()
    # "UWV start een vervolgonderzoek": a body's undated present that begins new work
    inception_verbs: frozenset[str] = frozenset()
    # "Nederland wil werken aan ...": collectives whose undated wish is an aim
    aiming_collectives: frozenset[str] = frozenset()
    # "Het kabinet stelt een handreiking op": collectives whose undated present is an act
    acting_collectives: frozenset[str] = frozenset()
    effort_patterns: Patterns = Patterns()
    # promises of other shapes
    kept_promise_openers: Patterns = Patterns()  # "Conform mijn toezegging ..."
    delivery_patterns: Patterns = Patterns()  # "... stuur ik u hierbij ..."
    decision_patterns: Patterns = Patterns()  # "heb ik besloten ... te verlengen"
    own_intent_patterns: Patterns = Patterns()  # "Het is mijn voornemen om ..."
    addressee_receives_patterns: Patterns = Patterns()  # "U ontvangt ... in mei"
    own_passive_patterns: Patterns = Patterns()  # "zal door mij worden ingediend"
    # one row per promise: repeated when the actions share this share of their words
    same_promise_overlap: float = Field(gt=0.5, le=1.0)

    @field_validator(
        "firm_patterns",
        "soft_patterns",
        "fulfilled_patterns",
        "promise_by_patterns",
        "not_commitment_patterns",
        "subjectless_patterns",
        "not_deadline_before",
        "deadline_refer_back",
        "deadline_phrases",
        "forecast_patterns",
        "kept_promise_openers",
        "delivery_patterns",
        "decision_patterns",
        "own_intent_patterns",
        "addressee_receives_patterns",
        "own_passive_patterns",
        "effort_patterns",
        mode="wrap",
    )
    @classmethod
    def _compile_all(cls, value: object, handler: ValidatorFunctionWrapHandler) -> Patterns:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of regular expressions (strings)")
        return handler(Patterns(compile_pattern(v) for v in value))

    @field_validator(
        "own_bodies",
        "collective_actors",
        "result_openers",
        "action_drop_words",
        "want_without_verb",
        "ongoing_markers",
        mode="before",
    )
    @classmethod
    def _longest_first(cls, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of phrases (strings)")
        return tuple(sorted({v.lower() for v in value}, key=lambda v: (-len(v), v)))


@cache
def commitment_rules() -> CommitmentRules:
    """Cues of commitments (data/commitments.json)."""
    return load_rules(CommitmentRules, "commitments.json")
