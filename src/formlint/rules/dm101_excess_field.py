"""Field collects a category the purpose does not need.

What it catches: a field whose personal-data category is neither `necessary`,
`optional` nor among the `alternatives` of the form's purpose in the policy, such
as education or house size on a return-to-community registration.

Why: collection must be limited to the minimum scope the purpose needs
(PIPL Art. 6: 不得过度收集个人信息; GDPR Art. 5(1)(c) data minimisation; ISO/IEC
29100 collection limitation). Every extra field is extra risk when the data leaks.

How to fix: delete the field. If the purpose really needs it, add its category to
the purpose's `necessary` (or `optional`) list in the policy with a `source`, or
give the field a `reason` and ask the policy owner to allow it.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Finding, Severity
from formlint.rules._excess import EXCESS_MESSAGES, excess_help, excess_fields, policy_severity, purpose_law, silenced
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    for field, citation in excess_fields(ctx):
        if citation is not None or silenced(ctx, field):
            continue
        yield ctx.field_finding(RULE, field, _finding)


def _finding(ctx: Context, field: Field) -> Finding:
    return ctx.finding(
        RULE,
        msg("DM101.message", field=ctx.describe(field), purpose=ctx.purpose.id),
        excess_help(ctx, field), purpose_law(ctx), field=field,
        severity=policy_severity(ctx, field))


RULE = Rule(
    code="DM101", name="excess-field", severity=Severity.WARNING, group="data-minimisation",
    laws={"pipl": ("PIPL Art. 6",), "gdpr": ("GDPR Art. 5(1)(c)",)},
    messages={"DM101.message": ("field", "purpose"), **EXCESS_MESSAGES},
    docs=__doc__ or "", check=check)
