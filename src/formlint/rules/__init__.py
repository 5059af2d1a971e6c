"""The rule registry: one module per rule, its docstring is the rule's documentation.

Each module defines CODE, NAME, SEVERITY and `check(ctx) -> Iterator[Finding]`.
A module with `OPT_IN = True` runs only when the policy lists it under
`rules: {enable: [...]}`, so adding one never changes results for existing policies.
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
    dm105_free_text_field,
    dm106_full_government_id,
    ex401_shared_answers,
    ex402_published_answers,
    fl001_unused_suppression,
    nt301_no_purpose_statement,
    nt302_no_collector,
    nt303_no_recipients_statement,
    nt304_no_separate_consent,
    nt305_no_rights_statement,
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
        dm105_free_text_field,
        dm106_full_government_id,
        rt201_no_retention,
        rt202_vague_retention,
        rt203_retention_too_long,
        nt301_no_purpose_statement,
        nt302_no_collector,
        nt303_no_recipients_statement,
        nt304_no_separate_consent,
        nt305_no_rights_statement,
        ex401_shared_answers,
        ex402_published_answers,
        fl001_unused_suppression,
    )
}
OPT_IN: tuple[str, ...] = tuple(code for code, module in RULES.items() if getattr(module, "OPT_IN", False))


def run_rules(ctx: Context, codes: frozenset[str] | None = None) -> Iterator[Finding]:
    for code, rule in RULES.items():
        if code in OPT_IN and not ctx.policy.enables(code):
            continue
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
