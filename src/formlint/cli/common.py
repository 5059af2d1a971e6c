"""What the subcommands share: exit codes, diagnostics on stderr, colour choice."""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

import click

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
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
