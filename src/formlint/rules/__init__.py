"""The rule registry: one module per rule, its docstring is the rule's documentation.

Each module defines CODE, NAME, SEVERITY, LAW and `check(ctx) -> Iterator[Finding]`.
The CLI's rule choices, `formlint rule` and the README rule table all come from
RULES.
"""

from __future__ import annotations

import inspect
from types import ModuleType
from typing import Iterator

from formlint.context import Context
from formlint.model import Finding
from formlint.rules import (
    dm101_excess_field,
    dm102_excess_sensitive_field,
    dm103_optional_required,
    dm104_unclassified_field,
    ex401_shared_answers,
    nt301_no_purpose_statement,
    nt302_no_collector,
    rt201_no_retention,
    rt202_vague_retention,
    rt203_retention_too_long,
)

RULES: dict[str, ModuleType] = {
    module.CODE: module
    for module in (
        dm101_excess_field,
        dm102_excess_sensitive_field,
        dm103_optional_required,
        dm104_unclassified_field,
        rt201_no_retention,
        rt202_vague_retention,
        rt203_retention_too_long,
        nt301_no_purpose_statement,
        nt302_no_collector,
        ex401_shared_answers,
    )
}


def run_rules(ctx: Context, codes: frozenset[str] | None = None) -> Iterator[Finding]:
    for code, rule in RULES.items():
        if codes is None or code in codes:
            yield from rule.check(ctx)


def rule_doc(code: str, lang: str = "en") -> str:
    """The rule's documentation: its docstring in English, the catalogue otherwise."""
    from formlint.i18n import catalogue

    translated = catalogue(lang).get(f"rule.{code}.doc") if lang != "en" else None
    if translated:
        return translated.strip()
    return inspect.cleandoc(RULES[code].__doc__ or "")


def rule_summary(code: str, lang: str = "en") -> str:
    """The first line of the rule's docs."""
    return rule_doc(code, lang).splitlines()[0]
