"""Field -> personal-data category, with a confidence and the evidence for it.

Order of evidence, strongest first:

1. the form's explicit `category:` annotation (1.0);
2. an HTML `autocomplete` token (0.95);
3. a field type that says by itself what the answer is, e.g. `geopoint` (0.9);
4. the lexicons of the language packs (`formlint.languages`), matched against the
   label and the key (0.75-0.95); the label wins over the key because it is what
   respondents read;
5. the choice list: options that are blood groups, relationships or vaccines (0.7);
6. the titles of the sections the field sits in, innermost first, then the groups of
   its dotted key (0.55), when the field's own words decide nothing;
7. the weak and `none` phrases of the label or key ("mother", "how many", "what type
   of roof") that waited for the choices and sections;
8. a generic field type, e.g. `email` (0.6);
9. `none` for a question about a quantity (a unit word, numeric choices) (0.5);
10. `none` for a whole question answered from a list when neither it, its choices nor
    its sections name anything personal, even weakly (0.4);
11. `none` for a field whose every choice carries no answer ("Don't know", "Refused",
    "OK") (0.4);
12. otherwise "unknown".

Matching works on normalised text (NFKC width folding, casefolding, Latin accents
stripped, ø/æ/œ/ł folded). Latin phrases match whole-word token n-grams, so "name"
matches "Full name" but not "username"; words are also compared by their Snowball stem
in the label's language and English ("vaccinations" finds "vaccination"), compounds
of de/nl/nordic/fi are split at a lexicon word ("woonadres" ends in "adres"), and keys
are read as developers write them: camelCase, snake_case, digits, and Chinese pinyin
in full or as initials ("sfzh" is 身份证号). CJK phrases match as substrings, because
Chinese is written without spaces, but only where the word ends (社区活动 is an
activity, not a community). The longest phrase wins, so "紧急联系人电话" is an
emergency contact rather than a phone number.

A date named by one word ("Start date") under a section about a job, a course, a vaccine
dose or a trip is that thing's date, not a visit's.

What a field asks decides, not every noun in it: text after an example marker
("e.g. ...") is ignored, `weak` phrases ("your household") only decide a short label
or a key, and the `none` category only wins when nothing personal matched.
Everything is looked up in dicts built once per taxonomy; no per-term regular
expressions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, Generic, TypeVar

from formlint.memo import Memo
from formlint.model import UNKNOWN, Classification, Field
from formlint.taxonomy import Category, Taxonomy, load_taxonomy

__all__ = ["Candidate", "classify", "classify_all", "explain", "normalise"]

CONFIDENCE_ANNOTATION = 1.0
CONFIDENCE_AUTOCOMPLETE = 0.95
CONFIDENCE_AGREE = 0.95
CONFIDENCE_DECISIVE_TYPE = 0.9
CONFIDENCE_LABEL_WHOLE = 0.9
CONFIDENCE_LABEL_PART = 0.8
CONFIDENCE_KEY = 0.75
CONFIDENCE_OPTIONS = 0.7
CONFIDENCE_CLOSED_QUESTION = 0.4
MAX_CLOSED_OPTIONS = 60  # a longer list (countries, districts) is read by its question alone
CONFIDENCE_TYPE = 0.6
CONFIDENCE_SECTION = 0.55
CONFIDENCE_QUANTITY = 0.5

NONE = "none"
FREE_TEXT = "content.free_text"
HEALTH = "health.condition"
VISIT_TIME = "event.visit_time"
# What has dates of its own, so that a bare "Start date" under it is its date: a job, a
# course, a vaccine dose, a trip.
_DATED = frozenset({"social.occupation", "social.education", "health.vaccination", "location.travel_history"})
# Groups whose section titles make even a quantity question personal.
_INTIMATE = frozenset({"health", "special", "biometric"})
# A label longer than this is a question: its weak phrases are its subject, not its topic.
SHORT_LABEL_TOKENS = 4
# Choices decide when at least this many, and at least half of them, name one category.
OPTIONS_AGREEING = 2
# A phrase of another language than the label's must be this long to match.
FOREIGN_WORD = 3
# Shorter stems are not matched on: "mes" (of "mesa", table) is also "meses" (months).
MIN_STEM = 4
# A CJK phrase this long is a whole expression; a shorter one may be a noun that only
# modifies the next (社区活动), so it is checked for where its word ends.
WHOLE_CJK_PHRASE = 4
# Compounds are split only where both the head and the lexicon word are this long.
COMPOUND_PART = 3
COMPOUND_WORD = 4

_CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK = re.compile(f"[{_CJK_RANGES}]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Vowel signs and other combining marks of Indic and Arabic scripts belong to their word.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0dff"
# Latin-ish words and digit runs are separate tokens: "address1" -> address, 1.
_TOKEN = re.compile(rf"(?:[^\W\d_{_CJK_RANGES}]|[{_MARKS}])+|\d+")
_WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_KEY_SEGMENTS = re.compile(r"[./\[\]]+")
_NUMERIC_OPTION = re.compile(r"^[\d\s.,:/<>=+%-]+$")
# Combining marks are only dropped after Latin bases (below U+0370): stripping them
# elsewhere would turn Japanese が into か.
_LAST_LATIN = "\u036f"
# Latin letters NFD does not decompose, folded as keys write them.
_LATIN_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ı": "i", "þ": "th", "ð": "d"}
)
# German keys write umlauts as two letters: "groesse", "staatsangehoerigkeit".
_UMLAUT_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})

_K = TypeVar("_K", str, tuple[str, ...])

_NOTHING = Classification(UNKNOWN, 0.0, "no term, annotation or type matched", "none")


@dataclass(frozen=True)
class _Phrase:
    """One lexicon phrase of one category, normalised for lookup."""

    category: str
    text: str  # as written in the YAML, for evidence
    lang: str
    length: int  # characters after normalisation: the longest match wins
    rank: int  # the category's position in the taxonomy: ties go to the earlier one
    compact: str  # without spaces or punctuation, to tell a whole-label match
    cjk: bool
    veto: bool  # a `not:` phrase: vetoes its category for the text it occurs in
    weak: bool  # decides only a short label or a key


@dataclass(frozen=True)
class _Language:
    """What matching needs from one language pack."""

    stem: Callable[[str], str] | None
    compounds: bool
    units: frozenset[str]
    example_markers: tuple[str, ...]
    inflections: frozenset[str]  # empty: any shared stem matches
    followers: tuple[str, ...]  # what may follow a phrase in a run of Han characters


_Table = TypeVar("_Table")


class _PerLanguage(Generic[_Table]):
    """One table per language, built from that language's phrases the first time a
    text asks for it: a form in Chinese and English never stems Finnish."""

    def __init__(
        self,
        phrases: Mapping[str, list[_Phrase]],
        build: Callable[[list[_Phrase]], _Table | None],
    ) -> None:
        self._phrases = phrases
        self._build = build
        self._tables: dict[str, _Table | None] = {}

    def get(self, code: str) -> _Table | None:
        if code not in self._tables:
            self._tables[code] = self._build(self._phrases.get(code, []))
        return self._tables[code]


@dataclass(frozen=True, eq=False)
class _Index:
    latin: Mapping[tuple[str, ...], tuple[_Phrase, ...]]
    stemmed: _PerLanguage[Mapping[tuple[str, ...], tuple[_Phrase, ...]]]
    words: _PerLanguage[Mapping[str, tuple[_Phrase, ...]]]  # lang -> one-word phrases
    cjk: Mapping[str, tuple[_Phrase, ...]]
    romanised: Mapping[str, tuple[_Phrase, ...]]  # key spellings: pinyin, initials
    latin_starts: frozenset[str]  # first tokens and characters of any phrase, to skip
    cjk_starts: frozenset[str]  # positions where no phrase can start
    latin_max: int
    cjk_max: int
    autocomplete: Mapping[str, str]
    types: Mapping[str, str]
    decisive_types: Mapping[str, str]
    option_phrases: Mapping[str, tuple[_Phrase, ...]]  # a whole normalised choice
    languages: Mapping[str, _Language]
    personal: frozenset[str]
    follow_ups: frozenset[tuple[str, ...]]  # label openings that follow up a question
    # Tried in turn, longest first, so the same phrase wins (and is the evidence) on every run.
    check_openings: tuple[tuple[str, ...], ...]  # "is this correct", "do you know"
    check_closings: tuple[tuple[str, ...], ...]
    enclosures: tuple[tuple[str, ...], ...]  # openings of a tick box naming a document
    yes_no: frozenset[str]  # compact choices that only say yes or no, or decline to
    written: frozenset[str]  # categories whose answer is never picked from choices
    texts: frozenset[str]  # categories whose answer is words: no number or date either
    values: frozenset[str]  # categories whose answer is not a yes or a no
    non_answers: frozenset[tuple[str, ...]]  # "don't know", "refused", "ok"


@dataclass(frozen=True)
class _Hit:
    phrase: _Phrase
    text: str
    whole: bool
    how: str  # "" for the phrase as written, else "stem", "compound" or "pinyin"
    span: int  # characters of the text it covers: the longest match wins

    @property
    def category(self) -> str:
        return self.phrase.category

    def evidence(self, where: str, shown: str) -> str:
        p = self.phrase
        how = f", by {self.how}" if self.how else ""
        return f'{where} "{shown}" matched term "{p.text}" ({p.lang}{how})'


@dataclass(frozen=True)
class _Match:
    """A phrase found in a text, how, and how many characters of the text it covers."""

    phrase: _Phrase
    how: str
    span: int


@dataclass(frozen=True)
class Candidate:
    """One category the evidence points to, for `classify --explain`."""

    category: str
    score: float
    source: str
    evidence: str


# ------------------------------------------------------------------------ the API


def classify(field: Field, taxonomy: Taxonomy | None = None) -> Classification:
    """The category of `field`, how sure we are, and why. The verdict depends on
    nothing but what the field says (`Field.description`: key, labels in their
    languages, type, choices, hint, sections, annotations) and the taxonomy, so a
    field asked again on another form is looked up."""
    known = taxonomy if taxonomy is not None else load_taxonomy()
    return _VERDICTS.get((known,), lambda: _classified(field, known), field.description)


# Real trees ask the same questions on form after form.
_VERDICTS: Memo[Classification] = Memo(limit=8192)


def _classified(field: Field, taxonomy: Taxonomy) -> Classification:
    index = _index(taxonomy)
    ruled_out = _ruled_out(field, index)
    for stage in _STAGES:
        found = stage(field, taxonomy, index)
        if found is not None and found.category in ruled_out and stage not in _DECLARED:
            if index.values <= ruled_out:  # the choices only say yes or no
                return _asks_whether(field, found)
            continue
        if found is not None:
            return _free_text_in_context(field, _dated_in_context(field, found, index), index)
    return _NOTHING


def _ruled_out(field: Field, index: _Index) -> frozenset[str]:
    """Categories the field's choices rule out: a remark, a photo, a signature or a GPS
    position is written or captured, never picked from a list ("What are your
    suggestions?" with choices asks which of them); and choices that only say yes or no
    answer whether there is a phone number, an email or a name, not what it is. A
    number or a date field holds no remark ("Number of target groups reached")."""
    if not field.options:
        return index.texts if (field.type or "").casefold() in _NUMBER_TYPES else frozenset()
    if all(_compact(normalise(option)) in index.yes_no for option in field.options):
        return index.written | index.values
    return index.written


# Field types whose answer is a number or a date (XLSForm, HTML, Form.io, JSON Schema).
_NUMBER_TYPES = frozenset(
    ("integer", "decimal", "double", "number", "int", "float", "range", "currency",
     "date", "datetime", "datetime-local", "time", "month", "week", "day")
)


def _asks_whether(field: Field, verdict: Classification) -> Classification:
    evidence = (
        f"{verdict.evidence}; but its choices only say yes or no: it asks whether there is"
        f" one, not what it is"
    )
    return Classification(NONE, CONFIDENCE_QUANTITY, evidence, "options")


def _dated_in_context(field: Field, verdict: Classification, index: _Index) -> Classification:
    """A date named by one word ("Start date", "Date") is the date of what its section is
    about, not a visit: under "Work experience" the job's, under "Vaccinations" the
    vaccination's. Only a section about something that has dates of its own says so
    (`_DATED`); a phrase that names the date ("Date of visit") keeps it, and so does a
    date under a household roster or a health test, which may be a visit's."""
    if verdict.category != VISIT_TIME or verdict.source not in ("label", "key"):
        return verdict
    hit = _label_hit(field.label, index) if verdict.source == "label" else _key_hit(field.key, field.label, index)
    if hit is None or hit.phrase.cjk or len(_phrase_words(hit.phrase)) != 1:
        return verdict
    lang = next(iter(field.label), None)
    places = [("section", s) for s in reversed(field.section)]
    places += [("key group", _key_words(g)) for g in reversed(_key_path(field.key)[:-1])]
    for where, text in places:
        found = _context_hit(index, text, lang)
        if found is not None and found.category in _DATED:
            evidence = f"{verdict.evidence}; a date under {found.evidence(where, text)}"
            return Classification(found.category, CONFIDENCE_SECTION, evidence, "section")
    return verdict


def _free_text_in_context(
    field: Field, verdict: Classification, index: _Index
) -> Classification:
    """Remarks, observations or comments written in a section about health or
    special-category data hold that data: "My own observations:" under a mental
    health assessment is health.condition, and so is a comment under any health
    heading ("Rh immune globulin")."""
    if verdict.category != FREE_TEXT or verdict.source not in ("label", "key"):
        return verdict
    lang = next(iter(field.label), None)
    for title in reversed(field.section):
        hit = _context_hit(index, title, lang)
        if hit is not None:
            if hit.category.split(".")[0] not in _INTIMATE:
                return verdict
            # free text under any health heading may reveal a condition
            category = HEALTH if hit.category.startswith("health.") else hit.category
            evidence = f"{verdict.evidence}; written under {hit.evidence('section', title)}"
            return Classification(category, CONFIDENCE_SECTION, evidence, "section")
    return verdict


def classify_all(
    fields: Iterable[Field], taxonomy: Taxonomy | None = None
) -> tuple[Classification, ...]:
    """Every field of one form, in order. A follow-up ("If other, please specify")
    that says nothing itself asks what the question it follows asks: the one whose
    key it extends (`roof` for `roof_other`), else the one just before it in its
    section."""
    if taxonomy is None:
        taxonomy = load_taxonomy()
    index = _index(taxonomy)
    verdicts: list[Classification] = []
    by_key: dict[str, Classification] = {}
    before: tuple[Field, Classification] | None = None
    for field in fields:
        verdict = classify(field, taxonomy)
        follow_up = _follows_up(index, field) if verdict.source in _FOLLOWABLE else None
        if follow_up and (
            verdict.category in (NONE, UNKNOWN) or (follow_up == "label" and verdict.source == "label")
        ):
            verdict = _as_followed(field, verdict, by_key, before) or verdict
        else:
            before = (field, verdict)
        by_key[_leaf(field.key)] = verdict
        verdicts.append(verdict)
    return tuple(verdicts)


def _as_followed(
    field: Field,
    verdict: Classification,
    by_key: Mapping[str, Classification],
    before: tuple[Field, Classification] | None,
) -> Classification | None:
    stem = _leaf(field.key)
    for other in _FOLLOW_UP_KEY_WORDS:
        stem = stem.removesuffix(other).rstrip("_-. ")
    parent = by_key.get(stem) if stem != _leaf(field.key) else None
    if parent is None and before is not None and before[0].section == field.section:
        parent = before[1]
    if parent is None or not parent.known or parent.category == verdict.category:
        return None
    if parent.confidence <= CONFIDENCE_CLOSED_QUESTION and verdict.category != UNKNOWN:
        return None  # "nothing personal found" is no reason to overrule what the follow-up says
    evidence = f"follows up a question that is {parent.category} ({parent.evidence})"
    return Classification(parent.category, parent.confidence, evidence, "follow-up")


@lru_cache(maxsize=65536)
def _leaf(key: str) -> str:
    return _key_path(key)[-1].casefold()


def _follows_up(index: _Index, field: Field) -> str | None:
    """"label" for a label that is a follow-up phrase ("Other:", "If not, why?"), so
    that its own words are the follow-up's; "opening" for one that opens with one and
    names nothing after it ("If other, please specify the material"), not "Specify
    other area units"; "key" for a key that ends in one (`roof_other`) under a label
    that names nothing."""
    lang, label = next(iter(field.label.items()), (None, ""))
    by_label = _follow_up_label(index, label, lang)
    if by_label != "":
        return by_label or None
    return "key" if _key_follows_up(field.key) else None


@lru_cache(maxsize=65536)
def _key_follows_up(key: str) -> bool:
    key_tokens = _TOKEN.findall(normalise(_key_words(_leaf(key))))
    return bool(key_tokens) and key_tokens[-1] in _FOLLOW_UP_KEY_WORDS


@lru_cache(maxsize=65536)
def _follow_up_label(index: _Index, label: str, lang: str | None) -> str | None:
    """What the label says of a follow-up: "label", "opening", None when it names
    something else, "" when it says nothing either way."""
    tokens = tuple(_TOKEN.findall(normalise(label)))
    longest = max((len(p) for p in index.follow_ups), default=0)
    opening = max(
        (
            n
            for n in range(1, min(longest, len(tokens)) + 1)
            if tokens[:n] in index.follow_ups and (n > 1 or n == len(tokens))
        ),
        default=0,
    )
    rest = " ".join(tokens[opening:])
    if rest and _match(index, rest, lang, False) is not None:
        return None
    if opening:
        return "opening" if rest else "label"
    return ""


# Verdicts a follow-up's own words may have given: not an annotation or a type.
_FOLLOWABLE = frozenset(("label", "key", "none", "section", "options"))
# How keys name a follow-up: `roof_other`, `reason_specify`, `crop_oth`.
_FOLLOW_UP_KEY_WORDS = ("other", "others", "oth", "specify")


def explain(field: Field, taxonomy: Taxonomy | None = None) -> tuple[Candidate, ...]:
    """Every category any source points to: the verdict first, then the rest by score:
    what each label, key, choice, section and type matched, whether or not it decided."""
    if taxonomy is None:
        taxonomy = load_taxonomy()
    index = _index(taxonomy)
    decided = classify(field, taxonomy)
    found = [_candidate(decided)] if decided.known else []
    for stage in _STAGES:
        verdict = stage(field, taxonomy, index)
        if verdict is not None and verdict.known:
            found.append(_candidate(verdict))
    hits = [
        (hit, "label", text, CONFIDENCE_LABEL_PART)
        for lang, text in field.label.items()
        for hit in _all_hits(index, _asked(index, text, lang), lang)
    ]
    hits += [
        (hit, "key", field.key, CONFIDENCE_KEY)
        for hit in _all_hits(index, _key_words(field.key), None)
    ]
    hits.sort(key=lambda h: -h[0].span)
    found += [_phrase_candidate(*h) for h in hits]
    unique: dict[tuple[str, str], Candidate] = {}
    for candidate in found:  # the deciding stage first, then the longest phrase
        unique.setdefault((candidate.category, candidate.source), candidate)
    ranked = list(unique.values())
    first = ranked[:1] if decided.known else []
    return (*first, *sorted(ranked[len(first) :], key=lambda c: -c.score))


def _candidate(verdict: Classification) -> Candidate:
    return Candidate(verdict.category, verdict.confidence, verdict.source, verdict.evidence)


def _phrase_candidate(hit: _Hit, where: str, shown: str, score: float) -> Candidate:
    source = "weak " + where if hit.phrase.weak else where
    return Candidate(hit.category, score, source, hit.evidence(where, shown))


# --------------------------------------------------------------------- the sources


Stage = Callable[[Field, Taxonomy, _Index], "Classification | None"]


def _by_annotation(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
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


def _by_autocomplete(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
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


def _by_decisive_type(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """A `geopoint` records a position whatever its label says."""
    if not field.type:
        return None
    category = index.decisive_types.get(field.type.casefold())
    if category is None:
        return None
    evidence = f'field type "{field.type}" records this whatever the label says'
    return Classification(category, CONFIDENCE_DECISIVE_TYPE, evidence, "type")


def _by_check(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """A question that checks an answer or asks what is known or wanted says nothing
    about the person, whatever it names: "Is this date and time correct?", "Do you
    know the date of birth of …?", "Do you want to register more members?". Every
    translation says what the question does: one that reads as a check makes it one
    ("Quer ver os passos para fazer o teste?" beside an English label with a typo)."""
    for _, label in _readable(index, tuple(field.label.items())):
        phrase = _check_phrase(index, label)
        if phrase is not None:
            evidence = f'label "{label}" checks an answer or asks what is known ("{phrase}")'
            return Classification(NONE, CONFIDENCE_LABEL_PART, evidence, "label")
    return None


@lru_cache(maxsize=65536)
def _check_phrase(index: _Index, label: str) -> str | None:
    tokens = tuple(_TOKEN.findall(normalise(label)))
    while tokens and tokens[0].isdigit():  # numbering: "007.", "001a."
        tokens = tokens[2:] if len(tokens) > 1 and len(tokens[1]) == 1 else tokens[1:]
    for phrase in index.check_openings:
        if tokens[: len(phrase)] == phrase and not _longer_term(index, tokens, len(phrase)):
            return " ".join(phrase)
    backwards = tokens[::-1]
    for phrase in index.check_closings:
        n = len(phrase)
        if len(tokens) > n and tokens[-n:] == phrase and not _longer_term(index, backwards, n, True):
            return " ".join(phrase)
    return None


def _longer_term(
    index: _Index, tokens: tuple[str, ...], opening: int, backwards: bool = False
) -> bool:
    """Whether a lexicon phrase reads on past the opening ("Confirm password",
    "Check-in time" are terms, not checks), or, `backwards`, before the closing
    ("True and correct")."""
    for n in range(opening + 1, min(len(tokens), index.latin_max) + 1):
        words = tokens[:n][::-1] if backwards else tokens[:n]
        if words in index.latin:
            return True
    return False


def _by_enclosure(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """A tick box that names a document to enclose ("Kopie statuten organisatie", "Een
    bewijs van inschrijving van uw opleiding", "Copy of the lease") records that the
    document is enclosed, not what the document says. An upload field holds the
    document itself and is read by its words."""
    if field.options or (field.type or "").casefold() not in _TICK_TYPES:
        return None
    for _, label in _readable(index, tuple(field.label.items())):
        tokens = tuple(_TOKEN.findall(normalise(label)))
        for phrase in index.enclosures:
            if tokens[: len(phrase)] == phrase and len(tokens) > len(phrase):
                evidence = f'tick box "{label}" names a document to enclose ("{" ".join(phrase)}")'
                return Classification(NONE, CONFIDENCE_LABEL_PART, evidence, "label")
    return None


# Field types of a single tick box.
_TICK_TYPES = frozenset(("checkbox", "boolean"))


def _by_lexicon(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """Label and key; a `none` they find waits for choices and sections (below),
    unless it is the whole label ("Quantity")."""
    return _lexicon_of(index, tuple(field.label.items()), field.key)


@lru_cache(maxsize=65536)
def _lexicon_of(
    index: _Index, labels: tuple[tuple[str, str], ...], key_text: str
) -> Classification | None:
    field = Field(key=key_text, label=dict(labels))
    label = _label_hit(field.label, index)
    if label is not None and _decisive(label) is None:
        return None  # a quantity, a type, a weak word: the key is no wiser
    key = _own_key_hit(index, field)
    label = _unless_key_vetoes(index, field, label)
    if label is None and _decisive(key) is None:
        return None
    return _lexicon_verdict(field, label, key)


def _unless_key_vetoes(index: _Index, field: Field, label: _Hit | None) -> _Hit | None:
    """The label's hit, unless it names its category by one word in passing and the key
    vetoes that category: "If the building has a name, enter it" keyed `building_name`."""
    if label is not None and _passing_word(label) and _key_vetoes(index, field.key, label.category, field.label):
        return None
    return label


def _passing_word(label: _Hit) -> bool:
    """A label that names a category by one word inside a longer text ("… has a name")."""
    return not label.whole and not label.phrase.cjk and " " not in label.phrase.text.strip()


def _own_key_hit(index: _Index, field: Field) -> _Hit | None:
    """The key's hit, unless the group it sits in says whose it is: `name` under
    `cartoons` is a cartoon's name, under `buildings` a building's."""
    key = _key_hit(field.key, field.label, index)
    if key is not None and _key_vetoes(index, field.key, key.category, field.label):
        return None
    return key


def _key_vetoes(index: _Index, key: str, category: str, labels: Mapping[str, str]) -> bool:
    """Whether the key names what the label only mentions in passing as something else:
    `building_name` says the name asked is a building's, not a person's, and so does
    `buildings.name`, read with the group it sits in."""
    langs = tuple(labels) or (None,)
    only = _key_languages(index, langs)

    def vetoes(text: str) -> set[_Phrase]:
        return _vetoing(index, normalise(_key_words(text)), langs, True, only, category)

    path = _key_path(key)
    if vetoes(path[-1]):
        return True
    # a phrase across the group and the leaf ("buildings name"), not one of the group's own
    return len(path) > 1 and bool(vetoes(f"{path[-2]} {path[-1]}") - vetoes(path[-2]))


def _by_deferred_words(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """What `_by_lexicon` set aside: "How many ...", "What type of roof ...", "Mother"."""
    label = _label_hit(field.label, index)
    key = _own_key_hit(index, field)
    return _lexicon_verdict(field, _unless_key_vetoes(index, field, label), key)


def _decisive(hit: _Hit | None) -> _Hit | None:
    """None for a hit that should wait: a weak word, or a `none`, that is not the whole
    label ("Serology mother" under "HIV" is about health, not the household; "City:"
    is a city wherever it sits)."""
    if hit is None or (not hit.whole and (hit.phrase.weak or hit.category == NONE)):
        return None
    return hit


def _lexicon_verdict(
    field: Field, label: _Hit | None, key: _Hit | None
) -> Classification | None:
    if label is None:
        if key is None:
            return None
        return Classification(
            key.category, CONFIDENCE_KEY, key.evidence("key", field.key), "key"
        )
    evidence = label.evidence("label", label.text)
    if key is not None and key.category != label.category and _key_says_more(label, key):
        evidence = f"{key.evidence('key', field.key)}, which says more than {evidence}"
        return Classification(key.category, CONFIDENCE_LABEL_PART, evidence, "key")
    if key is not None and key.category == label.category:
        evidence += "; " + key.evidence("key", field.key)
        return Classification(label.category, CONFIDENCE_AGREE, evidence, "label")
    if key is not None:
        evidence += (
            f"; {key.evidence('key', field.key)} -> {key.category}, the label wins"
        )
    confidence = CONFIDENCE_LABEL_WHOLE if label.whole else CONFIDENCE_LABEL_PART
    return Classification(label.category, confidence, evidence, "label")


def _key_says_more(label: _Hit, key: _Hit) -> bool:
    """Whether the key's phrase holds every word of the label and more: "Phone" keyed
    `emergencyPhone` is the emergency contact's, "Work" keyed `phoneWork` a phone."""
    words = [t for t in _TOKEN.findall(normalise(label.text)) if not t.isdigit()]
    named = _phrase_words(key.phrase)
    return bool(words) and len(words) < len(named) and set(words) <= set(named)


def _by_options(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """Choices that are blood groups, relationships or vaccines say what is asked;
    yes/no and other choices that name nothing decide nothing."""
    if len(field.options) < OPTIONS_AGREEING:
        return None
    lang = next(iter(field.label), None)
    votes: dict[str, list[str]] = {}
    for option in field.options:
        category = _option_category(index, option, lang)
        if category is not None:
            votes.setdefault(category, []).append(option)
    if not votes:
        return None
    category, agreeing = max(votes.items(), key=lambda item: len(item[1]))
    if len(agreeing) < OPTIONS_AGREEING or 2 * len(agreeing) < len(field.options):
        return None
    shown = ", ".join(f'"{o}"' for o in agreeing[:3])
    evidence = f"{len(agreeing)} of {len(field.options)} choices ({shown}) are {category}"
    return Classification(category, CONFIDENCE_OPTIONS, evidence, "options")


def _by_section(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """The innermost section whose title names a personal category, then the groups
    of a dotted key: "How often in the past four weeks..." under "Mental health"."""
    places = [("section", s) for s in reversed(field.section)]
    places += [("key group", _key_words(g)) for g in reversed(_key_path(field.key)[:-1])]
    # A label that asks a quantity, a price or a type asks about a thing, unless the
    # section is about the person's body or life: "How often..." under "Mental health".
    asks_a_thing = _label_hit(field.label, index) is not None
    question = _asks_a_question(field)
    lang = next(iter(field.label), None)  # titles are in the form's language
    for where, text in places:
        hit = _context_hit(index, text, lang)
        if hit is not None and hit.category.split(".")[0] not in _INTIMATE and (
            asks_a_thing
            or (
                question
                and (where != "section" or hit.category not in _subjects(index, tuple(field.label.items())))
            )
        ):
            return None
        if hit is not None and not _field_vetoes(index, field, hit.category):
            evidence = hit.evidence(where, text) + "; the field's own words decide nothing"
            return Classification(hit.category, CONFIDENCE_SECTION, evidence, "section")
    return None


def _field_vetoes(index: _Index, field: Field, category: str) -> bool:
    """Whether the field's label or key says it is not of `category`, wherever it sits:
    "Number of test kits used" under "HIV testing" counts supplies, not a condition."""
    texts: list[tuple[str | None, str]] = [
        (lang, text) for lang, text in _readable(index, tuple(field.label.items())) if text
    ]
    texts.append((None, _key_words(_key_path(field.key)[-1])))
    return any(_vetoing(index, normalise(text), (lang,), lang is None, None, category) for lang, text in texts)


def _vetoing(
    index: _Index, norm: str, langs: Iterable[str | None], is_key: bool,
    only: frozenset[str] | None, category: str,
) -> set[_Phrase]:
    """The phrases of `norm`, read in each of `langs`, that say it is not of `category`."""
    return {
        m.phrase
        for lang in langs
        for m in _scanned(index, norm, lang, is_key, only)
        if m.phrase.veto and m.phrase.category == category
    }


def _asks_a_question(field: Field) -> bool:
    """A label longer than a few words asks its own question: a section about the
    household or education does not make "Were adults supervising the activities?" a
    household or education question, unless the question names the section's topic
    too ("Did … sleep here last night?" no, "Is … the head of the household?" yes);
    health and special sections still do."""
    return not _is_short_label(next(iter(field.label.values()), ""))


@lru_cache(maxsize=65536)
def _is_short_label(label: str) -> bool:
    return _is_short(_TOKEN.findall(normalise(label)))


def _by_type(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    if not field.type:
        return None
    category = index.types.get(field.type.casefold())
    if category is None:
        return None
    return Classification(
        category, CONFIDENCE_TYPE, f'field type "{field.type}"', "type"
    )


def _by_quantity(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """A question measured in a unit, or answered with numbers only, is a quantity. The
    default language's label says so; a translation's stray letter ("l'enquête") does not."""
    for lang, text in list(field.label.items())[:1]:
        unit = _unit_in(index, text, lang)
        if unit is not None:
            evidence = f'label "{text}" asks for a quantity (unit "{unit}")'
            return Classification(NONE, CONFIDENCE_QUANTITY, evidence, "label")
    if len(field.options) >= OPTIONS_AGREEING and all(
        _NUMERIC_OPTION.match(o) for o in field.options
    ):
        evidence = f"all {len(field.options)} choices are numbers"
        return Classification(NONE, CONFIDENCE_QUANTITY, evidence, "options")
    return None


def _by_closed_question(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """A whole question answered from a list, where neither the question, its key, its
    choices nor its sections name anything personal, asks about something else: a
    building, a crop, a service. A short label ("Status") stays unknown: that is where
    unlisted words hide."""
    if len(field.options) < 2 or not _asks_a_question(field):
        return None
    lang = next(iter(field.label), None)
    options = field.options[:MAX_CLOSED_OPTIONS]
    if len(field.options) > MAX_CLOSED_OPTIONS or any(_option_hint(index, o, lang) for o in options):
        return None
    if any(_context_hit(index, title, lang) for title in field.section):
        return None
    evidence = f"a question answered from {len(field.options)} choices, none of which names anything personal"
    return Classification(NONE, CONFIDENCE_CLOSED_QUESTION, evidence, "options")


def _by_non_answers(
    field: Field, taxonomy: Taxonomy, index: _Index
) -> Classification | None:
    """A field whose every choice carries no answer ("Don't know", "Refused", "No
    response", "Answered the slider", or "OK" under "Press OK to continue") records
    only how another question was answered, or that a screen was seen: nothing about
    the person, whatever its placeholder label ("#####") says. Each pack's
    `non_answers`; only when nothing personal was found before."""
    if not field.options or not all(_non_answer(index, o) for o in field.options):
        return None
    shown = ", ".join(f'"{o}"' for o in field.options[:3])
    evidence = f"every choice ({shown}) carries no answer"
    return Classification(NONE, CONFIDENCE_CLOSED_QUESTION, evidence, "options")


@lru_cache(maxsize=65536)
def _non_answer(index: _Index, option: str) -> bool:
    words = _words_of(option)
    return any(words[:n] in index.non_answers for n in range(1, len(words) + 1))


def _words_of(text: str) -> tuple[str, ...]:
    """Runs of letters and digits, a run of Han or Hangul one word ("不知道")."""
    return tuple(_WORD.findall(normalise(text)))


# Stages that say what a field holds whatever its choices: the form's own annotation,
# an autocomplete token, a field type that records its category.
_DECLARED: frozenset[Stage] = frozenset((_by_annotation, _by_autocomplete, _by_decisive_type))

_STAGES: tuple[Stage, ...] = (
    _by_annotation,
    _by_autocomplete,
    _by_decisive_type,
    _by_check,
    _by_enclosure,
    _by_lexicon,
    _by_options,
    _by_section,
    _by_deferred_words,
    _by_type,
    _by_quantity,
    _by_closed_question,
    _by_non_answers,
)


# ------------------------------------------------------------------ label and key


def _label_hit(labels: Mapping[str, str], index: _Index) -> _Hit | None:
    """The longest match over every translation of the label; a translation that names
    something personal beats one that only says "how many" ("combien")."""
    return _translations_hit(index, tuple(labels.items()))


@lru_cache(maxsize=65536)
def _translations_hit(index: _Index, labels: tuple[tuple[str, str], ...]) -> _Hit | None:
    """Readers put the form's default language first: that label is the one a reviewer
    reads, so what it names decides. When it names nothing, or only a weak word or a
    "how many", the translations decide where they agree: of three or more, a category needs two ("kaya" in the Swahili
    label alone does not make "How many eggs does your household sell?" a household
    question). Each translation is read in its own language, and what one names only as
    its subject is the subject of every one."""
    written = [(lang, text) for lang, text in _readable(index, labels) if text]
    if not written:
        return None
    subjects = _subjects(index, tuple(written))
    spoken = {lang: _spoken_in(index, tuple(written), lang) for lang, _ in written}
    default = _label_match(index, *written[0], subjects, spoken[written[0][0]])
    if _decisive(default) is not None:
        return default
    hits = [
        h
        for lang, text in written[1:]
        if (h := _label_match(index, lang, text, subjects, spoken[lang]))
    ]
    votes = Counter(h.category for h in hits if _decisive(h))
    needed = 2 if len(written) > 2 else 1
    agreed = (h for h in hits if _decisive(h) and votes[h.category] >= needed)
    return _longest(agreed) or default or _longest(h for h in hits if not _decisive(h))


def _label_match(
    index: _Index,
    lang: str,
    text: str,
    subjects: frozenset[str] = frozenset(),
    only: frozenset[str] | None = None,
) -> _Hit | None:
    hit = _match(index, _asked(index, text, lang), lang, False, subjects, only)
    return None if hit is None else _Hit(hit.phrase, text, hit.whole, hit.how, hit.span)


def _spoken_in(
    index: _Index, labels: tuple[tuple[str, str], ...], lang: str
) -> frozenset[str] | None:
    """The languages whose phrases may match one translation among several: the form
    names its language itself, so only that language's, and English unless the form
    gives an English translation too ("Comment avez-vous..." is no comment)."""
    if len(labels) < 2 or _primary(lang) not in index.languages:
        return None
    own = _primary(lang)
    english = own != "en" and any(_primary(other) == "en" for other, _ in labels)
    return frozenset((own,) if english else (own, "en"))


def _readable(
    index: _Index, labels: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    """The translations in languages formlint has a pack for, when there are any: a
    Kinyarwanda or Dari translation beside the English one only adds chance matches
    of other languages' short words."""
    known = tuple(
        (lang, text) for lang, text in labels if _primary(lang) in index.languages
    )
    return known or labels


@lru_cache(maxsize=65536)
def _subjects(index: _Index, labels: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """Categories a question names only by a weak word, its subject or possessor:
    "What does your household grow?" asks about crops. Translations and the key say
    the same thing, so their words for it are the subject too, however strong their
    own pack holds them ("Je kaya yako inalima...?", `hh_crops`). What the label in the
    default language (the first) names by a strong phrase is what it asks, not its
    subject: "How many persons are in this household?" asks the household."""
    found: set[str] = set()
    asked: set[str] = set()
    for position, (lang, text) in enumerate(labels):
        norm = normalise(_asked(index, text, lang)) if text else ""
        tokens = _TOKEN.findall(norm)
        only = _spoken_in(index, labels, lang)
        named = [m.phrase for m in _scanned(index, norm, lang, False, only)]
        strong = {p.category for p in named if not p.weak and not p.veto}
        if position == 0:
            asked = strong
        if not _is_short(tokens):
            found |= {p.category for p in named if p.weak and not p.veto} - strong
    return frozenset(found - asked)


@lru_cache(maxsize=65536)
def _asked(index: _Index, text: str, lang: str | None) -> str:
    """The text without the example that follows "e.g." or "for example", and without
    asides in brackets when words remain: "(for all purposes combined)",
    "(Observation):" say how to ask, not what."""
    folded = normalise(text)
    cut = len(folded)
    for code in _languages_of(index, lang):
        for marker in index.languages[code].example_markers:
            at = _find_word(folded, marker)
            if 0 < at < cut and _TOKEN.search(folded[:at]):
                cut = at
    asked = folded[:cut] if cut < len(folded) else text
    unbracketed = _BRACKETED.sub(" ", asked)
    return unbracketed if unbracketed != asked and _TOKEN.search(unbracketed) else asked


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _find_word(text: str, word: str) -> int:
    """Where `word` starts in `text` not inside another word ("ex." in "index."), or -1."""
    at = text.find(word)
    while at > 0 and text[at - 1].isalnum():
        at = text.find(word, at + 1)
    return at


def _key_hit(key: str, labels: Mapping[str, str], index: _Index) -> _Hit | None:
    """Match the leaf of a dotted key: `household.members.name` is a name. The groups
    before it are where the field sits, read like section titles (`_by_section`)."""
    langs = tuple(labels) or (None,)
    subjects = _subjects(index, _readable(index, tuple(labels.items())))
    return _match_key_text(_key_path(key)[-1], langs, index, subjects, _key_languages(index, langs))


def _key_languages(index: _Index, langs: tuple[str | None, ...]) -> frozenset[str] | None:
    """Developers write keys in English or in the form's own languages: a form with
    labels in languages formlint knows reads its keys in those and English only (Danish
    "land" is no address in `till_land`). Without such labels, any language's."""
    known = {_primary(lang) for lang in langs if lang and _primary(lang) in index.languages}
    return frozenset(known | {"en"}) if known else None


def _key_path(key: str) -> list[str]:
    return [s for s in _KEY_SEGMENTS.split(key) if s] or [key]


def _key_words(key: str) -> str:
    return _CAMEL.sub(" ", key)


@lru_cache(maxsize=65536)
def _match_key_text(
    text: str,
    langs: tuple[str | None, ...],
    index: _Index,
    subjects: frozenset[str],
    only: frozenset[str] | None = None,
) -> _Hit | None:
    # camelCase splits "dateOfBirth"; the unsplit form catches "weChatId" via the
    # concatenated phrase "wechatid"; a key of two words may name its thing first and
    # its kind second, as developers group keys ("phoneWork", "name_first").
    split = _key_words(text)
    hits = [
        _match(index, variant, lang, True, subjects, only)
        for variant in dict.fromkeys((split, text))
        for lang in langs
    ]
    hits += [  # only a phrase that is the whole key: "name project" is no name
        hit
        for variant in _grouped_first(split)
        for lang in langs
        if (hit := _match(index, variant, lang, True, subjects, only)) is not None and hit.whole
    ]
    found = _longest(h for h in hits if h is not None)
    if found is None or found.category == NONE:
        return _romanised_hit(index, split) or found
    return found


def _grouped_first(split: str) -> tuple[str, ...]:
    """"phone Work" read the other way round: "Work phone". Only two words: longer keys
    are phrases in their own order."""
    words = [t for t in _TOKEN.findall(normalise(split)) if not t.isdigit()]
    return (f"{words[1]} {words[0]}",) if len(words) == 2 else ()


def _romanised_hit(index: _Index, text: str) -> _Hit | None:
    """Keys written in pinyin: "xingming", "sfzh", "hesuan_result"."""
    tokens = _TOKEN.findall(normalise(text))
    found = []
    for i in range(len(tokens)):
        for n in (3, 2, 1):
            spelling = "".join(tokens[i : i + n])
            for phrase in index.romanised.get(spelling, ()):
                found.append(_Hit(phrase, text, False, "pinyin", len(spelling)))
    return _longest(found)


def _longest(hits: Iterable[_Hit]) -> _Hit | None:
    # min() keeps the first of equal hits, so the first label wins a tie.
    return min(hits, key=lambda h: (-h.span, h.phrase.rank), default=None)


def _context_hit(index: _Index, text: str, lang: str | None) -> _Hit | None:
    """A section title's phrase: weak phrases and `none` say nothing about a field."""
    hit = _match(index, text, lang, False)
    if hit is None or hit.phrase.weak or hit.category not in index.personal:
        return None
    return hit


@lru_cache(maxsize=65536)
def _match(
    index: _Index,
    text: str,
    lang: str | None,
    is_key: bool,
    subjects: frozenset[str] = frozenset(),
    only: frozenset[str] | None = None,
) -> _Hit | None:
    """The best phrase in `text`, of none of the `subjects` categories, and of the
    `only` languages when they are known. Forms repeat labels, hence the cache."""
    norm = normalise(text)
    tokens = _TOKEN.findall(norm)
    short = is_key or _is_short(tokens)
    found = _scanned(index, norm, lang, is_key, only)
    vetoed = {m.phrase.category for m in found if m.phrase.veto}
    candidates = [
        m
        for m in found
        if not m.phrase.veto
        and m.phrase.category not in vetoed
        and m.phrase.category not in subjects
        and (short or not m.phrase.weak)
    ]
    # `none` says a question is recognisably not personal: only when nothing personal
    # matched, or when the whole label is the phrase ("图形验证码", a captcha).
    compact = _compact(norm)
    if not any(m.phrase.category == NONE and m.phrase.compact == compact for m in found):
        # Weak words compete with `none` by length ("If other, please describe") and
        # with stems, but a strong phrase as written beats them ("NIK Ayah", "IBAN van partner").
        strong = [m for m in candidates if m.phrase.category != NONE and not m.phrase.weak]
        if strong:
            written = {m.phrase.category for m in strong if m.how == ""}
            candidates = [
                m for m in candidates
                if m.phrase.category != NONE
                and not (written and m.phrase.weak and m.phrase.category not in written)
            ]
    best = _best(candidates, only or _allowed_languages(index, lang), lang, only is not None)
    if best is None:
        return None
    whole = best.how == "" and _compact(norm) == best.phrase.compact
    return _Hit(best.phrase, text, whole, best.how, best.span)


def _is_short(tokens: list[str]) -> bool:
    """Four words or fewer; numbers are not words ("Children (6-18 yrs) Female")."""
    return sum(not t.isdigit() for t in tokens) <= SHORT_LABEL_TOKENS


def _all_hits(index: _Index, text: str, lang: str | None) -> Iterator[_Hit]:
    norm = normalise(text)
    tokens = _TOKEN.findall(norm)
    for m in _scan(index, norm, tokens, lang, lang is None):
        if not m.phrase.veto:
            yield _Hit(m.phrase, text, False, m.how, m.span)


def _best(
    candidates: list[_Match],
    allowed: frozenset[str] | None,
    lang: str | None,
    strict: bool = False,
) -> _Match | None:
    """The longest match; of equally long ones, the one matched as written, then one
    in the label's language or English, then the label's own language (a key's:
    English, the language most keys are written in). A label tagged with a language
    other than English was told apart by its reader (declared, or detected from the
    form's words): only its own pack and English speak it, so Finnish "asunto" is no
    flat in a Spanish label. English is what readers fall back on when the words do
    not say, so in an English label other languages still match, except their
    two-letter words ("hp", "wa"), too easily someone else's."""
    preferred = _primary(lang) if lang else "en"
    lenient = not strict and (allowed is None or preferred == "en")
    foreign = FOREIGN_WORD if lenient else 10**9
    spoken = (
        m for m in candidates if _speaks(m.phrase, allowed) or m.phrase.length >= foreign
    )
    return min(
        spoken,
        key=lambda m: (
            -m.span,
            m.how != "",
            not _speaks(m.phrase, allowed),
            m.phrase.lang != preferred,
            m.phrase.rank,
        ),
        default=None,
    )


def _primary(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].casefold()


def _allowed_languages(index: _Index, lang: str | None) -> frozenset[str] | None:
    """A label in a known language prefers its own and English Latin phrases, so a
    French homograph beats a Spanish one in a French label."""
    if lang is None:
        return None
    primary = _primary(lang)
    return frozenset((primary, "en")) if primary in index.languages else None


def _stem_languages(
    index: _Index, lang: str | None, codes: tuple[str, ...], is_key: bool
) -> tuple[str, ...]:
    """A label in a known language other than English is stemmed in that language only:
    English words in it match as written ("IBAN", "e-mail"), but an English stem of a
    Dutch word is a false friend (Dutch "partner" is no English "partners"). Keys may be
    English whatever the form's language."""
    primary = _primary(lang) if lang else ""
    if is_key or primary == "en" or primary not in index.languages:
        return codes
    return tuple(code for code in codes if code != "en")


def _languages_of(index: _Index, lang: str | None) -> tuple[str, ...]:
    """The packs to stem and split a text with: its own language's, and English."""
    primary = _primary(lang) if lang else ""
    own: tuple[str, ...] = (primary,) if primary in index.languages and primary != "en" else ()
    return (*own, "en") if "en" in index.languages else own


def _speaks(phrase: _Phrase, allowed: frozenset[str] | None) -> bool:
    # CJK phrases identify their script themselves, whatever the label's language tag.
    return allowed is None or phrase.cjk or phrase.lang in allowed


@lru_cache(maxsize=65536)
def _scanned(
    index: _Index, norm: str, lang: str | None, is_key: bool, only: frozenset[str] | None
) -> tuple[_Match, ...]:
    """Every phrase in a normalised text, once per text: the label's match and its
    subjects read the same scan."""
    return tuple(_scan(index, norm, _TOKEN.findall(norm), lang, is_key, only))


def _scan(
    index: _Index,
    norm: str,
    tokens: list[str],
    lang: str | None,
    is_key: bool,
    only: frozenset[str] | None = None,
) -> Iterator[_Match]:
    for i, token in enumerate(tokens):
        if token in index.latin_starts:
            for n in range(1, min(index.latin_max, len(tokens) - i) + 1):
                for phrase in index.latin.get(tuple(tokens[i : i + n]), ()):
                    yield _Match(phrase, "", phrase.length)
    codes = _languages_of(index, lang)
    if only is not None:
        codes = tuple(c for c in codes if c in only)
    yield from _scan_stems(index, tokens, _stem_languages(index, lang, codes, is_key))
    if is_key and lang is None:
        codes = tuple(index.languages)  # a key alone: any compound language may split it
    yield from _scan_compounds(index, tokens, codes)
    if _CJK.search(norm) is None:
        return
    compact = _compact(norm)
    breaks = _word_ends(norm)
    own = index.languages.get(_primary(lang)) if lang else None
    for i, char in enumerate(compact):
        if char in index.cjk_starts:
            for n in range(1, min(index.cjk_max, len(compact) - i) + 1):
                for phrase in index.cjk.get(compact[i : i + n], ()):
                    if _ends_a_word(index, phrase, own, compact, i + n, breaks):
                        yield _Match(phrase, "", phrase.length)


def _word_ends(norm: str) -> frozenset[int]:
    """Positions in the compact text where the written text had a space or punctuation."""
    ends, position = set(), 0
    for word in _WORD.findall(norm):
        position += len(word)
        ends.add(position)
    return frozenset(ends)


def _ends_a_word(
    index: _Index,
    phrase: _Phrase,
    own: _Language | None,
    compact: str,
    end: int,
    breaks: frozenset[int],
) -> bool:
    """Chinese puts the head of a compound last: in 社区活动 (community activities) the
    community only says which activities. In a text whose language (`own`), or else whose
    phrase's language, has `phrase_followers`, a phrase shorter than `WHOLE_CJK_PHRASE`
    names what is asked where a space,
    punctuation, another script, one of those followers (社区名称, 血型是) or another
    lexicon phrase (身高体重) comes after it."""
    language = own if own is not None and own.followers else index.languages.get(phrase.lang)
    if language is None or not language.followers or end >= len(compact) or end in breaks:
        return True
    if phrase.length >= WHOLE_CJK_PHRASE:  # 我已阅读并同意 (上述内容): a whole expression
        return True
    if not _HAN.match(compact[end]) or compact.startswith(language.followers, end):
        return True
    longest = min(index.cjk_max, len(compact) - end)
    return any(compact[end : end + n] in index.cjk for n in range(1, longest + 1))


def _scan_stems(
    index: _Index, tokens: list[str], codes: tuple[str, ...]
) -> Iterator[_Match]:
    for code in codes:
        language = index.languages[code]
        table = index.stemmed.get(code)
        if language.stem is None or not table:
            continue
        # A short stem ("mes" of "mesa") says too little to match on.
        stems = [_stem_or_word(language.stem, t) for t in tokens]
        for i in range(len(stems)):
            for n in range(1, min(index.latin_max, len(stems) - i) + 1):
                matched = table.get(tuple(stems[i : i + n]), ())
                span = len(" ".join(tokens[i : i + n])) if matched else 0
                for phrase in matched:
                    if _inflected(tokens[i : i + n], phrase, language.inflections):
                        yield _Match(phrase, "stem", span)


def _inflected(words: list[str], phrase: _Phrase, endings: frozenset[str]) -> bool:
    """Whether `words` are the phrase's words but for inflections: "vaccinations" is a
    "vaccination", while "municipal" (of "municipality") and "local" (of "locality")
    share a stem but name something else. Languages without `inflections` accept any
    shared stem."""
    if not endings:
        return True
    return all(
        _one_inflection(word, lexicon_word, endings)
        for word, lexicon_word in zip(words, _phrase_words(phrase))
    )


def _one_inflection(word: str, lexicon_word: str, endings: frozenset[str]) -> bool:
    common = 0
    for a, b in zip(word, lexicon_word):
        if a != b:
            break
        common += 1
    rests = (word[common:], lexicon_word[common:])
    return all(rest == "" or rest in endings for rest in rests)


@lru_cache(maxsize=None)
def _phrase_words(phrase: _Phrase) -> tuple[str, ...]:
    return _tokens(normalise(phrase.text))


def _scan_compounds(
    index: _Index, tokens: list[str], codes: tuple[str, ...]
) -> Iterator[_Match]:
    """A compound names what its last part names: "woonadres" is an "adres"."""
    for code in codes:
        language = index.languages[code]
        words = index.words.get(code)
        if not language.compounds or not words:
            continue
        for token in tokens:
            for start in range(COMPOUND_PART, len(token) - COMPOUND_WORD + 1):
                tail = token[start:]
                phrases = words.get(tail)
                if phrases:
                    for phrase in phrases:
                        yield _Match(phrase, "compound", len(tail))
                    break


def _option_hint(index: _Index, option: str, lang: str | None) -> bool:
    """Whether a choice names anything personal, even weakly ("Spouse", "Head")."""
    norm = " ".join(normalise(option).split())
    if norm in index.option_phrases:
        return True
    hit = _match(index, option, lang, False)
    return hit is not None and hit.category in index.personal


def _option_category(index: _Index, option: str, lang: str | None) -> str | None:
    norm = " ".join(normalise(option).split())
    phrases = index.option_phrases.get(norm)
    if phrases:
        return phrases[0].category
    hit = _match(index, option, lang, False)
    if hit is None or hit.phrase.weak or hit.category == NONE or not hit.whole:
        return None
    return hit.category


def _unit_in(index: _Index, text: str, lang: str | None) -> str | None:
    tokens: list[str] = _TOKEN.findall(normalise(text))
    for code in _languages_of(index, lang):
        units = index.languages[code].units
        for token in tokens:
            if token in units:
                return token
    return None


# -------------------------------------------------------------------- normalising


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """NFKC (full-width ＩＤ -> ID), casefold, strip accents from Latin letters and
    fold the Latin letters that have none (ø -> o, æ -> ae)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():
        return folded
    folded = folded.translate(_LATIN_FOLD)
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
    languages = {pack.code: _language(pack) for pack in taxonomy.packs}
    latin, cjk = _phrase_tables(phrases)
    by_language: dict[str, list[_Phrase]] = {}
    for p in phrases:
        if not p.cjk and p.lang in languages:
            by_language.setdefault(p.lang, []).append(p)
    return _Index(
        latin=latin,
        stemmed=_PerLanguage(by_language, partial(_stem_table, languages)),
        words=_PerLanguage(by_language, partial(_word_table, languages)),
        cjk=cjk,
        romanised=_romanised_table(taxonomy),
        latin_starts=frozenset(k[0] for k in latin),
        cjk_starts=frozenset(k[0] for k in cjk),
        latin_max=max((len(k) for k in latin), default=0),
        cjk_max=max((len(k) for k in cjk), default=0),
        autocomplete={t: c.id for c in taxonomy for t in c.autocomplete},
        types={t: c.id for c in taxonomy for t in c.types},
        decisive_types={t: c.id for c in taxonomy for t in c.decisive_types},
        option_phrases=_option_table(taxonomy),
        languages=languages,
        personal=frozenset(c.id for c in taxonomy if c.personal),
        follow_ups=_token_phrases(p for pack in taxonomy.packs for p in pack.follow_ups),
        check_openings=_longest_first(_token_phrases(p for pack in taxonomy.packs for p in pack.check_openings)),
        check_closings=_longest_first(_token_phrases(p for pack in taxonomy.packs for p in pack.check_closings)),
        enclosures=_longest_first(_token_phrases(p for pack in taxonomy.packs for p in pack.enclosures)),
        yes_no=frozenset(_compact(normalise(w)) for pack in taxonomy.packs for w in pack.yes_no),
        written=frozenset(c.id for c in taxonomy if c.answer in ("written", "text")),
        texts=frozenset(c.id for c in taxonomy if c.answer == "text"),
        values=frozenset(c.id for c in taxonomy if c.answer == "value"),
        non_answers=frozenset(_words_of(p) for pack in taxonomy.packs for p in pack.non_answers) - {()},
    )


def _token_phrases(phrases: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_TOKEN.findall(normalise(p))) for p in phrases) - {()}


def _longest_first(phrases: frozenset[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """A fixed order to try phrases in: a set's order changes with the hash seed."""
    return tuple(sorted(phrases, key=lambda phrase: (-len(phrase), phrase)))


def _language(pack: Any) -> _Language:
    return _Language(
        stem=_stemmer(pack.stemmer) if pack.stemmer else None,
        compounds=pack.compounds,
        units=frozenset(normalise(u) for u in pack.units),
        example_markers=tuple(normalise(m) for m in pack.example_markers),
        inflections=frozenset(normalise(e) for e in pack.inflections),
        followers=tuple(normalise(f) for f in pack.phrase_followers),
    )


def _stem_or_word(stem: Callable[[str], str], word: str) -> str:
    stemmed = stem(word)
    return stemmed if len(stemmed) >= MIN_STEM else word


def _stemmer(algorithm: str) -> Callable[[str], str]:
    import snowballstemmer  # type: ignore[import-untyped,unused-ignore]

    stemmer = snowballstemmer.stemmer(algorithm)
    stem: Callable[[str], str] = lru_cache(maxsize=65536)(stemmer.stemWord)
    return stem


def _phrases_of(category: Category, rank: int) -> Iterator[_Phrase]:
    tables = (
        (False, False, category.terms),
        (True, False, category.not_terms),
        (False, True, category.weak_terms),
    )
    for veto, weak, table in tables:
        for lang, texts in table.items():
            for text in texts:
                yield _phrase(category.id, text, lang, rank, veto, weak)


def _phrase(
    category: str, text: str, lang: str, rank: int, veto: bool, weak: bool = False
) -> _Phrase:
    norm = normalise(text)
    cjk = _CJK.search(norm) is not None
    compact = _compact(norm)
    length = len(compact) if cjk else len(" ".join(_tokens(norm)))
    return _Phrase(category, text, lang, length, rank, compact, cjk, veto, weak)


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
        for spelling in _spellings(p.text):
            tokens = _tokens(spelling)
            latin.setdefault(tokens, []).append(p)
            if len(tokens) > 1:
                # Keys are often written without separators: "dateofbirth", "wechatid".
                joined.setdefault(("".join(tokens),), []).append(p)
    for tokens, extra in joined.items():
        latin.setdefault(tokens, extra)
    return _freeze(latin), _freeze(cjk)


def _spellings(text: str) -> tuple[str, ...]:
    """A phrase as written, and with umlauts spelled out as keys write them."""
    folded = unicodedata.normalize("NFC", text).casefold()
    if "ä" in folded or "ö" in folded or "ü" in folded:  # translate() is slow to do nothing
        folded = folded.translate(_UMLAUT_SPELLING)
    return tuple(dict.fromkeys((normalise(text), normalise(folded))))


@lru_cache(maxsize=None)
def _tokens(norm: str) -> tuple[str, ...]:
    """The words of a normalised lexicon phrase, found once for the tables that use them."""
    return tuple(_TOKEN.findall(norm))


def _stem_table(
    languages: Mapping[str, _Language], phrases: list[_Phrase]
) -> dict[tuple[str, ...], tuple[_Phrase, ...]] | None:
    """The Latin phrases of one language (`phrases`) by their words' stems."""
    stem = languages[phrases[0].lang].stem if phrases else None
    if stem is None:
        return None
    table: dict[tuple[str, ...], list[_Phrase]] = {}
    for p in phrases:
        table.setdefault(tuple(_stem_or_word(stem, t) for t in _phrase_words(p)), []).append(p)
    return _freeze(table)


def _word_table(
    languages: Mapping[str, _Language], phrases: list[_Phrase]
) -> dict[str, tuple[_Phrase, ...]] | None:
    """One-word phrases of a compounding language, long enough to end a compound."""
    if not phrases or not languages[phrases[0].lang].compounds:
        return None
    table: dict[str, list[_Phrase]] = {}
    for p in phrases:
        tokens = _phrase_words(p)
        if not p.veto and len(tokens) == 1 and len(tokens[0]) >= COMPOUND_WORD:
            table.setdefault(tokens[0], []).append(p)
    return _freeze(table)


def _romanised_table(taxonomy: Taxonomy) -> dict[str, tuple[_Phrase, ...]]:
    table: dict[str, list[_Phrase]] = {}
    rank = {c.id: i for i, c in enumerate(taxonomy)}
    for pack in taxonomy.packs:
        for spelling, (category, source) in pack.romanised.items():
            if category in rank:
                phrase = _phrase(category, source, pack.code, rank[category], False)
                table.setdefault(spelling, []).append(phrase)
    return _freeze(table)


def _option_table(taxonomy: Taxonomy) -> dict[str, tuple[_Phrase, ...]]:
    table: dict[str, list[_Phrase]] = {}
    for rank, category in enumerate(taxonomy):
        for lang, texts in category.option_terms.items():
            for text in texts:
                norm = " ".join(normalise(text).split())
                table.setdefault(norm, []).append(
                    _phrase(category.id, text, lang, rank, False)
                )
    return _freeze(table)


def _freeze(table: Mapping[_K, list[_Phrase]]) -> dict[_K, tuple[_Phrase, ...]]:
    return {k: tuple(v) for k, v in table.items()}
