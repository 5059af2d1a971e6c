"""Suppression that silences nothing.

What it catches: an inline `formlint: ignore[CODE]` directive (a YAML comment,
`x-formlint-ignore`, `data-formlint-ignore`) naming a code that produced no
finding on its field or form, for example because the field was fixed, or the
code is mistyped.

Why: a stale suppression hides the next real problem on that field: once the form
changes, nobody notices that the excess field or vague retention it excused has
come back. Keeping suppressions honest keeps the audit trail honest.
Legal source: N/A (formlint's own housekeeping rule).

How to fix: delete the directive, or the codes in it that no longer fire; check
the spelling of the code (`formlint rule --all` lists them).
"""

from __future__ import annotations

from typing import AbstractSet, Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Finding, Severity, Suppression
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    """Nothing while the other rules run: the engine calls `unused` once it has
    applied suppressions to their findings."""
    return iter(())


def unused(ctx: Context, used: AbstractSet[tuple[int, str]],
           enabled: AbstractSet[str] | None) -> Iterator[Finding]:
    """FL001 for each directive with codes that silenced nothing. `used` holds
    (id(suppression), code) pairs that matched; codes not `enabled` never ran, so
    they cannot count as unused."""
    owners: list[tuple[Field | None, Suppression]] = [(None, s) for s in ctx.form.suppressions]
    owners += [(f, s) for f in ctx.form.fields for s in f.suppressions]
    for field, directive in owners:
        idle = [c for c in directive.codes
                if (id(directive), c) not in used and (enabled is None or c in enabled)]
        if idle:
            yield _finding(ctx, field, directive, idle)


def _finding(ctx: Context, field: Field | None, directive: Suppression, idle: list[str]) -> Finding:
    codes = tuple(idle)
    message = (msg("FL001.message.field", codes=codes, key=field.key) if field is not None
               else msg("FL001.message.form", codes=codes))
    return ctx.finding(
        RULE, message, msg("FL001.help"), ("N/A",), field=field, where=directive.location)


RULE = Rule(
    code="FL001", name="unused-suppression", severity=Severity.WARNING, group="formlint",
    laws={},
    messages={"FL001.message.field": ("codes", "key"), "FL001.message.form": ("codes",), "FL001.help": ()},
    docs=__doc__ or "", check=check)
