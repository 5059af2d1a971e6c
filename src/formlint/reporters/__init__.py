"""Output formats: pure functions from a finished report to text.

Each module defines NAME, DESCRIPTION and `render(report, options) -> str`; the
CLI's `--format` choices come from REPORTERS.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from formlint.engine import Report
from formlint.model import Finding, Policy, Severity


@dataclass(frozen=True)
class RenderOptions:
    policy: Policy
    color: bool = False
    quiet: bool = False
    fail_on: Severity = Severity.WARNING
    lang: str = "en"


class Renderer(Protocol):
    def __call__(self, report: Report, options: RenderOptions) -> str: ...


REPORTERS: dict[str, str] = {
    "text": "formlint.reporters.text",
    "json": "formlint.reporters.json_report",
}


def renderer(name: str) -> Renderer:
    module = importlib.import_module(REPORTERS[name])
    render: Renderer = module.render
    return render


def counts(findings: list[Finding]) -> dict[str, int]:
    """Findings per severity, gravest first, every severity present."""
    result = {s.value: 0 for s in sorted(Severity, reverse=True)}
    for item in findings:
        result[item.severity.value] += 1
    return result
