"""Shared by the notice rules: where a notice finding points, and how it is built."""

from __future__ import annotations

from formlint.context import Context, RuleIdentity
from formlint.i18n import msg
from formlint.model import Finding, Law, Location, Message


def notice_location(ctx: Context) -> Location:
    """The notice when the form has one, else the form's first line."""
    return ctx.form.locations.get("/notice", ctx.form.notice.location)


def requires(ctx: Context, element: str) -> bool:
    return element in ctx.policy.required_notice


def notice_finding(ctx: Context, rule: RuleIdentity, message: Message | None = None,
                   help: Message | None = None, law: Law | None = None) -> Finding:
    """A finding about the notice as a whole, pointing at it; the message and help
    default to the rule's `CODE.message` and `CODE.help` catalogue entries, the law
    to the rule's citations."""
    return ctx.finding(rule, message or msg(f"{rule.code}.message"), help or msg(f"{rule.code}.help"), law,
                       where=notice_location(ctx), pointer="/notice")
