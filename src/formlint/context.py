"""What a rule sees when it checks one form: the form, its purpose and the facts
the classifier and notice analyser found. Rules build complete findings through
`Context.finding`, so reporters never have to look anything up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from formlint.i18n import Msg, render
from formlint.model import Classification, Field, Finding, Form, Location, NoticeFacts, Policy, Purpose, Severity
from formlint.taxonomy import Taxonomy


@dataclass(frozen=True)
class Context:
    form: Form
    policy: Policy
    purpose: Purpose
    taxonomy: Taxonomy
    classes: Mapping[str, Classification]
    notice: NoticeFacts
    lang: str = "en"

    def category_of(self, field: Field) -> Classification:
        return self.classes[field.key]

    def describe(self, field: Field) -> str:
        """`key` (label, category) as findings name a field."""
        verdict = self.category_of(field)
        label = field.first_label
        inner = f"{label}, {verdict.category}" if label and label != field.key else verdict.category
        return f"`{field.key}` ({inner})"

    @staticmethod
    def key_list(keys: list[str], limit: int = 5) -> str:
        """Field keys as a message shows them: the first few, then an ellipsis."""
        return ", ".join(f"`{k}`" for k in keys[:limit]) + (", …" if len(keys) > limit else "")

    def t(self, text: str | Msg) -> str:
        """A message in the run's language."""
        return render(text, self.lang)

    def finding(self, rule: tuple[str, str, Severity], message: str | Msg, help: str | Msg, law: str, *,
                field: Field | None = None, where: Location | None = None,
                severity: Severity | None = None, pointer: str = "") -> Finding:
        """A complete finding; `rule` is the rule's (CODE, NAME, SEVERITY)."""
        code, name, default = rule
        verdict = self.category_of(field) if field is not None else None
        place = where or (field.location if field is not None else self.form.location)
        return Finding(
            code=code,
            severity=severity or default,
            message=self.t(message),
            path=self.form.path,
            line=place.line,
            column=place.column,
            help=self.t(help),
            law=law,
            field_key=field.key if field is not None else None,
            pointer=field.pointer if field is not None else pointer,
            category=verdict.category if verdict is not None else None,
            evidence=verdict.evidence if verdict is not None else None,
            rule_name=name,
        )
