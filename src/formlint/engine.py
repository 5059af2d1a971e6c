"""Checking forms: find the files, load each, classify, analyse the notice, run rules.

An error in one file never stops the others: it is collected and the CLI turns it
into a diagnostic line and exit code 2.
"""

from __future__ import annotations

import difflib
import gc
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from formlint.classify import classify
from formlint.context import Context
from formlint.errors import FormError, FormlintError
from formlint.formats import candidates, extensions, load_form
from formlint.model import Classification, Finding, Form, Policy, Purpose
from formlint.notice import NoticeFacts, analyse_notice
from formlint.rules import run_rules
from formlint.source import MAX_FILE_SIZE
from formlint.taxonomy import Taxonomy, load_taxonomy

# Folders that never hold forms worth auditing and are slow to walk.
# Extensions shared with files that are not forms; see `_claimed`.
SNIFF_ON_WALK = {".md", ".csv", ".xml"}
SNIFF_BYTES = 64 * 1024
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox",
             ".mypy_cache", ".pytest_cache", "build", "dist", "site-packages"}


@dataclass(frozen=True)
class Options:
    policy: Policy
    purpose: str | None = None
    input_format: str | None = None
    max_size: int = MAX_FILE_SIZE
    codes: frozenset[str] | None = None
    lang: str = "en"


@dataclass(frozen=True)
class FormResult:
    form: Form
    purpose: Purpose
    classes: Mapping[str, Classification]
    notice: NoticeFacts
    findings: tuple[Finding, ...]


@dataclass
class Report:
    results: list[FormResult] = field(default_factory=list)
    errors: list[FormlintError] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Files named on the command line, and form files found under named folders."""
    known = extensions()
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path, known)
        else:
            yield path


def _walk(root: str, known: set[str]) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(folder, name)
            if Path(name).suffix.lower() in known and not name.startswith(".") and _claimed(path):
                yield path


def _claimed(path: str) -> bool:
    """A README.md, a data .csv or a pom.xml is not a form: in a folder walk, files
    of these shared extensions are checked only when a format's sniff claims them."""
    if Path(path).suffix.lower() not in SNIFF_ON_WALK:
        return True
    try:
        with open(path, "rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return True  # let load_form report it
    return any(info.kind == "raw" and info.loader().sniff_raw(path, head) for info in candidates(path))


def check_paths(paths: Iterable[str], options: Options) -> Report:
    report = Report()
    # Parsing allocates many small objects and no reference cycles; the cyclic
    # collector would otherwise run hundreds of times for nothing on a big tree.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path in discover(paths):
            _check_one(path, options, report)
    finally:
        if collecting:
            gc.enable()
    return report


def _check_one(path: str, options: Options, report: Report) -> None:
    try:
        form = load_form(path, options.input_format, max_size=options.max_size)
        report.results.append(check_form(form, options))
    except FormlintError as exc:
        report.errors.append(exc)


def check_form(form: Form, options: Options, taxonomy: Taxonomy | None = None) -> FormResult:
    taxonomy = taxonomy or load_taxonomy()
    purpose = resolve_purpose(form, options.policy, options.purpose)
    classes = classify_form(form, taxonomy)
    notice = analyse_notice(form.notice)
    ctx = Context(form, options.policy, purpose, taxonomy, classes, notice, options.lang)
    findings = sorted(run_rules(ctx, options.codes), key=lambda f: (f.line, f.column, f.code))
    return FormResult(form, purpose, classes, notice, tuple(findings))


def classify_form(form: Form, taxonomy: Taxonomy) -> dict[str, Classification]:
    """Classify every field; an annotation naming no known category is an input error."""
    classes = {}
    for item in form.fields:
        if item.category is not None and item.category not in taxonomy:
            close = taxonomy.suggest(item.category)
            hint = f" (did you mean {close!r}?)" if close else ""
            raise FormError(form.path, f"field `{item.key}`: unknown category {item.category!r}{hint}; "
                            "`formlint categories` lists them", item.location.line, item.location.column)
        classes[item.key] = classify(item, taxonomy)
    return classes


def resolve_purpose(form: Form, policy: Policy, override: str | None) -> Purpose:
    """--purpose, else the form's `purpose`, else the policy's default purpose."""
    pid = override or form.purpose or policy.default_purpose
    where = form.location_of("/purpose")
    if pid is None:
        raise FormError(form.path, f"the form names no purpose; add `purpose:` or pass --purpose "
                        f"({_choices(policy)})", where.line, where.column)
    if pid not in policy.purposes:
        close = difflib.get_close_matches(pid, list(policy.purposes), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        origin = "--purpose" if override else "purpose"
        raise FormError(form.path, f"{origin} {pid!r} is not in policy {policy.id!r}{hint} "
                        f"({_choices(policy)})", where.line, where.column)
    return policy.purposes[pid]


def _choices(policy: Policy) -> str:
    return f"policy {policy.id!r} has: {', '.join(policy.purposes)}"
