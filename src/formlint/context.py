"""What a rule sees when it checks one form: the form, its purpose and the facts
the classifier and notice analyser found. Rules build complete findings through
`Context.finding`, so reporters never have to look anything up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Mapping, Protocol, TypeVar

from formlint.model import (Classification, Field, Finding, Form, Law, Location, Message, NoticeFacts, Policy,
                            Purpose, Recognition, Severity)
from formlint.memo import Memo
from formlint.taxonomy import Taxonomy


class RuleIdentity(Protocol):
    """What a finding takes from its rule (formlint.rules.rule.Rule)."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def law(self) -> tuple[str, ...]: ...

    @property
    def laws(self) -> Mapping[str, tuple[str, ...]]: ...


_V = TypeVar("_V")

# The regimes a policy chooses among (policy.schema.json `regimes`).
REGIMES = ("gdpr", "pipl", "ccpa")
# The regime a form written in a language is most likely collected under: it is cited
# first. Only Chinese says so clearly: English, Spanish, French or Portuguese forms are
# written under every regime.
HOME_REGIME = {"zh": "pipl"}
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def form_language(form: Form) -> str | None:
    """The form's declared language, else "zh" when most of its labels are written in
    Chinese characters; None when neither says."""
    if form.language:
        return form.language.split("-")[0].lower()
    labels = [field.first_label for field in form.fields if field.first_label]
    chinese = sum(1 for label in labels if _HAN.search(label))
    return "zh" if labels and 2 * chinese > len(labels) else None


def home_first(form: Form, regimes: tuple[str, ...]) -> tuple[str, ...]:
    """`regimes` with the regime of the form's language first (PIPL for a Chinese form)."""
    home = HOME_REGIME.get(form_language(form) or "")
    return tuple(sorted(regimes, key=lambda regime: regime != home))


@dataclass(frozen=True)
class Context:
    form: Form
    policy: Policy
    purpose: Purpose
    taxonomy: Taxonomy
    classes: Mapping[str, Classification]
    notice: NoticeFacts
    purpose_origin: str = "declared"  # declared | recognised | none
    recognition: Recognition | None = None

    @cached_property
    def home_regime(self) -> str | None:
        """The regime of the form's language (`HOME_REGIME`), when the policy applies it."""
        home = HOME_REGIME.get(form_language(self.form) or "")
        return home if home in self.policy.regimes else None

    @cached_property
    def regimes(self) -> tuple[str, ...]:
        """The policy's regimes, the form's home regime first (PIPL for a Chinese form)."""
        return home_first(self.form, self.policy.regimes)

    def cited(self, laws: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
        """The citations of the regimes the policy applies (a PIPL-only policy cites no
        GDPR article), the form's home regime first, then in the rule's order;
        citations of other bodies (CAC, ICO) always; all of them when the policy names
        no regime or none of the rule's."""
        if not self.policy.regimes or not any(r in self.policy.regimes for r in laws if r in REGIMES):
            return tuple(c for citations in laws.values() for c in citations)
        chosen = sorted((r for r in laws if r not in REGIMES or r in self.policy.regimes),
                        key=lambda regime: regime != self.home_regime)
        return tuple(c for regime in chosen for c in laws[regime])

    def field_finding(self, rule: RuleIdentity, field: Field, build: Callable[[Context, Field], Finding]) -> Finding:
        """`build(self, field)`, a finding of `rule` placed at `field`, built once for
        every field that says the same (`Field.description`) with the same category
        under the same policy, purpose and regimes: a finding's messages and law cost
        more to build than to look up. Only the path and place differ from one such
        field to the next."""
        found = _FIELD_FINDINGS.get((self.policy, self.purpose, self.taxonomy), lambda: build(self, field),
                                    (rule.code, self.regimes, self.home_regime, field.description,
                                     self.category_of(field)))
        return _placed(found, self.form.path, field)

    def category_of(self, field: Field) -> Classification:
        return self.classes[field.key]

    def describe(self, field: Field) -> str:
        """`key` (label, category) as findings name a field."""
        verdict = self.category_of(field)
        label = field.first_label
        inner = f"{label}, {verdict.category}" if label and label != field.key else verdict.category
        return f"`{field.key}` ({inner})"

    @staticmethod
    def key_list(keys: list[str], limit: int = 5) -> tuple[str, ...]:
        """Field keys as a message lists them: the first few, then an ellipsis."""
        return (*(f"`{k}`" for k in keys[:limit]), *(("…",) if len(keys) > limit else ()))

    def finding(self, rule: RuleIdentity, message: Message, help: Message, law: Law | None = None, *,
                field: Field | None = None, where: Location | None = None,
                severity: Severity | None = None, pointer: str = "") -> Finding:
        """A complete finding of `rule`; its law defaults to the rule's citations."""
        verdict = self.category_of(field) if field is not None else None
        place = where or (field.location if field is not None else self.form.location)
        return Finding(
            code=rule.code,
            severity=severity or rule.severity,
            message=_shared(message),
            path=self.form.path,
            line=place.line,
            column=place.column,
            help=_shared(help),
            law=_shared(self.cited(rule.laws) if law is None else law),
            field_key=field.key if field is not None else None,
            pointer=field.pointer if field is not None else pointer,
            category=verdict.category if verdict is not None else None,
            evidence=verdict.evidence if verdict is not None else None,
            rule_name=rule.name,
        )


def _placed(found: Finding, path: str, field: Field) -> Finding:
    """`found` as made on another form's field of the same description, at `field`."""
    return Finding(found.code, found.severity, found.message, path, field.location.line, field.location.column,
                   found.help, found.law, found.field_key, field.pointer, found.category, found.evidence,
                   found.rule_name)


_FIELD_FINDINGS: Memo[Finding] = Memo(limit=8192)

# A run keeps every finding until its outputs are written, and findings of one rule
# repeat their message, help and law from form to form (16,000 findings on 1,000
# forms hold some 1,000 messages, 70 helps and 40 laws): equal values are kept once.
# Message parameters are text, whole numbers and messages, so equal means identical.
_SHARED_VALUES: dict[object, object] = {}
_MAX_SHARED = 65536


def _shared(value: _V) -> _V:
    try:
        kept = _SHARED_VALUES.get(value)
    except TypeError:  # a parameter that cannot be a dictionary key: kept as it is
        return value
    if kept is None:
        if len(_SHARED_VALUES) >= _MAX_SHARED:
            _SHARED_VALUES.clear()
        _SHARED_VALUES[value] = kept = value
    return kept  # type: ignore[return-value]
