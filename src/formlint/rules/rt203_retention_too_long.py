"""Stated retention is longer than the purpose allows.

What it catches: a definite retention period longer than the purpose's
`retention.max_days` in the policy, e.g. 180 days for a venue check-in where
England's SI 2020/1005 required 21 days.

Why: personal information may be kept only for the shortest period necessary for
the purpose (PIPL Art. 19; GDPR Art. 5(1)(e) storage limitation; CCPA
1798.100(a)(3): no longer than reasonably necessary).

How to fix: shorten the period in the notice to at most the purpose's cap, and
delete the data when it ends (PIPL Art. 47).
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Finding, Law, Severity
from formlint.rules._notice import notice_finding
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    days, cap = ctx.notice.retention.days, ctx.purpose.max_days
    if days is None or cap is None or days <= cap:
        return
    law: Law = ctx.cited(RULE.laws)
    if ctx.purpose.retention_source:
        law = (*law, msg("law.cap_basis", basis=ctx.purpose.basis(retention=True)))
    yield notice_finding(ctx, RULE,
                         msg("RT203.message", days=days, evidence=ctx.notice.retention.evidence, cap=cap,
                             purpose=ctx.purpose.id),
                         msg("RT203.help", cap=cap), law)


RULE = Rule(
    code="RT203", name="retention-too-long", severity=Severity.ERROR, group="retention",
    laws={"pipl": ("PIPL Art. 19",), "gdpr": ("GDPR Art. 5(1)(e)",)},
    messages={"RT203.message": ("days", "evidence", "cap", "purpose"), "RT203.help": ("cap",), "law.cap_basis": ("basis",)},
    docs=__doc__ or "", check=check)
