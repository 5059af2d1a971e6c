"""A Markdown summary for a pull-request comment: totals, a table of forms with
counts per severity, then each form's findings in a collapsible table."""

from __future__ import annotations

import html

from formlint.engine import FormResult, Report
from formlint.reporters import RenderOptions, counts, relative_uri

NAME = "markdown"
DESCRIPTION = "Markdown summary tables for a pull-request comment"


def cell(text: str) -> str:
    """Table-safe text: pipes and line breaks would end the cell or the row."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def headline(report: Report) -> str:
    per = counts(report.findings)
    total = len(report.findings)
    if not total and not report.errors:
        return f"### formlint: no findings in {len(report.results)} form(s) :white_check_mark:"
    parts = ", ".join(f"{level}: {n}" for level, n in per.items())
    unread = f"; {len(report.errors)} file(s) could not be read" if report.errors else ""
    return f"### formlint: {total} finding(s) in {len(report.results)} form(s) ({parts}){unread}"


def summary_table(report: Report) -> list[str]:
    rows = ["| form | errors | warnings | info |", "|---|---:|---:|---:|"]
    for result in report.results:
        per = counts(list(result.findings))
        rows.append(f"| `{cell(relative_uri(result.form.path))}` | {per['error']} | {per['warning']} | {per['info']} |")
    return rows


def form_details(result: FormResult) -> list[str]:
    path = html.escape(relative_uri(result.form.path))
    rows = [f"<details><summary><code>{path}</code>: {len(result.findings)} finding(s)</summary>", "",
            "| line | code | severity | field | message |", "|---:|---|---|---|---|"]
    rows += [f"| {f.line} | {f.code} | {f.severity.value} | {cell(f.field_key or '')} | {cell(f.message)} |"
             for f in result.findings]
    return rows + ["", "</details>"]


def render(report: Report, options: RenderOptions) -> str:
    lines = [headline(report), ""]
    if report.results:
        lines += summary_table(report) + [""]
    for result in report.results:
        if result.findings:
            lines += form_details(result) + [""]
    lines += [f"- :x: `{cell(relative_uri(e.path))}:{e.line}:{e.column}`: {cell(e.message)}" for e in report.errors]
    return "\n".join(lines).rstrip("\n") + "\n"
