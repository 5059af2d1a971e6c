"""Which files a run reads: the files named on the command line, and the form files
found while walking the named folders.

A walk skips hidden entries, excluded folders and what git ignores (`.gitignore`
in every folder from the repository's top down, `.git/info/exclude` and the global
excludes file, `core.excludesFile`), visits
folders and files in sorted order, and takes a file only when its extension
belongs to a format; files of extensions shared with non-forms (README.md,
data.csv, pom.xml) only when a format's sniff claims them. Whether a walked JSON or
YAML file is a form is decided when it is read (`formats.load_form(walked=True)`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from formlint.formats import candidates, extensions
from formlint.source import is_regular_file

if TYPE_CHECKING:
    from pathspec import PathSpec

# Folders that never hold forms worth auditing and are slow to walk.
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox",
                   ".mypy_cache", ".pytest_cache", "build", "dist", "site-packages")
# Folders skipped when no configuration says otherwise.
SKIP_DIRS = frozenset(DEFAULT_EXCLUDE)
# Extensions shared with files that are not forms; see `_claimed`.
SNIFF_ON_WALK = {".md", ".csv", ".xml"}
SNIFF_BYTES = 64 * 1024
# A .gitignore is a few kilobytes; a bigger one is not read (nothing is ignored by it).
MAX_IGNORE_FILE = 1024 * 1024


@dataclass(frozen=True)
class Walk:
    """How folders are walked: `excluded` prunes folders and files, `gitignore`
    honours git's ignore files, `declared` names files that are forms whatever they
    look like (the configuration's `forms` globs), `named_as_walked` treats files
    named on the command line like files met in a walk (pre-commit passes every
    changed file)."""

    excluded: Callable[[str], bool] | None = None
    gitignore: bool = True
    declared: Callable[[str], bool] | None = None
    named_as_walked: bool = False


def discover(paths: Iterable[str], excluded: Callable[[str], bool] | None = None) -> Iterator[str]:
    """Files named on the command line, and form files found under named folders."""
    return (path for path, _ in discover_named(paths, excluded))


def discover_named(paths: Iterable[str], excluded: Callable[[str], bool] | None = None,
                   walk: Walk | None = None) -> list[tuple[str, bool]]:
    """Each file to read, and whether it was met while walking a folder (not named):
    a walked file that is not a form is skipped rather than reported."""
    walk = walk or Walk(excluded)
    picker = _Picker(extensions(), walk.excluded or _skip_dir, walk.declared or (lambda path: False))
    found: list[tuple[str, bool]] = []
    for path in paths:
        if os.path.isdir(path):
            found += _walk(path, picker, GitIgnores.above(path) if walk.gitignore else None)
        elif not walk.named_as_walked:
            found.append((path, False))
        else:
            ignores = _ignores_at(os.path.dirname(path) or ".") if walk.gitignore else None
            found += [(path, walked) for walked in picker.take(path, ignores)]
    return found


def _ignores_at(folder: str) -> GitIgnores:
    return GitIgnores.above(folder).entering(folder)


def _skip_dir(path: str) -> bool:
    return os.path.basename(path) in SKIP_DIRS


def _walk(root: str, picker: _Picker, ignores: GitIgnores | None) -> Iterator[tuple[str, bool]]:
    rules = {os.path.abspath(root): ignores}
    for folder, dirs, files in os.walk(root):
        here = rules.pop(os.path.abspath(folder), None)
        here = here.entering(folder) if here is not None else None
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not picker.skip(os.path.join(folder, d))
                         and not (here and here.ignores(os.path.join(folder, d), True)))
        rules.update((os.path.abspath(os.path.join(folder, d)), here) for d in dirs)
        for name in sorted(files):
            if not name.startswith("."):
                # `check .` reports `form.yaml`, as SARIF and GitLab do
                path = os.path.normpath(os.path.join(folder, name))
                yield from ((path, walked) for walked in picker.take(path, here))


@dataclass(frozen=True)
class _Picker:
    known: set[str]
    skip: Callable[[str], bool]
    declared: Callable[[str], bool]

    def take(self, path: str, ignores: GitIgnores | None) -> tuple[bool, ...]:
        """() to leave the file out, else (walked,): whether it is read as a file
        met in a walk (skipped if it is not a form) or as a declared form."""
        if Path(path).suffix.lower() not in self.known or self.skip(path) or (ignores and ignores.ignores(path, False)):
            return ()
        if not is_regular_file(path):  # a FIFO would block, a device never end
            return ()
        if self.declared(path):
            return (False,)
        return (True,) if _claimed(path) else ()


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


@dataclass(frozen=True)
class GitIgnores:
    """The ignore rules in force in one folder, outermost first: the user's global
    excludes file (`core.excludesFile`), the repository's `.git/info/exclude`, then
    each `.gitignore` from the repository's top down.
    As in git, the last matching pattern decides, so a deeper file overrides."""

    rules: tuple[tuple[str, "PathSpec"], ...] = ()  # type: ignore[type-arg, unused-ignore]  # generic from pathspec 1.0

    @classmethod
    def above(cls, folder: str) -> GitIgnores:
        """The rules of `folder`'s repository down to `folder`'s parent (a walk
        enters `folder` itself)."""
        from formlint.gitconfig import repository_of

        start = Path(os.path.abspath(folder))
        repository = repository_of(start)
        if repository is None:
            return cls()
        top = repository.top
        ignores = cls()
        excludes_file = repository.excludes_file()
        if excludes_file is not None:
            ignores = ignores._with(str(top), excludes_file)
        ignores = ignores._with(str(top), repository.info_exclude)
        for ancestor in reversed(start.parents):
            if ancestor == top or top in ancestor.parents:
                ignores = ignores.entering(str(ancestor))
        return ignores

    def entering(self, folder: str) -> GitIgnores:
        return self._with(os.path.abspath(folder), Path(folder) / ".gitignore")

    def _with(self, base: str, ignore_file: Path) -> GitIgnores:
        spec = _read_spec(ignore_file)
        return GitIgnores((*self.rules, (base, spec))) if spec is not None else self

    def ignores(self, path: str, is_dir: bool) -> bool:
        target = os.path.abspath(path)
        decision = False
        for base, spec in self.rules:
            rel = os.path.relpath(target, base)
            if rel.startswith(".."):
                continue
            rel = rel.replace(os.sep, "/") + ("/" if is_dir else "")
            for pattern in spec.patterns:
                if pattern.include is not None and pattern.match_file(rel):
                    decision = pattern.include
        return decision


def _read_spec(ignore_file: Path) -> "PathSpec | None":  # type: ignore[type-arg, unused-ignore]
    try:
        if not ignore_file.is_file() or ignore_file.stat().st_size > MAX_IGNORE_FILE:
            return None
        lines = ignore_file.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    from pathspec import GitIgnoreSpec

    spec = GitIgnoreSpec.from_lines(lines)
    return spec if spec.patterns else None
