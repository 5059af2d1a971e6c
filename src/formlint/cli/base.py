"""The light part of the command line: what start-up needs before any command
runs (exit codes, the debug flag, click classes, stream set-up). It imports
nothing of formlint's own, so `formlint --version` stays fast."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import click

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@dataclass
class _State:
    debug: bool = False
    chosen_lang: str | None = None  # the run's language once the command has chosen it

    @property
    def lang(self) -> str:
        """The language errors are printed in: the command's choice, else the locale's."""
        if self.chosen_lang is None:
            from formlint.i18n import language_from_environment

            return language_from_environment()
        return self.chosen_lang

    @lang.setter
    def lang(self, value: str) -> None:
        self.chosen_lang = value

    def forget_lang(self) -> None:
        self.chosen_lang = None


state = _State()


class SuggestingGroup(click.Group):
    """A command group whose unknown-command error names the closest command."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name = args[0] if args else ""
        if args and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise click.UsageError(f"no such command {name!r}{hint}; commands: {', '.join(self.list_commands(ctx))}",
                                   ctx)
        return super().resolve_command(ctx, args)


class Choice(click.Choice):  # type: ignore[type-arg, unused-ignore]  # generic from click 8.2
    """A fixed set of values whose error names the closest one."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            import difflib

            close = difflib.get_close_matches(str(value), [str(c) for c in self.choices], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.fail(f"{value!r} is not one of {', '.join(map(str, self.choices))}{hint}", param, ctx)


def configure_streams() -> None:
    """Write UTF-8 whatever the locale: a redirect on a cp1252 console (Windows'
    default) would otherwise crash on the first Chinese label. A stream that
    cannot change encoding replaces what it cannot write instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding == "utf8" or reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8")
        except (ValueError, OSError):  # data already written in the old encoding
            reconfigure(errors="replace")
