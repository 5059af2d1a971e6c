"""The `formlint` command: one module per subcommand, joined here.

Input problems raise FormlintError and end as one `path:line:col: error: …`
line on stderr with exit code 2; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import sys

import typer

from formlint import __version__
from formlint.cli import categories, check, classify, fix, formats, init, notice, policies, purposes, rule, schema
from formlint.cli.common import EXIT_ERROR, state
from formlint.errors import FormlintError, UsageError

app = typer.Typer(
    name="formlint",
    help="Audit data collection forms for data minimisation: excess fields, missing or vague "
    "retention, missing notice elements. Exit codes: 0 clean, 1 findings at or above "
    "--fail-on, 2 usage or input error.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"formlint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for input errors."),
) -> None:
    state.debug = debug


app.command("check")(check.check)
app.command("classify")(classify.classify)
app.command("fix")(fix.fix)
app.command("notice")(notice.notice)
app.command("categories")(categories.categories)
app.command("formats")(formats.formats)
app.command("rule")(rule.rule)
app.command("schema")(schema.schema)
app.command("purposes")(purposes.purposes)
app.command("init")(init.init)
app.add_typer(policies.app, name="policies")


def main() -> None:
    try:
        app(standalone_mode=True)
    except FormlintError as exc:
        _fail(str(exc), exc)
    except UsageError as exc:
        _fail(f"formlint: error: {exc}", exc)
    except Exception as exc:  # noqa: BLE001 -- last resort; readers must raise FormlintError themselves
        # An uncaught exception would exit 1, which CI reads as "findings"; a bug must exit 2.
        first_line = (str(exc).splitlines() or [""])[0]
        _fail(f"formlint: internal error, please report (rerun with --debug for the traceback): "
              f"{type(exc).__name__}: {first_line}", exc)


def _fail(line: str, exc: Exception) -> None:
    if state.debug:
        raise exc
    from formlint.cli.common import print_error

    print_error(line)
    sys.exit(EXIT_ERROR)
