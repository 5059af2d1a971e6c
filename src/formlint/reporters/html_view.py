"""What the HTML report shows, worked out before the template sees it: per-form
field rows with their verdicts and findings, run totals and chart geometry.

The template only lays these out; every string from a form stays a plain `str`
here so that Jinja2's autoescaping escapes it where it is written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from formlint.model import UNKNOWN, Finding, FormResult, Policy, Report, Severity
from formlint.reporters import relative_uri
from formlint.taxonomy import Taxonomy
from formlint.verdicts import Verdict, field_verdict

NO_FINDING = "none"
SEVERITIES = tuple(s.value for s in sorted(Severity, reverse=True))
EXCESS = (Verdict.SENSITIVE_EXCESS, Verdict.EXCESS)


@dataclass(frozen=True)
class FieldRow:
    key: str
    label: str
    section: str
    category: str
    verdict: Verdict
    severity: str  # the gravest finding's severity, or NO_FINDING
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class FormView:
    anchor: str
    path: str
    title: str
    format: str
    purpose_id: str
    purpose_title: str
    purpose_origin: str  # declared | given | recognised | none
    retention: str | None
    policy: Policy
    policy_title: str  # in the report's language
    rows: tuple[FieldRow, ...]
    form_findings: tuple[Finding, ...]
    by_severity: dict[str, int]


@dataclass(frozen=True)
class Overview:
    forms: int
    fields: int
    findings: int
    by_severity: dict[str, int]
    excess: int
    sensitive_excess: int
    without_retention: int
    unreadable: int


def gravest(findings: tuple[Finding, ...]) -> str:
    return max(findings, key=lambda f: f.severity.rank).severity.value if findings else NO_FINDING


def severity_counts(findings: list[Finding] | tuple[Finding, ...]) -> dict[str, int]:
    counted = Counter(f.severity.value for f in findings)
    return {level: counted[level] for level in SEVERITIES}


def field_rows(result: FormResult, taxonomy: Taxonomy) -> tuple[FieldRow, ...]:
    by_field: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_field.setdefault(finding.field_key or "", []).append(finding)
    rows = []
    for field in result.form.fields:
        known = result.classes.get(field.key)
        category = known.category if known is not None else UNKNOWN
        found = tuple(by_field.get(field.key, ()))
        rows.append(FieldRow(field.key, field.first_label, " › ".join(field.section), category,
                             field_verdict(category, result.purpose, result.policy, taxonomy), gravest(found), found))
    return tuple(rows)


def retention_text(result: FormResult) -> str | None:
    retention = result.notice.retention
    return (retention.evidence or str(retention.days)) if retention.found else None


def purpose_origin(result: FormResult) -> str:
    """Where the purpose came from, as the report says it: the form's own `purpose`,
    one given for the check (or the policy's default), recognised, or none."""
    if result.purpose_origin == "declared":
        return "declared" if result.form.purpose == result.purpose.id else "given"
    return result.purpose_origin


def form_view(index: int, result: FormResult, taxonomy: Taxonomy, lang: str) -> FormView:
    """One form as the report shows it; purpose and policy titles in `lang`."""
    keys = {f.key for f in result.form.fields}
    form = result.form
    return FormView(
        anchor=f"form-{index}", path=relative_uri(form.path), title=form.title or "", format=form.format,
        purpose_id=result.purpose.id, purpose_title=result.purpose.title_in(lang),
        purpose_origin=purpose_origin(result), retention=retention_text(result),
        policy=result.policy, policy_title=result.policy.title_in(lang), rows=field_rows(result, taxonomy),
        form_findings=tuple(f for f in result.findings if (f.field_key or "") not in keys),
        by_severity=severity_counts(result.findings))


def overview(report: Report, forms: list[FormView]) -> Overview:
    verdicts = Counter(row.verdict for view in forms for row in view.rows)
    return Overview(
        forms=len(forms), fields=sum(len(v.rows) for v in forms), findings=len(report.findings),
        by_severity=severity_counts(report.findings), excess=verdicts[Verdict.EXCESS] + verdicts[Verdict.SENSITIVE_EXCESS],
        sensitive_excess=verdicts[Verdict.SENSITIVE_EXCESS],
        without_retention=sum(1 for v in forms if v.retention is None), unreadable=len(report.errors))


def findings_by_rule(report: Report) -> list[tuple[str, dict[str, int]]]:
    """Each rule that fired, most findings first, with its findings per severity."""
    per_rule: dict[str, list[Finding]] = {}
    for item in report.findings:
        per_rule.setdefault(item.code, []).append(item)
    ordered = sorted(per_rule.items(), key=lambda pair: (-len(pair[1]), pair[0]))
    return [(code, severity_counts(items)) for code, items in ordered]


def fields_by_group(forms: list[FormView]) -> list[tuple[str, dict[str, int]]]:
    """Each category group met, most fields first, with its fields per verdict."""
    per_group: dict[str, Counter[str]] = {}
    for row in (r for view in forms for r in view.rows):
        group = row.category.partition(".")[0]
        per_group.setdefault(group, Counter())[row.verdict.value] += 1
    ordered = sorted(per_group.items(), key=lambda pair: (-sum(pair[1].values()), pair[0]))
    return [(group, {v.value: counts[v.value] for v in Verdict}) for group, counts in ordered]
