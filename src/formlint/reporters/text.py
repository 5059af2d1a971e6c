"""The default terminal format: `path:line:col: CODE [severity] message`, with help.

Findings are grouped by file in file order; a summary line ends the output.
Colour is plain ANSI so that this stays a pure function returning text.
"""

from __future__ import annotations

from typing import TextIO

from formlint.escape import terminal, terminal_path
from formlint.model import Finding, FormResult, Report, Severity, Suppressed
from formlint.i18n import has, label, t, translate, translate_law
from formlint.memo import Memo
from formlint.reporters import RenderOptions, counts, rendered

NAME = "full"
DESCRIPTION = "human-readable findings with help and legal basis (default; `text` is an alias)"

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def render_finding(item: Finding, color: bool, lang: str = "en", shown_path: str | None = None) -> str:
    """One finding's lines; `shown_path` is its path already made safe for a terminal,
    when the caller has it (every finding of a form is on that form's file)."""
    path = shown_path if shown_path is not None else terminal_path(item.path)
    return f"{_where(item, path, color)} {_said(item, color, lang)}"


def _where(item: Finding, path: str, color: bool) -> str:
    return _paint(f"{path}:{item.line}:{item.column}:", "1", color)


# Findings of one rule on one kind of field say the same from form to form.
_SAID: Memo[str] = Memo()


def _said(item: Finding, color: bool, lang: str) -> str:
    """What a finding says, after where it is: rendered once for all findings that share
    their code, severity, message, help and law."""
    return _SAID.get((item.code, item.severity, item.message, item.help, item.law, color, lang),
                     lambda: _saying(item, color, lang))


def _saying(item: Finding, color: bool, lang: str) -> str:
    level = _paint(f"[{t('severity.' + item.severity.value, lang)}]", _COLOURS[item.severity], color)
    code = _paint(item.code, "1;" + _COLOURS[item.severity], color)
    return (f"{code} {level} {terminal(translate(item.message, lang))}\n"
            f"  {_paint(label('report.help', lang), '32', color)}{terminal(translate(item.help, lang))}\n"
            f"  {_paint(label('report.law', lang), '2', color)}{terminal(translate_law(item.law, lang))}")


def render_suppressed(item: Suppressed, color: bool, lang: str = "en") -> str:
    """A silenced finding, with the reason its directive gave (or that it gave none)."""
    found = item.finding
    where = _paint(f"{terminal_path(found.path)}:{found.line}:{found.column}:", "1", color)
    reason = item.suppression.reason or t("report.no_reason", lang)
    return (f"{where} {found.code} [{t('report.suppressed_tag', lang)}] {terminal(translate(found.message, lang))} "
            f"({terminal(reason)})")


def suppressed_lines(result: FormResult, options: RenderOptions) -> list[str]:
    if not options.show_suppressed:
        return []
    return [render_suppressed(s, options.color, options.lang) for s in result.suppressed]


def _count(level: str, n: int, lang: str) -> str:
    one = f"report.count.{level}.one"
    return t(one, lang) if n == 1 and has(one, lang) else t(f"report.count.{level}", lang, n=n)


def summary(report: Report, lang: str = "en") -> str:
    fields = sum(len(r.form.fields) for r in report.results)
    found = t("report.list_separator", lang).join(_count(level, n, lang) for level, n in counts(report.findings).items())
    sentences = [t("report.summary", lang, forms=len(report.results), fields=fields, counts=found)]
    if report.suppressed:
        sentences.append(t("report.suppressed", lang, count=len(report.suppressed)))
    if report.baselined:
        sentences.append(t("report.baselined", lang, count=report.baselined))
    if report.errors:
        sentences.append(t("report.unreadable", lang, count=len(report.errors)))
    if report.skipped:
        sentences.append(t("report.skipped", lang, count=report.skipped))
    # Chinese runs sentences together; English separates them with a space.
    return t("report.sentence_separator", lang).join(sentences)


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """Each file's block of findings, a blank line between blocks, then the summary
    (left out with `quiet`)."""
    written = False
    for result in report.results:
        path = terminal_path(result.form.path)  # every finding of a form is on its file
        lines = [render_finding(f, options.color, options.lang, path if f.path == result.form.path else None)
                 for f in result.findings]
        lines += suppressed_lines(result, options)
        if lines:
            out.write(("\n" if written else "") + "\n".join(lines) + "\n")
            written = True
    if not options.quiet:
        out.write(("\n" if written else "") + summary(report, options.lang) + "\n")


def render(report: Report, options: RenderOptions) -> str:
    return rendered(write, report, options)
