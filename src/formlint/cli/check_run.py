"""What `formlint check` does with its options: resolve them into the run's Settings,
run the pipeline, narrow the report to what is new (--baseline, --since), write a
baseline if asked, render every requested output and choose the exit code."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Callable, TextIO

from formlint.cli.common import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, colour_wanted, print_warning,
                                 provisional_lang, report_error, state, stdout_stream)
from formlint.errors import UsageError
from formlint.message import msg

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.model import Report, Severity
    from formlint.settings import Request, Settings


def run(request: Request) -> int:
    from formlint.pipeline import run as run_pipeline
    from formlint.settings import resolve

    provisional_lang(request.lang)
    settings = resolve(request)
    state.lang = settings.lang
    report = narrow(run_pipeline(settings, recognise_declared=_shows_recognition(settings)), settings)
    for error in report.errors:
        report_error(error)
    for result in report.results:
        for note in result.notes:
            print_warning(note, result.form.path)
    if not report.results and not report.errors and not request.skip_unknown:
        print_warning(msg("warning.no_forms", paths=", ".join(settings.paths)))
    if request.write_baseline:
        _write_baseline(report, request.write_baseline, request.force)
    render_outputs(report, settings)
    return exit_code(report, settings.fail_on, request.exit_zero or bool(request.write_baseline))


def _shows_recognition(settings: Settings) -> bool:
    """Whether an output shows what recognition found for a form that declares its
    purpose (a format says so with READS_RECOGNITION); recognising costs a sixth of
    checking an ordinary form."""
    import importlib

    from formlint.reporters import ALIASES, REPORTERS

    modules = [REPORTERS[ALIASES.get(name, name)] for name, _ in settings.outputs if name != "statistics"]
    return any(getattr(importlib.import_module(module), "READS_RECOGNITION", False) for module in modules)


def narrow(report: Report, settings: Settings) -> Report:
    if settings.request.baseline:
        from formlint.baseline import only_new

        report = only_new(report, settings.request.baseline)
    if settings.request.since:
        from formlint.changes import only_changed

        paths = [settings.stdin_name] if settings.reads_stdin else settings.paths
        report = only_changed(report, settings.request.since, paths)
    return report


def _write_baseline(report: Report, path: str, force: bool) -> None:
    from formlint.baseline import write_baseline
    from formlint.cli.common import print_progress

    count = write_baseline(report, path, force)
    print_progress(msg("cli.baseline_recorded", count=count, path=path))


def render_outputs(report: Report, settings: Settings) -> None:
    for name, path in settings.outputs:
        _render_output(report, settings, name, path)


def _render_output(report: Report, settings: Settings, name: str, path: str | None) -> None:
    """One output, written piece by piece as it is rendered (formats that can), so a
    large tree never holds a whole rendered output in memory."""
    from formlint.reporters import statistics, writer, writing

    wanted = settings.render_options(color=path is None and colour_wanted(sys.stdout))
    write = writing(statistics.render) if name == "statistics" else writer(name)
    if path is None:
        with stdout_stream() as out:
            write(report, wanted, out)
    else:
        _write_file(path, lambda out: write(report, wanted, out))


def _write_file(path: str, write: Callable[[TextIO], None]) -> None:
    from formlint.atomic import text_stream_atomic

    try:
        with text_stream_atomic(path) as out:
            write(out)
    except OSError as exc:
        raise UsageError(msg("usage.cannot_write", path=path, reason=exc.strerror or str(exc))) from None


def exit_code(report: Report, fail_on: Severity, exit_zero: bool) -> int:
    if report.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(f.severity >= fail_on for f in report.findings) else EXIT_CLEAN
