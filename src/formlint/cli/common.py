"""What the subcommands share: exit codes, diagnostics on stderr, colour choice."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, TextIO

from formlint.cli.base import (EXIT_CLEAN as EXIT_CLEAN, EXIT_ERROR as EXIT_ERROR,
                               EXIT_FINDINGS as EXIT_FINDINGS, Choice as Choice, SuggestingGroup as SuggestingGroup,
                               state as state)
from formlint.display import category_text as category_text, display_width as display_width, pad as pad
from formlint.i18n import resolve_lang as resolve_lang  # every command's --lang

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.errors import FormlintError

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
    """Text on stdout; a stdout that cannot take it is one usage error (`stdout_stream`)."""
    with stdout_stream() as out:
        out.write(text)


@contextmanager
def stdout_stream() -> Iterator[TextIO]:
    """stdout, for output written at once or piece by piece; a stdout that cannot take
    it (a full disk, /dev/full, a closed pipe) is one usage error, and stdout is then
    pointed at /dev/null so that the interpreter's own flush at exit does not fail a
    second time."""
    from formlint.errors import UsageError

    try:
        yield sys.stdout
        sys.stdout.flush()
    except OSError as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise UsageError(f"cannot write to standard output: {exc.strerror or exc}") from None
