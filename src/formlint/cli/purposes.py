"""`formlint purposes`: browse the purposes a policy defines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import click

from formlint.cli.common import LANG_HELP, category_text, resolve_lang, write_output

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.model import Policy, Purpose
    from formlint.taxonomy import Taxonomy


@click.command("purposes")
@click.option("--policy", "-p", metavar="POLICY", help="Built-in policy name or policy file. Default: general.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def purposes(policy: Optional[str], lang: Optional[str]) -> None:
    """List a policy's purposes: what each needs and how long it may keep answers."""
    from formlint.i18n import t
    from formlint.policy import load_policy
    from formlint.taxonomy import load_taxonomy

    language, loaded = resolve_lang(lang), load_policy(policy)
    if not loaded.purposes:
        write_output(t("cli.purposes.pack", language, id=loaded.id) + "\n")
        return
    taxonomy = load_taxonomy()
    from formlint.escape import terminal_lines

    groups = by_domain(loaded, language)
    if len(groups) == 1 and groups[0][0] is None:
        write_output(terminal_lines("".join(_describe(p, taxonomy, language) for p in loaded.purposes.values())))
        return
    write_output(terminal_lines("\n".join(f"[{title}]\n" + "".join(_describe(p, taxonomy, language) for p in members)
                                           for title, members in groups)))


def by_domain(policy: "Policy", lang: str) -> list[tuple[str | None, list["Purpose"]]]:
    """The policy's purposes grouped by domain, in the order the policy declares its
    domains, each with the domain's title in `lang`; purposes without one come last."""
    from formlint.i18n import t

    order = {domain: index for index, domain in enumerate(policy.domains)}
    groups: dict[str | None, list["Purpose"]] = {}
    for purpose in sorted(policy.purposes.values(), key=lambda p: order.get(p.domain or "", len(order))):
        domain = purpose.domain if purpose.domain in order else None
        groups.setdefault(domain, []).append(purpose)
    if list(groups) == [None]:
        return [(None, groups[None])]
    return [(policy.domain_title(d, lang) if d else t("cli.purposes.other", lang), members)
            for d, members in groups.items()]


def _describe(purpose: "Purpose", taxonomy: "Taxonomy", lang: str) -> str:
    from formlint.i18n import label, t

    def names(ids: frozenset[str]) -> list[str]:
        return [category_text(taxonomy, cid, lang) for cid in sorted(ids)]

    keep = t("cli.days", lang, days=purpose.max_days) if purpose.max_days is not None else t("cli.purposes.no_cap", lang)
    needs = t("report.list_separator", lang).join(names(purpose.necessary)) or t("cli.nothing", lang)
    either = "".join(t("cli.purposes.either", lang, choices=" | ".join(names(g))) for g in purpose.alternatives)
    source = t("report.list_separator", lang).join(purpose.source_in(lang)) or t("cli.policy.none_given", lang)
    return (f"{purpose.id}: {purpose.title_in(lang)}\n  {label('cli.purposes.needs', lang)}{needs}{either}\n"
            f"  {label('cli.purposes.keep', lang)}{keep}\n  {label('cli.policy.source', lang)}{source}\n")
