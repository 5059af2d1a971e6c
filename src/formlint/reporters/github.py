"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=CODE::message`.

Each finding becomes an annotation on the pull request's diff; warnings and info
become `::warning` and `::notice`. Data escapes %, CR and LF; property values also
escape `:` and `,` (the runner's rules, as in actions/toolkit's command.ts); other
control characters are shown visibly (formlint.escape).
"""

from __future__ import annotations

from formlint.escape import github_data, github_property
from formlint.model import Finding, Report, Severity
from formlint.reporters import RenderOptions, message_with_help, relative_uri

NAME = "github"
DESCRIPTION = "GitHub Actions annotations (workflow commands)"
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def annotation(item: Finding, lang: str = "en") -> str:
    props = {"file": relative_uri(item.path), "line": str(item.line), "col": str(item.column),
             "title": item.code}
    joined = ",".join(f"{k}={github_property(v)}" for k, v in props.items())
    return f"::{COMMANDS[item.severity]} {joined}::{github_data(message_with_help(item, lang))}"


def render(report: Report, options: RenderOptions) -> str:
    lines = [annotation(f, options.lang) for f in report.findings]
    lines += [f"::error file={github_property(relative_uri(e.path))},line={e.line},col={e.column},"
              f"title=formlint::{github_data(e.message_in(options.lang))}" for e in report.errors]
    return "".join(f"{line}\n" for line in lines)
