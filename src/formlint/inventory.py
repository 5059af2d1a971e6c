"""A data inventory: what each form collects, from the same pipeline `check` runs.

Per form: the categories it asks with the fields that ask them, which of them are
sensitive and under which regime, the purpose (declared, recognised, or none), the
retention period, recipients and collector the form states. These are the inputs of
a GDPR Art. 30 record of processing and a PIPL Art. 55-56 impact assessment.
Reporters in formlint.reporters.inventory render it as CSV, JSON or Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass

from formlint.context import home_first
from formlint.model import FormResult
from formlint.taxonomy import Taxonomy


@dataclass(frozen=True)
class Sensitivity:
    regime: str
    citation: str


@dataclass(frozen=True)
class CategoryEntry:
    id: str
    name: dict[str, str]
    fields: tuple[str, ...]
    sensitive: tuple[Sensitivity, ...]


@dataclass(frozen=True)
class FormEntry:
    path: str
    title: str | None
    policy: str
    purpose: str | None
    purpose_origin: str  # declared | recognised | none
    recognised: str | None
    confidence: float | None
    retention_days: int | None
    retention_text: str | None
    recipients: tuple[str, ...] | None
    collector: str | None
    collector_contact: str | None
    categories: tuple[CategoryEntry, ...]
    unclassified: tuple[str, ...]


def inventory_of(result: FormResult, taxonomy: Taxonomy) -> FormEntry:
    """The inventory entry of one checked form."""
    recognition = result.recognition
    notice = result.notice
    return FormEntry(
        path=result.form.path,
        title=result.form.title,
        policy=result.policy.id,
        purpose=result.purpose.id if result.purpose.judged else None,
        purpose_origin=result.purpose_origin,
        recognised=recognition.purpose if recognition is not None else None,
        confidence=recognition.confidence if recognition is not None else None,
        retention_days=notice.retention.days,
        retention_text=notice.retention.evidence or None,
        recipients=tuple(notice.recipients) if notice.recipients is not None else None,
        collector=result.form.collector.name or notice.controller,
        collector_contact=result.form.collector.contact,
        categories=_categories(result, taxonomy),
        unclassified=tuple(f.key for f in result.form.fields if not result.classes[f.key].known),
    )


def _categories(result: FormResult, taxonomy: Taxonomy) -> tuple[CategoryEntry, ...]:
    fields: dict[str, list[str]] = {}
    for field in result.form.fields:
        category = result.classes[field.key].category
        if taxonomy.is_personal(category):
            fields.setdefault(category, []).append(field.key)
    order = {cid: index for index, cid in enumerate(taxonomy.ids())}
    return tuple(_entry(cid, keys, result, taxonomy) for cid, keys in sorted(fields.items(), key=lambda i: order[i[0]]))


def _entry(cid: str, keys: list[str], result: FormResult, taxonomy: Taxonomy) -> CategoryEntry:
    category = taxonomy.get(cid)
    regimes = home_first(result.form, result.policy.regimes)
    sensitive = tuple(Sensitivity(r, category.sensitive[r]) for r in regimes if r in category.sensitive)
    return CategoryEntry(cid, dict(category.name), tuple(keys), sensitive)
