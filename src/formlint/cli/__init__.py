"""The `formlint` command: one module per subcommand, joined here.

Input problems raise FormlintError and end as one `path:line:col: error: …`
line on stderr with exit code 2; `--debug` shows the traceback instead. Usage
problems (an unknown option, a bad value) are one `formlint: error: …` line,
exit 2, never click's usage block.
"""

from __future__ import annotations

import importlib
import signal
import sys
from typing import Any, NoReturn

import click

from formlint import __version__
from formlint.cli.base import EXIT_ERROR, SuggestingGroup, configure_streams, state
from formlint.errors import FormlintError, Interrupted, UsageError

# Command name -> module holding it, imported only when the command runs (or --help
# lists them), so `formlint --version` and `formlint check` load only what they use.
COMMANDS = {name: f"formlint.cli.{name}" for name in (
    "categories", "check", "classify", "fix", "formats", "init", "inventory", "notice", "policies", "purposes", "rule",
    "schema", "serve")}


class _Commands(SuggestingGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> Any:
        if name not in COMMANDS:
            return None
        command: click.Command = getattr(importlib.import_module(COMMANDS[name]), name)
        return command


@click.group(
    name="formlint",
    cls=_Commands,
    help="Audit data collection forms for data minimisation: excess fields, missing or vague "
    "retention, missing notice elements. Exit codes: 0 clean, 1 findings at or above "
    "--fail-on, 2 usage or input error.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="formlint", message="%(prog)s %(version)s",
                      help="Print the version and exit.")
@click.option("--debug", is_flag=True, help="Show tracebacks for input errors.")
def app(debug: bool) -> None:
    state.debug = debug


def main() -> None:
    previous = _stop_cleanly_on_signals()
    try:
        _run()
    finally:  # run in-process (tests, embedding), the caller keeps its own handlers
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _run() -> None:
    configure_streams()
    state.forget_lang()  # each run starts in the locale's language, not the last in-process run's
    try:
        code = app(prog_name="formlint", standalone_mode=False)
    except Interrupted as exc:
        sys.exit(128 + exc.signum)
    except click.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `formlint` alone: the help, as click 8.2+ shows it
            exc.show()
            sys.exit(EXIT_ERROR)
        _fail(f"formlint: error: {usage_message(exc)}", exc)
    except click.exceptions.Abort:
        _fail("formlint: error: interrupted", KeyboardInterrupt())
    except FormlintError as exc:
        from formlint.cli.common import error_line

        _fail(error_line(exc), exc)
    except UsageError as exc:
        _fail(f"formlint: error: {exc.message_in(state.lang)}", exc)
    except Exception as exc:  # noqa: BLE001 -- last resort; readers must raise FormlintError themselves
        # An uncaught exception would exit 1, which CI reads as "findings"; a bug must exit 2.
        first_line = (str(exc).splitlines() or [""])[0]
        _fail(f"formlint: internal error, please report (rerun with --debug for the traceback): "
              f"{type(exc).__name__}: {first_line}", exc)
    sys.exit(code if isinstance(code, int) else 0)


def usage_message(exc: click.UsageError) -> str:
    """click's message on one line; an unknown option worded the same under every click 8."""
    if isinstance(exc, click.NoSuchOption):
        close = sorted(exc.possibilities or ())
        hint = f" (did you mean {' or '.join(map(repr, close))}?)" if close else ""
        return f"no such option {exc.option_name!r}{hint}"
    return " ".join(part.strip() for part in exc.format_message().splitlines() if part.strip())


def _stop_cleanly_on_signals() -> dict[int, Any]:
    """SIGINT and SIGTERM raise Interrupted, so that every `finally` runs (temporary
    files are removed) and the run ends with 128 + the signal's number, like a shell.
    Returns the handlers it replaced."""
    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous: dict[int, Any] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, interrupt)
    return previous


def _fail(line: str, exc: BaseException) -> NoReturn:
    if state.debug:
        raise exc
    from formlint.cli.common import print_error

    print_error(line)
    sys.exit(EXIT_ERROR)
