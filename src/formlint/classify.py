"""Field -> personal-data category, with a confidence and the evidence for it.

Order of evidence, strongest first:

1. the form's explicit `category:` annotation (1.0);
2. an HTML `autocomplete` token (0.95);
3. the lexicon of `taxonomy/categories.yaml`, matched against every label and the
   key (0.75-0.95); the label wins over the key because it is what respondents read;
4. the field type, e.g. `email` or `geopoint` (0.6);
5. otherwise "unknown".

Lexicon matching works on normalised text (NFKC width folding, casefolding, Latin
accents stripped). Latin phrases match whole-word token n-grams, so "name" matches
"Full name" but not "username"; CJK phrases match as substrings, because Chinese is
written without spaces. The longest phrase wins, so "紧急联系人电话" is an emergency
contact rather than a phone number. Everything is looked up in dicts built once per
taxonomy; no per-term regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from formlint.model import UNKNOWN, Classification, Field
from formlint.taxonomy import Category, Taxonomy, load_taxonomy

__all__ = ["classify", "classify_all", "normalise"]

CONFIDENCE_ANNOTATION = 1.0
CONFIDENCE_AUTOCOMPLETE = 0.95
CONFIDENCE_AGREE = 0.95
CONFIDENCE_LABEL_WHOLE = 0.9
CONFIDENCE_LABEL_PART = 0.8
CONFIDENCE_KEY = 0.75
CONFIDENCE_TYPE = 0.6

_CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK = re.compile(f"[{_CJK_RANGES}]")
# Vowel signs and other combining marks of Indic and Arabic scripts belong to their word.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0dff"
# Latin-ish words and digit runs are separate tokens: "address1" -> address, 1.
_TOKEN = re.compile(rf"(?:[^\W\d_{_CJK_RANGES}]|[{_MARKS}])+|\d+")
_WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_KEY_SEGMENTS = re.compile(r"[./\[\]]+")
# Combining marks are only dropped after Latin bases (below U+0370): stripping them
# elsewhere would turn Japanese が into か.
_LAST_LATIN = "\u036f"

_K = TypeVar("_K", str, tuple[str, ...])

_NOTHING = Classification(UNKNOWN, 0.0, "no term, annotation or type matched", "none")


@dataclass(frozen=True)
class _Phrase:
    """One lexicon phrase of one category, normalised for lookup."""

    category: str
    text: str  # as written in the YAML, for evidence
    lang: str
    length: int  # characters after normalisation: the longest match wins
    rank: int  # the category's position in the YAML: ties go to the earlier one
    compact: str  # without spaces or punctuation, to tell a whole-label match
    cjk: bool
    veto: bool  # a `not:` phrase: vetoes its category for the text it occurs in


@dataclass(frozen=True, eq=False)
class _Index:
    latin: Mapping[tuple[str, ...], tuple[_Phrase, ...]]
    cjk: Mapping[str, tuple[_Phrase, ...]]
    latin_starts: frozenset[str]  # first tokens and characters of any phrase, to skip
    cjk_starts: frozenset[str]  # positions where no phrase can start
    latin_max: int
    cjk_max: int
    autocomplete: Mapping[str, str]
    types: Mapping[str, str]
    languages: frozenset[str]


@dataclass(frozen=True)
class _Hit:
    phrase: _Phrase
    text: str
    whole: bool

    @property
    def category(self) -> str:
        return self.phrase.category

    def evidence(self, where: str, shown: str) -> str:
        p = self.phrase
        return f'{where} "{shown}" matched term "{p.text}" ({p.lang})'


def classify(field: Field, taxonomy: Taxonomy | None = None) -> Classification:
    """The category of `field`, how sure we are, and why."""
    if taxonomy is None:
        taxonomy = load_taxonomy()
    index = _index(taxonomy)
    return (
        _by_annotation(field, taxonomy)
        or _by_autocomplete(field, index)
        or _by_lexicon(field, index)
        or _by_type(field, index)
        or _NOTHING
    )


def classify_all(
    fields: Iterable[Field], taxonomy: Taxonomy | None = None
) -> tuple[Classification, ...]:
    if taxonomy is None:
        taxonomy = load_taxonomy()
    return tuple(classify(f, taxonomy) for f in fields)


# ----------------------------------------------------------------- the four sources


def _by_annotation(field: Field, taxonomy: Taxonomy) -> Classification | None:
    if field.category is None:
        return None
    if field.category in taxonomy:
        return Classification(
            field.category,
            CONFIDENCE_ANNOTATION,
            f'annotated as "{field.category}"',
            "annotation",
        )
    # Loaders report the bad annotation itself; here we only refuse to guess.
    hint = taxonomy.suggest(field.category)
    did_you_mean = f' (did you mean "{hint}"?)' if hint else ""
    evidence = f'annotation "{field.category}" is not a taxonomy category{did_you_mean}'
    return Classification(UNKNOWN, 0.0, evidence, "annotation")


def _by_autocomplete(field: Field, index: _Index) -> Classification | None:
    """Use the last token that names a field: "section-a shipping tel" -> tel."""
    if not field.autocomplete:
        return None
    for token in reversed(field.autocomplete.casefold().split()):
        category = index.autocomplete.get(token)
        if category is not None:
            evidence = f'autocomplete "{field.autocomplete}" has token "{token}"'
            return Classification(
                category, CONFIDENCE_AUTOCOMPLETE, evidence, "autocomplete"
            )
    return None


def _by_lexicon(field: Field, index: _Index) -> Classification | None:
    label = _label_hit(field.label, index)
    key = _key_hit(field.key, index)
    if label is None:
        if key is None:
            return None
        return Classification(
            key.category, CONFIDENCE_KEY, key.evidence("key", field.key), "key"
        )
    evidence = label.evidence("label", label.text)
    if key is not None and key.category == label.category:
        evidence += "; " + key.evidence("key", field.key)
        return Classification(label.category, CONFIDENCE_AGREE, evidence, "label")
    if key is not None:
        evidence += (
            f"; {key.evidence('key', field.key)} -> {key.category}, the label wins"
        )
    confidence = CONFIDENCE_LABEL_WHOLE if label.whole else CONFIDENCE_LABEL_PART
    return Classification(label.category, confidence, evidence, "label")


def _by_type(field: Field, index: _Index) -> Classification | None:
    if not field.type:
        return None
    category = index.types.get(field.type.casefold())
    if category is None:
        return None
    return Classification(
        category, CONFIDENCE_TYPE, f'field type "{field.type}"', "type"
    )


# ------------------------------------------------------------------ label and key


def _label_hit(labels: Mapping[str, str], index: _Index) -> _Hit | None:
    hits = [_match(index, text, lang) for lang, text in labels.items() if text]
    return _longest(h for h in hits if h is not None)


def _key_hit(key: str, index: _Index) -> _Hit | None:
    """Match the leaf of a dotted key first: `household.members.name` is a name."""
    segments = [s for s in _KEY_SEGMENTS.split(key) if s]
    leaf = segments[-1] if segments else key
    hit = _match_key_text(leaf, index)
    if hit is None and leaf != key:
        hit = _match_key_text(key, index)
    return hit


def _match_key_text(text: str, index: _Index) -> _Hit | None:
    # camelCase splits "dateOfBirth"; the unsplit form catches "weChatId" via the
    # concatenated phrase "wechatid".
    split = _CAMEL.sub(" ", text)
    hits = (
        _match(index, split, None),
        _match(index, text, None) if split != text else None,
    )
    return _longest(h for h in hits if h is not None)


def _longest(hits: Iterable[_Hit]) -> _Hit | None:
    # min() keeps the first of equal hits, so the first label wins a tie.
    return min(hits, key=lambda h: (-h.phrase.length, h.phrase.rank), default=None)


@lru_cache(maxsize=65536)
def _match(index: _Index, text: str, lang: str | None) -> _Hit | None:
    """The best phrase in `text`. Forms repeat labels, hence the cache."""
    norm = normalise(text)
    found = list(_scan(index, norm))
    vetoed = {p.category for p in found if p.veto}
    candidates = [p for p in found if not p.veto and p.category not in vetoed]
    allowed = _allowed_languages(index, lang)
    # A label tagged with the wrong language still matches, just without preference.
    best = _best(candidates, allowed, lang) or _best(candidates, None, lang)
    if best is None:
        return None
    return _Hit(best, text, _compact(norm) == best.compact)


def _best(
    candidates: list[_Phrase], allowed: frozenset[str] | None, lang: str | None
) -> _Phrase | None:
    """The longest phrase; of equally long ones, the label's own language first (a
    key's: English, the language most keys are written in)."""
    preferred = lang or "en"
    spoken = (p for p in candidates if _speaks(p, allowed))
    return min(
        spoken, key=lambda p: (-p.length, p.lang != preferred, p.rank), default=None
    )


def _allowed_languages(index: _Index, lang: str | None) -> frozenset[str] | None:
    """A label in a known language prefers its own and English Latin phrases, so a
    French homograph beats a Spanish one in a French label."""
    if lang is None:
        return None
    primary = lang.replace("_", "-").split("-")[0].casefold()
    return frozenset((primary, "en")) if primary in index.languages else None


def _speaks(phrase: _Phrase, allowed: frozenset[str] | None) -> bool:
    # CJK phrases identify their script themselves, whatever the label's language tag.
    return allowed is None or phrase.cjk or phrase.lang in allowed


def _scan(index: _Index, norm: str) -> Iterator[_Phrase]:
    tokens = _TOKEN.findall(norm)
    for i, token in enumerate(tokens):
        if token in index.latin_starts:
            for n in range(1, min(index.latin_max, len(tokens) - i) + 1):
                yield from index.latin.get(tuple(tokens[i : i + n]), ())
    if _CJK.search(norm) is None:
        return
    compact = _compact(norm)
    for i, char in enumerate(compact):
        if char in index.cjk_starts:
            for n in range(1, min(index.cjk_max, len(compact) - i) + 1):
                yield from index.cjk.get(compact[i : i + n], ())


# -------------------------------------------------------------------- normalising


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """NFKC (full-width ＩＤ -> ID), casefold, and strip accents from Latin letters."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():
        return folded
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", folded):
        if unicodedata.combining(char) and kept and kept[-1] <= _LAST_LATIN:
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _compact(norm: str) -> str:
    return "".join(_WORD.findall(norm))


# ----------------------------------------------------------------------- the index


@lru_cache(maxsize=8)
def _index(taxonomy: Taxonomy) -> _Index:
    phrases = [p for rank, c in enumerate(taxonomy) for p in _phrases_of(c, rank)]
    latin, cjk = _phrase_tables(phrases)
    return _Index(
        latin=latin,
        cjk=cjk,
        latin_starts=frozenset(k[0] for k in latin),
        cjk_starts=frozenset(k[0] for k in cjk),
        latin_max=max((len(k) for k in latin), default=0),
        cjk_max=max((len(k) for k in cjk), default=0),
        autocomplete={t: c.id for c in taxonomy for t in c.autocomplete},
        types={t: c.id for c in taxonomy for t in c.types},
        languages=frozenset(taxonomy.languages),
    )


def _phrases_of(category: Category, rank: int) -> Iterator[_Phrase]:
    for veto, table in ((False, category.terms), (True, category.not_terms)):
        for lang, texts in table.items():
            for text in texts:
                yield _phrase(category.id, text, lang, rank, veto)


def _phrase(category: str, text: str, lang: str, rank: int, veto: bool) -> _Phrase:
    norm = normalise(text)
    cjk = _CJK.search(norm) is not None
    compact = _compact(norm)
    length = len(compact) if cjk else len(" ".join(_TOKEN.findall(norm)))
    return _Phrase(category, text, lang, length, rank, compact, cjk, veto)


def _phrase_tables(
    phrases: list[_Phrase],
) -> tuple[dict[tuple[str, ...], tuple[_Phrase, ...]], dict[str, tuple[_Phrase, ...]]]:
    latin: dict[tuple[str, ...], list[_Phrase]] = {}
    cjk: dict[str, list[_Phrase]] = {}
    joined: dict[tuple[str, ...], list[_Phrase]] = {}
    for p in phrases:
        if p.cjk:
            cjk.setdefault(p.compact, []).append(p)
            continue
        tokens = tuple(_TOKEN.findall(normalise(p.text)))
        latin.setdefault(tokens, []).append(p)
        if len(tokens) > 1:
            # Keys are often written without separators: "dateofbirth", "wechatid".
            joined.setdefault((p.compact,), []).append(p)
    for tokens, extra in joined.items():
        latin.setdefault(tokens, extra)
    return _freeze(latin), _freeze(cjk)


def _freeze(table: Mapping[_K, list[_Phrase]]) -> dict[_K, tuple[_Phrase, ...]]:
    return {k: tuple(v) for k, v in table.items()}
