"""Answers visible to other respondents.

What it catches: a form with `visibility: shared` (respondents can see each
other's answers, as in a chat group where everyone posts "name + phone + ID
number") that collects personal data.

Why: the CAC notice of 2020-02-09 forbids publishing name, age, ID number, phone
number or home address without consent; disclosure to others needs separate
consent (PIPL Art. 23, 25) and appropriate security (PIPL Art. 9, 51; GDPR
Art. 5(1)(f), 32). In 2020 a neighbourhood committee had 100 returnees post their
ID numbers into a group everyone could read.

How to fix: collect answers privately (a form only the collector can read) and
set `visibility: private`.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Finding, Severity
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.form.visibility != "shared":
        return
    personal = [f.key for f in ctx.form.fields if ctx.taxonomy.is_personal(ctx.category_of(f).category)]
    if not personal:
        return
    yield ctx.finding(
        RULE,
        msg("EX401.message", fields=ctx.key_list(personal)),
        msg("EX401.help"),
        where=ctx.form.location_of("/visibility"), pointer="/visibility")


RULE = Rule(
    code="EX401", name="shared-answers", severity=Severity.ERROR, group="exposure",
    laws={"cac": ("CAC notice 2020-02-09",), "pipl": ("PIPL Art. 9, 23, 25, 51",), "gdpr": ("GDPR Art. 5(1)(f), 32",)},
    messages={"EX401.message": ("fields",), "EX401.help": ()},
    docs=__doc__ or "", check=check)
