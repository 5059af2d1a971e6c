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
* Languages: English and Chinese here; Spanish, Portuguese, French and German come from
  `formlint.notice_langs`, appended to each pattern so one notice may mix languages.
  "supprimées définitivement" and "dauerhaft gelöscht" delete for good; they are not
  indefinite storage, like "permanently delete".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from formlint import notice_langs as langs
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

_RETENTION_CONTEXT = re.compile(
    r"\b(?:keep|keeps|kept|keeping|retain\w*|retention|stor(?:e|es|ed|ing|age)"
    r"|hold|holds|held|holding|delet\w*|destroy\w*|destruction|eras(?:e|es|ed|ing|ure)"
    r"|dispos\w*|purg(?:e|es|ed|ing))\b"
    r"|保存|保留|存储|存儲|储存|儲存|留存|删除|刪除|销毁|銷毀|存放|保管|清除"
    rf"|{langs.RETENTION_CONTEXT}",
    re.IGNORECASE,
)

_EN_SMALL = "|".join(_EN_ONES[1:])
_EN_TENS = "|".join(_EN_TENS_WORDS)
_WORD_SEPARATOR = re.compile(r"[\s-]+")
_EN_UNDER_HUNDRED = rf"(?:(?:{_EN_TENS})(?:[\s-](?:{_EN_SMALL}))?|(?:{_EN_SMALL}))"
_EN_NUMBER = (
    rf"(?:\d+(?:,\d{{3}})*|(?:(?:{_EN_SMALL})|an?)\s+hundred"
    rf"(?:\s+(?:and\s+)?{_EN_UNDER_HUNDRED})?|{_EN_UNDER_HUNDRED}|an?)"
)
_EN_DURATION = re.compile(
    rf"\b(?:(?P<half>half)\s+(?:an?\s+)?|(?P<num>{_EN_NUMBER})"
    r"(?:[\s-]+(?:calendar|working|business))?[\s-]+)"
    r"(?P<unit>day|week|month|year|hour)s?\b",
    re.IGNORECASE,
)
# A number starts where its run of digits starts: without the look-behinds a long run
# with no unit after it is tried from every position (quadratic).
# 月 only counts as a unit with a measure word (个月): "6月" is June. 年 followed by a
# month is a date ("2022年3月"), and 周 before 岁 is an age ("18周岁").
_ZH_DURATION = re.compile(
    r"(?P<half>(?<![上下前后後])半)(?P<hunit>年|[个個]月)"
    r"|(?P<num>(?<![0-9０-９])[0-9０-９]+|(?<![〇零一二两兩三四五六七八九十百千万萬])[〇零一二两兩三四五六七八九十百千万萬]+)\s*"
    r"(?P<unit>[个個]?(?:工作日|自然日)|天|日|[周週](?![岁歲])|[个個]?(?:星期|礼拜|禮拜)"
    r"|[个個]多?月|年(?!\s*[0-9０-９〇零一二三四五六七八九十]+\s*月)|小时|小時)"
)
# A duration that looks back in time or measures something else is not retention.
_NOT_RETENTION_BEFORE = re.compile(
    r"(?:\b(?:past|last|previous|preceding|prior|recent|aged?"
    r"|quarantined?|isolat\w*)\s+(?:for\s+)?(?:the\s+)?"
    r"|近|最近|过去|過去|前|月|隔离|隔離|观察|觀察|监测|監測|满|滿)\s*$"
    rf"|{langs.NOT_RETENTION_BEFORE}",
    re.IGNORECASE,
)
_NOT_RETENTION_AFTER = re.compile(
    r"(?:[\s-]*(?:travel|trip|history|quarantine|isolation|self-isolation|incubation"
    r"|itinerary|observation|monitoring|old|of\s+age|ago)\b"
    r"|\s+(?:of|after|before|since|from|prior\s+to)\s+(?:(?:the|your|any|first)\s+)*"
    r"(?:onset|symptoms?|exposure|contact|travel|fever|illness|infection|diagnosis)\b"
    r"|(?:内|內|以内|以內|之内|之內)?的?(?:行程|旅居|旅行|接触|接觸|去过|去過|到过|到過"
    r"|是否|有无|有無|有没有|轨迹|軌跡|活动|活動|出行|居住|症状|症狀|体温|體溫|健康|核酸"
    r"|隔离|隔離|外出|往来|往來|来往|來往)|前|以前|之前)"
    rf"|{langs.NOT_RETENTION_AFTER}",
    re.IGNORECASE,
)

# Words that contain an indefinite marker without promising indefinite storage.
_NOT_INDEFINITE = re.compile(
    r"永久(?:居民|居留|居住|住址|地址|删除|刪除|销毁|銷毀)|[长長]期(?:居住|居民|病|服药|服藥)"
    r"|\bpermanently\s+(?:delet|eras|destroy|remov)\w*|\b(?:delet|eras|destroy|remov)\w*"
    r"\s+permanently\b"
    rf"|{langs.NOT_INDEFINITE}",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(
    r"\b(?:permanently|forever|in\s+perpetuity|perpetual(?:ly)?|indefinitely"
    r"|for\s+an\s+indefinite\s+period)\b"
    r"|(?:永久|[长長]期|无限期|無限期)(?:保存|保留|存储|存儲|储存|儲存|留存|保管)?"
    rf"|{langs.INDEFINITE}",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:(?:for\s+)?as\s+long\s+as\s+(?:(?:is|it\s+is|they\s+are|reasonably|strictly)\s+)*"
    r"(?:necessary|needed|required)|for\s+as\s+long\s+as"
    r"|until\s+(?:it\s+is\s+|they\s+are\s+)?no\s+longer\s+(?:necessary|needed|required)"
    r"|(?:until|after|at|by)\s+the\s+end\s+of\s+the\s+(?:[\w-]+\s+)?"
    r"(?:epidemic|pandemic|outbreak|emergency)"
    r"|(?:until|after|once|when)\s+the\s+(?:[\w-]+\s+)?(?:epidemic|pandemic|outbreak|emergency)"
    r"(?:\s+(?:ends|is\s+over|has\s+ended|has\s+passed|subsides))?"
    r"|for\s+a\s+(?:certain\s+|limited\s+|reasonable\s+)?(?:period\s+of\s+time|time)"
    r"|for\s+some\s+time)\b"
    r"|疫情(?:防控)?(?:工作)?(?:结束|結束|过后|過後|解除|平息)(?:后|後|之后|之後)?"
    r"(?:销毁|銷毀|删除|刪除)?"
    r"|一段(?:时间|時間)|(?:必要|所需|所必需|所必要)(?:的)?(?:最短)?(?:期限|期间|期間|时间|時間)"
    rf"|{langs.VAGUE}",
    re.IGNORECASE,
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_CRITERIA = re.compile(
    rf"\b(?:until|till)\s+[\w-]+(?:\s+[\w-]+){{0,5}}"
    rf"|\b(?:after|once|when|upon)\b[^,.;]{{0,60}}?\b(?:end|ends|ended|over|complet\w*"
    rf"|finish\w*|clos\w*|leave|leaves|left|expir\w*|achiev\w*|fulfil\w*|no\s+longer"
    rf"|withdraw\w*|cancel\w*|terminat\w*)\b"
    rf"|\b(?:in\s+accordance\s+with|as\s+required\s+by|required\s+by\s+law|statutory"
    rf"|legal(?:ly)?\s+(?:required|obligations?|requirements?)|retention\s+(?:policy|schedule)"
    rf"|applicable\s+law)\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}\b|\b(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}\b"
    rf"|\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\d{{4}}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"
    rf"|(?:目的|用途)[^，。；,]{{0,8}}(?:实现|實現|达成|達成|完成)"
    rf"|(?:结束|結束|完成|届满|屆滿|终止|終止|离开|離開|撤回|注销|註銷)(?:后|後|时|時|之后|之後)"
    rf"|依照|按照|根据|根據|依据|依據|依法|法律|法规|法規"
    rf"|{langs.CRITERIA}",
    re.IGNORECASE,
)

# The rest of a clause: stops at punctuation but keeps dots inside emails and domains.
_REST = r"(?:[^\n.;,!?:()。；！？，：（）]|\.(?=\S)){0,120}"
_REST_AFTER_COLON = r"(?:[^\n.;,!?()。；！？，（）]|\.(?=\S)){0,120}"

# "will not be used for other purposes" is a promise (PIPL Art. 6), not a purpose.
_OTHER_USE_DENIED = re.compile(
    r"(?:\bnot|\bnever|n't)\s+(?:be\s+used|use\s+(?:[\w']+\s+){0,3}?)\s*for\s+"
    r"(?:any\s+)?(?:other|another|further|different|unrelated)\s+purposes?\b"
    r"|\bfor\s+no\s+other\s+purposes?\b"
    r"|不(?:会|會|得|将|將|可)?(?:被)?(?:用于|用於|用作)(?:其他|其它|他)(?:用途|目的)?"
    r"|(?:不|不会|不會|不得|绝不|絕不)(?:挪|另)?作他用"
    rf"|{langs.OTHER_USE_DENIED}",
    re.IGNORECASE,
)
_ONLY_USE = re.compile(
    r"\b(?:(?:only|solely|exclusively)\s+(?:be\s+)?used\s+(?:for|to)"
    r"|used\s+(?:only|solely|exclusively)\s+(?:for|to)|will\s+only\s+be\s+used)\b"
    r"|(?:仅|僅|只|仅仅|僅僅)限?(?:用于|用於|用作)|仅限于|僅限於"
    rf"|{langs.ONLY_USE}",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    rf"\b(?:for\s+the\s+purposes?\s+of|purposes?|used\s+(?:only\s+|solely\s+)?(?:for|to)"
    rf"|in\s+order\s+to|to\s+help|for\s+contact\s+tracing|so\s+that)\b\s*:?{_REST}"
    rf"|\b(?:only|solely)\s+for\b{_REST}"
    rf"|\bfor\s+(?:the\s+)?(?:epidemic|pandemic|disease|infection|covid|public\s+health|nhs)\b{_REST}"
    rf"|\bwe\s+(?:collect|ask\s+for|gather|record|use)\b[^.;\n]{{0,80}}?\bto\s+"
    rf"(?!(?:the|a|an|your|our|us|you|them|third)\b)\w+{_REST}"
    rf"|(?:目的|用途)\s*[:：]?{_REST}|(?:仅用于|僅用於|只用于|只用於|用于|用於|为了|為了|以便|为(?:做好|配合|加强|落实)|為(?:做好|配合|加強|落實)){_REST}"
    rf"|{langs.PURPOSE}{_REST}",
    re.IGNORECASE,
)
_CONTROLLER = re.compile(
    rf"\b(?:data\s+controller|controller|collected\s+by|contact\s+us|data\s+protection\s+officer)"
    rf"\b{_REST}|\bcontact\s*:{_REST_AFTER_COLON}|(?-i:\bDPO\b){_REST}"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\+\d{1,3}[\s-]?\d[\d\s-]{6,}\d|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"
    r"|(?<!\d)400-?\d{3}-?\d{4}(?!\d)|\(\d{3}\)\s?\d{3}-\d{4}|(?<!\d)\d{3}-\d{3}-\d{4}(?!\d)"
    rf"|(?:收集单位|收集單位|收集者|收集方|负责人|負責人|联系人|聯繫人|联系方式|聯繫方式"
    rf"|联系电话|聯繫電話|个人信息处理者|個人資訊處理者|处理者|處理者){_REST_AFTER_COLON}"
    r"|由[^，。；,\n]{1,30}?(?:收集|负责|負責|处理|處理)"
    rf"|(?:{langs.CONTROLLER_LABEL}|{langs.CONTROLLER})\s*:{_REST_AFTER_COLON}"
    rf"|{langs.CONTROLLER}{_REST}",
    re.IGNORECASE,
)

_EN_RECIPIENT = re.compile(
    r"\b(?:(?:share|shared|shares|sharing)(?:\s+(?!with\b)[\w'-]+){0,3}?\s+with"
    r"|(?:disclose|disclosed|discloses|provide|provided|transfer|transferred|passed|given"
    r"|sent|forwarded|reported)"
    r"(?:\s+(?!to\b)[\w'-]+){0,3}?\s+(?:on\s+)?to)\s+"
    r"(?P<who>(?:[^\n.;,:!?()]|\.(?=\S)){1,100})",
    re.IGNORECASE,
)
_ZH_RECIPIENT = re.compile(
    r"(?:提供给|提供給|共享给|共享給|分享给|分享給|报送至|報送至|报送|報送|上报至|上報至|上报给|上報給"
    r"|上报|上報|推送至|推送给|推送給|移交给|移交給|移交|披露给|披露給|提交给|提交給|提交至"
    r"|发送给|發送給|传输给|傳輸給)(?P<who>[^，。；！？,;!?\n]{1,60})"
)
_EXCEPT_RECIPIENT = re.compile(
    r"\b(?:except|other\s+than|apart\s+from|besides)\s+(?:to\s+|with\s+)?"
    r"(?P<who>(?:[^\n.;,:!?()]|\.(?=\S)){1,100})"
    r"|除(?:了)?(?:向|提供给|提供給)?(?P<zh>[^，。；！？,\n]{1,40}?)(?:以外|之外|外)"
    rf"|{langs.EXCEPT_RECIPIENT}",
    re.IGNORECASE,
)
_NO_RECIPIENTS = re.compile(
    r"(?:\bnot|\bnever|n't)\s+(?:be\s+)?(?:\w+\s+or\s+)?(?:shared|disclosed|provided|passed"
    r"|given|transferred|share|disclose|provide|pass|transfer)\b|\bno\s+third[\s-]part(?:y|ies)\b"
    r"|(?:不|不会|不會|不得|绝不|絕不|不予)(?:向|对|對|与|與)?(?:任何)?"
    r"(?:第三方|他人|其他(?:单位|單位|机构|機構|个人|個人|人)|外)?(?:提供|共享|披露|分享)"
    rf"|{langs.NO_RECIPIENTS}",
    re.IGNORECASE,
)
_NEGATION_BEFORE = re.compile(r"(?:\bnot\b|\bnever\b|n't\b|不|禁止)", re.IGNORECASE)
# Each recipient pattern with the negations that cancel it when they come just before.
_RECIPIENT_PATTERNS = (
    (_EN_RECIPIENT, _NEGATION_BEFORE),
    (_ZH_RECIPIENT, _NEGATION_BEFORE),
    (langs.RECIPIENT, langs.NEGATION_BEFORE),
    (langs.RECIPIENT_VERB_LAST, langs.NEGATION_BEFORE),
)
_RECIPIENT_STOP = re.compile(
    r"\s+(?:such\s+as|on\s+(?:request|demand)|by|via|for|to|in\s+order|so\s+that|if|when"
    r"|where|who|which|that|under|as|upon|only|within|after|before|unless|except"
    rf"|and\s+will|and\s+may|{langs.RECIPIENT_STOP})\b.*$",
    re.IGNORECASE,
)
_RECIPIENT_SEPARATOR = re.compile(r"、|以及|及")
# Objects that are the respondent or the data itself, not a recipient ("sent to you",
# "上报您的体温", "provided to help").
_NOT_A_RECIPIENT = re.compile(
    r"^(?:you|your|yourself|us|help|ensure|allow|enable|trace|contact|comply|prevent|protect"
    r"|support)\b"
    r"|^(?:您|你|本人|个人|個人|相关|相關|上述|以上|该|該|此|信息|資訊|数据|數據|资料|資料|行程|体温|體溫)"
    rf"|{langs.NOT_A_RECIPIENT}",
    re.IGNORECASE,
)


# PIPL Art. 44-47 (查阅、复制、更正、补充、删除, 撤回同意 Art. 15), GDPR Art. 15-21.
# 删除 alone is not enough: "21天后删除" is retention, not a right.
_RIGHTS = re.compile(
    r"\bright\s+(?:to|of)\s+(?:access|rectif\w*|correct\w*|eras\w*|delet\w*|object|restrict\w*"
    r"|portab\w*|withdraw\w*|be\s+forgotten)"
    r"|\b(?:ask|request|apply)\s+(?:us\s+)?(?:to|for)\s+(?:see|access|correct|update|delete|erase"
    r"|remove|a\s+copy|access|correction|deletion|erasure)\w*"
    r"|\bwithdraw\s+(?:your\s+)?consent|\bdata\s+subject\s+rights?|\bopt[\s-]out\b"
    r"|查阅|查閱|复制|複製|更正|撤回(?:您的|你的)?(?:同意|授权|授權)"
    r"|(?:有权|有權|可以?|可(?:申请|申請|要求))(?:申请|申請|要求)?(?:删除|刪除|补充|補充)"
    r"|行使[^，。；,]{0,10}(?:权利|權利)"
    rf"|{langs.RIGHTS}",
    re.IGNORECASE,
)
# PIPL Art. 29 单独同意 (separate consent); GDPR Art. 9(2)(a) explicit consent.
_SEPARATE_CONSENT = re.compile(
    r"单独同意|單獨同意|单独授权|單獨授權|明示同意|书面同意|書面同意"
    r"|\b(?:separate(?:ly)?|explicit(?:ly)?)\s+(?:give\s+)?(?:your\s+)?consent"
    rf"|{langs.SEPARATE_CONSENT}",
    re.IGNORECASE,
)
# CAC notice 2020-02-09 and PIPL Art. 25: collected data is not to be made public.
_PUBLICATION = re.compile(
    r"\b(?:published|posted\s+(?:on|in|at)|(?:displayed|shown)\s+(?:publicly|to\s+(?:the\s+)?public)"
    r"|made\s+public|publicly\s+(?:displayed|posted|available|listed))\b"
    r"|公示|公布|張貼|张贴|(?<!不)公开(?:展示|发布|發布|张贴|張貼)?"
    rf"|{langs.PUBLICATION}",
    re.IGNORECASE,
)
_PUBLICATION_DENIED = re.compile(
    rf"(?:\bnot\b|\bnever\b|n't\b|不|禁止|未经|未經|{langs.PUBLICATION_DENIED})[^.;。；]{{0,12}}$",
    re.IGNORECASE,
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


def _analysed(text: str, retention: str | None, recipients: tuple[str, ...] | None) -> NoticeFacts:
    text = _placeholders().sub(" ", text)
    return NoticeFacts(
        retention=_retention(text, retention),
        purpose=_purpose(text),
        controller=_controller(text),
        recipients=tuple(recipients) if recipients is not None else _recipients(text),
        no_other_use=bool(_OTHER_USE_DENIED.search(text) or _ONLY_USE.search(text)),
        rights=_first(_RIGHTS, text),
        separate_consent=separate_consent(text),
        publication=_publication(text),
    )


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0).strip() if match else None


def separate_consent(text: str) -> str | None:
    """A statement of separate or explicit consent (PIPL Art. 29, GDPR Art. 9(2)(a))."""
    return _first(_SEPARATE_CONSENT, text)


def _publication(text: str) -> str | None:
    """The first statement that answers will be published, skipping denials."""
    for match in _PUBLICATION.finditer(text):
        if not _PUBLICATION_DENIED.search(text[max(0, match.start() - 20): match.start()]):
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
        if assume_context or _RETENTION_CONTEXT.search(sentence)
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
    cleaned = _NOT_INDEFINITE.sub(" ", sentence)
    yield from (_Hit("indefinite", m.group(0).strip()) for m in _INDEFINITE.finditer(cleaned))
    yield from (_Hit("vague", m.group(0).strip()) for m in _VAGUE.finditer(cleaned))
    yield from (_Hit("criteria", m.group(0).strip()) for m in _CRITERIA.finditer(sentence))


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
        (_EN_DURATION.finditer, _en_days),
        (_ZH_DURATION.finditer, _zh_days),
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
    return bool(_NOT_RETENTION_BEFORE.search(before) or _NOT_RETENTION_AFTER.match(after))


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
    match = _PURPOSE.search(_OTHER_USE_DENIED.sub(" ", text))
    return match.group(0).strip() if match else None


def _controller(text: str) -> str | None:
    """The first controller name or contact (GDPR Art. 13(1)(a)-(b), PIPL Art. 17)."""
    match = _CONTROLLER.search(text)
    return match.group(0).strip() if match else None


def _recipients(text: str) -> tuple[str, ...] | None:
    """Named recipients, () when the notice denies sharing, None when silent.

    PIPL Art. 23 and GDPR Art. 13(1)(e) need the recipient named, so a named
    recipient wins over a general denial ("not shared except with the CDC").
    """
    named: list[str] = []
    denied = False
    for sentence in _sentences(text):
        sentence_denies = bool(_NO_RECIPIENTS.search(sentence))
        denied = denied or sentence_denies
        named.extend(_named_recipients(sentence, sentence_denies))
    if named:
        return tuple(dict.fromkeys(named))
    return () if denied else None


def _named_recipients(sentence: str, denies: bool) -> Iterator[str]:
    for pattern, negation in _RECIPIENT_PATTERNS:
        for match in pattern.finditer(sentence):
            before = sentence[max(0, match.start() - 25) : match.start()]
            if not negation.search(before):
                yield from _clean_recipients(match["who"])
    if denies:
        for match in _EXCEPT_RECIPIENT.finditer(sentence):
            yield from _clean_recipients(match["who"] or match["zh"] or match["eu"])


def _clean_recipients(phrase: str) -> Iterable[str]:
    trimmed = _RECIPIENT_STOP.sub("", phrase)
    parts = (part.strip() for part in _RECIPIENT_SEPARATOR.split(trimmed))
    return [part for part in parts if part and not _NOT_A_RECIPIENT.search(part)]
