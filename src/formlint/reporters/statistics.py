"""`formlint check --statistics`: how many findings each rule produced, most first.

Not an `--output-format`: it replaces the terminal output, like ruff's flag.
"""

from __future__ import annotations

from collections import Counter

from formlint.engine import Report
from formlint.i18n import t
from formlint.reporters import RenderOptions, severity_name

NAME = "statistics"
DESCRIPTION = "finding counts per rule code"


def render(report: Report, options: RenderOptions) -> str:
    tally = Counter(f.code for f in report.findings)
    names = {f.code: (f.rule_name, severity_name(f.severity, options.lang)) for f in report.findings}
    rows = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(n)) for n in tally.values()), default=1)
    lines = [f"{n:>{width}}  {code}  [{names[code][1]}] {names[code][0]}" for code, n in rows]
    if report.suppressed:
        lines.append(f"{len(report.suppressed):>{width}}  {t('report.suppressed_tag', options.lang)}")
    return "".join(f"{line}\n" for line in lines)
