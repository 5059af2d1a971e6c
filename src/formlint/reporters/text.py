"""The default terminal format: `path:line:col: CODE [severity] message`, with help.

Findings are grouped by file in file order; a summary line ends the output.
Colour is plain ANSI so that this stays a pure function returning text.
"""

from __future__ import annotations

from formlint.engine import FormResult, Report, Suppressed
from formlint.model import Finding, Severity
from formlint.reporters import RenderOptions, counts

NAME = "full"
DESCRIPTION = "human-readable findings with help and legal basis (default; `text` is an alias)"

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def render_finding(item: Finding, color: bool) -> str:
    where = _paint(f"{item.path}:{item.line}:{item.column}:", "1", color)
    level = _paint(f"[{item.severity.value}]", _COLOURS[item.severity], color)
    code = _paint(item.code, "1;" + _COLOURS[item.severity], color)
    return (f"{where} {code} {level} {item.message}\n"
            f"  {_paint('help:', '32', color)} {item.help}\n"
            f"  {_paint('law:', '2', color)} {item.law}")


def render_suppressed(item: Suppressed, color: bool) -> str:
    """A silenced finding, with the reason its directive gave (or that it gave none)."""
    found = item.finding
    where = _paint(f"{found.path}:{found.line}:{found.column}:", "1", color)
    reason = item.suppression.reason or "no reason given"
    return f"{where} {found.code} [suppressed] {found.message} ({reason})"


def suppressed_lines(result: FormResult, options: RenderOptions) -> list[str]:
    return [render_suppressed(s, options.color) for s in result.suppressed] if options.show_suppressed else []


def summary(report: Report) -> str:
    fields = sum(len(r.form.fields) for r in report.results)
    per = counts(report.findings)
    found = ", ".join(f"{n} {level}{'s' if n != 1 and level != 'info' else ''}" for level, n in per.items())
    line = f"Checked {len(report.results)} form(s), {fields} field(s): {found}."
    if report.suppressed:
        line += f" {len(report.suppressed)} suppressed."
    if report.errors:
        line += f" {len(report.errors)} file(s) could not be checked."
    return line


def render(report: Report, options: RenderOptions) -> str:
    blocks = []
    for result in report.results:
        lines = [render_finding(f, options.color) for f in result.findings] + suppressed_lines(result, options)
        if lines:
            blocks.append("\n".join(lines))
    if options.quiet:
        return "\n\n".join(blocks) + ("\n" if blocks else "")
    blocks.append(summary(report))
    return "\n\n".join(blocks) + "\n"
