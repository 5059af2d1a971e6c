"""No purpose statement.

What it catches: a notice that never says what the answers are for ("used only for
contact tracing", "仅用于疫情防控").

Why: people must be told the purpose of processing (PIPL Art. 17(1)(2); GDPR
Art. 13(1)(c)), and the purpose bounds everything else: data collected for
epidemic prevention may not be used for other purposes (CAC notice of
2020-02-09; PIPL Art. 6).

How to fix: add one sentence to the notice naming the purpose and saying the data
will not be used for anything else.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.model import Finding, Severity
from formlint.rules._notice import notice_finding, requires
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    if requires(ctx, "purpose") and ctx.notice.purpose is None:
        yield notice_finding(ctx, RULE)


RULE = Rule(
    code="NT301", name="no-purpose-statement", severity=Severity.WARNING, group="notice",
    laws={"pipl": ("PIPL Art. 6, 17(1)(2)",), "gdpr": ("GDPR Art. 13(1)(c)",)},
    messages={"NT301.message": (), "NT301.help": ()},
    docs=__doc__ or "", check=check)
