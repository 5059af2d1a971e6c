"""Output formats: pure functions from a finished report to text.

Each module defines NAME, DESCRIPTION and `render(report, options) -> str`; the
CLI's `--output-format` choices come from REPORTERS (plus ALIASES). A format whose
output grows with the tree (full, json, json-lines) also defines
`write(report, options, out)`, which writes the same text piece by piece, so a run
over many thousands of forms never holds its whole output in memory; `writer(name)`
gives that, or `render` written at once for the other formats.
"""

from __future__ import annotations

import importlib
import io
import os
from dataclasses import dataclass
from typing import Protocol, TextIO

from formlint.model import Finding, Policy, Report, Severity
from formlint.i18n import t, translate


@dataclass(frozen=True)
class RenderOptions:
    policy: Policy
    color: bool = False
    quiet: bool = False
    fail_on: Severity = Severity.WARNING
    show_suppressed: bool = False
    lang: str = "en"


class Renderer(Protocol):
    def __call__(self, report: Report, options: RenderOptions) -> str: ...


REPORTERS: dict[str, str] = {
    "full": "formlint.reporters.text",
    "concise": "formlint.reporters.concise",
    "json": "formlint.reporters.json_report",
    "json-lines": "formlint.reporters.json_lines",
    "sarif": "formlint.reporters.sarif",
    "junit": "formlint.reporters.junit",
    "github": "formlint.reporters.github",
    "gitlab": "formlint.reporters.gitlab",
    "markdown": "formlint.reporters.markdown",
    "html": "formlint.reporters.html",
}
# Older spellings that keep working.
ALIASES: dict[str, str] = {"text": "full"}


class Writer(Protocol):
    def __call__(self, report: Report, options: RenderOptions, out: TextIO) -> None: ...


def format_names() -> list[str]:
    return [*REPORTERS, *ALIASES]


def renderer(name: str) -> Renderer:
    module = importlib.import_module(REPORTERS[ALIASES.get(name, name)])
    render: Renderer = module.render
    return render


def writer(name: str) -> Writer:
    """The format's `write`, or its `render` written in one piece."""
    module = importlib.import_module(REPORTERS[ALIASES.get(name, name)])
    write: Writer | None = getattr(module, "write", None)
    return write if write is not None else writing(module.render)


def writing(render: Renderer) -> Writer:
    """A format that renders its whole text at once, as a Writer."""
    def write_rendered(report: Report, options: RenderOptions, out: TextIO) -> None:
        out.write(render(report, options))

    return write_rendered


def rendered(write: Writer, report: Report, options: RenderOptions) -> str:
    """What `write` writes, as one text (a format's `render`)."""
    out = io.StringIO()
    write(report, options, out)
    return out.getvalue()


def counts(findings: list[Finding]) -> dict[str, int]:
    """Findings per severity, gravest first, every severity present."""
    result = {s.value: 0 for s in sorted(Severity, reverse=True)}
    for item in findings:
        result[item.severity.value] += 1
    return result


def severity_name(severity: Severity, lang: str) -> str:
    """The severity as a reader sees it; machine-readable outputs keep `severity.value`."""
    return t(f"severity.{severity.value}", lang)


def message_with_help(item: Finding, lang: str) -> str:
    """One-line text for annotations that have no separate help field."""
    return t("report.message_with_help", lang, message=translate(item.message, lang),
             help=translate(item.help, lang))


def relative_uri(path: str) -> str:
    """A path relative to the current directory (the repository root in CI), with
    forward slashes, as SARIF, GitLab and GitHub annotations expect."""
    if path == "-" or path.startswith("<"):
        return path
    return os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")


def fingerprints(findings: list[Finding]) -> list[str]:
    """A stable id per finding: rule, file and field, not line or message, so moving
    or rewording a field keeps it; identical triples are told apart by their order."""
    import hashlib

    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for item in findings:
        key = (item.code, relative_uri(item.path), item.field_key or "")
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        text = "\0".join((*key, str(occurrence)))
        # surrogatepass: a key read from JSON may hold a lone surrogate ("\ud800").
        result.append(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32])
    return result
