"""What `formlint check` does with its options: resolve them against configuration
files (command line wins), check the forms, narrow the report to what is new
(--baseline, --since), write a baseline if asked, render every requested output
and choose the exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from formlint.cli.common import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, colour_wanted, print_warning, report_error,
                                 resolve_lang, write_output)
from formlint.errors import UsageError

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.config import Config, Registries, Resolver
    from formlint.engine import Options, OptionsFor
    from formlint.model import Policy, PolicyRef, Report
    from formlint.reporters import RenderOptions

STDIN = "-"


@dataclass(frozen=True)
class Request:
    """The check command's options as given on the command line."""

    paths: list[str]
    policy: Optional["PolicyRef"] = None
    purpose: Optional[str] = None
    output_formats: tuple[str, ...] = ()
    output: Optional[str] = None
    fail_on: Optional[str] = None
    exit_zero: bool = False
    quiet: bool = False
    input_format: Optional[str] = None
    max_file_size: int = 10 * 1024 * 1024
    config: Optional[str] = None
    isolated: bool = False
    select: Optional[str] = None
    extend_select: Optional[str] = None
    ignore: Optional[str] = None
    show_suppressed: bool = False
    statistics: bool = False
    baseline: Optional[str] = None
    write_baseline: Optional[str] = None
    force: bool = False
    since: Optional[str] = None
    stdin_filename: Optional[str] = None
    lang: Optional[str] = None
    jobs: int = 0

    @property
    def reads_stdin(self) -> bool:
        return self.paths == [STDIN]


def run(request: Request) -> int:
    from formlint.config import Resolver
    from formlint.model import Severity
    from formlint.reporters import RenderOptions

    _check_request(request)
    resolver = Resolver(cli_config(request), registries(), request.config, request.isolated)
    project = resolver.for_path((request.stdin_filename or ".") if request.reads_stdin else ".")
    outputs = output_plan(request, project)
    policy = _policy(request.policy or project.target(".")[0])  # a bad policy stops here, once
    if request.policy and not policy.purposes:
        from formlint.engine import purposes_hint

        raise UsageError(purposes_hint(policy))
    lang = resolve_lang(request.lang or project.lang)
    report = narrow(check(request, resolver, lang), request)
    for error in report.errors:
        report_error(error)
    if not report.results and not report.errors:
        print_warning(f"no forms found in {', '.join(request.paths)}")
    if request.write_baseline:
        _write_baseline(report, request)
    fail_on = request.fail_on or project.fail_on or "warning"
    render_outputs(report, outputs, RenderOptions(policy, False, request.quiet, Severity(fail_on),
                                                  request.show_suppressed, lang))
    return exit_code(report, fail_on, request.exit_zero or bool(request.write_baseline))


def _check_request(request: Request) -> None:
    from formlint.formats import FORMATS

    if request.input_format is not None and request.input_format not in FORMATS:
        raise UsageError(f"unknown --input-format {request.input_format!r}; choose from {', '.join(FORMATS)}")
    if STDIN in request.paths and not request.reads_stdin:
        raise UsageError("- (stdin) cannot be combined with other paths")
    if request.reads_stdin and not (request.stdin_filename or request.input_format):
        # The format is told by a file name; stdin has none.
        raise UsageError("reading a form from stdin (-) needs --stdin-filename NAME (e.g. form.yaml) "
                         "or --input-format to say what format it is")
    if request.stdin_filename and not request.reads_stdin:
        raise UsageError("--stdin-filename is for reading a form from stdin: pass - as the path")


def registries() -> "Registries":
    """The rule codes and output formats a configuration file may name."""
    from formlint.config import Registries
    from formlint.reporters import format_names
    from formlint.rules import RULES

    return Registries(tuple(RULES), tuple(format_names()))


def codes_option(value: str | None, option: str) -> tuple[str, ...]:
    from formlint.config import unknown_selector
    from formlint.rules import RULES

    codes = tuple(c.strip().upper() for c in (value or "").split(",") if c.strip())
    for code in codes:
        problem = unknown_selector(code, RULES)
        if problem:
            raise UsageError(f"{option}: {problem}")
    return codes


def cli_config(request: Request) -> "Config":
    """The command-line options as a Config laid over each discovered file."""
    from formlint.config import Config

    return Config(policy=request.policy, purpose=request.purpose,
                  select=codes_option(request.select, "--select") if request.select is not None else None,
                  extend_select=codes_option(request.extend_select, "--extend-select"),
                  ignore=codes_option(request.ignore, "--ignore"), fail_on=request.fail_on)


@lru_cache(maxsize=None)
def _policy(ref: "PolicyRef | None") -> "Policy":
    from formlint.policy import load_policy

    return load_policy(ref)


def options_for(request: Request, resolver: "Resolver", lang: str) -> "OptionsFor":
    """Each form's options from the configuration closest to it."""
    from formlint.engine import Options
    from formlint.rules import RULES

    def options(path: str) -> "Options":
        config = resolver.for_path(path)
        mapped_policy, mapped_purpose = config.target(path)
        return Options(policy=_policy(request.policy or mapped_policy), purpose=request.purpose or mapped_purpose,
                       input_format=request.input_format, max_size=request.max_file_size,
                       codes=config.enabled(path, list(RULES)), lang=lang)
    return options


def check(request: Request, resolver: "Resolver", lang: str) -> "Report":
    from formlint.engine import check_paths, check_source

    options = options_for(request, resolver, lang)
    if request.reads_stdin:
        raw = sys.stdin.buffer.read(request.max_file_size + 1)
        return check_source(request.stdin_filename or STDIN, raw, options)
    root = resolver.for_path(".")
    from formlint.parallel import default_jobs

    return check_paths(request.paths, options, excluded=root.excluded, jobs=request.jobs or default_jobs())


def narrow(report: "Report", request: Request) -> "Report":
    from formlint.baseline import only_new
    from formlint.changes import only_changed

    if request.baseline:
        report = only_new(report, request.baseline)
    if request.since:
        paths = [request.stdin_filename or STDIN] if request.reads_stdin else request.paths
        report = only_changed(report, request.since, paths)
    return report


def _write_baseline(report: "Report", request: Request) -> None:
    from formlint.baseline import write_baseline
    from formlint.cli.common import print_error

    assert request.write_baseline is not None
    count = write_baseline(report, request.write_baseline, request.force)
    print_error(f"formlint: recorded {count} finding(s) in baseline {request.write_baseline}")


def output_plan(request: Request, project: "Config") -> list[tuple[str, str | None]]:
    """(format, file or None for the terminal) pairs. Without a bare format the
    terminal shows `full`; --statistics replaces the terminal output."""
    from formlint.reporters import format_names

    entries = list(request.output_formats) or list(project.output_format or ())
    plan: list[tuple[str, str | None]] = []
    for entry in entries:
        name, _, path = entry.partition(":")
        if name not in format_names():
            raise UsageError(f"unknown output format {name!r}; choose from {', '.join(format_names())}")
        plan.append((name, path or None))
    terminal = [name for name, path in plan if path is None]
    if len(terminal) > 1:
        raise UsageError(f"only one output format can go to the terminal (got {', '.join(terminal)}); "
                         "send the others to files with FORMAT:FILE")
    if not terminal:
        plan.insert(0, ("full", None))
    return [("statistics" if request.statistics else n, request.output) if p is None else (n, p) for n, p in plan]


def render_outputs(report: "Report", plan: list[tuple[str, str | None]], options: "RenderOptions") -> None:
    import dataclasses

    from formlint.reporters import renderer, statistics

    for name, path in plan:
        wanted = dataclasses.replace(options, color=path is None and colour_wanted(sys.stdout))
        text = statistics.render(report, wanted) if name == "statistics" else renderer(name)(report, wanted)
        if path is None:
            write_output(text)
        else:
            _write_file(path, text)


def _write_file(path: str, text: str) -> None:
    from formlint.atomic import write_text_atomic

    try:
        write_text_atomic(path, text)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def exit_code(report: "Report", fail_on: str, exit_zero: bool) -> int:
    from formlint.model import Severity

    if report.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    threshold = Severity(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in report.findings) else EXIT_CLEAN
