"""What the subcommands share: exit codes, diagnostics on stderr, colour choice."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

import click

from formlint.display import category_text as category_text, display_width as display_width, pad as pad
from formlint.i18n import resolve_lang as resolve_lang  # every command's --lang

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.errors import FormlintError
    from formlint.taxonomy import Taxonomy

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


@dataclass
class _State:
    debug: bool = False


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


LANG_HELP = "Language of messages: en or zh. Default: from the locale (LANG), else en."


def colour_wanted(stream: TextIO) -> bool:
    """Colour on a terminal unless NO_COLOR is set (https://no-color.org); FORCE_COLOR forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def print_error(line: str) -> None:
    """One diagnostic line on stderr; rich styles it only on a colour terminal.
    Control characters from file names or values are shown visibly (`\\n`,
    `\\x1b`): a raw newline could forge a CI annotation on the next line."""
    from formlint.escape import terminal

    line = terminal(line)
    if not colour_wanted(sys.stderr):
        print(line, file=sys.stderr, flush=True)
        return
    from rich.console import Console
    from rich.text import Text

    text = Text(line)
    text.highlight_words([": error:"], style="bold red")
    Console(stderr=True, soft_wrap=True).print(text)


def error_line(exc: "FormlintError") -> str:
    """`path:line:col: error: message`, the path made safe to start a line."""
    from formlint.escape import terminal_path

    return f"{terminal_path(exc.path)}:{exc.line}:{exc.column}: error: {exc.message}"


def print_warning(text: str) -> None:
    """A warning that does not change the exit code, on stderr."""
    from formlint.escape import terminal

    print(f"formlint: warning: {terminal(text)}", file=sys.stderr, flush=True)


def report_error(exc: Exception) -> None:
    """A collected per-file error: its line, preceded by the traceback under --debug."""
    from formlint.errors import FormlintError

    if state.debug:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    print_error(error_line(exc) if isinstance(exc, FormlintError) else str(exc))


def write_output(text: str) -> None:
    """Text on stdout; a stdout that cannot take it (a full disk, /dev/full, a closed
    pipe) is one usage error, and stdout is then pointed at /dev/null so that the
    interpreter's own flush at exit does not fail a second time."""
    from formlint.errors import UsageError

    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise UsageError(f"cannot write to standard output: {exc.strerror or exc}") from None
