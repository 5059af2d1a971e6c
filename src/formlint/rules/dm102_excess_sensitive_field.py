"""Field collects a sensitive category the purpose does not need.

What it catches: an excess field (see DM101) whose category is sensitive under one
of the policy's `regimes`: ethnicity, political affiliation or party membership,
religion, health data such as blood type, biometrics, precise location and travel
history, government ID numbers, and the like.

Why: sensitive personal information may be processed only for a specific purpose
and when sufficiently necessary, with strict protection (PIPL Art. 28-29); GDPR
Art. 9(1) prohibits processing special categories unless an Art. 9(2) exception
applies; CCPA Cal. Civ. Code 1798.140(ae) lists sensitive personal information.
Collecting it without need is the gravest form of over-collection.

How to fix: remove the field. If the purpose truly needs it, add the category to
the purpose's `necessary` list with the legal basis in `source`, collect it with
separate consent (PIPL Art. 29), and say why in the notice.
"""

from __future__ import annotations

from functools import partial
from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Finding, Severity
from formlint.rules._excess import EXCESS_MESSAGES, excess_help, excess_fields, policy_severity, purpose_law, silenced
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    for field, citation in excess_fields(ctx):
        if citation is None or silenced(ctx, field):
            continue
        yield ctx.field_finding(RULE, field, partial(_finding, citation=citation))


def _finding(ctx: Context, field: Field, citation: str) -> Finding:
    return ctx.finding(
        RULE,
        msg("DM102.message", field=ctx.describe(field), purpose=ctx.purpose.id, citation=citation),
        excess_help(ctx, field), (*purpose_law(ctx), citation), field=field,
        severity=policy_severity(ctx, field))


RULE = Rule(
    code="DM102", name="excess-sensitive-field", severity=Severity.ERROR, group="data-minimisation",
    laws={"pipl": ("PIPL Art. 6", "PIPL Art. 28-29"), "gdpr": ("GDPR Art. 5(1)(c)", "GDPR Art. 9(1)"),
          "ccpa": ("CCPA Cal. Civ. Code 1798.140(ae)",)},
    messages={"DM102.message": ("field", "purpose", "citation"), **EXCESS_MESSAGES},
    refines=("DM107",), docs=__doc__ or "", check=check)
