"""Field collects sensitive personal data, or the form collects children's data.

What it catches: every field whose category is sensitive under one of the policy's
`regimes`, whatever the purpose, and with no purpose at all: health, biometrics,
religion, ethnicity, political opinions, sex life, criminal records, precise location
and travel history, financial accounts, ID numbers and the other categories the
taxonomy marks. The finding names every regime that makes it sensitive, with the
article, the form's own regime first (PIPL for a form in Chinese), as information:
NT304, where the policy asks for consent, reports a missing separate consent once for
the form. Where the field is also excess for the purpose, DM102 reports it instead, and
where it is a full ID number the purpose allows only in part, DM106.

It also reports, once per form, a form that collects personal information of children:
its title or a section title names children or pupils ("Pupil enrolment", 儿童信息), or
a personal field does ("Child's date of birth", "Name of parent or guardian",
监护人姓名). Under the PIPL all personal information of a child under 14 is sensitive
and needs a parent's or guardian's consent (Art. 28, 31); under the GDPR online
services offered to a child need a parent's consent (Art. 8) and children merit
specific protection (Recital 38). It is a warning when the policy asks for consent
(it enables NT304, as `general`, `pipl` and `gdpr` do) and no consent field and no
notice sentence asks a parent or guardian to consent; information otherwise. The phrases are
data (`rules/children.yaml`), in English, Chinese, Spanish, French, German and
Portuguese.

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
For children, add a consent field for the parent or guardian ("I am the child's parent
or guardian and consent…" / "本人为该儿童的监护人，同意…").
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Finding, Message, Severity
from formlint.rules._children import child_signals, children_law, guardian_consent_asked
from formlint.rules.rule import Rule

# Regimes under which sensitive data needs separate or explicit consent.
CONSENT_REGIMES = ("pipl", "gdpr")
# How many places that show a form is about children its finding quotes.
SHOWN_SIGNALS = 2


def check(ctx: Context) -> Iterator[Finding]:
    yield from _sensitive_fields(ctx)
    yield from _children(ctx)


def _sensitive_fields(ctx: Context) -> Iterator[Finding]:
    """Each sensitive field, as information: NT304, where the policy asks for consent,
    reports a missing separate consent once for the form."""
    for field in ctx.form.fields:
        if sensitive_under(ctx, field):
            yield ctx.field_finding(RULE, field, _sensitive_field)


def _sensitive_field(ctx: Context, field: Field) -> Finding:
    regimes = sensitive_under(ctx, field)
    needs_consent = any(r in CONSENT_REGIMES for r in regimes)
    return ctx.finding(
        RULE, msg("DM107.message", field=ctx.describe(field), citations=tuple(regimes.values())),
        msg("DM107.help_consent" if needs_consent else "DM107.help_limit", key=field.key),
        (*regimes.values(), *ctx.cited({r: RULE.laws[r] for r in regimes if r in RULE.laws})), field=field)


def sensitive_under(ctx: Context, field: Field) -> dict[str, str]:
    """Each policy regime under which the field's category is sensitive, with the
    citation that makes it so, the form's home regime first."""
    category = ctx.category_of(field).category
    if not ctx.taxonomy.is_personal(category):
        return {}
    sensitive = ctx.taxonomy.get(category).sensitive
    return {r: sensitive[r] for r in ctx.regimes if r in sensitive}


def _children(ctx: Context) -> Iterator[Finding]:
    """One finding for a form that collects children's data, where it first shows it."""
    cited, law = children_law(ctx)
    signals = list(child_signals(ctx)) if law else []
    if not signals:
        return
    shown: tuple[Message | str, ...] = tuple(signal.evidence for signal in signals[:SHOWN_SIGNALS])
    evidence = (*shown, *(("…",) if signals[SHOWN_SIGNALS:] else ()))
    # A policy that asks for consent (NT304) asks a parent's or guardian's for a child.
    warn = ctx.policy.enables("NT304") and not guardian_consent_asked(ctx)
    yield ctx.finding(RULE, msg("DM107.children", evidence=evidence, citations="; ".join(cited)), msg("DM107.help_children"),
                      law, where=signals[0].location, severity=Severity.WARNING if warn else Severity.INFO)


RULE = Rule(
    code="DM107", name="sensitive-data-collected", severity=Severity.INFO, group="data-minimisation",
    laws={"pipl": ("PIPL Art. 29-30",), "gdpr": ("GDPR Art. 9(2)(a)",), "ccpa": ("CCPA Cal. Civ. Code 1798.121",)},
    messages={"DM107.message": ("field", "citations"), "DM107.help_consent": ("key",), "DM107.help_limit": ("key",),
              "DM107.children": ("evidence", "citations"), "DM107.help_children": (),
              "DM107.child_field": ("key", "label"), "recognition.title": ("text",),
              "recognition.section": ("text",)},
    docs=__doc__ or "", check=check)
