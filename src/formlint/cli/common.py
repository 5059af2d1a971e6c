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

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.errors import FormlintError
    from formlint.message import Message

LANG_HELP = "Language of messages: en or zh. Default: from the locale (LANG), else en."


def resolve_lang(option: str | None) -> str:
    """Every command's --lang (else the locale); errors and warnings are printed in it from now on."""
    from formlint.settings import resolve_lang as chosen

    state.lang = chosen(option)
    return state.lang


def provisional_lang(option: str | None) -> None:
    """The language for errors met before a command can settle its own (reading the
    configuration that may name one): --lang if valid, else the locale."""
    from formlint.i18n import LANGUAGES, language_from_environment

    state.lang = option if option in LANGUAGES else language_from_environment()


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
    """`path:line:col: error: message` in the run's language, the path made safe to start a line."""
    from formlint.escape import terminal_path

    return f"{terminal_path(exc.path)}:{exc.line}:{exc.column}: error: {exc.message_in(state.lang)}"


def said(message: "Message") -> str:
    """A catalogue message in the run's language."""
    from formlint.i18n import translate

    return translate(message, state.lang)


def print_warning(message: "Message", path: str | None = None) -> None:
    """A warning that does not change the exit code, on stderr, in the run's language."""
    from formlint.escape import terminal, terminal_path

    where = f"{terminal_path(path)}: " if path is not None else ""
    print(f"formlint: warning: {where}{terminal(said(message))}", file=sys.stderr, flush=True)


def print_progress(message: "Message") -> None:
    """What a command did (a baseline written, a server started), on stderr."""
    print_error(f"formlint: {said(message)}")


def report_error(exc: Exception) -> None:
    """A collected per-file error: its line, preceded by the traceback under --debug."""
    from formlint.errors import FormlintError

    if state.debug:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    print_error(error_line(exc) if isinstance(exc, FormlintError) else str(exc))


def report_problem(path: str, message: "Message") -> None:
    """An error about one file that is not an exception (a write refused): its line."""
    from formlint.errors import FormError

    report_error(FormError(path, message))


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
        from formlint.message import msg

        raise UsageError(msg("usage.cannot_write_stdout", reason=exc.strerror or str(exc))) from None
