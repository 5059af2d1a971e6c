"""One line per finding: `path:line:col: CODE [severity] message`, then the summary."""

from __future__ import annotations

from formlint.escape import terminal, terminal_path
from formlint.i18n import translate
from formlint.model import Finding, Report
from formlint.reporters import RenderOptions, severity_name
from formlint.reporters.text import summary, suppressed_lines

NAME = "concise"
DESCRIPTION = "one line per finding, no help or law"


def render_finding(item: Finding, lang: str = "en") -> str:
    level = severity_name(item.severity, lang)
    return (f"{terminal_path(item.path)}:{item.line}:{item.column}: {item.code} [{level}] "
            f"{terminal(translate(item.message, lang))}")


def render(report: Report, options: RenderOptions) -> str:
    lines = []
    for result in report.results:
        lines += [render_finding(f, options.lang) for f in result.findings] + suppressed_lines(result, options)
    if not options.quiet:
        lines.append(summary(report, options.lang))
    return "".join(f"{line}\n" for line in lines)
