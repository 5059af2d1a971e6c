"""Citations as Chinese readers know the laws: 《个人信息保护法》第二十八条,
GDPR 第9条第1款, GB/T 35273—2020 附录B. The names, numbering styles and phrases are
data (laws.zh.yaml); this module only applies them. Citations stay as written in the
rules and the taxonomy; reporters localise them when they translate a finding."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# An article reference list: "Art. 17(1)(2), 19, 44-47" or "1798.140(ae)(1)(A)".
_EU_OR_CN = re.compile(r"Art\. ((?:\d+(?:\([0-9a-z]+\))*(?:-(?:\d+|\([0-9a-z]+\)))?)(?:, \d+(?:\([0-9a-z]+\))*(?:-(?:\d+|\([0-9a-z]+\)))?)*)")
_US = re.compile(r"(1798\.\d+)((?:\([0-9a-zA-Z]+\))*)")
_ONE = re.compile(r"(\d+)((?:\([0-9a-z]+\))*)(?:-(\d+|\([0-9a-z]+\)))?")
_DIGITS = "零一二三四五六七八九"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    from formlint.bundle import data_file

    data: dict[str, Any] = data_file("i18n/laws.zh.yaml")
    return data


def chinese_number(n: int) -> str:
    """1..999 in Chinese numerals: 6 六, 17 十七, 28 二十八, 104 一百零四."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + chinese_number(rest) if rest < 10 else
                                 ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
    return _DIGITS[n // 100] + "百" + tail


def zh_citation(text: str) -> str:
    """`text` with every statute reference and known phrase in its Chinese form."""
    data = _data()
    for phrase in sorted(data["phrases"], key=len, reverse=True):
        text = text.replace(phrase, data["phrases"][phrase])
    for prefix in sorted(data["statutes"], key=len, reverse=True):
        text = _statute(text, prefix, data["statutes"][prefix])
    return text.replace(" （", "（").replace("; ", "；")


def _statute(text: str, prefix: str, spec: dict[str, str]) -> str:
    if spec["style"] == "us":
        pattern = re.compile(re.escape(prefix) + r" " + _US.pattern)
        return pattern.sub(lambda m: f"{spec['name']}第{m.group(1)}条{m.group(2)}{spec.get('close', '')}", text)
    pattern = re.compile(re.escape(prefix) + r" " + _EU_OR_CN.pattern)
    style = spec["style"]
    return pattern.sub(lambda m: spec["name"] + _articles(m.group(1), style), text)


def _articles(refs: str, style: str) -> str:
    return "、".join(_article(_ONE.fullmatch(ref), style) for ref in refs.split(", "))  # type: ignore[arg-type]


def _article(match: re.Match[str], style: str) -> str:
    number, parts, upto = int(match.group(1)), re.findall(r"\(([0-9a-z]+)\)", match.group(2)), match.group(3)
    if style == "chinese":
        head = f"第{chinese_number(number)}条" + "".join(_cn_part(i, p) for i, p in enumerate(parts))
        if upto and upto.isdigit():
            return f"{head}至第{chinese_number(int(upto))}条"
        return head
    head = f"第{number}条" + "".join(_eu_part(i, p) for i, p in enumerate(parts))
    if upto and upto.isdigit():
        return f"{head}至第{upto}条"
    if upto:
        return f"{head[:-1]}至{upto}项" if head.endswith("项") else f"{head}至{upto}"
    return head


def _cn_part(index: int, part: str) -> str:
    number = chinese_number(int(part)) if part.isdigit() else part
    return f"第{number}款" if index == 0 else f"第（{number}）项"


def _eu_part(index: int, part: str) -> str:
    return f"第{part}款" if index == 0 and part.isdigit() else f"({part})项"
