"""`formlint purposes`: browse the purposes a policy defines."""

from __future__ import annotations

from typing import Optional

import typer

from formlint.cli.common import write_output


def purposes(
    policy: Optional[str] = typer.Option(None, "--policy", "-p", help="Built-in policy name or policy file. Default: epidemic-registration."),
) -> None:
    """List a policy's purposes: what each needs and how long it may keep answers."""
    from formlint.policy import load_policy

    loaded = load_policy(policy)
    if not loaded.purposes:
        write_output(f"policy {loaded.id!r} has no purposes of its own: it is a pack to extend\n")
        return
    lines = []
    for purpose in loaded.purposes.values():
        keep = f"{purpose.max_days} days" if purpose.max_days is not None else "no cap"
        needs = ", ".join(sorted(purpose.necessary)) or "nothing"
        either = "".join(f"; one of {' | '.join(sorted(g))}" for g in purpose.alternatives)
        lines += [f"{purpose.id}: {purpose.title}", f"  needs: {needs}{either}", f"  keep: {keep}"]
    write_output("\n".join(lines) + "\n")
