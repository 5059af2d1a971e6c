"""Which language a form's text is written in, from the packs' own data.

A script only one pack uses names its language by itself (Hangul is Korean). Latin
script is shared, so the words decide: every pack lists its `function_words` (articles,
pronouns, question words: "de", "het", "welke" in Dutch; "ja", "on", "mikä" in
Finnish), and its lexicon phrases of one word are weaker evidence. A word that several
packs list is shared evidence, split between them. The language with the most evidence
wins when it has enough and clearly more than the next one; otherwise the text does not
say, and the caller keeps its default.

One pass over the words of the text, each looked up in one dict built once per process.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

from formlint.languages import load_packs, script_language

__all__ = ["detect_language"]

# Evidence a language needs before it is named, and its lead over the runner-up.
MIN_EVIDENCE = 2.0
LEAD = 1.5
# A lexicon word counts this much of a function word: forms share vocabulary across
# languages ("email", "status") far more than they share grammar.
LEXICON_WEIGHT = 0.5
# Latin letters must be at least this share of the letters for the words to decide.
LATIN_SHARE = 0.5

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(texts: Iterable[object]) -> str | None:
    """The language `texts` are written in, or None when they do not say which."""
    letters: Counter[str] = Counter()
    words: list[str] = []
    for text in texts:
        if not isinstance(text, str) or not text:
            continue
        folded = unicodedata.normalize("NFKC", text).casefold()
        words.extend(_WORD.findall(folded))
        letters["latin"] += sum(1 for ch in folded if "a" <= ch <= "z" or "\u00c0" <= ch <= "\u024f")
        letters["all"] += sum(1 for ch in folded if ch.isalpha())
    if not letters["all"]:
        return None
    if letters["latin"] < LATIN_SHARE * letters["all"]:
        return script_language(" ".join(words))
    return _by_words(words)


def _by_words(words: list[str]) -> str | None:
    index = _evidence()
    score: dict[str, float] = {}
    for word in words:
        # Forms drop accents, mostly in capitals ("DIRECCION"): then the word as the
        # packs write it without them.
        for code, weight in index.get(word) or index.get(_unaccented(word), ()):
            score[code] = score.get(code, 0.0) + weight
    ranked = sorted(score.items(), key=lambda item: -item[1])[:2]
    if not ranked or ranked[0][1] < MIN_EVIDENCE:
        return None
    if len(ranked) > 1 and ranked[0][1] < LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


@lru_cache(maxsize=1)
def _evidence() -> Mapping[str, tuple[tuple[str, float], ...]]:
    """word -> ((language, weight), ...): a word several packs share is split between them."""
    found: dict[str, dict[str, float]] = {}
    for pack in load_packs().values():
        if pack.script != "latin":
            continue
        for word in _one_words(pack.terms):
            for spelling in {word, _unaccented(word)}:
                found.setdefault(spelling, {}).setdefault(pack.code, LEXICON_WEIGHT)
        for word in pack.function_words:
            for spelling in {_fold(word), _unaccented(_fold(word))}:
                found.setdefault(spelling, {})[pack.code] = 1.0
    return MappingProxyType(
        {
            word: tuple((code, weight / len(codes)) for code, weight in codes.items())
            for word, codes in found.items()
        }
    )


def _one_words(terms: Mapping[str, tuple[str, ...]]) -> Iterable[str]:
    for phrases in terms.values():
        for phrase in phrases:
            folded = _fold(phrase)
            if _WORD.fullmatch(folded) and len(folded) > 3:
                yield folded


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _unaccented(word: str) -> str:
    if word.isascii():
        return word
    bare = (ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", "".join(bare))
