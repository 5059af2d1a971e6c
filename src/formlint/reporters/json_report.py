"""Machine-readable output, version 1 (documented in README.md, "JSON output").

The shape is a public interface: change it only with a CHANGELOG entry and a
version bump.
"""

from __future__ import annotations

import json
from typing import Any, Iterator, TextIO

from formlint import __version__
from formlint.escape import json_text
from formlint.i18n import translate, translate_law
from formlint.model import Finding, FormResult, Recognition, Report
from formlint.reporters import RenderOptions, counts, rendered

NAME = "json"
DESCRIPTION = "one JSON object with forms, findings and errors (versioned)"
VERSION = 1
# Each form's `recognition`, also for forms that declare their purpose.
READS_RECOGNITION = True


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


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """The document `json.dumps(..., indent=2)` would give, written a form and a
    finding at a time."""
    findings = report.findings
    head = {
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
            "skipped": report.skipped,
        },
    }
    errors = [{"path": e.path, "line": e.line, "column": e.column, "message": e.message_in(options.lang)}
              for e in report.errors]
    out.write(_dumps(head)[:-2])  # open: without the closing "\n}"
    _write_list(out, "forms", (form_dict(r) for r in report.results))
    _write_list(out, "findings", (finding_dict(f, options.lang) for f in findings))
    _write_list(out, "errors", iter(errors))
    out.write("\n}\n")


def _write_list(out: TextIO, name: str, items: Iterator[dict[str, Any]]) -> None:
    """`,\n  "name": [...]` as a member of the top-level object at indent 2."""
    out.write(f',\n  {_dumps(name)}: ')
    first = next(items, None)
    if first is None:
        out.write("[]")
        return
    out.write("[\n    " + _nested(first))
    for item in items:
        out.write(",\n    " + _nested(item))
    out.write("\n  ]")


def _nested(item: dict[str, Any]) -> str:
    """An item of a list two levels deep, indented as json.dumps indents it there."""
    return _dumps(item).replace("\n", "\n    ")


def _dumps(value: Any) -> str:
    return json_text(json.dumps(value, ensure_ascii=False, indent=2))


def render(report: Report, options: RenderOptions) -> str:
    return rendered(write, report, options)
