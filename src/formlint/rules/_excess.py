"""Which fields collect a category the purpose does not need (DM101, DM102)."""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Severity

MINIMISATION_LAW = "PIPL Art. 6; GDPR Art. 5(1)(c)"
EXCESS_HELP = msg("excess.help")


def excess_fields(ctx: Context) -> Iterator[tuple[Field, str | None]]:
    """Each excess field with the citation that makes its category sensitive, if any."""
    for field in ctx.form.fields:
        category = ctx.category_of(field).category
        if not ctx.taxonomy.is_personal(category) or ctx.purpose.allows(category):
            continue
        yield field, ctx.taxonomy.is_sensitive(category, ctx.policy.regimes)


def override(ctx: Context, field: Field) -> Severity | None | str:
    """The policy's severity for this field's category: a Severity, "off", or None."""
    level = ctx.policy.severity_for(ctx.purpose, ctx.category_of(field).category)
    if level is None or level == "off":
        return level
    return Severity(level)


def purpose_law(ctx: Context) -> str:
    basis = "; ".join(ctx.purpose.source)
    return f"{MINIMISATION_LAW}; {ctx.t(msg('law.purpose_basis', basis=basis))}" if basis else MINIMISATION_LAW
