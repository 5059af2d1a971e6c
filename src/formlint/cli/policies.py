"""`formlint policies list|show|validate`: browse and check policies."""

from __future__ import annotations

from typing import TYPE_CHECKING, List

import typer

from formlint.cli.common import EXIT_ERROR, report_error, write_output

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.model import Policy, Purpose

app = typer.Typer(help="List, show and validate policies.", no_args_is_help=True, add_completion=False,
                  rich_markup_mode=None)


@app.command("list")
def list_policies() -> None:
    """List the built-in policies with their purposes, regimes and opt-in rules."""
    from formlint.policy import builtin_names, load_policy

    policies = [load_policy(name) for name in builtin_names()]
    width = max(len(p.id) for p in policies)
    lines = [f"{p.id:<{width}}  {len(p.purposes):>2} purpose(s)  regimes: {', '.join(p.regimes) or '-'}"
             f"  rules: {', '.join(sorted(p.rules)) or '-'}\n{'':<{width}}  {p.title}" for p in policies]
    write_output("\n".join(lines) + "\n")


@app.command("show")
def show(name: str = typer.Argument(..., help="Built-in policy name or policy file.")) -> None:
    """Print a policy with extends resolved, and the source of every list and cap."""
    from formlint.policy import load_policy

    policy = load_policy(name)
    write_output("\n".join([*_header(policy), *(line for p in policy.purposes.values() for line in _purpose(p))]) + "\n")


@app.command("validate")
def validate(paths: List[str] = typer.Argument(..., help="Policy files to check.")) -> None:
    """Check policy files against the schema, the taxonomy and their extends chain."""
    from formlint.errors import FormlintError
    from formlint.policy import load_policy

    failed = False
    for path in paths:
        try:
            policy = load_policy(path)
        except FormlintError as exc:
            report_error(exc)
            failed = True
            continue
        write_output(f"{path}: ok: policy {policy.id!r}, {len(policy.purposes)} purpose(s)\n")
    if failed:
        raise typer.Exit(EXIT_ERROR)


def _header(policy: "Policy") -> list[str]:
    severity = ", ".join(f"{k}={v}" for k, v in sorted(policy.severity.items()))
    return [
        f"{policy.id}: {policy.title}",
        f"  file: {policy.path}",
        f"  extends: {' → '.join(policy.bases) or '-'}",
        *_cited("source", policy.source),
        f"  regimes: {', '.join(policy.regimes) or '-'}",
        f"  notice must state: {', '.join(policy.required_notice)}",
        f"  opt-in rules: {', '.join(sorted(policy.rules)) or '-'}",
        f"  severity: {severity or '-'}",
    ]


def _cited(label: str, sources: tuple[str, ...], indent: str = "  ") -> list[str]:
    if not sources:
        return [f"{indent}{label}: (none given)"]
    pad = " " * (len(label) + 2)
    return [f"{indent}{label if i == 0 else pad[:-2]}{': ' if i == 0 else '  '}{s}" for i, s in enumerate(sources)]


def _purpose(purpose: "Purpose") -> list[str]:
    lines = ["", f"purpose {purpose.id}: {purpose.title}", *_cited("source", purpose.source)]
    lines.append("  necessary:" + ("" if purpose.necessary else " nothing"))
    lines += [_category(purpose, cid) for cid in sorted(purpose.necessary)]
    lines += [f"  one of: {' | '.join(sorted(group))}" for group in purpose.alternatives]
    if purpose.optional:
        lines.append("  optional:")
        lines += [_category(purpose, cid) for cid in sorted(purpose.optional)]
    if purpose.government_id:
        cited = purpose.sources.get("identity.government_id", ())
        lines.append(f"  government ID: {purpose.government_id}" + (f"  ({'; '.join(cited)})" if cited else ""))
    if purpose.max_days is not None:
        lines += _cited(f"retention: at most {purpose.max_days} days; source", purpose.retention_source)
    return lines


def _category(purpose: "Purpose", cid: str) -> str:
    cited = purpose.sources.get(cid)
    return f"    {cid}" + (f"  ({'; '.join(cited)})" if cited else "")
