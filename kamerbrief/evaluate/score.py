"""Scoring the extractor against the gold annotations in ``corpus/gold``.

The gold format is described in ``corpus/README.md``. Sections match on their
number and title (titles compared without case, white space and trailing
punctuation); parents and levels are scored over matched sections; metadata is
scored per field. Items are scored on their surface forms, each occurrence
counting; forms the gold calls borderline are neither right nor wrong.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from kamerbrief.errors import GoldError
from kamerbrief.record import (
    ISO_DATE_RE,
    ITEM_TYPES,
    Amount,
    Commitment,
    DateValue,
    DocumentKind,
    ErrorRecord,
    LetterRecord,
)
from kamerbrief.rules.calendar import iso_bounds
from kamerbrief.rules.words import word_rules


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldSender(_Gold):
    name: str
    role: str | None = None


class GoldAsker(_Gold):
    name: str
    party: str | None = None


class GoldKamervragen(_Gold):
    """What an answer to Kamervragen prints about itself (metadata.kamervragen)."""

    number: str | None = None  # registration number "2024Z01234", spaces removed
    aanhangsel: str | None = None  # Aanhangsel number "1178"
    vergaderjaar: str | None = None  # "2023-2024"
    askers: list[GoldAsker] = Field(default_factory=list)
    addressees: list[str] = Field(default_factory=list)  # offices asked, no article
    answered_by: list[GoldSender] = Field(default_factory=list)
    mede_namens: list[str] = Field(default_factory=list)  # offices, no article
    ingezonden: str | None = None  # YYYY-MM-DD
    ontvangen: str | None = None  # YYYY-MM-DD


class GoldMetadata(_Gold):
    kind: DocumentKind | None = None
    title: str | None = None
    date: str | None = None
    place: str | None = None
    addressee: str | None = None
    senders: list[GoldSender] = Field(default_factory=list)
    kamervragen: GoldKamervragen | None = None


class GoldSection(_Gold):
    number: str | None
    title: str
    level: int = Field(ge=1)
    parent: int | None = None


class GoldEntity(_Gold):
    name: str
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    mentions: dict[str, int] = Field(default_factory=dict)

    @property
    def forms(self) -> set[str]:
        return {norm_text(t) for t in (self.name, *self.aliases, *self.mentions)}


class GoldDate(_Gold):
    text: str
    value: str | None = None
    approximate: bool = False


class GoldAmount(_Gold):
    text: str
    kind: str | None = None
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None


class GoldReference(_Gold):
    text: str
    kind: str | None = None
    dossier: str | None = None
    number: str | None = None


class GoldDeadline(_Gold):
    text: str
    value: str | None = None


class GoldCommitment(_Gold):
    text: str
    actor: str | None = None
    action: str | None = None
    deadline: GoldDeadline | None = None
    strength: str | None = None
    status: str | None = None


class GoldQuestion(_Gold):
    number: str
    answered: bool = True
    answered_with: list[str] = Field(default_factory=list)
    question: str | None = None  # the question's first words (>= 40 characters) as printed
    answer: str | None = None  # the answer's first words likewise; null when not answered


class GoldItem(BaseModel):
    """An item of a type with no gold model of its own: its text as printed, and the
    fields its item type scores (:attr:`kamerbrief.record.ItemType.scored`)."""

    model_config = ConfigDict(extra="allow")

    text: str


# The gold model of each item type that has one; any other type is read as GoldItem.
GOLD_ITEMS: dict[str, type[BaseModel]] = {
    "persons": GoldEntity,
    "organisations": GoldEntity,
    "locations": GoldEntity,
    "dates": GoldDate,
    "amounts": GoldAmount,
    "references": GoldReference,
    "commitments": GoldCommitment,
}


class _GoldLetterBase(_Gold):
    letter: str
    annotator: str = ""
    notes: str = ""
    metadata: GoldMetadata
    sections: list[GoldSection] | None = None
    questions: list[GoldQuestion] | None = None  # answers to Kamervragen
    borderline: dict[str, dict[str, int]] = Field(default_factory=dict)


# One gold file: its item lists are those of the item registry, so a new item type is
# read (and scored) from the gold without an edit here. ``None``: not annotated.
GoldLetter = create_model(
    "GoldLetter",
    __base__=_GoldLetterBase,
    **{
        t.key: (list[GOLD_ITEMS.get(t.key, GoldItem)] | None, None)  # type: ignore[misc]
        for t in ITEM_TYPES
    },
)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class LetterResult:
    gold: Path
    scores: dict[str, Score] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    # wrong fields of matched items ("commitments.deadline: gold ..., got ..."): reported,
    # not counted as failures of the item
    field_errors: list[str] = field(default_factory=list)
    error: str | None = None


_TRAILING = re.compile(r"[\s.:;,]+$")


# A hyphen between two lower-case letters: an old line-end hyphen left inside a word by
# OCR ("Ne-derland") that the extractor may have repaired and the gold kept as printed.
_INNER_HYPHEN = re.compile(r"(?<=[a-zß-ÿ])-(?=[a-zß-ÿ])")


def norm_text(text: str | None) -> str:
    """Comparison key: no case, no white space, no trailing punctuation, no hyphen
    between two lower-case letters (also a line end's: "stijgen-" / "de")."""
    if text is None:
        return ""
    text = re.sub(r"\s+", "", _TRAILING.sub("", unicodedata.normalize("NFC", text)))
    return _INNER_HYPHEN.sub("", text).casefold()


def load_gold(path: Path) -> tuple[GoldLetter, Path]:
    """A gold file and the path of its letter."""
    try:
        gold = GoldLetter.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise GoldError(f"{path}: {' '.join(str(exc).split())[:300]}") from None
    for base in path.resolve().parents:
        letter = base / gold.letter
        if letter.is_file():
            return gold, letter
    raise GoldError(f"{path}: letter {gold.letter!r} not found above the gold file")


def gold_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(root.rglob("*.json"))


def _score_sections(gold: list[GoldSection], record: LetterRecord, result: LetterResult) -> None:
    def key(number: str | None, title: str) -> tuple[str, str]:
        return (number or "", norm_text(title))

    pred = record.sections
    unmatched: dict[tuple[str, str], list[int]] = {}
    for n, s in enumerate(pred):
        unmatched.setdefault(key(s.number, s.title), []).append(n)
    gold_to_pred: dict[int, int] = {}
    for g, s in enumerate(gold):
        cands = unmatched.get(key(s.number, s.title))
        if cands:
            gold_to_pred[g] = cands.pop(0)
    score = Score(tp=len(gold_to_pred), fn=len(gold) - len(gold_to_pred))
    score.fp = len(pred) - len(gold_to_pred)
    result.scores["sections"] = score
    matched_pred = set(gold_to_pred.values())
    result.missed += [
        f"section {s.number or ''} {s.title}" for g, s in enumerate(gold) if g not in gold_to_pred
    ]
    result.spurious += [
        f"section {s.number or ''} {s.title}" for n, s in enumerate(pred) if n not in matched_pred
    ]
    ids = {s.id: n for n, s in enumerate(pred)}
    parents, levels = Accuracy(), Accuracy()
    for g, n in gold_to_pred.items():
        gp = gold[g].parent
        want = gold_to_pred.get(gp) if gp is not None else None
        have = ids.get(pred[n].parent) if pred[n].parent else None
        parents.total += 1
        parents.right += int(want == have and (gp is None) == (have is None))
        levels.total += 1
        levels.right += int(gold[g].level == pred[n].level)
    result.accuracies["section_parents"] = parents
    result.accuracies["section_levels"] = levels


def _field(result: LetterResult, name: str, gold: str | None, pred: str | None, same: bool) -> None:
    score = Score()
    if gold is not None and pred is not None and same:
        score.tp = 1
    else:
        score.fn = int(gold is not None)
        score.fp = int(pred is not None)
        if gold is not None or pred is not None:
            result.missed.append(f"metadata.{name}: gold {gold!r}, got {pred!r}")
    result.scores[f"metadata.{name}"] = score


def _score_metadata(gold: GoldMetadata, record: LetterRecord, result: LetterResult) -> None:
    meta = record.metadata
    for name in ("title", "place", "addressee"):
        g, p = getattr(gold, name), getattr(meta, name)
        _field(result, name, g, p, norm_text(g) == norm_text(p))
    date = meta.date.value if meta.date else None
    _field(result, "date", gold.date, date, gold.date == date)
    kind = getattr(meta, "kind", None)
    if gold.kind is not None:  # older gold has no kind: not scored there
        _field(result, "kind", gold.kind, kind, gold.kind == kind)
        result.accuracies["documents.kind"] = Accuracy(int(gold.kind == kind), 1)
    want = Counter((norm_text(s.name), norm_text(s.role)) for s in gold.senders)
    have = Counter((norm_text(s.name), norm_text(s.role)) for s in meta.senders)
    if gold.date is not None or want:
        # A document's date and signatories, both right: what an analyst filters on.
        right = gold.date == date and want == have
        result.accuracies["documents.date_and_senders"] = Accuracy(int(right), 1)
    tp = sum((want & have).values())
    result.scores["metadata.senders"] = Score(tp, sum(have.values()) - tp, sum(want.values()) - tp)
    if want != have:
        result.missed.append(
            f"metadata.senders: gold {[(s.name, s.role) for s in gold.senders]},"
            f" got {[(s.name, s.role) for s in meta.senders]}"
        )


# The record's item types (kamerbrief.record.ITEM_TYPES), by their record keys.
ENTITY_TYPES = tuple(t.key for t in ITEM_TYPES if t.entity)
ITEM_KEYS = tuple(t.key for t in ITEM_TYPES if not t.entity)
# Attributes scored as accuracies over matched items.
ITEM_FIELDS = {t.key: t.scored for t in ITEM_TYPES if not t.entity}


# A Kamer committee is named with or without its "vaste" ("de vaste commissie voor
# Financiën", "de Commissie voor Financiën"): the guide is silent and gold has both.
_STANDING = re.compile(r"^vaste(?=(commissie|kamercommissie))")


def entity_key(kind: str, text: str) -> str:
    """Comparison key of an entity form: :func:`norm_text`, and for organisations a
    committee's leading "vaste" left out."""
    key = norm_text(text)
    return _STANDING.sub("", key) if kind == "organisations" else key


def _borderline(gold: GoldLetter, kind: str) -> Counter[str]:
    return Counter({entity_key(kind, t): n for t, n in gold.borderline.get(kind, {}).items()})


def _score_entities(
    kind: str, gold: GoldLetter, record: LetterRecord, result: LetterResult
) -> None:
    entries: list[GoldEntity] = getattr(gold, kind)
    want: Counter[str] = Counter()
    for e in entries:
        for text, n in e.mentions.items():
            want[entity_key(kind, text)] += n
    have = Counter(entity_key(kind, m.text) for e in getattr(record, kind) for m in e.mentions)
    right = want & have
    wrong = (have - want) - _borderline(gold, kind)
    missed = want - have
    result.scores[f"{kind}.mentions"] = Score(
        sum(right.values()), sum(wrong.values()), sum(missed.values())
    )
    result.missed += [f"{kind}: {t!r} x{n}" for t, n in sorted(missed.items())]
    result.spurious += [f"{kind}: {t!r} x{n}" for t, n in sorted(wrong.items())]
    # Entries: a predicted entry matches a gold entry that shares a form with it.
    border = set(_borderline(gold, kind))
    free = list(range(len(entries)))
    # from the forms as written: a key keyed again loses the hyphen of "Noord-Holland"
    gold_forms = [{entity_key(kind, t) for t in (e.name, *e.aliases, *e.mentions)} for e in entries]
    score = Score()
    for entry in getattr(record, kind):
        forms = {entity_key(kind, t) for t in (entry.name, *entry.aliases)}
        forms |= {entity_key(kind, m.text) for m in entry.mentions}
        match = next((g for g in free if gold_forms[g] & forms), None)
        if match is not None:
            free.remove(match)
            score.tp += 1
        elif not forms <= border:
            score.fp += 1
    score.fn = len(free)
    result.scores[f"{kind}.entries"] = score


def _pair(gold_texts: list[str], pred_texts: list[str], kind: str) -> dict[int, int]:
    """gold index -> predicted index: same text first, then containment or overlap."""
    pairs: dict[int, int] = {}
    free = list(range(len(pred_texts)))
    g_norm = [norm_text(t) for t in gold_texts]
    p_norm = [norm_text(t) for t in pred_texts]
    for g, gt in enumerate(g_norm):
        p = next((p for p in free if p_norm[p] == gt), None)
        if p is not None:
            pairs[g] = p
            free.remove(p)
    # Left-overs pair with the nearest free prediction: of those that contain or are
    # contained in the gold text, the one closest in length ("voorjaar van 2023" takes
    # "het voorjaar van 2023", not a bare "2023" elsewhere).
    for g in range(len(g_norm)):
        if g in pairs:
            continue
        near = [p for p in free if _near(gold_texts[g], pred_texts[p], kind)]
        if near:
            p = max(near, key=lambda p: _closeness(g_norm[g], p_norm[p]))
            pairs[g] = p
            free.remove(p)
    return pairs


def _range_bounds(
    wanted: list[GoldAmount], predicted: list[Amount], pairs: dict[int, int]
) -> set[int]:
    """Gold amounts left over that are the other bound of a predicted range paired with a
    gold amount: gold written as two amounts, the record as one with ``value_max``."""
    ranges = {p for p in pairs.values() if predicted[p].value_max is not None}
    extra: set[int] = set()
    for g, item in enumerate(wanted):
        if g in pairs:
            continue
        key = norm_text(item.text)
        hit = next((p for p in ranges if key and key in norm_text(predicted[p].text)), None)
        if hit is not None:
            ranges.discard(hit)
            extra.add(g)
    return extra


def _closeness(a: str, b: str) -> float:
    return min(len(a), len(b)) / max(len(a), len(b), 1)


def _near(gold: str, pred: str, kind: str) -> bool:
    if kind == "commitments":
        a, b = set(gold.casefold().split()), set(pred.casefold().split())
        return bool(a and b) and len(a & b) >= 0.5 * max(len(a), len(b))
    g, p = norm_text(gold), norm_text(pred)
    return bool(g and p) and (g in p or p in g)


def date_bounds(value: str) -> tuple[str, str] | None:
    """First and last day of an ISO date or interval ("2014-02" -> 2014-02-01, 2014-02-28)."""
    if not ISO_DATE_RE.match(value):
        return None
    try:
        first, last, _ = iso_bounds(value)
    except ValueError:  # an impossible day
        return None
    return first.isoformat(), last.isoformat()


def same_value(field: str, gold: object, pred: object) -> bool:
    """Whether a gold and a predicted value of ``field`` agree (numbers, date days, text)."""
    if isinstance(gold, int | float) and isinstance(pred, int | float) and field == "value":
        return abs(gold - pred) <= 1e-6 * max(1.0, abs(gold))
    if field == "value" and isinstance(gold, str) and isinstance(pred, str):
        # the same days however written: "2023-03/2023-05" is "2023-03-01/2023-05-31"
        g, p = date_bounds(gold), date_bounds(pred)
        if g is not None and p is not None:
            return g == p
    if isinstance(gold, str) and isinstance(pred, str):
        return norm_text(gold) == norm_text(pred)
    return gold == pred


def _score_items(kind: str, gold: GoldLetter, record: LetterRecord, result: LetterResult) -> None:
    wanted = getattr(gold, kind)
    predicted = getattr(record, kind)
    pairs = _pair([g.text for g in wanted], [p.text for p in predicted], kind)
    if kind == "commitments":  # a promise made twice is one row: any occurrence may match
        _pair_occurrences(wanted, predicted, pairs)
    matched = set(pairs.values())
    border = list(gold.borderline.get(kind, {}))
    spurious = [
        p.text
        for n, p in enumerate(predicted)
        if n not in matched and not any(_near(b, p.text, kind) for b in border)
    ]
    # a range is one amount or two, both right ("tussen de 900 en 1.650 miljoen euro")
    bounds = _range_bounds(wanted, predicted, pairs) if kind == "amounts" else set()
    found = len(pairs) + len(bounds)
    result.scores[kind] = Score(found, len(spurious), len(wanted) - found)

    if kind == "amounts":  # money, percentages and quantities have targets of their own
        spurious_kinds = Counter(
            p.kind for n, p in enumerate(predicted) if n not in matched and p.text in spurious
        )
        for sub in ("money", "percentage", "quantity"):
            tp = sum(1 for g in [*pairs, *bounds] if wanted[g].kind == sub)
            fn = sum(
                1
                for n, g in enumerate(wanted)
                if g.kind == sub and n not in pairs and n not in bounds
            )
            wrong_kind = sum(
                1 for g, p in pairs.items() if predicted[p].kind == sub and wanted[g].kind != sub
            )
            result.scores[f"amounts.{sub}"] = Score(tp, spurious_kinds[sub] + wrong_kind, fn)
    result.missed += [
        f"{kind}: {g.text!r}" for n, g in enumerate(wanted) if n not in pairs and n not in bounds
    ]
    result.spurious += [f"{kind}: {t!r}" for t in spurious]
    # who goes by which names: only the actor accuracy needs it
    same_entity = _entity_forms(record) if "actor" in ITEM_FIELDS[kind] else []
    for field_name in ITEM_FIELDS[kind]:
        acc = result.accuracies.setdefault(f"{kind}.{field_name}", Accuracy())
        for g, p in pairs.items():
            want, have = getattr(wanted[g], field_name), getattr(predicted[p], field_name)
            acc.total += 1
            right = same_value(field_name, want, have)
            if field_name == "actor" and not right and want is not None and have is not None:
                # one entity under two of its names: "UWV" and "Uitvoeringsinstituut ..."
                right = any(
                    norm_text(want) in forms and norm_text(have) in forms for forms in same_entity
                )
            acc.right += int(right)
            if field_name == "actor" and not right:
                result.field_errors.append(
                    f"{kind}.actor: gold {want!r}, got {have!r} in {wanted[g].text[:80]!r}"
                )
    if kind == "commitments":
        _score_commitment_fields(wanted, predicted, pairs, result, border)


def _pair_occurrences(
    wanted: list[GoldCommitment], predicted: list[Commitment], pairs: dict[int, int]
) -> None:
    """Gold commitments left over pair with another occurrence (``mentions``) of a row: a
    free row first, else a row already paired (a gold that marks a repeated promise twice
    is matched by the one row that holds both occurrences)."""
    free = [p for p in range(len(predicted)) if p not in pairs.values()]
    # (row, index of the mention) already matched; a paired row's first mention is its text
    used = {(p, 0) for p in set(pairs.values())}
    rows = [*free, *sorted(set(pairs.values()))]
    for g, item in enumerate(wanted):
        if g in pairs:
            continue
        for p in rows:
            mentions = [
                (k, m.text) for k, m in enumerate(predicted[p].mentions) if (p, k) not in used
            ]
            hit = next((k for k, t in mentions if norm_text(t) == norm_text(item.text)), None)
            if hit is None:
                hit = next((k for k, t in mentions if _near(item.text, t, "commitments")), None)
            if hit is not None:
                pairs[g] = p
                used.add((p, hit))
                if p in free:
                    free.remove(p)
                    used.add((p, 0))
                break


# -- what a commitment promises, by when ------------------------------------------------

_ACTION_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# An action is right when it holds this share of the gold action's words (its verb and
# object, not a fragment) at this word-overlap F1 (not the whole sentence either).
ACTION_RIGHT_COVERED = 0.6
ACTION_RIGHT_F1 = 0.5


def _plain_words(text: str | None) -> list[str]:
    """The words of ``text``, case-folded, accents dropped."""
    if not text:
        return []
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _ACTION_WORD.findall(plain)


def _stem(word: str) -> str:
    if word.startswith("ge") and len(word) > 6:
        word = word[2:]
    return word[:4]


def action_words(text: str | None) -> set[str]:
    """Content words of an action, cut to four letters after a participle's "ge" ("gesteld"
    and "stellen" meet as "stel"), accents dropped."""
    return {
        _stem(w)
        for w in _plain_words(text)
        if w not in word_rules().no_content and not (w.isdigit() and len(w) < 4)
    }


# a particle before these closes its clause ("maken de balans op en besluiten ...") or
# is followed by a phrase of its own ("werken dit uit in het kader van", "zetten in op",
# "ga in gesprek met"); a preposition is followed by its noun phrase
_CLAUSE_AFTER_PARTICLE = frozenset(
    {"en", "of", "om", "maar", "zodat", "dat", "die", "waarbij", "met", "naar", "van", "tot"}
)


def separable_verbs(text: str | None) -> set[str]:
    """The stems a separable verb makes of its parts printed apart: a particle that closes
    a clause after its verb ("maken de balans op": "opma" with each word before it)
    or a particle before "te" ("af te stemmen": "afst"), so that they meet the gold's
    "opmaken", "afstemmen". A particle before a noun phrase is a preposition ("wacht op
    de brief") and joins nothing."""
    words = _plain_words(text)
    particles, skip = word_rules().verb_particles, word_rules().no_content
    stems = set()
    for k, w in enumerate(words):
        if w not in particles:
            continue
        if k + 2 < len(words) and words[k + 1] == "te":
            stems.add(_stem(w + words[k + 2]))
        elif k == len(words) - 1 or words[k + 1] in _CLAUSE_AFTER_PARTICLE | particles:
            stems.update(_stem(w + v) for v in words[:k] if v not in particles and v not in skip)
    return stems


def action_overlap(gold: str | None, pred: str | None) -> tuple[float, float]:
    """(share of the gold action's words in the predicted action, word-overlap F1). A gold
    verb is in the predicted action also as a separable verb's two parts."""
    g, p = action_words(gold), action_words(pred)
    if not g:
        return (1.0, 1.0) if not p else (1.0, 0.0)
    shared = len(g & (p | separable_verbs(pred)))
    recall = shared / len(g)
    precision = shared / len(p) if p else 0.0
    f1 = 2 * precision * recall / (precision + recall) if shared else 0.0
    return recall, f1


def action_right(gold: str | None, pred: str | None) -> bool:
    covered, f1 = action_overlap(gold, pred)
    return covered >= ACTION_RIGHT_COVERED and f1 >= ACTION_RIGHT_F1


def deadline_verdict(gold: GoldDeadline | None, pred: DateValue | None) -> str:
    """right | wrong | missing | spurious: text overlapping the gold's and the same value."""
    if gold is None:
        return "right" if pred is None else "spurious"
    if pred is None:
        return "missing"
    g, p = norm_text(gold.text), norm_text(pred.text)
    text_right = bool(g and p) and (g in p or p in g)
    if gold.value is None or pred.value is None:
        value_right = gold.value is None
    else:
        value_right = same_value("value", gold.value, pred.value)
    return "right" if text_right and value_right else "wrong"


def _score_commitment_fields(
    wanted: list[GoldCommitment],
    predicted: list[Commitment],
    pairs: dict[int, int],
    result: LetterResult,
    border: list[str],
) -> None:
    """Action and deadline over matched commitments; rows that repeat a promise."""
    acc = result.accuracies
    action = acc.setdefault("commitments.action", Accuracy())
    words = acc.setdefault("commitments.action_words", Accuracy())
    deadline = acc.setdefault("commitments.deadline", Accuracy())
    given = acc.setdefault("commitments.deadline_given", Accuracy())
    for g, p in sorted(pairs.items()):
        want, have = wanted[g], predicted[p]
        if want.action is not None:
            gold_words = action_words(want.action)
            right = action_right(want.action, have.action)
            action.total += 1
            action.right += int(right)
            words.total += len(gold_words)
            found = action_words(have.action) | separable_verbs(have.action)
            words.right += len(gold_words & found)
            if not right:
                result.field_errors.append(
                    f"commitments.action: gold {want.action!r}, got {have.action!r}"
                )
        verdict = deadline_verdict(want.deadline, have.deadline)
        deadline.total += 1
        deadline.right += int(verdict == "right")
        if want.deadline is not None:
            given.total += 1
            given.right += int(verdict == "right")
        if verdict != "right":
            result.field_errors.append(
                f"commitments.deadline {verdict}: gold"
                f" {want.deadline.text if want.deadline else None!r},"
                f" got {have.deadline.text if have.deadline else None!r}"
                f" in {want.text[:80]!r}"
            )
    # A row that matched no gold commitment but repeats one that did (or repeats another
    # row's sentence) is a duplicate: the promise is one row, its occurrences its mentions.
    matched = set(pairs.values())
    unique = acc.setdefault("commitments.not_duplicate", Accuracy())
    seen: list[str] = []
    for n, item in enumerate(predicted):
        unique.total += 1
        repeats = (
            n not in matched
            and not any(_near(b, item.text, "commitments") for b in border)
            and (
                any(_near(wanted[g].text, item.text, "commitments") for g in pairs)
                or norm_text(item.text) in seen
            )
        )
        if repeats:
            result.field_errors.append(f"commitments.duplicate: {item.text[:100]!r}")
        unique.right += int(not repeats)
        seen.append(norm_text(item.text))


def _entity_forms(record: LetterRecord) -> list[set[str]]:
    """Per person and organisation of the record, every form it goes by (normalised)."""
    groups = []
    for entry in [*record.persons, *record.organisations]:
        forms = {entry.name, *entry.aliases, *(m.text for m in entry.mentions)}
        surnames = {f.split()[-1].casefold() for f in forms if f.split()}
        # a signatory is the person who signs: "E.I. Schippers" is "Edith Schippers"
        forms |= {
            s.name for s in record.metadata.senders if s.name.split()[-1].casefold() in surnames
        }
        groups.append({norm_text(f) for f in forms})
    return groups


# A question is right when its number and its first characters match.
QUESTION_PREFIX = 40


def same_start(gold: str | None, pred: str | None) -> bool:
    """Whether ``pred`` begins as ``gold`` does, over the first QUESTION_PREFIX characters
    (compared as :func:`norm_text` keys); both None is the same."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = norm_text(gold), norm_text(pred)
    k = min(QUESTION_PREFIX, len(g))
    return len(p) >= k and p[:k] == g[:k]


def _score_questions(gold: list[GoldQuestion], record: LetterRecord, result: LetterResult) -> None:
    """Questions (number and first words), answers paired to the right question, groups."""
    pred = {q.number: q for q in record.questions}
    score = Score()
    answers = Accuracy()
    groups = Accuracy()
    for g in gold:
        p = pred.pop(g.number, None)
        answer = p.answer.text if p is not None and p.answer is not None else None
        if p is not None and (g.question is None or same_start(g.question, p.text)):
            score.tp += 1
        else:
            score.fn += 1
            got = None if p is None else p.text[:60]
            result.missed.append(f"questions {g.number}: gold {g.question!r}, got {got!r}")
            if p is not None:
                score.fp += 1
        if g.question is None:  # older gold: only the numbers
            continue
        gold_answer = g.answer if g.answered else None
        right = p is not None and same_start(gold_answer, answer)
        answers.total += 1
        answers.right += int(right)
        if p is not None and not right:
            result.field_errors.append(
                f"questions {g.number}.answer: gold {gold_answer!r}, got {(answer or '')[:60]!r}"
            )
        if p is not None:
            groups.total += 1
            groups.right += int(sorted(g.answered_with) == sorted(p.answered_with))
    for p in pred.values():
        score.fp += 1
        result.spurious.append(f"questions {p.number}: {p.text[:60]!r}")
    result.scores["questions"] = score
    if answers.total:
        result.accuracies["questions.answer"] = answers
        result.accuracies["questions.answered_with"] = groups


def _score_kamervragen(gold: GoldKamervragen, record: LetterRecord, result: LetterResult) -> None:
    """The fields of metadata.kamervragen: values as accuracies, lists as scores."""
    pred = record.metadata.kamervragen
    values = {
        "number": pred.number if pred else None,
        "aanhangsel": pred.aanhangsel if pred else None,
        "vergaderjaar": pred.vergaderjaar if pred else None,
        "ingezonden": pred.ingezonden.value if pred and pred.ingezonden else None,
        "ontvangen": pred.ontvangen.value if pred and pred.ontvangen else None,
    }
    for name, got in values.items():
        want = getattr(gold, name)
        right = norm_text(want) == norm_text(got)
        result.accuracies[f"kamervragen.{name}"] = Accuracy(int(right), 1)
        if not right:
            result.missed.append(f"kamervragen.{name}: gold {want!r}, got {got!r}")
    lists = {
        "askers": (
            [(a.name, a.party) for a in gold.askers],
            [(a.name, a.party) for a in pred.askers] if pred else [],
        ),
        "addressees": (gold.addressees, pred.addressees if pred else []),
        "answered_by": (
            [(s.name, s.role) for s in gold.answered_by],
            [(s.name, s.role) for s in pred.answered_by] if pred else [],
        ),
        "mede_namens": (gold.mede_namens, pred.mede_namens if pred else []),
    }
    for name, (want_items, have_items) in lists.items():
        want = Counter(_key(w) for w in want_items)
        have = Counter(_key(h) for h in have_items)
        tp = sum((want & have).values())
        result.scores[f"kamervragen.{name}"] = Score(
            tp, sum(have.values()) - tp, sum(want.values()) - tp
        )
        if want != have:
            result.missed.append(f"kamervragen.{name}: gold {want_items}, got {have_items}")


def _key(value: str | tuple[str | None, ...]) -> tuple[str, ...]:
    parts = (value,) if isinstance(value, str) else value
    return tuple(norm_text(p) for p in parts)


def evaluate(
    root: Path, extract: Callable[[Path], LetterRecord | ErrorRecord]
) -> list[LetterResult]:
    """Score ``extract`` on every gold file under ``root``."""
    results = []
    for path in gold_files(root):
        gold, letter = load_gold(path)
        result = LetterResult(path)
        record = extract(letter)
        if isinstance(record, ErrorRecord):
            result.error = record.error.message
        else:
            _score_metadata(gold.metadata, record, result)
            if gold.sections is not None:
                _score_sections(gold.sections, record, result)
            for kind in ENTITY_TYPES:
                if getattr(gold, kind) is not None:
                    _score_entities(kind, gold, record, result)
            for kind in ITEM_KEYS:
                if getattr(gold, kind, None) is not None:
                    _score_items(kind, gold, record, result)
            if gold.questions is not None:
                _score_questions(gold.questions, record, result)
            if gold.metadata.kamervragen is not None:
                _score_kamervragen(gold.metadata.kamervragen, record, result)
        results.append(result)
    return results


def totals(results: Iterable[LetterResult]) -> tuple[dict[str, Score], dict[str, Accuracy]]:
    scores: dict[str, Score] = {}
    accuracies: dict[str, Accuracy] = {}
    for r in results:
        for name, s in r.scores.items():
            scores.setdefault(name, Score()).add(s)
        for name, a in r.accuracies.items():
            acc = accuracies.setdefault(name, Accuracy())
            acc.right += a.right
            acc.total += a.total
    return scores, accuracies


SPLITS = ("dev", "test")


def split_of(gold: Path, root: Path) -> str | None:
    """ "dev" or "test" for a gold file under ``root/dev`` or ``root/test``, else None."""
    try:
        first = gold.relative_to(root).parts[0]
    except (ValueError, IndexError):
        return None
    return first if first in SPLITS else None


def report_splits(results: list[LetterResult], root: Path) -> dict[str, dict[str, object]]:
    """The figures per split ("dev", "test") and over all gold files ("all")."""
    out = {}
    for split in SPLITS:
        part = [r for r in results if split_of(r.gold, root) == split]
        if part:
            out[split] = report(part)
    out["all"] = report(results)
    return out


def report(results: list[LetterResult]) -> dict[str, object]:
    """The figures as a JSON-ready dict."""
    scores, accuracies = totals(results)
    return {
        "letters": len(results),
        "errors": [{"gold": str(r.gold), "error": r.error} for r in results if r.error],
        "scores": {k: v.as_dict() for k, v in sorted(scores.items())},
        "accuracy": {
            k: {"right": v.right, "total": v.total, "value": round(v.value, 4)}
            for k, v in sorted(accuracies.items())
        },
        "per_letter": [
            {
                "gold": str(r.gold),
                "scores": {k: v.as_dict() for k, v in sorted(r.scores.items())},
                "missed": r.missed,
                "spurious": r.spurious,
                "field_errors": r.field_errors,
            }
            for r in results
        ],
    }
