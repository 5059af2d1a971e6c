"""The notice patterns of every language pack, combined and compiled on first use.

`languages/<code>/notice.yaml` (schemas/notice-patterns.schema.json) holds the regular
expressions with which formlint reads a privacy notice in that language: retention words,
look-backs, indefinite and vague periods, criteria, purpose and controller statements,
recipients, rights, consent and publication. For each concept the packs' alternatives
are joined into one pattern, in the packs' `order`, so one notice may mix languages and
the first match is the same whichever pack a phrase came from. Nothing is compiled at
import: each concept's pattern is built the first time `formlint.notice` asks for it.

A pack with `accents_optional` has its patterns passed through `loose`, because people
type both "días" and "dias", "Löschung" and "Loeschung"; one with `phrases_start_words`
puts its alternatives behind one shared word boundary, which lets the regex engine skip
positions inside words before it tries dozens of alternatives.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "HUGE_NUMBER",
    "UNITS",
    "NoticePack",
    "durations",
    "fold",
    "loose",
    "notice_packs",
    "number",
    "pattern",
    "recipient_patterns",
    "whole_number",
]

NOTICE_FILE = "notice.yaml"
UNITS = ("day", "week", "month", "year", "hour")

# The rest of a clause: stops at punctuation but keeps dots inside emails and domains. It must
# name something: "联系电话：" or "collected by." with nothing after it names no collector.
_CLAUSE = r"[ \t]*(?=[^\s.;,!?:()。；！？，：（）])(?:[^\n.;,!?:()。；！？，：（）]|\.(?=\S)){1,120}"
_CLAUSE_AFTER_COLON = (
    r"[ \t:：]*(?=[^\s.;,!?:()。；！？，：（）])(?:[^\n.;,!?()。；！？，（）]|\.(?=\S)){1,120}"
)


@dataclass(frozen=True)
class NoticePack:
    """One language's notice.yaml, already schema-valid."""

    code: str
    order: int
    accents_optional: bool
    phrases_start_words: bool
    data: Mapping[str, Any]

    def words(self, *path: str) -> tuple[str, ...]:
        """The alternatives at `path` (e.g. "retention", "context"), accents loosened."""
        node: Any = self.data
        for key in path:
            node = node.get(key) if isinstance(node, Mapping) else None
        return tuple(loose(str(w)) if self.accents_optional else str(w) for w in node or ())


@lru_cache(maxsize=1)
def notice_packs() -> tuple[NoticePack, ...]:
    """The packs that read notices, in their `order`; parsed once per process."""
    from formlint.languages import pack_codes, pack_data

    root = resources.files("formlint.languages")
    packs = []
    for code in pack_codes():
        if root.joinpath(code, NOTICE_FILE).is_file():
            packs.append(parse_notice_pack(code, pack_data(code, NOTICE_FILE)))
    return tuple(sorted(packs, key=lambda pack: (pack.order, pack.code)))


def parse_notice_pack(code: str, data: Mapping[str, Any]) -> NoticePack:
    return NoticePack(
        code=code,
        order=int(data["order"]),
        accents_optional=bool(data.get("accents_optional", False)),
        phrases_start_words=bool(data.get("phrases_start_words", False)),
        data=data,
    )


# --- one pattern per concept -------------------------------------------------------------

@dataclass(frozen=True)
class _Concept:
    path: tuple[str, ...]
    shared_boundary: bool = False  # phrases that start words share one \b
    template: str = "{}"  # wraps the combined alternation


_CONCEPTS: Mapping[str, _Concept] = {
    "retention_context": _Concept(("retention", "context"), True),
    "not_retention_before": _Concept(("retention", "not_before")),
    "not_retention_after": _Concept(("retention", "not_after")),
    "not_indefinite": _Concept(("retention", "not_indefinite"), True),
    "indefinite": _Concept(("retention", "indefinite"), True),
    "vague": _Concept(("retention", "vague"), True),
    "criteria": _Concept(("retention", "criteria"), True),
    "other_use_denied": _Concept(("purpose", "other_use_denied"), True),
    "only_use": _Concept(("purpose", "only_use"), True),
    # Each opening is followed by the rest of its clause.
    "purpose": _Concept(("purpose", "statement"), True, "(?:{}){{clause}}"),
    "controller": _Concept(("controller",), True),
    "no_recipients": _Concept(("recipients", "none"), True),
    "except_recipient": _Concept(("recipients", "except"), True),
    "recipient_stop": _Concept(("recipients", "stop"), template=r"\s+(?:{})\b.*$"),
    "recipient_separator": _Concept(("recipients", "separators")),
    "not_a_recipient": _Concept(("recipients", "not_a_recipient")),
    "rights": _Concept(("rights",), True),
    "separate_consent": _Concept(("separate_consent",), True),
    "publication": _Concept(("publication",), True),
    "publication_denied": _Concept(("publication_denied",), template="(?:{})[^.;。；]{{0,12}}$"),
}

# Phrases in two parts, each part's words from every pack: a notice that opens a clause
# in one language may close it with a word another pack knows ("cuando nos visite").
_PAIRED: Mapping[str, str] = {
    # "una vez finalizado el evento", "nach Abschluss der Veranstaltung"
    "criteria": r"\b(?:(?:{after})\b[^,.;]{{0,60}}?\b(?:{ended})\b)",
    # "14 días desde el contacto", "14 Tage nach Kontakt"
    "not_retention_after": r"\s+(?:{since})\s+(?:\w+\s+){{0,3}}?(?:{onset})\b",
    # "borrados de forma permanente", "définitivement supprimées": deleted for good
    "not_indefinite": r"\b(?:(?:{deleted})\w*\s+(?:(?:{manner})\s+)?(?:{for_good})\b"
    r"|(?:{for_good_before})\s+(?:{deleted})\w*)",
}


@lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern[str]:
    """The compiled pattern of one concept (see `_CONCEPTS`), built from every pack."""
    concept = _CONCEPTS[name]
    alternatives = [piece for pack in notice_packs() if (piece := _piece(pack, concept))]
    if name in _PAIRED:
        alternatives.extend(_paired(name))
    source = concept.template.format("|".join(alternatives))
    return re.compile(_expand(source), re.IGNORECASE)


def _piece(pack: NoticePack, concept: _Concept) -> str:
    words = pack.words(*concept.path)
    if not words:
        return ""
    source = "|".join(words)
    if concept.path == ("recipients", "except"):
        # One group per pack; `formlint.notice` reads whichever matched.
        source = source.replace("(?P<who>", f"(?P<who_{pack.code}>")
    if concept.shared_boundary and pack.phrases_start_words:
        return rf"\b(?:{source})"
    return source


def _paired(name: str) -> Iterator[str]:
    template = _PAIRED[name]
    slots = re.findall(r"(?<!\{)\{(\w+)\}", template)
    parts = {slot: "|".join(w for pack in notice_packs() for w in pack.words("retention", slot)) for slot in slots}
    if any(parts.values()):
        yield template.format(**{slot: words or "(?!)" for slot, words in parts.items()})


def _expand(source: str) -> str:
    """Fill the named pieces a pack's patterns may use: {clause}, {clause_after_colon}, {to}."""
    return (
        source.replace("{clause}", _CLAUSE)
        .replace("{clause_after_colon}", _CLAUSE_AFTER_COLON)
        .replace("{to}", _to())
    )


@lru_cache(maxsize=1)
def _to() -> str:
    """Every pack's words that introduce a recipient ("to", "a", "an", "mit")."""
    return "(?:" + "|".join(w for pack in notice_packs() for w in pack.words("recipients", "to")) + ")"


# --- recipients ------------------------------------------------------------------------

_WHO = r"(?P<who>(?:[^\n.;,:!?()]|\.(?=\S)){1,100})"


@lru_cache(maxsize=1)
def recipient_patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """Each pattern that names a recipient (group `who`) with the negations that cancel
    it when they come just before it: each pack's own `named` patterns, then one pattern
    of every pack's `verbs` and `to` words ("compartidos con …"), then the packs'
    `verb_last` patterns ("an das Gesundheitsamt übermittelt"). Patterns of a kind share
    the negation words of the packs that have them."""
    packs = notice_packs()
    named = [p for pack in packs for p in pack.words("recipients", "named")]
    verbs = [v for pack in packs for v in pack.words("recipients", "verbs")]
    last = [p for pack in packs for p in pack.words("recipients", "verb_last")]
    own = _negation([pack for pack in packs if pack.words("recipients", "named")])
    shared = _negation([pack for pack in packs if pack.words("recipients", "verbs") or pack.words("recipients", "verb_last")])
    found = [(_compile(source), own) for source in named]
    if verbs:
        # An apostrophe inside a word may be typed ’ ("l’hôpital").
        words = loose(r"(?:\s+(?!{to}\b)[\w'-]+){0,3}?\s+{to}\s+")
        verb_pattern = rf"\b(?:{'|'.join(verbs)}){words}{_WHO}"
        found.append((_compile(verb_pattern), shared))
    found.extend((_compile(source), shared) for source in last)
    return tuple(found)


def _negation(packs: Sequence[NoticePack]) -> re.Pattern[str]:
    return _compile("|".join(w for pack in packs for w in pack.words("recipients", "negation")) or r"(?!)")


def _compile(source: str) -> re.Pattern[str]:
    return re.compile(_expand(source), re.IGNORECASE)


# --- accents ---------------------------------------------------------------------------

# Accented letter -> how people type it without the accent ("ü" as "ue" or "u").
_SPELLINGS = {
    **dict(zip("áàâãéèêëíîïóôõúùûñç", "aaaaeeeeiiiooouuunc")),
    "ä": "ae|a",
    "ö": "oe|o",
    "ü": "ue|u",
    "ß": "ss|s",
    "'": "’",
}
# Outside a character class a letter may stand for two characters; inside one only
# the one-character spellings fit.
_LOOSE_OUTSIDE = {
    char: f"(?:{char}|{spelt})" if "|" in spelt else f"[{char}{spelt}]" for char, spelt in _SPELLINGS.items()
}
_LOOSE_INSIDE = {
    char: char + "".join(s for s in spelt.split("|") if len(s) == 1) for char, spelt in _SPELLINGS.items()
}


def loose(source: str) -> str:
    """Make a pattern source match its accented letters with or without accents."""
    out: list[str] = []
    in_class = escaped = False
    for char in source:
        table = _LOOSE_INSIDE if in_class else _LOOSE_OUTSIDE
        out.append(char if escaped else table.get(char, char))
        if not escaped:
            in_class = (in_class or char == "[") and not (in_class and char == "]")
        escaped = not escaped and char == "\\"
    return "".join(out)


def fold(text: str) -> str:
    """Lower case without accents, so number words can be looked up however typed."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    for spelled, folded in (("ß", "ss"), ("ae", "a"), ("oe", "o"), ("ue", "u"), ("-", " ")):
        plain = plain.replace(spelled, folded)
    return " ".join(plain.split())


# --- periods spelled in words ("veintiún días", "vier Wochen", "un an") ----------------

# Python's int() refuses strings of more than 4,300 digits (CVE-2020-10735), and no
# period a notice states needs more than nine.
_MAX_DIGITS = 9
HUGE_NUMBER = 10**_MAX_DIGITS - 1


def whole_number(digits: str) -> int:
    """int(digits), full-width digits included, saturating at HUGE_NUMBER."""
    significant = digits.lstrip("0０") or "0"
    return int(significant) if len(significant) <= _MAX_DIGITS else HUGE_NUMBER


@dataclass(frozen=True)
class _Numerals:
    values: Mapping[str, int]  # folded number words and connectors -> value
    hundreds: tuple[str, ...]
    token: re.Pattern[str]
    joined: str  # a number in digits or in words, as a pattern source


def _duration_packs() -> list[NoticePack]:
    return [pack for pack in notice_packs() if pack.data.get("durations")]


def _duration_words(key: str) -> list[str]:
    return [str(w) for pack in _duration_packs() for w in pack.data["durations"].get(key) or ()]


@lru_cache(maxsize=1)
def _numerals() -> _Numerals:
    words: dict[str, int] = {}
    for pack in _duration_packs():
        words.update(pack.data["durations"]["numbers"])
    hundreds, connectors = _duration_words("hundreds"), _duration_words("connectors")
    values = {fold(word): value for word, value in words.items()} | dict.fromkeys(connectors, 0)
    word = _alternation([*words, *hundreds])
    return _Numerals(
        values=values,
        hundreds=tuple(hundreds),
        token=re.compile(_alternation([*values, *hundreds])),
        # German joins number words without spaces ("einundzwanzig", "hundertachtzig").
        # The longest spelled periods take five words ("quatre-vingt-dix-neuf",
        # "dreihundertfünfundsechzig"); an unbounded repeat would try every run of number
        # words to its end from each of its words, quadratic on a long run with no unit.
        joined=rf"\d+|(?:{word})(?:[\s-]*(?:(?:{'|'.join(connectors)})[\s-]*)?(?:{word})){{0,6}}",
    )


@lru_cache(maxsize=1)
def _units() -> str:
    return "|".join(
        rf"(?P<{unit}>{'|'.join(w for pack in _duration_packs() for w in pack.data['durations']['units'].get(unit) or ())})"
        for unit in UNITS
    )


@lru_cache(maxsize=1)
def _any_unit() -> re.Pattern[str]:
    """Trying every number word at every word is slow; most sentences have no unit."""
    return re.compile(loose(rf"\b(?:{_units()})\b"), re.IGNORECASE)


@lru_cache(maxsize=1)
def _duration() -> re.Pattern[str]:
    half = "|".join(_duration_words("half"))
    source = rf"\b(?:(?P<half>{half})[\s-]+|(?P<num>{_numerals().joined})[\s-]+)(?:{_units()})\b"
    return re.compile(loose(source), re.IGNORECASE)


def _alternation(words: list[str]) -> str:
    """Longest first, so "veintiuno" is tried before "veinte" and "un"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]", word))) for word in ordered)


def durations(sentence: str) -> Iterator[re.Match[str]]:
    """Every "21 días", "vier Wochen" or "un an" in `sentence`."""
    return _duration().finditer(sentence) if _any_unit().search(sentence) else iter(())


def number(text: str) -> int:
    """Parse "21", "veintiuno", "vinte e um", "quatre-vingt-dix" or "einhundertachtzig"."""
    if text.isdigit():
        return whole_number(text)
    numerals = _numerals()
    value = 0
    for token in numerals.token.findall(fold(text)):
        if token in numerals.hundreds:
            value = min((value or 1) * 100, HUGE_NUMBER)
        else:
            value += numerals.values[token]
    return value
