"""Machine-readable output, version 1 (documented in README.md, "JSON output").

The shape is a public interface: change it only with a CHANGELOG entry and a
version bump.
"""

from __future__ import annotations

import json
from typing import Any

from formlint import __version__
from formlint.escape import json_text
from formlint.i18n import translate, translate_law
from formlint.model import Finding, FormResult, Recognition, Report
from formlint.reporters import RenderOptions, counts

NAME = "json"
DESCRIPTION = "one JSON object with forms, findings and errors (versioned)"
VERSION = 1


def finding_dict(item: Finding, lang: str) -> dict[str, Any]:
    return {
        "code": item.code,
        "name": item.rule_name,
        "severity": item.severity.value,
        "message": translate(item.message, lang),
        "path": item.path,
        "line": item.line,
        "column": item.column,
        "field": item.field_key,
        "pointer": item.pointer,
        "category": item.category,
        "evidence": item.evidence,
        "help": translate(item.help, lang),
        "law": translate_law(item.law, lang),
    }


def recognition_dict(recognition: Recognition | None) -> dict[str, Any] | None:
    """The purpose recognition found, its confidence and the clues (language-neutral)."""
    if recognition is None:
        return None
    return {"purpose": recognition.purpose, "confidence": recognition.confidence,
            "confident": recognition.confident, "runner_up": recognition.runner_up,
            "clues": [{"place": c.place, "text": c.text, "phrase": c.phrase} for c in recognition.clues],
            "typical_fields": recognition.typical_fields, "personal_fields": recognition.personal_fields,
            "typical_categories": list(recognition.typical_categories)}


def form_dict(result: FormResult) -> dict[str, Any]:
    retention = result.notice.retention
    return {
        "path": result.form.path,
        "format": result.form.format,
        "title": result.form.title,
        "policy": {"id": result.policy.id, "path": result.policy.path},
        "purpose": result.purpose.id if result.purpose.judged else None,
        "purpose_origin": result.purpose_origin,
        "recognition": recognition_dict(result.recognition),
        "fields": len(result.form.fields),
        "findings": len(result.findings),
        "retention": {"found": retention.found, "days": retention.days, "vague": retention.vague,
                      "kind": retention.kind, "evidence": retention.evidence or None},
        "notice": {"purpose": result.notice.purpose, "controller": result.notice.controller,
                   "recipients": list(result.notice.recipients) if result.notice.recipients is not None else None},
    }


def render(report: Report, options: RenderOptions) -> str:
    findings = report.findings
    document = {
        "version": VERSION,
        "tool": {"name": "formlint", "version": __version__},
        "policy": {"id": options.policy.id, "path": options.policy.path},
        "summary": {
            "forms": len(report.results),
            "fields": sum(len(r.form.fields) for r in report.results),
            "findings": len(findings),
            "by_severity": counts(findings),
            "suppressed": len(report.suppressed),
            "baselined": report.baselined,
            "errors": len(report.errors),
        },
        "forms": [form_dict(r) for r in report.results],
        "findings": [finding_dict(f, options.lang) for f in findings],
        "errors": [{"path": e.path, "line": e.line, "column": e.column, "message": e.message_in(options.lang)}
                   for e in report.errors],
    }
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
