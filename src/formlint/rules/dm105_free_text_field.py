"""Free-text field the purpose does not need (opt-in).

What it catches: a field classified as free text (`content.free_text`: remarks,
comments, "other information", 备注, 其他说明) on a purpose that does not list
`content.free_text` as necessary or optional. When the policy enables DM105
(`rules: {enable: [DM105]}`; the `cac-2020-epidemic` pack does), it reports these
fields instead of DM101.

Why: an open box invites people to write anything, including health details and
other sensitive data the purpose never needed, so it defeats minimum-scope
collection (PIPL Art. 6; CAC notice of 2020-02-09: collect only what prevention
needs; GDPR Art. 5(1)(c)).

How to fix: replace the box with the specific questions the purpose needs, or drop
it; if the purpose needs it, add `content.free_text` to the purpose's `optional`
list with a source.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Finding, Severity
from formlint.rules._excess import policy_severity, purpose_law, silenced
from formlint.taxonomy import FREE_TEXT
from formlint.rules.rule import Rule, Status


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.purpose.allows(FREE_TEXT):
        return
    for field in ctx.form.fields:
        if ctx.category_of(field).category != FREE_TEXT or silenced(ctx, field):
            continue
        yield ctx.field_finding(RULE, field, _finding)


def _finding(ctx: Context, field: Field) -> Finding:
    return ctx.finding(
        RULE,
        msg("DM105.message", field=ctx.describe(field), purpose=ctx.purpose.id),
        msg("DM105.help"),
        (*purpose_law(ctx), *RULE.laws["cac"]), field=field,
        severity=policy_severity(ctx, field))


RULE = Rule(
    code="DM105", name="free-text-field", severity=Severity.WARNING, group="data-minimisation",
    status=Status.OPT_IN, refines=("DM101",),
    laws={"pipl": ("PIPL Art. 6",), "gdpr": ("GDPR Art. 5(1)(c)",), "cac": ("CAC notice 2020-02-09",)},
    messages={"DM105.message": ("field", "purpose"), "DM105.help": (), "law.purpose_basis": ("basis",)},
    docs=__doc__ or "", check=check)
