"""GitLab Code Quality report (a subset of the Code Climate spec): a JSON array of
issues for `artifacts: reports: codequality`.

Severity mapping: error -> critical, warning -> major, info -> info. `blocker` is
left for nothing: formlint has no finding that should stop every other review.
Fingerprints are the same rule + file + field hash as SARIF's.
"""

from __future__ import annotations

import json
from typing import Any

from formlint.escape import json_text
from formlint.i18n import translate
from formlint.model import Finding, Report, Severity
from formlint.reporters import RenderOptions, fingerprints, relative_uri

NAME = "gitlab"
DESCRIPTION = "GitLab Code Quality JSON (merge-request widget)"
SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def issue(item: Finding, fingerprint: str, lang: str = "en") -> dict[str, Any]:
    return {
        "description": f"{item.code} {translate(item.message, lang)}",
        "check_name": item.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[item.severity],
        "location": {"path": relative_uri(item.path), "lines": {"begin": max(item.line, 1)}},
    }


def render(report: Report, options: RenderOptions) -> str:
    findings = report.findings
    issues = [issue(f, fp, options.lang) for f, fp in zip(findings, fingerprints(findings))]
    return json_text(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n"
