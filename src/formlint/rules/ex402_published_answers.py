"""Notice announces that answers will be published (opt-in).

What it catches: a notice saying the answers, or a list made from them, will be
published, posted or displayed ("will be published on the notice board", "登记
名单将在小区公示", "公布"); "will not be published" and "不得公开" do not count.
Forms whose answers are visible to others (`visibility: shared` or `public`) are
EX401's. Enabled by `rules: {enable: [EX402]}` (the `cac-2020-epidemic` pack).

Why: the CAC notice of 2020-02-09 forbids publishing the name, age, ID number,
phone number or home address of people collected for epidemic prevention without
their consent, except where needed and desensitised; a handler may not make
personal information public without separate consent (PIPL Art. 25).

How to fix: do not publish the answers; if a public list is truly needed, publish
only desensitised aggregates, and ask for separate consent.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Finding, Severity
from formlint.rules._notice import notice_finding
from formlint.rules.rule import Rule, Status


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.notice.publication is not None:
        yield notice_finding(ctx, RULE, msg("EX402.message", evidence=ctx.notice.publication))


RULE = Rule(
    code="EX402", name="published-answers", severity=Severity.ERROR, group="exposure",
    status=Status.OPT_IN,
    laws={"cac": ("CAC notice 2020-02-09",), "pipl": ("PIPL Art. 25",)},
    messages={"EX402.message": ("evidence",), "EX402.help": ()},
    docs=__doc__ or "", check=check)
