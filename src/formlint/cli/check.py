"""`formlint check`: audit forms against a purpose policy."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, List, Optional

import typer

from formlint.cli.common import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, LANG_HELP, colour_wanted, report_error,
                                 resolve_lang, write_output)

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.engine import Report
    from formlint.model import Severity


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Form files or folders (searched recursively). Default: ."),
    policy: Optional[str] = typer.Option(None, "--policy", "-p", help="Built-in policy name or policy file. Default: epidemic-registration."),
    purpose: Optional[str] = typer.Option(None, "--purpose", help="Purpose id to check against, overriding each form's `purpose`."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", help="Output format."),
    fail_on: FailOn = typer.Option(FailOn.warning, "--fail-on", help="Lowest severity that makes the exit code 1."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings (input errors still exit 2)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="Read every file as this format instead of detecting it (see `formlint formats`)."),
    max_file_size: int = typer.Option(10 * 1024 * 1024, "--max-file-size", help="Refuse files larger than this many bytes.", min=1),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Check forms for excess collection and missing or vague notice statements.

    Prints `path:line:col: CODE [severity] message` for each finding. Exit code 0
    when clean, 1 when a finding is at or above --fail-on, 2 when a file or the
    policy could not be read.
    """
    from formlint.engine import Options, check_paths
    from formlint.model import Severity
    from formlint.policy import load_policy
    from formlint.reporters import RenderOptions, renderer

    language = resolve_lang(lang)
    loaded = load_policy(policy)
    options = Options(policy=loaded, purpose=purpose, input_format=_format_name(input_format),
                      max_size=max_file_size, lang=language)
    report = check_paths(paths or ["."], options)
    for error in report.errors:
        report_error(error)
    threshold = Severity(fail_on.value)
    render = renderer(output_format.value)
    write_output(render(report, RenderOptions(loaded, colour_wanted(sys.stdout), quiet, threshold, language)))
    raise typer.Exit(_exit_code(report, threshold, exit_zero))


def _format_name(name: str | None) -> str | None:
    from formlint.errors import UsageError
    from formlint.formats import FORMATS

    if name is not None and name not in FORMATS:
        raise UsageError(f"unknown --input-format {name!r}; choose from {', '.join(FORMATS)}")
    return name


def _exit_code(report: "Report", threshold: "Severity", exit_zero: bool) -> int:
    if report.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(f.severity >= threshold for f in report.findings) else EXIT_CLEAN
