"""A Markdown summary for a pull-request comment: totals, a table of forms with
counts per severity, then each form's findings in a collapsible table."""

from __future__ import annotations

import html

from formlint.model import FormResult, Report
from formlint.i18n import label, t, translate
from formlint.reporters import RenderOptions, counts, relative_uri, severity_name

NAME = "markdown"
DESCRIPTION = "Markdown summary tables for a pull-request comment"


def cell(text: str) -> str:
    """Table-safe text: pipes and line breaks would end the cell or the row."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def headline(report: Report, lang: str) -> str:
    total, forms = len(report.findings), len(report.results)
    if not total and not report.errors:
        return t("report.markdown.clean", lang, forms=forms)
    parts = t("report.list_separator", lang).join(
        f"{label(f'severity.{level}', lang)}{n}"
        for level, n in counts(report.findings).items())
    unread = t("report.markdown.unread", lang, count=len(report.errors)) if report.errors else ""
    return t("report.markdown.headline", lang, total=total, forms=forms, parts=parts, unread=unread)


def header(columns: list[str], align: str, lang: str) -> list[str]:
    """A table's heading row in `lang` and its alignment row."""
    return ["| " + " | ".join(t(f"report.column.{c}", lang) for c in columns) + " |", align]


def summary_table(report: Report, lang: str) -> list[str]:
    rows = header(["form", "errors", "warnings", "info"], "|---|---:|---:|---:|", lang)
    for result in report.results:
        per = counts(list(result.findings))
        rows.append(f"| `{cell(relative_uri(result.form.path))}` | {per['error']} | {per['warning']} | {per['info']} |")
    return rows


def form_details(result: FormResult, lang: str) -> list[str]:
    path = html.escape(relative_uri(result.form.path))
    found = t("report.markdown.details", lang, count=len(result.findings))
    rows = [f"<details><summary><code>{path}</code>: {found}</summary>", "",
            *header(["line", "code", "severity", "field", "message"], "|---:|---|---|---|---|", lang)]
    rows += [f"| {f.line} | {f.code} | {severity_name(f.severity, lang)} | {cell(f.field_key or '')} "
             f"| {cell(translate(f.message, lang))} |" for f in result.findings]
    return rows + ["", "</details>"]


def render(report: Report, options: RenderOptions) -> str:
    lines = [headline(report, options.lang), ""]
    if report.results:
        lines += summary_table(report, options.lang) + [""]
    for result in report.results:
        if result.findings:
            lines += form_details(result, options.lang) + [""]
    lines += [f"- :x: `{cell(relative_uri(e.path))}:{e.line}:{e.column}`: {cell(e.message)}" for e in report.errors]
    return "\n".join(lines).rstrip("\n") + "\n"
