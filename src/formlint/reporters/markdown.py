"""A Markdown summary for a pull-request comment: totals, a table of forms with
counts per severity, then each form's findings in a collapsible table.

Text from forms and file names goes through formlint.escape: paths and keys as code
spans, messages as escaped inline text, the `<details>` summary as HTML, so a label
cannot draw an element (`<img>`, `</details>`, `<h1>`) into the comment."""

from __future__ import annotations

from formlint.escape import code_span, html, markdown
from formlint.model import FormResult, Report
from formlint.i18n import label, t, translate
from formlint.reporters import RenderOptions, counts, relative_uri, severity_name

NAME = "markdown"
DESCRIPTION = "Markdown summary tables for a pull-request comment"


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
        rows.append(f"| {code_span(relative_uri(result.form.path))} | {per['error']} | {per['warning']} | {per['info']} |")
    return rows


def form_details(result: FormResult, lang: str) -> list[str]:
    path = html(relative_uri(result.form.path))
    found = t("report.markdown.details", lang, count=len(result.findings))
    rows = [f"<details><summary><code>{path}</code>: {found}</summary>", "",
            *header(["line", "code", "severity", "field", "message"], "|---:|---|---|---|---|", lang)]
    rows += [f"| {f.line} | {f.code} | {severity_name(f.severity, lang)} | {code_span(f.field_key) if f.field_key else ''} "
             f"| {markdown(translate(f.message, lang))} |" for f in result.findings]
    return rows + ["", "</details>"]


def render(report: Report, options: RenderOptions) -> str:
    lines = [headline(report, options.lang), ""]
    if report.results:
        lines += summary_table(report, options.lang) + [""]
    for result in report.results:
        if result.findings:
            lines += form_details(result, options.lang) + [""]
    lines += [f"- :x: {code_span(f'{relative_uri(e.path)}:{e.line}:{e.column}')}: {markdown(e.message_in(options.lang))}"
              for e in report.errors]
    return "\n".join(lines).rstrip("\n") + "\n"
