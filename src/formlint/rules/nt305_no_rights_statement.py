"""Notice silent on how to exercise rights (opt-in).

What it catches: a notice that never says how people can see, copy, correct or
delete their answers or withdraw consent ("you have the right to access and
correct…", "您可以查阅、复制、更正…", "撤回同意"). A deletion date alone ("21天后删除")
is retention, not a right. Enabled by `rules: {enable: [NT305]}` (the `gdpr`,
`pipl` and `ccpa` packs).

Why: a notice must give the ways and procedures for exercising the rights the law
grants (PIPL Art. 17(1)(3), with the rights in Art. 15 and 44-47); GDPR
Art. 13(2)(b)-(c) requires informing people of their rights of access,
rectification, erasure, restriction, objection and withdrawal of consent; CCPA Cal.
Civ. Code 1798.130(a)(1) requires methods for submitting requests.

How to fix: add one sentence saying how to ask for a copy, a correction or
deletion, and how to withdraw consent, with the contact to use.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.model import Finding, Severity
from formlint.rules._notice import notice_finding
from formlint.rules.rule import Rule, Status


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.notice.rights is None:
        yield notice_finding(ctx, RULE)


RULE = Rule(
    code="NT305", name="no-rights-statement", severity=Severity.WARNING, group="notice",
    status=Status.OPT_IN,
    laws={"pipl": ("PIPL Art. 15, 17(1)(3), 44-47",), "gdpr": ("GDPR Art. 13(2)(b)-(c)",),
          "ccpa": ("CCPA 1798.130(a)(1)",)},
    messages={"NT305.message": (), "NT305.help": ()},
    docs=__doc__ or "", check=check)
