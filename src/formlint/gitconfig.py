"""Where a repository keeps what git needs for ignoring files, read without running git.

A walk honours git's ignore files; besides the `.gitignore` files in the tree these
are the repository's `info/exclude` and the user's global excludes file
(`core.excludesFile`, by default `$XDG_CONFIG_HOME/git/ignore`). Finding them means
reading the repository's `.git` (a folder, or a file pointing to one in a worktree
or submodule) and git's configuration files, which is done here by parsing the few
lines that matter: no git process, no network, only regular files of bounded size.
`include` and `includeIf` sections are not followed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

# A git configuration or `.git` file is a few kilobytes; a bigger one is not read.
MAX_CONFIG_FILE = 1024 * 1024
_SECTION = re.compile(r'\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"(?:[^"\\]|\\.)*")?\s*\](.*)')
_ENTRY = re.compile(r"\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?")
_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", '"': '"', "\\": "\\"}


@dataclass(frozen=True)
class Repository:
    """A repository's working tree (`top`) and the folder holding its `info/exclude`
    and `config` (the common git folder, shared by all of a repository's worktrees)."""

    top: Path
    common_dir: Path

    @property
    def info_exclude(self) -> Path:
        return self.common_dir / "info" / "exclude"

    def excludes_file(self, environ: Mapping[str, str] | None = None) -> Path | None:
        """The user's global excludes file, as git finds it: the last `core.excludesFile`
        in the system, global and repository configuration, else `git/ignore` in the
        XDG configuration folder."""
        env = os.environ if environ is None else environ
        value = None
        for config in _config_files(self.common_dir, env):
            value = _excludes_file_in(config) or value
        if value is None:
            base = _xdg_config_home(env)
            return base / "git" / "ignore" if base else None
        return _expand(value, self.top, env)


def repository_of(folder: str | Path) -> Repository | None:
    """The repository whose working tree holds `folder`, if any."""
    start = Path(os.path.abspath(folder))
    for candidate in (start, *start.parents):
        dot_git = candidate / ".git"
        if dot_git.is_dir():
            return Repository(candidate, dot_git)
        if dot_git.is_file():
            git_dir = _linked_git_dir(dot_git)
            return Repository(candidate, _common_dir(git_dir) if git_dir else dot_git)
    return None


def _linked_git_dir(dot_git: Path) -> Path | None:
    """The folder a `.git` file names (`gitdir: PATH`, relative to the file's folder)."""
    text = _read_small(dot_git)
    if text is None or not text.startswith("gitdir:"):
        return None
    return dot_git.parent / text[len("gitdir:"):].strip()


def _common_dir(git_dir: Path) -> Path:
    """A worktree's git folder names the main one in `commondir`; others are their own."""
    common = _read_small(git_dir / "commondir")
    return git_dir / common.strip() if common and common.strip() else git_dir


def _config_files(common_dir: Path, env: Mapping[str, str]) -> list[Path]:
    """Git's configuration files from the lowest precedence to the highest."""
    files = [] if env.get("GIT_CONFIG_NOSYSTEM") else [Path("/etc/gitconfig")]
    if env.get("GIT_CONFIG_GLOBAL"):
        files.append(Path(env["GIT_CONFIG_GLOBAL"]))
    else:
        xdg = _xdg_config_home(env)
        files += [xdg / "git" / "config"] if xdg else []
        files += [Path(env["HOME"]) / ".gitconfig"] if env.get("HOME") else []
    return [*files, common_dir / "config"]


def _xdg_config_home(env: Mapping[str, str]) -> Path | None:
    if env.get("XDG_CONFIG_HOME"):
        return Path(env["XDG_CONFIG_HOME"])
    return Path(env["HOME"]) / ".config" if env.get("HOME") else None


def _expand(value: str, top: Path, env: Mapping[str, str]) -> Path | None:
    """A path-valued setting: `~/` is the home folder; a relative path is taken from
    the top of the working tree, where git commands usually run."""
    if value == "~" or value.startswith("~/"):
        if not env.get("HOME"):
            return None
        return Path(env["HOME"]) / value[2:]
    return top / value


def _excludes_file_in(config: Path) -> str | None:
    """The last `core.excludesFile` value in one configuration file."""
    text = _read_small(config)
    if text is None:
        return None
    found, section = None, ""
    lines = iter(text.splitlines())
    for line in lines:
        header = _SECTION.match(line)
        if header:
            section, line = header.group(1).lower(), header.group(2)
        entry = _ENTRY.match(line)
        if entry is None or section != "core" or entry.group(1).lower() != "excludesfile":
            continue
        raw = entry.group(2) or ""
        while raw.rstrip().endswith("\\") and not raw.rstrip().endswith("\\\\"):
            raw = raw.rstrip()[:-1] + next(lines, "")
        found = _value(raw) or found
    return found


def _value(raw: str) -> str | None:
    """A configuration value: quotes removed, escapes resolved, a `#` or `;` outside
    quotes starts a comment, surrounding blanks dropped."""
    out: list[str] = []
    quoted = False
    chars = iter(raw.strip())
    for char in chars:
        if char == '"':
            quoted = not quoted
        elif char == "\\":
            out.append(_ESCAPES.get(next(chars, ""), ""))
        elif char in "#;" and not quoted:
            break
        else:
            out.append(char)
    value = "".join(out).strip()
    return value or None


def _read_small(path: Path) -> str | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_CONFIG_FILE:
            return None
        return path.read_text("utf-8", errors="replace")
    except OSError:
        return None
