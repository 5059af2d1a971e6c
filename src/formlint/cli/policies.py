"""`formlint policies list|show|validate`: browse and check policies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import click

from formlint.cli.common import (EXIT_ERROR, LANG_HELP, SuggestingGroup, category_text, display_width, report_error,
                                 resolve_lang, write_output)

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.model import Policy, Purpose
    from formlint.taxonomy import Taxonomy

@click.group("policies", cls=SuggestingGroup, no_args_is_help=True)
def policies() -> None:
    """List, show and validate policies."""


@policies.command("list")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def list_policies(lang: Optional[str]) -> None:
    """List the built-in policies with their purposes, regimes and opt-in rules."""
    from formlint.escape import terminal_lines
    from formlint.i18n import t
    from formlint.policy import builtin_names, load_policy

    language = resolve_lang(lang)
    policies = [load_policy(name) for name in builtin_names()]
    width = max(len(p.id) for p in policies)
    joined = t("report.list_separator", language).join
    lines = [f"{p.id:<{width}}  " + t("cli.policy.list_line", language, purposes=f"{len(p.purposes):>2}",
                                      regimes=joined(p.regimes) or "-", rules=joined(sorted(p.rules)) or "-")
             + f"\n{'':<{width}}  {p.title_in(language)}" for p in policies]
    write_output(terminal_lines("\n".join(lines)) + "\n")


@policies.command("show")
@click.argument("name", metavar="POLICY")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def show(name: str, lang: Optional[str]) -> None:
    """Print a policy with extends resolved, and the source of every list and cap.

    POLICY is a built-in policy name or a policy file."""
    from formlint.policy import load_policy
    from formlint.taxonomy import load_taxonomy

    from formlint.cli.purposes import by_domain

    language, policy, taxonomy = resolve_lang(lang), load_policy(name), load_taxonomy()
    purposes = (line for domain, members in by_domain(policy, language)
                for line in [*([""] + [f"[{domain}]"] if domain else []),
                             *(line for p in members for line in _purpose(p, taxonomy, language))])
    from formlint.escape import terminal_lines

    write_output(terminal_lines("\n".join([*_header(policy, language), *purposes])) + "\n")


@policies.command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="FILE...")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def validate(paths: tuple[str, ...], lang: Optional[str]) -> None:
    """Check policy files against the schema, the taxonomy and their extends chain."""
    from formlint.errors import FormlintError
    from formlint.i18n import t
    from formlint.policy import load_policy

    language = resolve_lang(lang)
    failed = False
    for path in paths:
        try:
            policy = load_policy(path)
        except FormlintError as exc:
            report_error(exc)
            failed = True
            continue
        from formlint.escape import terminal, terminal_path

        ok = t("cli.policy.valid", language, id=repr(policy.id), purposes=len(policy.purposes))
        write_output(f"{terminal_path(path)}: {terminal(ok)}\n")
    if failed:
        raise SystemExit(EXIT_ERROR)


def _header(policy: "Policy", lang: str) -> list[str]:
    from formlint.i18n import label, t

    joined = t("report.list_separator", lang).join
    severity = joined(f"{k}={v}" for k, v in sorted(policy.severity.items()))
    return [
        f"{policy.id}: {policy.title_in(lang)}",
        f"  {label('cli.policy.file', lang)}{policy.path}",
        f"  {label('cli.policy.extends', lang)}{' → '.join(policy.bases) or '-'}",
        *_cited(t("cli.policy.source", lang), policy.source_in(lang), lang),
        f"  {label('cli.policy.regimes', lang)}{joined(policy.regimes) or '-'}",
        f"  {label('cli.policy.notice', lang)}{joined(policy.required_notice)}",
        f"  {label('cli.policy.rules', lang)}{joined(sorted(policy.rules)) or '-'}",
        f"  {label('cli.policy.severity', lang)}{severity or '-'}",
    ]


def _cited(heading: str, sources: tuple[str, ...], lang: str) -> list[str]:
    """`heading: source`, further sources aligned under the first."""
    from formlint.i18n import t

    first = f"  {heading}{t('report.separator', lang)}"
    if not sources:
        return [first + t("cli.policy.none_given", lang)]
    pad = " " * display_width(first)
    return [(first if i == 0 else pad) + source for i, source in enumerate(sources)]


def _purpose(purpose: "Purpose", taxonomy: "Taxonomy", lang: str) -> list[str]:
    from formlint.i18n import label, t

    def shown(cid: str) -> str:
        return category_text(taxonomy, cid, lang)

    def category(cid: str) -> str:
        cited = purpose.sources_in(cid, lang)
        return f"    {shown(cid)}" + (f"  ({'; '.join(cited)})" if cited else "")

    lines = ["", t("cli.policy.purpose", lang, id=purpose.id, title=purpose.title_in(lang)),
             *_cited(t("cli.policy.source", lang), purpose.source_in(lang), lang)]
    necessary = label("cli.policy.necessary", lang)
    lines.append("  " + (necessary.rstrip() if purpose.necessary else necessary + t("cli.nothing", lang)))
    lines += [category(cid) for cid in sorted(purpose.necessary)]
    lines += [f"  {label('cli.one_of', lang)}{' | '.join(map(shown, sorted(group)))}" for group in purpose.alternatives]
    if purpose.optional:
        lines.append("  " + label("cli.policy.optional", lang).rstrip())
        lines += [category(cid) for cid in sorted(purpose.optional)]
    if purpose.government_id:
        cited = purpose.sources_in("identity.government_id", lang)
        lines.append(f"  {label('cli.policy.government_id', lang)}{purpose.government_id}"
                     + (f"  ({'; '.join(cited)})" if cited else ""))
    if purpose.max_days is not None:
        lines += _cited(t("cli.policy.retention", lang, days=purpose.max_days), purpose.retention_source_in(lang), lang)
    return lines
