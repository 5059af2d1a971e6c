"""The pipeline every command runs: discover -> load -> classify -> analyse the notice
-> rules -> suppress -> Report.

`run(settings)` checks the files a run names; `check_form` is the same for one loaded
form; `classified` stops after classifying (what `formlint classify` shows). An error
in one file never stops the others: it is collected and the CLI turns it into a
diagnostic line and exit code 2.
"""

from __future__ import annotations

import dataclasses
import gc
import sys
from typing import TYPE_CHECKING, Callable, Iterable, Union

from formlint.bounds import bounded, bounded_field
from formlint.classify import classify_all
from formlint.context import Context
from formlint.discovery import Walk, discover_named
from formlint.errors import FormError, FormlintError, NotAForm
from formlint.formats import load_form
from formlint.i18n import msg
from formlint.model import (NO_PURPOSE, Classification, Classified, Finding, Form, FormResult, Message, Policy, Purpose,
                            Recognition, Report, Suppressed)
from formlint.recognise import recognise
from formlint.notice import analyse_notice
from formlint.policy import purposes_hint
from formlint.rules import fl001_unused_suppression as unused_suppression
from formlint.rules import run_rules
from formlint.settings import FileSettings
from formlint.taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from formlint.settings import Settings

# `--purpose auto`: check excess against the recognised purpose when a form names none.
AUTO = "auto"
# One form's settings, or how to find them for each path (configuration per folder).
OptionsFor = Union[FileSettings, Callable[[str], FileSettings]]


def run(settings: Settings, recognise_declared: bool = True) -> Report:
    """Check what the run names: the form on stdin, or every form under its paths.
    Without `recognise_declared` (no output shows recognition) only forms that declare
    no purpose are recognised."""
    options: Callable[[str], FileSettings] = settings.for_file
    if not recognise_declared:
        options = _without_declared_recognition(settings.for_file)
    if settings.reads_stdin:
        raw = sys.stdin.buffer.read(settings.request.max_file_size + 1)
        return check_source(settings.stdin_name, raw, options)
    from formlint.parallel import default_jobs

    return check_paths(settings.paths, options, jobs=settings.request.jobs or default_jobs(), walk=settings.walk())


def _without_declared_recognition(for_file: Callable[[str], FileSettings]) -> Callable[[str], FileSettings]:
    return lambda path: dataclasses.replace(for_file(path), recognise_declared=False)


def classified(paths: Iterable[str], input_format: str | None = None,
               walk: Walk | None = None) -> tuple[list[Classified], list[FormlintError]]:
    """The first stages only: each form under `paths` (found as `check` finds them)
    loaded and classified, and the files that could not be read (a walked file no
    format claims is skipped)."""
    taxonomy = load_taxonomy()
    forms: list[Classified] = []
    errors: list[FormlintError] = []
    for path, walked in discover_named(paths, walk=walk):
        try:
            form = load_form(path, input_format, walked=walked)
            forms.append(Classified(form, classify_form(form, taxonomy)))
        except NotAForm as exc:
            if not walked:
                errors.append(exc)
        except FormlintError as exc:
            errors.append(exc)
        except Exception as exc:  # noqa: BLE001 -- one file's bug must not end the run
            errors.append(unexpected_failure(path, exc))
    return forms, errors


def check_paths(paths: Iterable[str], options: OptionsFor,
                excluded: Callable[[str], bool] | None = None, jobs: int = 1, walk: Walk | None = None) -> Report:
    """Check every form under `paths`; `options` may differ per file (configuration).
    With `jobs` > 1 a large tree is checked in that many worker processes."""
    from formlint.parallel import check_in_workers, usable

    report = Report()
    items = discover_named(paths, excluded, walk)
    workers = usable(jobs, len(items))
    # Parsing allocates many small objects and no reference cycles; the cyclic
    # collector would otherwise run hundreds of times for nothing on a big tree.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if workers > 1:
            check_in_workers(items, lambda path, walked: _checked(path, options, walked), workers, report)
        else:
            for path, walked in items:
                check_one(report, path, None, options, walked=walked)
    finally:
        if collecting:
            gc.enable()
    return report


def check_source(path: str, raw: bytes, options: OptionsFor, walked: bool = False) -> Report:
    """Check one form given as bytes (stdin, or a file read once) under the name `path`;
    a file met in a folder walk (`walked`) is read only if it looks like a form."""
    report = Report()
    check_one(report, path, raw, options, walked=walked)
    return report


def _checked(path: str, options: OptionsFor, walked: bool) -> Report:
    report = Report()
    check_one(report, path, None, options, walked=walked)
    return report


def check_one(report: Report, path: str, raw: bytes | None, options: OptionsFor,
               walked: bool = False) -> None:
    try:
        chosen = options(path) if callable(options) else options
        form = load_form(path, chosen.input_format, raw=raw, max_size=chosen.max_size, walked=walked)
        report.results.append(_kept(check_form(form, chosen)))
    except NotAForm as exc:
        if walked:
            report.skipped += 1
        else:
            report.errors.append(exc)
    except FormlintError as exc:
        report.errors.append(exc)
    except Exception as exc:  # noqa: BLE001 -- one file's bug must not end the run
        report.errors.append(unexpected_failure(path, exc))


def _kept(result: FormResult) -> FormResult:
    """What a run keeps of a checked form until its outputs are written: the node
    index (a location per node, half of a form's memory) served the rules and is
    dropped, so a tree of 20,000 forms fits in memory."""
    return dataclasses.replace(result, form=dataclasses.replace(result.form, locations={}))


def unexpected_failure(path: str, exc: Exception) -> FormError:
    """A bug met while checking one file (a reader that raised something other than
    FormError, a MemoryError on a hostile file): that file's error line, so the other
    files and every requested output still come; --debug shows the traceback."""
    first_line = (str(exc).splitlines() or [""])[0]
    error = FormError(path, msg("error.internal", kind=type(exc).__name__, detail=first_line))
    error.__cause__ = exc
    return error


def check_form(form: Form, options: FileSettings, taxonomy: Taxonomy | None = None) -> FormResult:
    form, notes = bounded(form)
    taxonomy = taxonomy or load_taxonomy()
    classes = classify_form(form, taxonomy)
    recognition = (recognise(form, classes, options.policy, taxonomy)
                   if options.recognise_declared or _declared_purpose(form, options.policy, options.purpose) is None
                   else None)
    purpose, origin = resolve_purpose(form, options.policy, options.purpose, recognition)
    notice = analyse_notice(form.notice)
    ctx = Context(form, options.policy, purpose, taxonomy, classes, notice, origin, recognition)
    found = run_rules(ctx, options.codes)
    if origin == "recognised" and recognition is not None:  # a recognised purpose comes with its recognition
        found = [_under_recognised(f, recognition) for f in found]
    kept, suppressed = apply_suppressions(ctx, found, options.codes)
    findings = sorted(kept, key=lambda f: (f.line, f.column, f.code))
    return FormResult(form, options.policy, purpose, classes, notice, tuple(findings), tuple(suppressed), notes,
                      purpose_origin=origin, recognition=recognition)


def _under_recognised(finding: Finding, recognition: Recognition) -> Finding:
    """A finding made under a recognised purpose says so in its law line."""
    said = msg("law.recognised_purpose", purpose=recognition.purpose or "",
               confidence=f"{recognition.confidence:.2f}")
    return dataclasses.replace(finding, law=(*finding.law, said))


def apply_suppressions(ctx: Context, findings: list[Finding],
                       codes: frozenset[str] | None) -> tuple[list[Finding], list[Suppressed]]:
    """Drop findings an inline directive on their field (or the form) names; a
    directive that silenced nothing becomes an FL001 finding."""
    by_field = {f.key: f.suppressions for f in ctx.form.fields}
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    for item in findings:
        candidates = (*by_field.get(item.field_key or "", ()), *ctx.form.suppressions)
        match = next((s for s in candidates if item.code in s.codes), None)
        if match is None:
            kept.append(item)
        else:
            used.add((id(match), item.code))
            suppressed.append(Suppressed(item, match))
    if codes is None or unused_suppression.RULE.code in codes:
        kept.extend(unused_suppression.unused(ctx, used, codes))
    return kept, suppressed


def classify_form(form: Form, taxonomy: Taxonomy) -> dict[str, Classification]:
    """Classify every field; an annotation naming no known category is an input error."""
    classes = {}
    for item in form.fields:
        if item.category is not None and item.category not in taxonomy:
            close = taxonomy.suggest(item.category)
            hint = msg("error.did_you_mean", name=close) if close else ""
            unknown = msg("error.unknown_category", category=repr(item.category), hint=hint)
            raise FormError(form.path, msg("error.field_problem", key=item.key, problem=unknown),
                            item.location.line, item.location.column)
    verdicts = classify_all((bounded_field(item) for item in form.fields), taxonomy)
    for item, verdict in zip(form.fields, verdicts):
        classes[item.key] = verdict
    return classes


def resolve_purpose(form: Form, policy: Policy, override: str | None,
                    recognition: Recognition | None = None) -> tuple[Purpose, str]:
    """The purpose to check against and where it comes from: --purpose ID, else the
    form's `purpose`, else the policy's default purpose ("declared"); with
    `--purpose auto` and none of those, the recognised purpose when recognition is
    confident ("recognised"); otherwise NO_PURPOSE ("none")."""
    auto = override == AUTO
    pid = _declared_purpose(form, policy, override)
    where = form.location_of("/purpose")
    if pid is None:
        recognised = recognition.purpose if auto and recognition is not None and recognition.confident else None
        if recognised is not None and recognised in policy.purposes:
            return policy.purposes[recognised], "recognised"
        return NO_PURPOSE, "none"
    if pid not in policy.purposes:
        import difflib

        close = difflib.get_close_matches(pid, list(policy.purposes), n=1)
        hint = msg("error.did_you_mean", name=close[0]) if close else ""
        # An override comes from --purpose or a configuration file's `purpose`, not the form.
        origin = msg("error.purpose_override") if override else ""
        raise FormError(form.path, msg("error.purpose_not_in_policy", purpose=pid, origin=origin, policy=policy.id,
                                       hint=hint, choices=_choices(policy)), where.line, where.column)
    return policy.purposes[pid], "declared"


def _declared_purpose(form: Form, policy: Policy, override: str | None) -> str | None:
    """--purpose ID (not `auto`), else the form's `purpose`, else the policy's default."""
    return (None if override == AUTO else override) or form.purpose or policy.default_purpose


def _choices(policy: Policy) -> Message:
    if not policy.purposes:
        return purposes_hint(policy)
    return msg("error.policy_purposes", policy=policy.id, purposes=", ".join(policy.purposes))
