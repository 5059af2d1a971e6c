"""Shared by the notice rules: where a notice finding points, and how it is built."""

from __future__ import annotations

from formlint.context import Context
from formlint.i18n import Msg, msg
from formlint.model import Finding, Location, Severity


def notice_location(ctx: Context) -> Location:
    """The notice when the form has one, else the form's first line."""
    return ctx.form.locations.get("/notice", ctx.form.notice.location)


def requires(ctx: Context, element: str) -> bool:
    return element in ctx.policy.required_notice


def notice_finding(ctx: Context, rule: tuple[str, str, Severity], law: str,
                   message: Msg | None = None, help: Msg | None = None) -> Finding:
    """A finding about the notice as a whole, pointing at it; the message and help
    default to the rule's `CODE.message` and `CODE.help` catalogue entries."""
    code = rule[0]
    return ctx.finding(rule, message or msg(f"{code}.message"), help or msg(f"{code}.help"), law,
                       where=notice_location(ctx), pointer="/notice")
