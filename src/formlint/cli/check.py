"""`formlint check`: audit forms against a purpose policy.

The command only gathers its options; formlint.cli.check_run resolves them
against configuration files and does the work.
"""

from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer

from formlint.cli.check_run import Request, run


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Form files or folders (searched recursively), or - for stdin. Default: ."),
    policy: Optional[List[str]] = typer.Option(None, "--policy", "-p", help="Built-in policy name or policy file; repeat to combine policies as if one extended them in order. Default: epidemic-registration."),
    purpose: Optional[str] = typer.Option(None, "--purpose", help="Purpose id to check against, overriding each form's `purpose`."),
    output_format: Optional[List[str]] = typer.Option(None, "--output-format", "--format", help="Output format, or FORMAT:FILE to also write one to a file; repeatable. Formats: full (default; alias text), concise, json, json-lines, sarif, junit, github, gitlab, markdown, html."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the terminal output to this file instead."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit code 1. Default: warning."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings (input errors still exit 2)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="Read every file as this format instead of detecting it."),
    max_file_size: int = typer.Option(10 * 1024 * 1024, "--max-file-size", help="Refuse files larger than this many bytes.", min=1),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes for large trees (0: one per CPU core; 1: no workers).", min=0),
    config: Optional[str] = typer.Option(None, "--config", help="Use this configuration file instead of discovering one."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore all configuration files."),
    select: Optional[str] = typer.Option(None, "--select", help="Comma-separated rule codes or prefixes to run (replaces the config's)."),
    extend_select: Optional[str] = typer.Option(None, "--extend-select", help="Comma-separated codes to run in addition."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Comma-separated codes or prefixes not to run."),
    show_suppressed: bool = typer.Option(False, "--show-suppressed", help="List findings silenced by inline directives."),
    statistics: bool = typer.Option(False, "--statistics", help="Print the number of findings per rule instead of the findings."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Report only findings not recorded in this baseline file."),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", help="Record the current findings in this baseline file."),
    force: bool = typer.Option(False, "--force", help="Let --write-baseline replace an existing file."),
    since: Optional[str] = typer.Option(None, "--since", help="Report only findings on forms and fields changed since this git ref."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Name for the form read from stdin (-): format detection, config lookup, reported path."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of messages: en or zh. Default: the "
                                       "configuration's `lang`, else the locale (LANG), else en."),
) -> None:
    """Check forms for excess collection and missing or vague notice statements.

    Prints `path:line:col: CODE [severity] message` for each finding. Exit code 0
    when clean, 1 when a finding is at or above --fail-on, 2 when a file, the
    policy or the configuration could not be read.
    """
    request = Request(
        paths=paths or ["."], policy=tuple(policy) if policy else None, purpose=purpose, output_formats=tuple(output_format or ()),
        output=output, fail_on=fail_on.value if fail_on else None, exit_zero=exit_zero, quiet=quiet,
        input_format=input_format, max_file_size=max_file_size, config=config, isolated=isolated,
        select=select, extend_select=extend_select, ignore=ignore, show_suppressed=show_suppressed,
        statistics=statistics, baseline=baseline, write_baseline=write_baseline, force=force,
        since=since, stdin_filename=stdin_filename, lang=lang, jobs=jobs)
    raise typer.Exit(run(request))
