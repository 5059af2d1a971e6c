"""`formlint check --statistics`: how many findings each rule produced, most first.

Not an `--output-format`: it replaces the terminal output, like ruff's flag.
"""

from __future__ import annotations

from collections import Counter

from formlint.model import Report
from formlint.i18n import t
from formlint.reporters import RenderOptions, severity_name

NAME = "statistics"
DESCRIPTION = "finding counts per rule code"


def render(report: Report, options: RenderOptions) -> str:
    # One row per rule and severity: a policy can make one rule's findings errors for
    # some categories and warnings for others (DM102 on ID numbers).
    tally = Counter((f.code, f.severity) for f in report.findings)
    names = {f.code: f.rule_name for f in report.findings}
    rows = sorted(tally.items(), key=lambda item: (-item[1], item[0][0], -item[0][1].rank))
    width = max((len(str(n)) for n in tally.values()), default=1)
    lines = [f"{n:>{width}}  {code}  [{severity_name(severity, options.lang)}] {names[code]}"
             for (code, severity), n in rows]
    if report.suppressed:
        lines.append(f"{len(report.suppressed):>{width}}  {t('report.suppressed_tag', options.lang)}")
    return "".join(f"{line}\n" for line in lines)
