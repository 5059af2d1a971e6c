"""The default terminal format: `path:line:col: CODE [severity] message`, with help.

Findings are grouped by file in file order; a summary line ends the output.
Colour is plain ANSI so that this stays a pure function returning text.
"""

from __future__ import annotations

from formlint.engine import Report
from formlint.i18n import has, t
from formlint.model import Finding, Severity
from formlint.reporters import RenderOptions, counts

NAME = "text"
DESCRIPTION = "human-readable findings with help and legal basis (default)"

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def render_finding(item: Finding, color: bool, lang: str = "en") -> str:
    where = _paint(f"{item.path}:{item.line}:{item.column}:", "1", color)
    level = _paint(f"[{t('severity.' + item.severity.value, lang)}]", _COLOURS[item.severity], color)
    code = _paint(item.code, "1;" + _COLOURS[item.severity], color)
    sep = t("report.separator", lang)
    return (f"{where} {code} {level} {item.message}\n"
            f"  {_paint(t('report.help', lang) + sep, '32', color)}{item.help}\n"
            f"  {_paint(t('report.law', lang) + sep, '2', color)}{item.law}")


def _count(level: str, n: int, lang: str) -> str:
    one = f"report.count.{level}.one"
    return t(one, lang) if n == 1 and has(one, lang) else t(f"report.count.{level}", lang, n=n)


def summary(report: Report, lang: str = "en") -> str:
    fields = sum(len(r.form.fields) for r in report.results)
    found = t("report.list_separator", lang).join(_count(level, n, lang) for level, n in counts(report.findings).items())
    line = t("report.summary", lang, forms=len(report.results), fields=fields, counts=found)
    if report.errors:
        line += " " + t("report.unreadable", lang, count=len(report.errors))
    return line


def render(report: Report, options: RenderOptions) -> str:
    blocks = []
    for result in report.results:
        if result.findings:
            blocks.append("\n".join(render_finding(f, options.color, options.lang) for f in result.findings))
    if options.quiet:
        return "\n\n".join(blocks) + ("\n" if blocks else "")
    blocks.append(summary(report, options.lang))
    return "\n\n".join(blocks) + "\n"
