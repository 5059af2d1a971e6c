"""`formlint rule`: print a rule's documentation."""

from __future__ import annotations

from typing import Optional

import click

from formlint.errors import UsageError
from formlint.cli.common import LANG_HELP, resolve_lang, write_output
from formlint.message import msg


@click.command("rule")
@click.argument("code", required=False, metavar="[CODE]")
@click.option("--all", "all_rules", is_flag=True, help="Print every rule's documentation.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def rule(code: Optional[str], all_rules: bool, lang: Optional[str]) -> None:
    """Explain what a rule catches, the law behind it, and how to fix it.

    CODE is a rule code, e.g. DM102."""
    from formlint.rules import RULES

    language = resolve_lang(lang)
    if all_rules:
        write_output("\n\n".join(_doc(c, language) for c in RULES) + "\n")
        return
    if code is None:
        raise UsageError(msg("usage.rule_needs_code"))
    if code.upper() not in RULES:
        raise UsageError(msg("usage.unknown_rule", code=code, rules=", ".join(RULES)))
    write_output(_doc(code.upper(), language) + "\n")


def _doc(code: str, lang: str) -> str:
    """Heading (code, name, severity and status), the docs, and the rule's page."""
    from formlint.i18n import t
    from formlint.links import rule_url
    from formlint.rules import RULES, rule_doc

    rule = RULES[code]
    status = "" if rule.status.value == "stable" else f" ({rule.status.value})"
    heading = f"{code} {rule.name} [{t('severity.' + rule.severity.value, lang)}]{status}"
    return f"{heading}\n\n{rule_doc(code, lang)}\n\n{rule_url(code, lang)}"
