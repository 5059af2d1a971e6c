"""Which fields collect a category the purpose does not need (DM101, DM102)."""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Law, Severity

MINIMISATION_LAW = {"pipl": ("PIPL Art. 6",), "gdpr": ("GDPR Art. 5(1)(c)",)}
EXCESS_HELP = msg("excess.help")
# The catalogue entries DM101 and DM102 share, with their parameters.
EXCESS_MESSAGES: dict[str, tuple[str, ...]] = {"excess.help": (), "law.purpose_basis": ("basis",)}


def excess_fields(ctx: Context) -> Iterator[tuple[Field, str | None]]:
    """Each excess field with the citation that makes its category sensitive, if any."""
    if not ctx.purpose.judged:
        return
    for field in ctx.form.fields:
        category = ctx.category_of(field).category
        if not ctx.taxonomy.is_personal(category) or ctx.purpose.allows(category):
            continue
        yield field, ctx.taxonomy.is_sensitive(category, ctx.policy.regimes)


def silenced(ctx: Context, field: Field) -> bool:
    """The policy sets this field's category to "off"."""
    return ctx.policy.severity_for(ctx.purpose, ctx.category_of(field).category) == "off"


def policy_severity(ctx: Context, field: Field) -> Severity | None:
    """The policy's severity for this field's category, or None for the rule's default."""
    level = ctx.policy.severity_for(ctx.purpose, ctx.category_of(field).category)
    return None if level is None or level == "off" else Severity(level)


def purpose_law(ctx: Context) -> Law:
    """Data minimisation, and the purpose's own legal basis when the policy cites one."""
    basis = "; ".join(ctx.purpose.source)
    minimisation = ctx.cited(MINIMISATION_LAW)
    return (*minimisation, msg("law.purpose_basis", basis=basis)) if basis else minimisation

