"""Which fields collect a category the purpose does not need (DM101, DM102)."""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Law, Message, Severity

MINIMISATION_LAW = {"pipl": ("PIPL Art. 6",), "gdpr": ("GDPR Art. 5(1)(c)",)}
# Policies shipped with formlint live under this path; a user edits a policy of their own.
BUILTIN_PREFIX = "<builtin>/"
# The catalogue entries that tell how to justify a field in the policy, with their parameters.
JUSTIFY_MESSAGES: dict[str, tuple[str, ...]] = {
    "policy.addition": ("purpose", "list", "category", "reason"), "policy.reason": (),
    "policy.own": ("policy",)}
# The catalogue entries DM101 and DM102 share, with their parameters.
EXCESS_MESSAGES: dict[str, tuple[str, ...]] = {
    "excess.help": ("key", "purpose", "policy", "line"), "law.purpose_basis": ("basis",), **JUSTIFY_MESSAGES}


def excess_fields(ctx: Context) -> Iterator[tuple[Field, str | None]]:
    """Each excess field with the citation that makes its category sensitive, if any."""
    if not ctx.purpose.judged:
        return
    for field in ctx.form.fields:
        category = ctx.category_of(field).category
        if not ctx.taxonomy.is_personal(category) or ctx.purpose.allows(category):
            continue
        yield field, ctx.taxonomy.is_sensitive(category, ctx.regimes)


def silenced(ctx: Context, field: Field) -> bool:
    """The policy sets this field's category to "off"."""
    return ctx.policy.severity_for(ctx.purpose, ctx.category_of(field).category) == "off"


def policy_severity(ctx: Context, field: Field) -> Severity | None:
    """The policy's severity for this field's category, or None for the rule's default."""
    level = ctx.policy.severity_for(ctx.purpose, ctx.category_of(field).category)
    return None if level is None or level == "off" else Severity(level)


def purpose_law(ctx: Context) -> Law:
    """Data minimisation, and the purpose's own legal basis when the policy cites one."""
    minimisation = ctx.cited(MINIMISATION_LAW)
    return (*minimisation, msg("law.purpose_basis", basis=ctx.purpose.basis())) if ctx.purpose.source else minimisation



def excess_help(ctx: Context, field: Field) -> Message:
    """Remove this field, or justify its category in the policy, with the line to add."""
    return msg("excess.help", key=field.key, purpose=ctx.purpose.id, **justification(ctx, field, "necessary"))


def justification(ctx: Context, field: Field, listed: str) -> dict[str, str | Message]:
    """Where to justify the field's category (the policy file, or a policy of one's own
    for a built-in one) and the YAML line that adds it to the purpose's `listed` list."""
    path = ctx.policy.path
    policy: str | Message = path
    if path.startswith(BUILTIN_PREFIX):
        policy = msg("policy.own", policy=ctx.policy.id)
    elif path.startswith("<"):  # several --policy options: "pipl + epidemic-registration"
        policy = msg("policy.own", policy=ctx.policy.title)
    line = msg("policy.addition", purpose=ctx.purpose.id, list=listed, category=ctx.category_of(field).category,
               reason=msg("policy.reason"))
    return {"policy": policy, "line": line}
