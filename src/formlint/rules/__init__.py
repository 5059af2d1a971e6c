"""The rule registry, built from the `RULE` each rule module declares.

A rule is one module named `<code>_<name>.py` holding a `Rule` (formlint.rules.rule)
and its `check(ctx)`; the registry finds the modules itself, so adding a rule is
adding its module, its test cases (tests/rule_cases/CODE.yaml) and its messages in
the catalogues. Rules the policy must enable (`Status.OPT_IN`, `Status.PREVIEW`)
run only when it lists them under `rules: {enable: [...]}`, so adding one never
changes results for existing policies.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from typing import Iterable, Iterator, Mapping

from formlint.context import Context
from formlint.model import Finding
from formlint.rules.rule import GROUPS, Rule


@lru_cache(maxsize=1)
def _registry() -> dict[str, Rule]:
    found: list[Rule] = []
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_") and module.name != "rule":
            declared = importlib.import_module(f"{__name__}.{module.name}").RULE
            found.append(declared)
    found.sort(key=lambda rule: (GROUPS.index(rule.group), rule.code))
    return {rule.code: rule for rule in found}


RULES: Mapping[str, Rule] = _registry()
OPT_IN: tuple[str, ...] = tuple(code for code, rule in RULES.items() if rule.needs_enabling)
# Rules that were opt-in and now always run: a policy that still enables one stays valid.
FORMERLY_OPT_IN: tuple[str, ...] = ("DM107",)


def run_rules(ctx: Context, codes: frozenset[str] | None = None) -> list[Finding]:
    """Every finding of the rules that run on this form, without those a more
    specific rule's finding on the same field replaces (`Rule.refines`)."""
    return list(refined(_findings(ctx, codes)))


def _findings(ctx: Context, codes: frozenset[str] | None) -> Iterator[Finding]:
    for code, rule in RULES.items():
        if rule.needs_enabling and not ctx.policy.enables(code):
            continue
        if codes is None or code in codes:
            yield from rule.check(ctx)


def refined(found: Iterable[Finding]) -> Iterator[Finding]:
    findings = list(found)
    replaced = {(code, f.field_key) for f in findings if f.field_key is not None for code in RULES[f.code].refines}
    return (f for f in findings if (f.code, f.field_key) not in replaced)


def rule_doc(code: str, lang: str = "en") -> str:
    """The rule's documentation: its docstring in English, the catalogue otherwise."""
    from formlint.i18n import catalogue

    translated = catalogue(lang).get(f"rule.{code}.doc") if lang != "en" else None
    return translated.strip() if translated else RULES[code].docs


def rule_summary(code: str, lang: str = "en") -> str:
    """The first line of the rule's docs."""
    return rule_doc(code, lang).splitlines()[0]
