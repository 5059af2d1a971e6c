"""Errors are values with a location: the CLI prints them as one line and exits 2."""

from __future__ import annotations


class FormlintError(Exception):
    """An input problem to report as `path:line:col: error: message`."""

    def __init__(self, path: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: error: {self.message}"

    def __reduce__(self) -> tuple[type["FormlintError"], tuple[str, str, int, int]]:
        # Errors travel back from worker processes (--jobs); rebuild with every field.
        return (type(self), (self.path, self.message, self.line, self.column))


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


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived. Raised from the signal handler so that every
    `finally` runs (temporary files are removed) before the CLI exits 128 + signal,
    like a shell; a BaseException, so no `except Exception` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
