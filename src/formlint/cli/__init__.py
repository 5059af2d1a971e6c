"""The `formlint` command: one module per subcommand, joined here.

Input problems raise FormlintError and end as one `path:line:col: error: …`
line on stderr with exit code 2; `--debug` shows the traceback instead. Usage
problems (an unknown option, a bad value) are one `formlint: error: …` line,
exit 2, never click's usage block.
"""

from __future__ import annotations

import signal
import sys
from typing import Any, NoReturn

import click

from formlint import __version__
from formlint.cli import (categories, check, classify, fix, formats, init, inventory, notice, policies, purposes, rule, schema,
                          serve)
from formlint.cli.common import EXIT_ERROR, SuggestingGroup, configure_streams, state
from formlint.errors import FormlintError, Interrupted, UsageError


@click.group(
    name="formlint",
    cls=SuggestingGroup,
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


app.add_command(check.check)
app.add_command(classify.classify)
app.add_command(inventory.inventory)
app.add_command(fix.fix)
app.add_command(notice.notice)
app.add_command(categories.categories)
app.add_command(formats.formats)
app.add_command(rule.rule)
app.add_command(schema.schema)
app.add_command(purposes.purposes)
app.add_command(init.init)
app.add_command(serve.serve)
app.add_command(policies.policies)


def main() -> None:
    previous = _stop_cleanly_on_signals()
    try:
        _run()
    finally:  # run in-process (tests, embedding), the caller keeps its own handlers
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _run() -> None:
    configure_streams()
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
        _fail(f"formlint: error: {exc}", exc)
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

    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, interrupt)
    return previous


def _fail(line: str, exc: BaseException) -> NoReturn:
    if state.debug:
        raise exc
    from formlint.cli.common import print_error

    print_error(line)
    sys.exit(EXIT_ERROR)
