"""Shared by the notice rules: where a notice finding points."""

from __future__ import annotations

from formlint.context import Context
from formlint.model import Location


def notice_location(ctx: Context) -> Location:
    """The notice when the form has one, else the form's first line."""
    return ctx.form.locations.get("/notice", ctx.form.notice.location)


def requires(ctx: Context, element: str) -> bool:
    return element in ctx.policy.required_notice
