"""`formlint check`: audit forms against a purpose policy.

The command only gathers its options into a Request; formlint.cli.check_run
resolves them into the run's Settings and runs the pipeline.
"""

from __future__ import annotations

from typing import Optional

import click

from formlint.cli.check_run import run
from formlint.cli.common import Choice
from formlint.settings import Request

SEVERITIES = ("error", "warning", "info")


@click.command("check")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--policy", "-p", multiple=True, metavar="POLICY", help="Built-in policy name or policy file; repeat to combine policies as if one extended them in order. Default: general.")
@click.option("--purpose", metavar="PURPOSE", help="Purpose id to check against, overriding each form's `purpose`; `auto` checks a form that names none against the purpose recognised with confidence 0.5 or more.")
@click.option("--output-format", "--format", "output_format", multiple=True, metavar="FORMAT[:FILE]", help="Output format, or FORMAT:FILE to also write one to a file; repeatable. Formats: full (default; alias text), concise, json, json-lines, sarif, junit, github, gitlab, markdown, html.")
@click.option("--output", "-o", metavar="FILE", help="Write the terminal output to this file instead.")
@click.option("--fail-on", type=Choice(SEVERITIES), metavar="SEVERITY", help="Lowest severity that makes the exit code 1: error, warning or info. Default: warning.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input errors still exit 2).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--input-format", metavar="FORMAT", help="Read every file as this format instead of detecting it.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=10 * 1024 * 1024, metavar="BYTES", help="Refuse files larger than this many bytes.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, metavar="N", help="Worker processes for large trees (0: one per idle CPU core; 1: no workers).")
@click.option("--no-ignore", is_flag=True, help="Walk folders without honouring git's ignore files (.gitignore, .git/info/exclude, core.excludesFile).")
@click.option("--skip-unknown", is_flag=True, help="Treat named files like files met in a folder walk: skip those that are not forms, excluded or git-ignored (for pre-commit and editors).")
@click.option("--config", metavar="FILE", help="Use this configuration file instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--select", metavar="CODES", help="Comma-separated rule codes or prefixes to run (replaces the config's).")
@click.option("--extend-select", metavar="CODES", help="Comma-separated codes to run in addition.")
@click.option("--ignore", metavar="CODES", help="Comma-separated codes or prefixes not to run.")
@click.option("--show-suppressed", is_flag=True, help="List findings silenced by inline directives.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--baseline", metavar="FILE", help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", metavar="FILE", help="Record the current findings in this baseline file.")
@click.option("--force", is_flag=True, help="Let --write-baseline replace an existing file.")
@click.option("--since", metavar="REF", help="Report only findings on forms and fields changed since this git ref.")
@click.option("--stdin-filename", metavar="NAME", help="Name for the form read from stdin (-): format detection, config lookup, reported path.")
@click.option("--lang", metavar="LANG", help="Language of messages: en or zh. Default: the configuration's `lang`, else the locale (LANG), else en.")
def check(paths: tuple[str, ...], policy: tuple[str, ...], purpose: Optional[str], output_format: tuple[str, ...],
          output: Optional[str], fail_on: Optional[str], exit_zero: bool, quiet: bool, input_format: Optional[str],
          max_file_size: int, jobs: int, no_ignore: bool, skip_unknown: bool, config: Optional[str], isolated: bool, select: Optional[str],
          extend_select: Optional[str], ignore: Optional[str], show_suppressed: bool, statistics: bool,
          baseline: Optional[str], write_baseline: Optional[str], force: bool, since: Optional[str],
          stdin_filename: Optional[str], lang: Optional[str]) -> None:
    """Check forms for excess collection and missing or vague notice statements.

    Prints `path:line:col: CODE [severity] message` for each finding. PATH is a
    form file or a folder (searched recursively), or - for stdin; default: the
    current folder. Exit code 0 when clean, 1 when a finding is at or above
    --fail-on, 2 when a file, the policy or the configuration could not be read.
    """
    request = Request(
        paths=list(paths) or ["."], policy=policy or None, purpose=purpose, output_formats=output_format,
        output=output, fail_on=fail_on, exit_zero=exit_zero, quiet=quiet,
        input_format=input_format, max_file_size=max_file_size, config=config, isolated=isolated,
        select=select, extend_select=extend_select, ignore=ignore, show_suppressed=show_suppressed,
        statistics=statistics, baseline=baseline, write_baseline=write_baseline, force=force,
        since=since, stdin_filename=stdin_filename, lang=lang, jobs=jobs,
        gitignore=not no_ignore, skip_unknown=skip_unknown)
    raise SystemExit(run(request))
