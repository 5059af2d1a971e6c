"""Facts about what a form's notice tells respondents.

The notice rules need four things from free text: how long answers are kept, why they
are collected, who collects them, and who else receives them. PIPL Art. 17, GDPR
Art. 13 and CCPA 1798.100(a)(3) all require these at or before collection, so the
analysis errs towards "not found": a missing fact becomes a finding a human can check,
while a wrongly found fact hides one.

Retention is graded like the OPP-115 corpus: a stated period, stated criteria, a vague
"as long as necessary", indefinite, or unspecified. Decisions:

* Units: a week is 7 days, a month 30, a year 365, half a year (半年) 182, half a month
  (半个月) 15; hours round up to whole days (48 hours -> 2, 5 hours -> 1).
* A number counts only in a sentence that also has a retention word (keep, store,
  delete, 保存, 删除, 銷毀, conservar, supprimer, löschen ...), and not when it looks back
  in time ("in the past 14 days", "近14天", "14-day travel history", "14天内行程", "en los
  últimos 14 días", "in den letzten 14 Tagen") or is a date or an age.
* Several periods: the longest is reported, since it bounds what respondents agreed to.
* Precedence: period > indefinite > vague > criteria. A definite period wins over vague
  wording in the same notice (vague False); "indefinitely" grades as indefinite.
* Structured items win over the text: `Notice.retention` is read as a retention
  statement in its own right (no retention word needed); if nothing in it is
  recognised it still counts as explicit criteria. An empty or blank `retention` is
  treated as not given. `Notice.recipients` is used as is whenever it is not None.
* Languages: the words and patterns are data in each language pack's `notice.yaml`
  (`formlint.languages.notice` joins them into one pattern per concept, compiled on first
  use), so one notice may mix languages. Periods in English and Chinese numerals are
  parsed here.
  "supprimées définitivement" and "dauerhaft gelöscht" delete for good; they are not
  indefinite storage, like "permanently delete".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from formlint.languages import notice as langs
from formlint.languages.notice import pattern
from formlint.model import Notice, NoticeFacts, RetentionFact


@dataclass(frozen=True)
class _Hit:
    kind: str
    evidence: str
    days: int | None = None


_NOT_FOUND = RetentionFact(False, None, False, None, "", "")

_DAYS_PER_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365}
# Half a year is 182 days rather than 182.5 so that `days` stays a whole number.
_HALF_UNIT_DAYS = {"year": 182, "month": 15}

_EN_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_NUMBER_WORDS = (
    {word: value for value, word in enumerate(_EN_ONES)}
    | {word: 10 * (index + 2) for index, word in enumerate(_EN_TENS_WORDS)}
    | {"a": 1, "an": 1}
)
_ZH_DIGITS = dict(zip("〇零一二两兩三四五六七八九", (0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9)))
_ZH_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}
_ZH_MYRIAD = "万萬"

# Sentences end at . ! ? followed by space (so emails and decimals stay whole) and at
# Chinese full stops, semicolons and line breaks.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|[。；;！？!?\n\r]+")

_EN_SMALL = "|".join(_EN_ONES[1:])
_EN_TENS = "|".join(_EN_TENS_WORDS)
_WORD_SEPARATOR = re.compile(r"[\s-]+")
_EN_UNDER_HUNDRED = rf"(?:(?:{_EN_TENS})(?:[\s-](?:{_EN_SMALL}))?|(?:{_EN_SMALL}))"
_EN_NUMBER = (
    rf"(?:\d+(?:,\d{{3}})*|(?:(?:{_EN_SMALL})|an?)\s+hundred"
    rf"(?:\s+(?:and\s+)?{_EN_UNDER_HUNDRED})?|{_EN_UNDER_HUNDRED}|an?)"
)


@lru_cache(maxsize=1)
def _en_duration() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:(?P<half>half)\s+(?:an?\s+)?|(?P<num>{_EN_NUMBER})"
        r"(?:[\s-]+(?:calendar|working|business))?[\s-]+)"
        r"(?P<unit>day|week|month|year|hour)s?\b",
        re.IGNORECASE,
    )


# A number starts where its run of digits starts: without the look-behinds a long run
# with no unit after it is tried from every position (quadratic).
# 月 only counts as a unit with a measure word (个月): "6月" is June. 年 followed by a
# month is a date ("2022年3月"), and 周 before 岁 is an age ("18周岁").
@lru_cache(maxsize=1)
def _zh_duration() -> re.Pattern[str]:
    return re.compile(
        r"(?P<half>(?<![上下前后後])半)(?P<hunit>年|[个個]月)"
        r"|(?P<num>(?<![0-9０-９])[0-9０-９]+|(?<![〇零一二两兩三四五六七八九十百千万萬])[〇零一二两兩三四五六七八九十百千万萬]+)\s*"
        r"(?P<unit>[个個]?(?:工作日|自然日)|天|日|[周週](?![岁歲])|[个個]?(?:星期|礼拜|禮拜)"
        r"|[个個]多?月|年(?!\s*[0-9０-９〇零一二三四五六七八九十]+\s*月)|小时|小時)"
    )


def analyse_notice(notice: Notice) -> NoticeFacts:
    """Everything the notice rules need, structured items winning over the text."""
    text, recipients = notice.text or "", notice.recipients
    shared = tuple(recipients) if recipients is not None else None
    if len(text) + len(notice.retention or "") <= _REMEMBERED_NOTICE:
        return _remembered(text, notice.retention, shared)
    return _analysed(text, notice.retention, shared)


# The forms of one organisation share their notice, so each distinct ordinary-sized
# notice is read once; a long one is read each time rather than kept.
_REMEMBERED_NOTICE = 4_000


@lru_cache(maxsize=1024)
def _remembered(text: str, retention: str | None, recipients: tuple[str, ...] | None) -> NoticeFacts:
    return _analysed(text, retention, recipients)


@lru_cache(maxsize=1)
def _placeholders() -> re.Pattern[str]:
    """The `[[TO FILL IN: …]]` / `【待填写：…】` marks `formlint notice` leaves (in every
    language of the catalogs) with the start of their clause: a placeholder names what
    is missing, so "收集者：【待填写：…】" states no collector."""
    from formlint.i18n import LANGUAGES, t

    marks = {tuple(t("draft.placeholder", lang, what="\0").split("\0")) for lang in LANGUAGES}
    alternatives = "|".join(f"{re.escape(start)}.*?{re.escape(end)}" for start, end in sorted(marks))
    return re.compile(rf"[^.。；;!?！？\n]*(?:{alternatives})", re.S)


# What a blank notice text says: nothing, so a form without one compiles no pattern.
_SILENT = NoticeFacts(_NOT_FOUND, None, None, None, False, None, None, None)


def _analysed(text: str, retention: str | None, recipients: tuple[str, ...] | None) -> NoticeFacts:
    if text.strip():
        text = _placeholders().sub(" ", text)
    if not text.strip():
        given = tuple(recipients) if recipients is not None else None
        return replace(_SILENT, retention=_retention(text, retention), recipients=given)
    return NoticeFacts(
        retention=_retention(text, retention),
        purpose=_purpose(text),
        controller=_controller(text),
        recipients=tuple(recipients) if recipients is not None else _recipients(text),
        no_other_use=bool(pattern("other_use_denied").search(text) or pattern("only_use").search(text)),
        rights=_first(pattern("rights"), text),
        separate_consent=separate_consent(text),
        publication=_publication(text),
    )


def _first(found: re.Pattern[str], text: str) -> str | None:
    match = found.search(text)
    return match.group(0).strip() if match else None


def separate_consent(text: str) -> str | None:
    """A statement of separate or explicit consent (PIPL Art. 29, GDPR Art. 9(2)(a))."""
    return _first(pattern("separate_consent"), text)


def _publication(text: str) -> str | None:
    """The first statement that answers will be published, skipping denials."""
    for match in pattern("publication").finditer(text):
        if not pattern("publication_denied").search(text[max(0, match.start() - 20): match.start()]):
            return match.group(0).strip()
    return None


def parse_retention(text: str, *, assume_context: bool = False) -> RetentionFact:
    """Grade what `text` says about retention.

    With `assume_context` every sentence is read as a retention statement, which is
    how the structured `retention` item is read; otherwise a sentence must contain a
    retention word, so "your 14-day travel history" is not a period.
    """
    hits = [
        hit
        for sentence in _sentences(text)
        if assume_context or pattern("retention_context").search(sentence)
        for hit in _sentence_hits(sentence)
    ]
    return _grade(hits, "text")


def _retention(text: str, retention: str | None) -> RetentionFact:
    declared = (retention or "").strip()
    if not declared:
        return parse_retention(text)
    fact = parse_retention(declared, assume_context=True)
    if not fact.found:
        # The author filled in the retention item, so it is an explicit statement even
        # when we cannot read it; GDPR Art. 13(2)(a) accepts criteria.
        fact = RetentionFact(True, None, False, "criteria", declared, "")
    return replace(fact, source="structured")


def _sentences(text: str) -> Iterator[str]:
    return (part for part in _SENTENCE_BREAK.split(text) if part.strip())


def _sentence_hits(sentence: str) -> Iterator[_Hit]:
    yield from _periods(sentence)
    cleaned = pattern("not_indefinite").sub(" ", sentence)
    yield from (_Hit("indefinite", m.group(0).strip()) for m in pattern("indefinite").finditer(cleaned))
    yield from (_Hit("vague", m.group(0).strip()) for m in pattern("vague").finditer(cleaned))
    yield from (_Hit("criteria", m.group(0).strip()) for m in pattern("criteria").finditer(sentence))


def _grade(hits: list[_Hit], source: str) -> RetentionFact:
    periods = [hit for hit in hits if hit.kind == "period"]
    if periods:
        longest = max(periods, key=lambda hit: hit.days or 0)
        return RetentionFact(True, longest.days, False, "period", longest.evidence, source)
    for kind in ("indefinite", "vague", "criteria"):
        match = next((hit for hit in hits if hit.kind == kind), None)
        if match is not None:
            return RetentionFact(True, None, kind != "criteria", kind, match.evidence, source)
    return _NOT_FOUND


def _periods(sentence: str) -> Iterator[_Hit]:
    readers = (
        (_en_duration().finditer, _en_days),
        (_zh_duration().finditer, _zh_days),
        (langs.durations, _langs_days),
    )
    for find, to_days in readers:
        for match in find(sentence):
            days = to_days(match)
            if days is not None and not _looks_elsewhere(sentence, match):
                yield _Hit("period", match.group(0).strip(), days)


def _looks_elsewhere(sentence: str, match: re.Match[str]) -> bool:
    """True for look-backs, dates and ages: durations that are not a retention period."""
    before = sentence[max(0, match.start() - 30) : match.start()]
    after = sentence[match.end() : match.end() + 30]
    return bool(pattern("not_retention_before").search(before) or pattern("not_retention_after").match(after))


def _en_days(match: re.Match[str]) -> int | None:
    unit = match["unit"].lower()
    if match["half"]:
        return _HALF_UNIT_DAYS.get(unit)
    return _to_days(_en_number(match["num"]), unit)


def _langs_days(match: re.Match[str]) -> int | None:
    unit = next(unit for unit in langs.UNITS if match[unit])
    if match["half"]:
        return _HALF_UNIT_DAYS.get(unit)
    return _to_days(langs.number(match["num"]), unit)


def _zh_days(match: re.Match[str]) -> int | None:
    if match["half"]:
        return _HALF_UNIT_DAYS["year" if match["hunit"] == "年" else "month"]
    unit = _zh_unit(match["unit"])
    number = _zh_number(match["num"])
    if unit == "year" and number >= 1000:  # "2022年" is a year, not 2022 years
        return None
    return _to_days(number, unit)


def _zh_unit(unit: str) -> str:
    if "月" in unit:
        return "month"
    if unit == "年":
        return "year"
    if unit.startswith("小"):
        return "hour"
    if unit[-1] in "周週期拜":
        return "week"
    return "day"


def _to_days(number: int, unit: str) -> int:
    if unit == "hour":
        return max(1, math.ceil(number / 24))
    return number * _DAYS_PER_UNIT[unit]


def _en_number(text: str) -> int:
    """Parse "21", "1,000", "twenty-one", "a hundred and eighty" or "a"."""
    if text[0].isdigit():
        return langs.whole_number(text.replace(",", ""))
    value = 0
    for word in _WORD_SEPARATOR.split(text.lower()):
        if word == "hundred":
            value = min((value or 1) * 100, langs.HUGE_NUMBER)
        else:
            value += _EN_NUMBER_WORDS.get(word, 0)
    return value


def _zh_number(text: str) -> int:
    """Parse Chinese numerals up to 99,999,999 ("二十一", "一百零五", "两千"), or digits."""
    if text.isdigit():
        return langs.whole_number(text)
    if not any(char in _ZH_MULTIPLIERS or char in _ZH_MYRIAD for char in text):
        return langs.whole_number("".join(str(_ZH_DIGITS[char]) for char in text))  # "二〇二二"
    total = section = digit = 0
    for char in text:
        if char in _ZH_DIGITS:
            digit = _ZH_DIGITS[char]
        elif char in _ZH_MULTIPLIERS:
            section += (digit or 1) * _ZH_MULTIPLIERS[char]
            digit = 0
        else:
            total += (section + digit) * 10_000
            section = digit = 0
    return total + section + digit


def _purpose(text: str) -> str | None:
    """The first purpose statement (GDPR Art. 13(1)(c), PIPL Art. 17)."""
    match = pattern("purpose").search(pattern("other_use_denied").sub(" ", text))
    return match.group(0).strip() if match else None


def _controller(text: str) -> str | None:
    """The first controller name or contact (GDPR Art. 13(1)(a)-(b), PIPL Art. 17)."""
    match = pattern("controller").search(text)
    return match.group(0).strip() if match else None


def _recipients(text: str) -> tuple[str, ...] | None:
    """Named recipients, () when the notice denies sharing, None when silent.

    PIPL Art. 23 and GDPR Art. 13(1)(e) need the recipient named, so a named
    recipient wins over a general denial ("not shared except with the CDC").
    """
    named: list[str] = []
    denied = False
    for sentence in _sentences(text):
        sentence_denies = bool(pattern("no_recipients").search(sentence))
        denied = denied or sentence_denies
        named.extend(_named_recipients(sentence, sentence_denies))
    if named:
        return tuple(dict.fromkeys(named))
    return () if denied else None


def _named_recipients(sentence: str, denies: bool) -> Iterator[str]:
    for named, negation in langs.recipient_patterns():
        for match in named.finditer(sentence):
            before = sentence[max(0, match.start() - 25) : match.start()]
            if not negation.search(before):
                yield from _clean_recipients(match["who"])
    if denies:
        for match in pattern("except_recipient").finditer(sentence):
            yield from _clean_recipients(next(who for who in match.groupdict().values() if who is not None))


def _clean_recipients(phrase: str) -> Iterable[str]:
    trimmed = pattern("recipient_stop").sub("", phrase)
    parts = (part.strip() for part in pattern("recipient_separator").split(trimmed))
    return [part for part in parts if part and not pattern("not_a_recipient").search(part)]
