"""`formlint fix`: make the changes the findings ask for, in the form's own file.

Dry run by default: the unified diff goes to stdout (ready for `git apply`) and the
list of changes to stderr. `--write` replaces each file in place, atomically and
only if it is still what was checked; `--output DIR` writes fixed copies instead.
Exit 0 when every finding was answered, 1 when some remain (or, in a dry run,
when there is something to change), 2 on input, usage or write errors.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Optional

import click

from formlint.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, LANG_HELP, report_error, report_problem, \
    resolve_lang, write_output
from formlint.message import msg

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from collections.abc import Callable

    from formlint.model import FormResult, Report, Severity
    from formlint.model import Finding
    from formlint.fixer import FixOptions, Outcome
    from formlint.fixer.workbook import WorkbookOutcome
    from formlint.settings import Request


WORKBOOKS = (".xlsx", ".xlsm")


@click.command("fix")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--policy", "-p", multiple=True, metavar="POLICY", help="Built-in policy name or policy file; repeatable, as for check.")
@click.option("--purpose", metavar="PURPOSE", help="Purpose id to fix against, overriding each form's `purpose`.")
@click.option("--write", is_flag=True, help="Replace each form in place (atomically; refused if the file changed since it was read).")
@click.option("--output", "-o", "output_dir", metavar="FOLDER", help="Write fixed copies under this folder instead of replacing the forms.")
@click.option("--force", is_flag=True, help="Let --output replace copies that already exist.")
@click.option("--comment-out", is_flag=True, help="Comment excess fields out instead of removing them (YAML forms).")
@click.option("--keep-sensitive", is_flag=True, help="Keep excess sensitive fields (DM102) and mark them for a separate consent.")
@click.option("--add-suppressions", metavar="REASON", help="Add a suppression with this reason for every finding instead of fixing it.")
@click.option("--notice", is_flag=True, help="Insert the notice `formlint notice` drafts into forms that show none.")
@click.option("--input-format", metavar="FORMAT", help="Read every file as this format instead of detecting it.")
@click.option("--no-ignore", is_flag=True, help="Walk folders without honouring git's ignore files.")
@click.option("--config", metavar="FILE", help="Use this configuration file instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def fix(paths: tuple[str, ...], policy: tuple[str, ...], purpose: Optional[str], write: bool, output_dir: Optional[str],
        force: bool, comment_out: bool, keep_sensitive: bool, add_suppressions: Optional[str], notice: bool,
        input_format: Optional[str], no_ignore: bool, config: Optional[str], isolated: bool,
        lang: Optional[str]) -> None:
    """Fix what the findings ask for: remove excess fields, make optional ones optional,
    state the policy's retention period; or add suppressions instead.

    PATH is a form file or a folder (searched recursively)."""
    from formlint.errors import UsageError
    from formlint.fixer import FixOptions
    from formlint.settings import Request

    if write and output_dir:
        raise UsageError(msg("usage.write_and_output"))
    if add_suppressions is not None and not add_suppressions.strip():
        raise UsageError(msg("usage.suppressions_need_reason"))
    language = resolve_lang(lang)
    options = FixOptions(comment_out=comment_out, keep_sensitive=keep_sensitive,
                         add_suppressions=add_suppressions.strip() if add_suppressions else None)
    request = Request(paths=list(paths), policy=policy or None, purpose=purpose, input_format=input_format,
                      config=config, isolated=isolated, gitignore=not no_ignore)
    raise SystemExit(_run(request, language, options, write, output_dir, force, notice))


def _run(request: "Request", lang: str, options: "FixOptions", write: bool, output_dir: str | None, force: bool,
         notice: bool) -> int:
    from formlint.discovery import discover_named
    from formlint.pipeline import check_source
    from formlint.settings import resolve
    from formlint.source import read_bytes

    settings = resolve(request, lang)
    form_options = settings.for_file
    status = EXIT_CLEAN
    for path, walked in discover_named(settings.paths, walk=settings.walk()):
        try:
            raw = read_bytes(path)
        except Exception as exc:  # FormlintError: reported as that file's error line
            report_error(exc)
            status = EXIT_ERROR
            continue
        report = check_source(path, raw, form_options, walked)
        if report.errors:
            for error in report.errors:
                report_error(error)
            status = EXIT_ERROR
            continue
        if not report.results:  # a walked file that is not a form
            continue
        for result in report.results:
            wanted = _with_draft(options, result, lang) if notice else options

            def recheck(data: bytes, path: str = path) -> "Report":
                return check_source(path, data, form_options)

            status = max(status, _fix_one(result, raw, wanted, lang, write, output_dir, force, recheck,
                                          settings.fail_on))
    return status


def _with_draft(options: "FixOptions", result: "FormResult", lang: str) -> "FixOptions":
    import dataclasses

    from formlint.notice_draft import draft_notice, render_draft
    from formlint.taxonomy import load_taxonomy

    draft = draft_notice(result, result.policy, load_taxonomy(), lang)
    return dataclasses.replace(options, notice=render_draft(draft, "text"))


def _fix_one(result: "FormResult", raw: bytes, options: "FixOptions", lang: str, write: bool,
             output_dir: str | None, force: bool, recheck: "Callable[[bytes], Report]", fail_on: "Severity") -> int:
    """Plan the fix of one form, check the fixed bytes again, then show or store them.
    A workbook has no text to diff: its dry run lists the changed cells instead. Like
    `check`, only findings left at or above `fail_on` make the exit code 1."""
    from formlint.fixer import plan
    from formlint.fixer.workbook import plan_workbook

    path = result.form.path
    shown = _visible(path)
    suffix = os.path.splitext(path)[1].lower()
    outcome: "Outcome | WorkbookOutcome"
    if suffix in WORKBOOKS:
        outcome = plan_workbook(raw, suffix, result.findings, result.purpose, options)
        data = outcome.data
        preview = "".join(f"{shown}: {cell.where}: {_visible(cell.what)}\n" for cell in outcome.cells)
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            report_problem(path, msg("error.fix_not_utf8"))
            return EXIT_ERROR
        outcome = plan(text, result.form.format, suffix, result.findings, result.purpose, options)
        data = outcome.text.encode("utf-8")
        preview = _diff(path, text, outcome.text) if outcome.changed else ""
    after = recheck(data) if outcome.changed else None
    if after is not None and (after.errors or not after.results):
        report_problem(path, msg("error.fix_unreadable"))
        return EXIT_ERROR
    left = list(after.results[0].findings) if after is not None else list(result.findings)
    dry_run = not write and not output_dir
    _print_changes(path, outcome, left, lang, to_stderr=dry_run)
    failing = any(f.severity >= fail_on for f in left)
    if dry_run:
        write_output(preview)
        return EXIT_FINDINGS if outcome.changed or failing else EXIT_CLEAN
    if outcome.changed and not _store(path, raw, data, output_dir, force):
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _store(path: str, raw: bytes, data: bytes, output_dir: str | None, force: bool) -> bool:
    from formlint.fixer.write import StaleFile, create_new, replace_checked

    try:
        if output_dir is None:
            replace_checked(path, data, raw)
        else:
            create_new(os.path.join(output_dir, _relative(path)), data, force)
        return True
    except StaleFile:
        report_problem(path, msg("error.fix_stale"))
    except FileExistsError:
        target = os.path.join(output_dir or "", _relative(path))
        report_problem(target, msg("error.exists"))
    except OSError as exc:
        report_problem(path, msg("error.fix_cannot_write", reason=exc.strerror or str(exc)))
    return False


def _relative(path: str) -> str:
    """Where a copy goes under --output: the form's path, made relative and safe."""
    rel = os.path.relpath(os.path.abspath(path))
    parts = [p for p in rel.split(os.sep) if p not in ("", ".", "..")]
    return os.path.join(*parts) if parts else os.path.basename(path)


def _print_changes(path: str, outcome: "Outcome | WorkbookOutcome", left: "list[Finding]", lang: str, to_stderr: bool) -> None:
    """What was fixed, then what the form still gets reported for, with the reason
    `fix` left it where it has one."""
    import sys

    from formlint.i18n import t, translate

    stream = sys.stderr if to_stderr else sys.stdout
    shown = _visible(path)
    reasons = {(c.code, c.field_key): c.action for c in outcome.changes if not c.done}
    fixed = [c for c in outcome.changes if c.done]
    for change in fixed:
        where = f" `{_visible(change.field_key)}`" if change.field_key else ""
        stream.write(f"{shown}:{change.line}: {change.code} {t('fix.fixed', lang)}{where}: {translate(change.action, lang)}\n")
    for finding in left:
        where = f" `{_visible(finding.field_key)}`" if finding.field_key else ""
        reason = reasons.get((finding.code, finding.field_key))
        why = translate(reason, lang) if reason is not None else t("fix.still_reported", lang)
        stream.write(f"{shown}:{finding.line}: {finding.code} {t('fix.unfixed', lang)}{where}: {_visible(why)}\n")
    stream.write(t("fix.summary", lang, path=shown, fixed=len(fixed), remaining=len(left)) + "\n")
    stream.flush()


def _visible(text: str) -> str:
    """Form text on a terminal: control characters shown as escapes, never obeyed."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
