"""Notice silent on who else receives the answers (opt-in).

What it catches: a notice that neither names the recipients of the answers (other
handlers, authorities, "shared with the CDC") nor says that nobody else receives
them, on a policy that requires disclosure (`rules: {enable: [NT303]}`; the `gdpr`,
`pipl` and `ccpa` packs enable it). The structured `notice.recipients` item counts,
`[]` included.

Why: a handler that provides personal information to another handler must tell
people the recipient's name and contact and get separate consent (PIPL Art. 23);
GDPR Art. 13(1)(e) requires the recipients or categories of recipients; CCPA Cal.
Civ. Code 1798.100(a)(1) requires saying whether the information is sold or
shared. In 2020 a city's Health Code passed location data to the police without a
word in its notice.

How to fix: name every recipient in the notice ("shared only with the district
CDC" / "仅提供给区疾控中心"), or state that nobody else receives the answers; or set
`notice.recipients`.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.model import Finding, Severity
from formlint.rules._notice import notice_finding
from formlint.rules.rule import Rule, Status


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.notice.recipients is None:
        yield notice_finding(ctx, RULE)


RULE = Rule(
    code="NT303", name="no-recipients-statement", severity=Severity.WARNING, group="notice",
    status=Status.OPT_IN,
    laws={"pipl": ("PIPL Art. 17, 23",), "gdpr": ("GDPR Art. 13(1)(e)",), "ccpa": ("CCPA 1798.100(a)(1)",)},
    messages={"NT303.message": (), "NT303.help": ()},
    docs=__doc__ or "", check=check)
