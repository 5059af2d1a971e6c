"""Which files a run reads: the files named on the command line, and the form files
found while walking the named folders.

A walk skips hidden entries and excluded folders, visits folders and files in
sorted order, and takes a file only when its extension belongs to a format; files
of extensions shared with non-forms (README.md, data.csv, pom.xml) only when a
format's sniff claims them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from formlint.formats import candidates, extensions

# Folders that never hold forms worth auditing and are slow to walk.
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox",
                   ".mypy_cache", ".pytest_cache", "build", "dist", "site-packages")
# Folders skipped when no configuration says otherwise.
SKIP_DIRS = frozenset(DEFAULT_EXCLUDE)
# Extensions shared with files that are not forms; see `_claimed`.
SNIFF_ON_WALK = {".md", ".csv", ".xml"}
SNIFF_BYTES = 64 * 1024


def discover(paths: Iterable[str], excluded: Callable[[str], bool] | None = None) -> Iterator[str]:
    """Files named on the command line, and form files found under named folders;
    `excluded` prunes folders and files met while walking (named files always count)."""
    known = extensions()
    skip = excluded or _skip_dir
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path, known, skip)
        else:
            yield path


def discover_named(paths: Iterable[str], excluded: Callable[[str], bool] | None = None) -> list[tuple[str, bool]]:
    """Each file to read, and whether it was met while walking a folder (not named):
    a walked file that no format claims is skipped rather than reported."""
    paths = list(paths)
    named = {p for p in paths if not os.path.isdir(p)}
    return [(path, path not in named) for path in discover(paths, excluded)]


def _skip_dir(path: str) -> bool:
    return os.path.basename(path) in SKIP_DIRS


def _walk(root: str, known: set[str], skip: Callable[[str], bool]) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not skip(os.path.join(folder, d)))
        for name in sorted(files):
            path = os.path.join(folder, name)
            if Path(name).suffix.lower() in known and not name.startswith(".") and not skip(path) \
                    and _claimed(path):
                yield os.path.normpath(path)  # `check .` reports `form.yaml`, as SARIF and GitLab do


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
