"""`--since REF`: keep only findings on forms and fields changed since a git ref.

A finding counts when its form is new (untracked, or added since REF), when its
field's lines (from the field's first line to the next field's) overlap a changed
hunk of `git diff --unified=0 REF`, or when it concerns the whole form and the
form changed at all. git runs with an argument list, never through a shell.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from typing import Mapping

from formlint.model import Finding, FormResult, Report
from formlint.errors import UsageError
from formlint.message import msg

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_END = 10**9  # the last field's span runs to the end of the file


@dataclass(frozen=True)
class Changes:
    root: str
    new: frozenset[str] = frozenset()
    hunks: Mapping[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)

    def relative(self, path: str) -> str:
        return os.path.relpath(os.path.realpath(path), self.root).replace(os.sep, "/")

    def holds(self, path: str) -> bool:
        return not self.relative(path).startswith("../")

    def keeps(self, result: FormResult, item: Finding) -> bool:
        rel = self.relative(result.form.path)
        hunks = self.hunks.get(rel, ())
        if rel in self.new or (hunks and item.field_key is None):
            return True
        first, last = field_span(result, item.field_key)
        return any(start <= last and end >= first for start, end in hunks)


def field_span(result: FormResult, key: str | None) -> tuple[int, int]:
    """Lines from the field's start to just before the next field's start."""
    starts = sorted(f.location.line for f in result.form.fields)
    first = next((f.location.line for f in result.form.fields if f.key == key), 0)
    later = [line for line in starts if line > first]
    return first, (later[0] - 1 if later else _END)


def _git(cwd: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", cwd, *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise UsageError(msg("usage.since_no_git")) from None


def _folder(path: str) -> str:
    """The folder git runs in for `path`: the path itself, or the folder holding it."""
    absolute = os.path.abspath(path)
    return absolute if os.path.isdir(absolute) else os.path.dirname(absolute)


def repositories(paths: list[str]) -> dict[str, list[str]]:
    """The checked paths grouped by the git repository that holds them (its top
    folder), so that `formlint check --since REF ../other-repo` diffs that repository,
    not the one of the current directory."""
    groups: dict[str, list[str]] = {}
    tops: dict[str, str] = {}
    for path in paths:
        folder = _folder(path)
        if folder not in tops:
            top = _git(folder, "rev-parse", "--show-toplevel") if os.path.isdir(folder) else None
            if top is None or top.returncode != 0:
                raise UsageError(msg("usage.since_no_repository", path=path))
            tops[folder] = os.path.realpath(top.stdout.strip())
        groups.setdefault(tops[folder], []).append(os.path.abspath(path))
    return groups


def changes_since(ref: str, paths: list[str]) -> list[Changes]:
    return [_changes_in(top, ref, members) for top, members in repositories(paths).items()]


def _changes_in(top: str, ref: str, paths: list[str]) -> Changes:
    if _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise UsageError(msg("usage.since_unknown_ref", ref=ref, top=top))
    # core.quotePath=false: non-ASCII file names (表单.yaml) come out unquoted.
    diff = _git(top, "-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff",
                "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", ref, "--", *paths)
    untracked = _git(top, "-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "--full-name",
                     "--", *paths)
    new, hunks = parse_diff(diff.stdout)
    new |= {line for line in untracked.stdout.splitlines() if line}
    return Changes(top, frozenset(new), hunks)


def parse_diff(text: str) -> tuple[set[str], dict[str, tuple[tuple[int, int], ...]]]:
    """New files and changed line ranges (new-side numbering) per repo-relative path."""
    new: set[str] = set()
    hunks: dict[str, list[tuple[int, int]]] = {}
    added = False
    current = ""
    for line in text.splitlines():
        if line.startswith("--- "):
            added = line == "--- /dev/null"
        elif line.startswith("+++ "):
            current = line[len("+++ b/"):] if line.startswith("+++ b/") else ""
            if added and current:
                new.add(current)
        elif current and (hunk := _HUNK.match(line)):
            start, size = int(hunk[1]), int(hunk[2] if hunk[2] is not None else 1)
            # A pure deletion (size 0) is recorded at the line before the gap.
            hunks.setdefault(current, []).append((start, start + max(size, 1) - 1))
    return new, {path: tuple(ranges) for path, ranges in hunks.items()}


def only_changed(report: Report, ref: str, paths: list[str]) -> Report:
    by_repository = changes_since(ref, paths)

    def keeps(result: FormResult, item: Finding) -> bool:
        return any(changes.holds(result.form.path) and changes.keeps(result, item) for changes in by_repository)

    return report.narrowed(keeps)
