"""No collector name or contact.

What it catches: a form that names no collector (`collector.name` or
`collector.contact`) and whose notice gives no controller, contact person, e-mail
or phone number.

Why: people must know who collects their data and how to reach them (PIPL
Art. 17(1)(1): the handler's name and contact; GDPR Art. 13(1)(a)). In 2020
neighbourhood groups collected ID numbers "instructed by their superiors" without
saying who.

How to fix: set `collector: {name: ..., contact: ...}` or name the collecting body
and a contact in the notice.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.model import Finding, Severity
from formlint.rules._notice import notice_finding, requires
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    collector = ctx.form.collector
    if not requires(ctx, "controller") or collector.name or collector.contact or ctx.notice.controller:
        return
    yield notice_finding(ctx, RULE)


RULE = Rule(
    code="NT302", name="no-collector", severity=Severity.WARNING, group="notice",
    laws={"pipl": ("PIPL Art. 17(1)(1)",), "gdpr": ("GDPR Art. 13(1)(a)",)},
    messages={"NT302.message": (), "NT302.help": ()},
    docs=__doc__ or "", check=check)
