"""Errors are values with a location: the CLI prints them as one line and exits 2.

What an error says is a catalogue message (`formlint.message.Message`, built with
`formlint.i18n.msg`), translated where it is written, in the run's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kept out of start-up: `formlint --version` imports this module
    from formlint.message import Message


def _in(text: str | Message, lang: str) -> str:
    from formlint.i18n import translate

    return translate(text, lang)


class FormlintError(Exception):
    """An input problem to report as `path:line:col: error: message`."""

    def __init__(self, path: str, message: Message, line: int = 1, column: int = 1) -> None:
        self.path = path
        self.text = message
        self.line = line
        self.column = column
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The message in English (what logs and tests read)."""
        return _in(self.text, "en")

    def message_in(self, lang: str) -> str:
        return _in(self.text, lang)

    def line_in(self, lang: str) -> str:
        """`path:line:col: error: message`; `error` stays as editors and CI parse it."""
        return f"{self.path}:{self.line}:{self.column}: error: {self.message_in(lang)}"

    def __str__(self) -> str:
        return self.line_in("en")

    def __reduce__(self) -> tuple[type["FormlintError"], tuple[str, Message, int, int]]:
        # Errors travel back from worker processes (--jobs); rebuild with every field.
        return (type(self), (self.path, self.text, self.line, self.column))


class FormError(FormlintError):
    """A form could not be read or does not follow its format."""


class NotAForm(FormError):
    """No format claims the file. Named on the command line this is an error; met
    while walking a folder (a package.json, a CI workflow) the file is skipped."""


class PolicyError(FormlintError):
    """A policy could not be read, is invalid, or names something unknown."""


class ConfigError(FormlintError):
    """A configuration file is invalid."""


class UsageError(Exception):
    """A command-line usage problem (exit 2, no location)."""

    def __init__(self, message: Message) -> None:
        self.text = message
        super().__init__(_in(message, "en"))

    def message_in(self, lang: str) -> str:
        return _in(self.text, lang)


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived. Raised from the signal handler so that every
    `finally` runs (temporary files are removed) before the CLI exits 128 + signal,
    like a shell; a BaseException, so no `except Exception` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
