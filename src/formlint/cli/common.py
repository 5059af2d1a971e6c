"""What the subcommands share: exit codes, diagnostics on stderr, colour choice."""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

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


def resolve_lang(option: str | None) -> str:
    """--lang, else the environment's locale (LC_ALL, LC_MESSAGES, LANG)."""
    from formlint.errors import UsageError
    from formlint.i18n import LANGUAGES, language_from_environment

    lang = option or language_from_environment()
    if lang not in LANGUAGES:
        raise UsageError(f"unknown --lang {lang!r}; choose from {', '.join(LANGUAGES)}")
    return lang


LANG_HELP = "Language of messages: en or zh. Default: from the locale (LANG), else en."


def category_text(taxonomy: "Taxonomy", category_id: str, lang: str) -> str:
    """A category id as a reader sees it: in English the id is its own name; in
    another language the taxonomy's name there follows it, `identity.name（姓名）`."""
    category = taxonomy.categories.get(category_id)
    name = category.name.get(lang) if category is not None and lang != "en" else None
    return f"{category_id}（{name}）" if name else category_id


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two, so Chinese columns still line up."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


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
        print(line, file=sys.stderr)
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

    print(f"formlint: warning: {terminal(text)}", file=sys.stderr)


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
