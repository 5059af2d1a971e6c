"""No retention statement.

What it catches: a form whose notice (text or structured `retention` item) says
nothing about how long the answers will be kept.

Why: people must be told the retention period at collection (PIPL Art. 17(1)(2):
保存期限; GDPR Art. 13(2)(a): "the period for which the personal data will be
stored, or if that is not possible, the criteria used to determine that period";
CCPA Cal. Civ. Code 1798.100(a)(3)), and data may be kept only for the shortest
period the purpose needs (PIPL Art. 19; GDPR Art. 5(1)(e)). In 2020 almost no
epidemic registration form said how long anything would be kept.

How to fix: state a definite period in the notice ("Records are deleted after 21
days" / "本登记信息保存21天后删除"), or set `notice.retention: 21 days`.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.model import Finding, Severity
from formlint.rules._notice import notice_finding, requires
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    if requires(ctx, "retention") and not ctx.notice.retention.found:
        yield notice_finding(ctx, RULE)


RULE = Rule(
    code="RT201", name="no-retention-statement", severity=Severity.ERROR, group="retention",
    laws={"pipl": ("PIPL Art. 17(1)(2), 19",), "gdpr": ("GDPR Art. 13(2)(a), 5(1)(e)",),
          "ccpa": ("CCPA 1798.100(a)(3)",)},
    messages={"RT201.message": (), "RT201.help": ()},
    docs=__doc__ or "", check=check)
