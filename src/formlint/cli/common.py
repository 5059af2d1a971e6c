"""What the subcommands share: exit codes, diagnostics on stderr, colour choice."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from formlint.cli.base import (EXIT_CLEAN as EXIT_CLEAN, EXIT_ERROR as EXIT_ERROR,
                               EXIT_FINDINGS as EXIT_FINDINGS, Choice as Choice, SuggestingGroup as SuggestingGroup,
                               state as state)
from formlint.display import category_text as category_text, display_width as display_width, pad as pad
from formlint.i18n import resolve_lang as resolve_lang  # every command's --lang


LANG_HELP = "Language of messages: en or zh. Default: from the locale (LANG), else en."


def colour_wanted(stream: TextIO) -> bool:
    """Colour on a terminal unless NO_COLOR is set (https://no-color.org); FORCE_COLOR forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def print_error(line: str) -> None:
    """One diagnostic line on stderr; rich styles it only on a colour terminal."""
    if not colour_wanted(sys.stderr):
        print(line, file=sys.stderr, flush=True)
        return
    from rich.console import Console
    from rich.text import Text

    text = Text(line)
    text.highlight_words([": error:"], style="bold red")
    Console(stderr=True, soft_wrap=True).print(text)


def print_warning(text: str) -> None:
    """A warning that does not change the exit code, on stderr."""
    print(f"formlint: warning: {text}", file=sys.stderr, flush=True)


def report_error(exc: Exception) -> None:
    """A collected per-file error: its line, preceded by the traceback under --debug."""
    if state.debug:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    print_error(str(exc))


def write_output(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
