"""Sensitive data collected without separate consent (opt-in).

What it catches: a form that collects a category sensitive under one of the
policy's regimes (health, precise location, travel history, ID number, ethnicity, …)
but has neither a consent field (category `consent.acknowledgement`) whose label
or hint asks for separate or explicit consent, nor a notice sentence saying so
("单独同意", "明示同意", "separate consent", "explicit consent"). A general "I have
read and agree" tick box is not separate consent. Enabled by `rules: {enable:
[NT304]}` (the `gdpr` and `pipl` packs).

Why: processing sensitive personal information needs the individual's separate
consent, and the notice must say why it is necessary and how it affects them
(PIPL Art. 29-30); GDPR Art. 9(2)(a) needs explicit consent unless another Art. 9(2)
ground applies. Where the law itself is the basis (PIPL Art. 13(4), a public-health
emergency), say so in the notice and turn the rule off with a suppression.

How to fix: add a separate consent field for the sensitive items ("我单独同意提供
健康状况和行程信息" / "I separately consent to giving my health information"), or
state in the notice how separate consent is obtained.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Finding, Severity
from formlint.notice import separate_consent
from formlint.rules.rule import Rule, Status

CONSENT = "consent.acknowledgement"


def check(ctx: Context) -> Iterator[Finding]:
    sensitive = [f for f in ctx.form.fields if _sensitive(ctx, f)]
    if not sensitive or ctx.notice.separate_consent or any(_asks_separately(ctx, f) for f in ctx.form.fields):
        return
    yield ctx.finding(
        RULE,
        msg("NT304.message", fields=ctx.key_list([f.key for f in sensitive])),
        msg("NT304.help"), field=sensitive[0])


def _sensitive(ctx: Context, field: Field) -> bool:
    category = ctx.category_of(field).category
    return ctx.taxonomy.is_personal(category) and ctx.taxonomy.is_sensitive(category, ctx.regimes) is not None


def _asks_separately(ctx: Context, field: Field) -> bool:
    text = " ".join([*field.label.values(), field.hint or ""])
    return ctx.category_of(field).category == CONSENT and separate_consent(text) is not None


RULE = Rule(
    code="NT304", name="no-separate-consent", severity=Severity.WARNING, group="notice",
    status=Status.OPT_IN,
    laws={"pipl": ("PIPL Art. 29, 30",), "gdpr": ("GDPR Art. 9(2)(a)",)},
    messages={"NT304.message": ("fields",), "NT304.help": ()},
    docs=__doc__ or "", check=check)
