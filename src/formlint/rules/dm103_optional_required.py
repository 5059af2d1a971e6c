"""Optional category made mandatory.

What it catches: a field whose category the purpose lists as `optional` but which
the form marks `required: true`, such as an e-mail address on a venue check-in
that may be given instead of, not beside, a phone number.

Why: a category that the purpose can do without must not be forced on people;
collection is limited to the minimum necessary (PIPL Art. 6; GDPR Art. 5(1)(c))
and consent to optional processing must be freely given (GDPR Art. 7(4);
PIPL Art. 16: a service may not be refused for refusing non-necessary data).

How to fix: set `required: false` on the field, or, if the purpose cannot work
without it, move its category to the purpose's `necessary` list with a source.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Finding, Severity
from formlint.rules._excess import JUSTIFY_MESSAGES, justification
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    for field in ctx.form.fields:
        if field.required and ctx.purpose.is_optional(ctx.category_of(field).category):
            yield ctx.field_finding(RULE, field, _finding)


def _finding(ctx: Context, field: Field) -> Finding:
    return ctx.finding(
        RULE,
        msg("DM103.message", field=ctx.describe(field), purpose=ctx.purpose.id),
        msg("DM103.help", key=field.key, purpose=ctx.purpose.id, **justification(ctx, field, "necessary")),
        field=field)


RULE = Rule(
    code="DM103", name="optional-field-required", severity=Severity.WARNING, group="data-minimisation",
    laws={"pipl": ("PIPL Art. 6, 16",), "gdpr": ("GDPR Art. 5(1)(c), 7(4)",)},
    messages={"DM103.message": ("field", "purpose"), "DM103.help": ("key", "purpose", "policy", "line"), **JUSTIFY_MESSAGES},
    docs=__doc__ or "", check=check)
