"""Field could not be classified.

What it catches: a field whose key, labels and type match no term in formlint's
taxonomy, and which has no `category` annotation, so formlint cannot tell whether
the purpose needs it.

Why: an auditor must be able to say what each field collects before judging
whether it is necessary (PIPL Art. 17 requires telling people the categories of
personal information collected; GDPR Art. 30(1)(c) records of processing list
them). An unclassified field is an unchecked field.

How to fix: add `category: <id>` to the field (see `formlint categories`), or
`category: none` when the field holds no personal data. If a common term was
missed, a synonym can be added to the taxonomy's lexicon.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Finding, Severity
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    for field in ctx.form.fields:
        if not ctx.category_of(field).known:
            yield ctx.field_finding(RULE, field, _finding)


def _finding(ctx: Context, field: Field) -> Finding:
    return ctx.finding(
        RULE, msg("DM104.message", key=field.key, label=field.first_label or msg("DM104.no_label")),
        msg("DM104.help"), field=field)


RULE = Rule(
    code="DM104", name="unclassified-field", severity=Severity.WARNING, group="data-minimisation",
    laws={"pipl": ("PIPL Art. 17(1)(2)",), "gdpr": ("GDPR Art. 30(1)(c)",)},
    messages={"DM104.message": ("key", "label"), "DM104.no_label": (), "DM104.help": ()},
    docs=__doc__ or "", check=check)
