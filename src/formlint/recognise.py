"""Which purpose of the active policy a form most likely serves.

A form that names no purpose is still a form with a job: a traveller health
declaration, a job application, a household roster. Recognition reads what a
reviewer would read and scores every purpose of the policy on two kinds of cue, both
declared in the policy's YAML (`recognition` of each purpose), none in code:

- phrases of the purpose found in the form's title (strongest), the titles of its
  sections, its notice, and its field labels (weakest), each phrase counted once
  where it weighs most;
- its field categories: the share of the form's personal fields whose category is
  typical of the purpose, how many of what the purpose needs the form asks, and the
  share of fields the purpose allows at all.

The confidence mixes how strong the best score is with how far it leads the runner-up,
so two equally plausible purposes give a low confidence even when both fit well.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping

from formlint.classify import normalise
from formlint.model import Classification, Clue, Form, Message, Policy, Purpose, Recognition
from formlint.taxonomy import Taxonomy

# How much one phrase weighs by where it is found; a phrase counts once, where it weighs most.
PLACE_WEIGHTS = {"title": 3.0, "section": 1.5, "notice": 1.0, "label": 0.5}
TEXT_CAP = 6.0  # many phrases of one purpose add little after the first few
TYPICAL_WEIGHT = 2.0
NECESSARY_WEIGHT = 1.0
ALLOWED_WEIGHT = 1.0
STRONG_SCORE = 6.0  # a score at which the best purpose counts as fully supported
# `--purpose auto` judges excess only at or above this confidence (docs/purposes.md).
AUTO_THRESHOLD = 0.5
SHOWN_CLUES = 2
SHOWN_CATEGORIES = 3
SHOWN_TEXT = 60
_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


@dataclass(frozen=True)
class _Score:
    purpose: Purpose
    total: float
    clues: tuple[Clue, ...]
    typical: Counter[str]


NOTHING = Recognition(None, 0.0)


def recognise(form: Form, classes: Mapping[str, Classification], policy: Policy,
              taxonomy: Taxonomy) -> Recognition:
    """The purpose of `policy` that `form` most likely serves."""
    personal = [c.category for c in classes.values() if taxonomy.is_personal(c.category)]
    cues = _cues_of(policy)
    places = [(place, text, _phrases_in(cues.index, text)) for place, text in _places(form)]
    anywhere = frozenset().union(*(present for _, _, present in places))
    scores = sorted((_score(p, places, anywhere, personal, cues.rarity) for p in cues.purposes),
                    key=lambda s: s.total, reverse=True)
    if not scores or scores[0].total <= 0:
        return NOTHING
    best, second = scores[0], (scores[1].total if len(scores) > 1 else 0.0)
    return Recognition(
        purpose=best.purpose.id,
        confidence=_confidence(best.total, second),
        clues=_distinct(best.clues)[:SHOWN_CLUES],
        typical_fields=sum(best.typical.values()),
        personal_fields=len(personal),
        typical_categories=tuple(c for c, _ in best.typical.most_common()),
        runner_up=scores[1].purpose.id if len(scores) > 1 else None,
        threshold=AUTO_THRESHOLD,
    )


def _confidence(best: float, second: float) -> float:
    strength = min(1.0, best / STRONG_SCORE)
    lead = (best - second) / best
    return round(strength * (0.4 + 0.6 * min(1.0, lead * 3)), 2)


def _places(form: Form) -> list[tuple[str, str]]:
    """(place, text) pairs a reviewer reads, strongest place first."""
    sections = dict.fromkeys(s for f in form.fields for s in f.section)
    return [
        *([("title", form.title)] if form.title else []),
        *(("section", s) for s in sections),
        *([("notice", form.notice.text)] if form.notice.text else []),
        *(("label", f.first_label) for f in form.fields if f.first_label),
    ]


def _rarity(policy: Policy) -> dict[str, float]:
    """1 / the number of purposes a category is typical of: a name or an e-mail
    address is typical of most purposes and says little about which one it is."""
    counts = Counter(c for p in policy.purposes.values() for c in p.typical())
    return {c: 1.0 / n for c, n in counts.items()}


@dataclass(frozen=True)
class _PurposeCues:
    """One purpose's recognition cues in the shapes scoring reads, built once per policy."""

    purpose: Purpose
    typical: frozenset[str]
    wanted: tuple[frozenset[str], ...]
    allowed: frozenset[str]
    order: Mapping[str, int]


@dataclass(frozen=True)
class _PolicyCues:
    policy: Policy
    purposes: tuple[_PurposeCues, ...]
    rarity: Mapping[str, float]
    index: _Index


# Policies are frozen but not hashable (their mappings are dicts); a run checks every
# form under one or a few, so their cues are kept by identity.
_PREPARED: dict[int, _PolicyCues] = {}


def _cues_of(policy: Policy) -> _PolicyCues:
    cues = _PREPARED.get(id(policy))
    if cues is None or cues.policy is not policy:
        if len(_PREPARED) >= 16:
            _PREPARED.clear()
        cues = _PREPARED[id(policy)] = _PolicyCues(
            policy, tuple(_purpose_cues(p) for p in policy.purposes.values()), _rarity(policy),
            _index(tuple(p.recognition.terms for p in policy.purposes.values())))
    return cues


def _purpose_cues(purpose: Purpose) -> _PurposeCues:
    wanted = (*(frozenset([c]) for c in purpose.necessary), *purpose.alternatives)
    allowed = purpose.necessary | purpose.optional | frozenset(c for group in purpose.alternatives for c in group)
    return _PurposeCues(purpose, purpose.typical(), wanted, allowed, _order(purpose.recognition.terms))


def _score(cues: _PurposeCues, places: list[tuple[str, str, frozenset[str]]], anywhere: frozenset[str],
           personal: list[str], rarity: Mapping[str, float]) -> _Score:
    """`anywhere`: every phrase found in any place, so a purpose none of whose phrases
    the form holds is scored on its fields alone without reading the places."""
    clues = () if cues.order.keys().isdisjoint(anywhere) else _clues(cues.order, places)
    text = min(TEXT_CAP, sum(PLACE_WEIGHTS[c.place] for c in clues))
    typical_set = cues.typical
    typical = Counter(c for c in personal if c in typical_set)
    if not personal:
        return _Score(cues.purpose, text, clues, typical)
    distinct = sum(rarity[c] ** 0.5 for c in typical) / max(1, len(typical_set))
    asked = set(personal)
    wanted = cues.wanted
    fit = sum(1 for group in wanted if group & asked) / len(wanted) if wanted else 0.0
    allowed = sum(1 for c in personal if c in cues.allowed) / len(personal)
    share = sum(typical.values()) / len(personal)
    total = text + TYPICAL_WEIGHT * share * distinct + NECESSARY_WEIGHT * fit + ALLOWED_WEIGHT * allowed
    return _Score(cues.purpose, total, clues, typical)


def _clues(order: Mapping[str, int], places: list[tuple[str, str, frozenset[str]]]) -> tuple[Clue, ...]:
    """Each of the purpose's phrases found, once, at the strongest place it occurs."""
    found: dict[str, Clue] = {}
    for place, text, present in places:
        if not present:
            continue
        mine = [t for t in present if t in order]
        for phrase in sorted(mine, key=order.__getitem__):
            found.setdefault(phrase, Clue(place, _shown(place, text, phrase), phrase))
    return tuple(sorted(found.values(), key=lambda c: -PLACE_WEIGHTS[c.place]))


def _distinct(clues: tuple[Clue, ...]) -> tuple[Clue, ...]:
    """One clue per place and text: a title holding two phrases is shown once."""
    return tuple({(c.place, c.text): c for c in reversed(clues)}[key] for key in dict.fromkeys((c.place, c.text) for c in clues))


def _shown(place: str, text: str, phrase: str) -> str:
    """The title or section itself; for a notice or label, the phrase found in it."""
    shown = " ".join(text.split()) if place in ("title", "section") else phrase
    return shown if len(shown) <= SHOWN_TEXT else shown[: SHOWN_TEXT - 1] + "…"


@dataclass(frozen=True)
class _Index:
    """Every phrase of every purpose, normalised once, so that each text of a form is
    read once rather than once per purpose: phrases in a script with spaces between
    words match whole words (looked up among the text's runs of up to `longest`
    words), CJK phrases match anywhere. Labels, sections and notices recur from form to
    form, so what each text holds is remembered (`seen`)."""

    by_words: Mapping[str, tuple[str, ...]]
    cjk: tuple[tuple[str, str], ...]
    longest: int
    seen: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)


# Texts whose phrases an index remembers; past this it starts again.
_SEEN_TEXTS = 65536


@lru_cache(maxsize=16)
def _index(terms_by_purpose: tuple[tuple[str, ...], ...]) -> _Index:
    by_words: dict[str, list[str]] = {}
    cjk: dict[str, str] = {}
    for term in dict.fromkeys(t for terms in terms_by_purpose for t in terms):
        norm = normalise(term)
        if _CJK.search(norm):
            cjk[term] = norm
        else:
            by_words.setdefault(" ".join(_WORD.findall(norm)), []).append(term)
    longest = max((key.count(" ") + 1 for key in by_words), default=0)
    return _Index({k: tuple(v) for k, v in by_words.items()}, tuple(cjk.items()), longest)


@lru_cache(maxsize=65536)
def _order(terms: tuple[str, ...]) -> dict[str, int]:
    return {term: i for i, term in reversed(list(enumerate(terms)))}


def _phrases_in(index: _Index, text: str) -> frozenset[str]:
    """The phrases of any purpose that `text` holds."""
    found = index.seen.get(text)
    if found is None:
        if len(index.seen) >= _SEEN_TEXTS:
            index.seen.clear()
        found = index.seen[text] = _read_phrases(index, text)
    return found


def _read_phrases(index: _Index, text: str) -> frozenset[str]:
    norm = normalise(text)
    words = _WORD.findall(norm)
    runs = {" ".join(words[i:i + n]) for n in range(1, index.longest + 1) for i in range(len(words) - n + 1)}
    found = {term for run in (runs if words else {""}) for term in index.by_words.get(run, ())}
    if _CJK.search(norm):  # a CJK phrase holds a CJK character, so a text without one holds none
        found.update(term for term, key in index.cjk if key in norm)
    return frozenset(found)


# The phrase matcher, shared with DM107's signal of a form about children.
PhraseIndex = _Index
phrase_index = _index
phrases_in = _phrases_in


def recognition_message(recognition: Recognition) -> Message:
    """`looks like health-declaration (confidence 0.90): title "…", 9 of 12 fields are …`,
    as a message reporters translate."""
    if recognition.purpose is None:
        return Message.of("recognition.none")
    parts: list[Message] = [Message.of(f"recognition.{clue.place}", text=clue.text) for clue in recognition.clues]
    if recognition.typical_fields:
        shown = recognition.typical_categories[:SHOWN_CATEGORIES]
        more = ("…",) if len(recognition.typical_categories) > SHOWN_CATEGORIES else ()
        parts.append(Message.of("recognition.share", count=recognition.typical_fields,
                                total=recognition.personal_fields, categories=(*shown, *more)))
    evidence = Message.of("recognition.evidence", parts=tuple(parts)) if parts else Message.of("recognition.weak")
    return Message.of("recognition.looks_like", purpose=recognition.purpose, evidence=evidence,
                      confidence=f"{recognition.confidence:.2f}")


def explain(recognition: Recognition, lang: str = "en") -> str:
    """The recognition message in `lang`."""
    from formlint.i18n import translate

    return translate(recognition_message(recognition), lang)
