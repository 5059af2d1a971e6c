"""Field collects sensitive personal data.

What it catches: every field whose category is sensitive under one of the policy's
`regimes`, whatever the purpose: health, biometrics, religion, ethnicity, political
opinions, sex life, criminal records, precise location and travel history, financial
accounts, ID numbers and the other categories the taxonomy marks. The finding names
every regime that makes it sensitive, with the article. It is a warning when a regime
requires separate or explicit consent (PIPL, GDPR), the form neither asks for it nor
says how it is obtained, and the policy does not enable NT304 (which then reports the
missing consent once for the form); otherwise it is information. Where the field is
also excess for the purpose, DM102 reports it instead. Opt-in: the default policy
`general` enables it (`rules: {enable: [DM107]}`).

Why: sensitive personal information may be processed only for a specific purpose
and when sufficiently necessary, with strict protection; the handler must tell the
person why it is necessary and how it affects them, and obtain separate consent
(PIPL Art. 28-30). Processing special categories is prohibited unless an Art. 9(2)
ground applies, most often explicit consent (GDPR Art. 9(1), 9(2)(a)). The CCPA gives
consumers the right to limit the use of sensitive personal information (Cal. Civ.
Code 1798.121, 1798.140(ae)).

How to fix: remove the field if the purpose does not need it. If it does, say in the
notice why it is necessary, and ask for separate consent with its own tick box
("I separately consent to giving my health information" / "我单独同意提供健康信息").
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Finding, Severity
from formlint.notice import separate_consent
from formlint.rules.rule import Rule, Status

CONSENT = "consent.acknowledgement"
# Regimes under which sensitive data needs separate or explicit consent.
CONSENT_REGIMES = ("pipl", "gdpr")


def check(ctx: Context) -> Iterator[Finding]:
    consent_asked = ctx.notice.separate_consent is not None or any(_asks_separately(ctx, f) for f in ctx.form.fields)
    for field in ctx.form.fields:
        regimes = sensitive_under(ctx, field)
        if not regimes:
            continue
        citations = tuple(regimes.values())
        needs_consent = any(r in CONSENT_REGIMES for r in regimes)
        # NT304, where the policy enables it, already reports the missing consent once per form.
        warn = needs_consent and not consent_asked and not ctx.policy.enables("NT304")
        yield ctx.finding(
            RULE, msg("DM107.message", field=ctx.describe(field), citations=citations),
            msg("DM107.help_consent" if needs_consent else "DM107.help_limit", key=field.key),
            (*citations, *ctx.cited({r: RULE.laws[r] for r in regimes if r in RULE.laws})), field=field,
            severity=Severity.WARNING if warn else Severity.INFO)


def sensitive_under(ctx: Context, field: Field) -> dict[str, str]:
    """Each policy regime under which the field's category is sensitive, with the
    citation that makes it so, the form's home regime first."""
    category = ctx.category_of(field).category
    if not ctx.taxonomy.is_personal(category):
        return {}
    sensitive = ctx.taxonomy.get(category).sensitive
    return {r: sensitive[r] for r in ctx.regimes if r in sensitive}


def _asks_separately(ctx: Context, field: Field) -> bool:
    text = " ".join([*field.label.values(), field.hint or ""])
    return ctx.category_of(field).category == CONSENT and separate_consent(text) is not None


RULE = Rule(
    code="DM107", name="sensitive-data-collected", severity=Severity.WARNING, group="data-minimisation",
    status=Status.OPT_IN,
    laws={"pipl": ("PIPL Art. 29-30",), "gdpr": ("GDPR Art. 9(2)(a)",), "ccpa": ("CCPA Cal. Civ. Code 1798.121",)},
    messages={"DM107.message": ("field", "citations"), "DM107.help_consent": ("key",), "DM107.help_limit": ("key",)},
    docs=__doc__ or "", check=check)
