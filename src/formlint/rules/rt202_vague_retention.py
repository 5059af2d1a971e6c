"""Retention stated but vague or indefinite.

What it catches: a retention statement with no definite period: "until the
epidemic ends", "as long as necessary", "for a period of time", "permanently",
"疫情结束后销毁", "长期保存", "永久保存".

Why: a vague period tells people nothing they can hold the collector to. GDPR
Art. 13(2)(a) asks for the period or the criteria that determine it; PIPL
Art. 17(1)(2) asks for the retention period and Art. 19 for the shortest period
necessary; Art. 47 requires deletion when it expires. "Until the epidemic ends"
has no date, and indefinite retention breaks storage limitation
(GDPR Art. 5(1)(e)).

How to fix: replace the phrase with a number of days, weeks or months counted from
a stated event ("deleted 21 days after your visit"), within the purpose's
`retention.max_days`.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Finding, Severity
from formlint.rules._notice import notice_finding, requires
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    fact = ctx.notice.retention
    if requires(ctx, "retention") and fact.found and fact.vague:
        yield notice_finding(ctx, RULE, msg("RT202.message", evidence=fact.evidence, kind=msg(f"kind.{fact.kind}")))


RULE = Rule(
    code="RT202", name="vague-retention", severity=Severity.WARNING, group="retention",
    laws={"pipl": ("PIPL Art. 17(1)(2), 19, 47",), "gdpr": ("GDPR Art. 13(2)(a), 5(1)(e)",)},
    messages={"RT202.message": ("evidence", "kind"), "RT202.help": (),
              **{f"kind.{kind}": () for kind in ("vague", "indefinite", "criteria", "period")}},
    docs=__doc__ or "", check=check)
