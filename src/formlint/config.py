"""Project configuration: `[tool.formlint]` in pyproject.toml, `formlint.toml` or
`.formlint.yaml`, found by walking up from each checked file (the closest wins).

What a file may name (rule codes, output formats) comes in as `Registries`: the
rules and reporters sit above configuration and are never imported from here.

Command-line options beat the file: the CLI builds a `Config` of the options it
was given and `Config.merged` lays it over the discovered one. Paths in a config
file (policies, globs) are relative to the file's folder. The schema is
`schemas/config.schema.json` (`formlint schema config`); unknown keys are errors
with a "did you mean".
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from formlint.discovery import DEFAULT_EXCLUDE
from formlint.errors import ConfigError
from formlint.model import Location, PolicyRef
from formlint.schemas import validate
from formlint.source import Document, load_yaml, pointer_join, read_text
from formlint.message import msg
from formlint.message import Message

# In one folder the first of these that exists wins (pyproject only with [tool.formlint]).
CONFIG_NAMES = (".formlint.yaml", ".formlint.yml", "formlint.toml", "pyproject.toml")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class Registries:
    """The names a configuration may use: rule codes and output format names."""

    rule_codes: tuple[str, ...]
    output_formats: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    """Settings from one config file or the command line; None means "not given"."""

    path: str | None = None
    root: str = "."
    policy: PolicyRef | None = None
    purpose: str | None = None
    policy_map: tuple[tuple[str, str | None, str | None], ...] = ()
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str | None = None
    output_format: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    lang: str | None = None

    def merged(self, cli: Config) -> Config:
        """`cli` over this file's settings: given scalars replace, extensions add up."""
        given = {f.name: getattr(cli, f.name) for f in dataclasses.fields(cli)
                 if f.name not in ("path", "root", "extend_select", "ignore", "extend_exclude")
                 and getattr(cli, f.name) not in (None, ())}
        return dataclasses.replace(self, **given, extend_select=self.extend_select + cli.extend_select,
                                   ignore=self.ignore + cli.ignore, extend_exclude=self.extend_exclude + cli.extend_exclude)

    def relative(self, path: str) -> str:
        """`path` relative to the config's folder, with forward slashes, for globs."""
        return os.path.relpath(os.path.abspath(path), os.path.abspath(self.root)).replace(os.sep, "/")

    def target(self, path: str) -> tuple[PolicyRef | None, str | None]:
        """(policy, purpose) for a form: the first matching `policy-map` glob, else the defaults."""
        if not self.policy_map:
            return self.policy, self.purpose
        rel = self.relative(path)
        for pattern, policy, purpose in self.policy_map:
            if _glob(rel, pattern):
                return policy or self.policy, purpose or self.purpose
        return self.policy, self.purpose

    def enabled(self, path: str, known: tuple[str, ...]) -> frozenset[str]:
        """Codes to run on `path`: selected (default all) plus extend-select, minus
        ignore and matching per-file-ignores. Entries are prefixes; ignore wins."""
        off = self.ignore
        if self.per_file_ignores:
            rel = self.relative(path)
            off += tuple(c for pattern, codes in self.per_file_ignores if _glob(rel, pattern) for c in codes)
        on = (self.select if self.select is not None else ("ALL",)) + self.extend_select
        return _selected(known, on, off)

    def excluded(self, path: str) -> bool:
        """Whether a folder or file found while walking is skipped."""
        patterns = (self.exclude if self.exclude is not None else DEFAULT_EXCLUDE) + self.extend_exclude
        rel = self.relative(path)
        return any(_glob(rel, p) for p in patterns)

    def declared_form(self, path: str) -> bool:
        """Whether a file met while walking is a form whatever it looks like (`forms`)."""
        rel = self.relative(path)
        return any(_glob(rel, p) for p in self.forms)


@lru_cache(maxsize=256)
def _selected(known: tuple[str, ...], on: tuple[str, ...], off: tuple[str, ...]) -> frozenset[str]:
    """The codes of `known` that `on` names and `off` does not: the same for every
    form of a folder, worked out once."""
    return frozenset(c for c in known if _matches(c, on) and not _matches(c, off))


def _matches(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


def _glob(rel: str, pattern: str) -> bool:
    """Whether `rel` (relative to the config's folder) matches a gitignore-style
    pattern: without `/` it matches any file or folder name at any depth; `*`
    stays within one name and `**` crosses folders; a match on a folder covers
    everything in it."""
    return bool(_pattern(pattern).match_file(rel))


@lru_cache(maxsize=None)
def _pattern(pattern: str) -> Any:
    from pathspec import GitIgnoreSpec

    # A trailing `/` is dropped: a walk asks about folders by their plain path.
    return GitIgnoreSpec.from_lines([pattern.removeprefix("./").rstrip("/")])


def find_config(start: str | Path) -> Path | None:
    """The closest config file in `start` (a folder or file) or its parents."""
    folder = Path(start).resolve()
    folder = folder if folder.is_dir() else folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        return "[tool.formlint" in pyproject.read_text("utf-8", errors="replace")
    except OSError:
        return False


def load_config(path: str | Path, registries: Registries) -> Config:
    """Read and validate one config file, or raise ConfigError at the bad line."""
    name = str(path)
    text = read_text(path, error=ConfigError)
    if Path(name).suffix in (".yaml", ".yml"):
        doc = load_yaml(text, name, ConfigError)
        doc = doc if doc.data is not None else Document(name, {}, {}, text)
    else:
        doc = _toml_document(text, name, ("tool", "formlint") if Path(name).name == "pyproject.toml" else ())
    if not isinstance(doc.data, dict):
        raise ConfigError(name, msg("error.config_not_mapping"))
    validate(doc, "config", ConfigError)
    return _build(doc, Path(name).resolve().parent, registries)


def _toml_document(text: str, name: str, table: tuple[str, ...]) -> Document:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_POSITION.search(message)
        line, column = (int(where[1]), int(where[2])) if where else (1, 1)
        raise ConfigError(name, msg("error.invalid_toml", detail=_TOML_POSITION.sub('', message)), line, column) from None
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        raise ConfigError(name, msg("error.toml_nesting")) from None
    except ValueError:  # int() refuses more than 4,300 digits (CVE-2020-10735)
        raise ConfigError(name, msg("error.toml_long_number")) from None
    for key in table:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    return Document(name, data, toml_locations(text, table), text)


# The name's spaces are stripped in Python: `\[\s*(.+?)\s*\]` is quadratic on a long
# run of spaces inside an unclosed header.
_HEADER = re.compile(r"^\[([^\[\]]+)\]\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=""")


def toml_locations(text: str, table: tuple[str, ...]) -> dict[str, Location]:
    """JSON pointer -> line and column of each key under `table`, found by scanning
    lines (tomllib keeps no positions), so schema errors point at the bad key."""
    locations: dict[str, Location] = {}
    current: tuple[str, ...] | None = () if not table else None
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line.strip())
        if header:
            parts = tuple(p.strip().strip("\"'") for p in header[1].split("."))
            current = parts[len(table):] if parts[:len(table)] == table else None
            continue
        key = _KEY.match(line)
        if current is not None and key:
            pointer = "".join(pointer_join("", p) for p in (*current, next(k for k in key.groups() if k)))
            locations.setdefault(pointer, Location(number, len(line) - len(line.lstrip()) + 1))
    return locations


def _build(doc: Document, root: Path, registries: Registries) -> Config:
    data: Mapping[str, Any] = doc.data
    _check_output_formats(doc, registries.output_formats)
    _check_codes(doc, registries.rule_codes)

    def codes(key: str) -> tuple[str, ...]:
        return tuple(data.get(key, ()))

    def patterns(key: str) -> tuple[str, ...] | None:
        return tuple(data[key]) if key in data else None

    formats = data.get("output-format")
    return Config(
        path=doc.path, root=str(root),
        policy=_policy_ref(data.get("policy"), root),
        purpose=data.get("purpose"),
        policy_map=tuple((glob, _policy_ref(v.get("policy"), root), v.get("purpose"))
                         for glob, v in data.get("policy-map", {}).items()),
        select=tuple(data["select"]) if "select" in data else None,
        extend_select=codes("extend-select"), ignore=codes("ignore"),
        per_file_ignores=tuple((glob, tuple(v)) for glob, v in data.get("per-file-ignores", {}).items()),
        fail_on=data.get("fail-on"),
        output_format=(formats,) if isinstance(formats, str) else tuple(formats) if formats else None,
        exclude=patterns("exclude"), extend_exclude=patterns("extend-exclude") or (), forms=patterns("forms") or (),
        lang=data.get("lang"),
    )


def _policy_ref(value: str | None, root: Path) -> str | None:
    """Policy files are relative to the config's folder; built-in names stay names."""
    from formlint.policy import is_path

    if value is None or not is_path(value) or os.path.isabs(value):
        return value
    return str(root / value)


def unknown_selector(code: str, known: Iterable[str]) -> Message | None:
    """Why a `select`/`ignore` entry names no rule of `known`, or None when it names at
    least one: a mistyped selector would otherwise run nothing, or ignore nothing, silently."""
    codes = list(known)
    if code == "ALL" or any(rule.startswith(code) for rule in codes):
        return None
    import difflib

    close = difflib.get_close_matches(code, codes, n=1)
    hint = msg("error.did_you_mean", name=close[0]) if close else ""
    return msg("error.unknown_selector", code=code, hint=hint, rules=", ".join(codes))


def _check_codes(doc: Document, known: tuple[str, ...]) -> None:
    lists = [(f"/{key}", doc.data.get(key, ())) for key in ("select", "extend-select", "ignore")]
    lists += [(pointer_join("/per-file-ignores", glob), codes)
              for glob, codes in doc.data.get("per-file-ignores", {}).items()]
    for pointer, codes in lists:
        for index, code in enumerate(codes):
            problem = unknown_selector(code, known)
            if problem:
                where = doc.locations.get(f"{pointer}/{index}") or doc.location(pointer)
                raise ConfigError(doc.path, problem, where.line, where.column)


def _check_output_formats(doc: Document, known: tuple[str, ...]) -> None:
    value = doc.data.get("output-format", ())
    for index, entry in enumerate([value] if isinstance(value, str) else value):
        name = entry.split(":", 1)[0]
        if name not in known:
            where = doc.location("/output-format" + ("" if isinstance(value, str) else f"/{index}"))
            raise ConfigError(doc.path, msg("usage.unknown_output_format", name=name, choices=", ".join(known)),
                              where.line, where.column)


class Resolver:
    """The effective configuration for each checked path, with discovered files
    cached per folder. `forced` (--config) replaces discovery; `isolated` ignores files."""

    def __init__(self, cli: Config, registries: Registries, forced: str | None = None,
                 isolated: bool = False) -> None:
        self.cli = cli
        self.registries = registries
        self.isolated = isolated
        self.forced = load_config(forced, registries) if forced else None
        self._files: dict[Path, Config] = {}
        self._by_folder: dict[str, Config] = {}
        # With --isolated or --config every path has the same configuration.
        self._everywhere = (Config().merged(cli) if isolated
                            else self.forced.merged(cli) if self.forced is not None else None)

    def for_path(self, path: str) -> Config:
        if self._everywhere is not None:
            return self._everywhere
        start = os.path.abspath(path if path != "-" else ".")
        folder = start if os.path.isdir(start) else os.path.dirname(start)
        if folder not in self._by_folder:  # every file of a folder shares its config
            self._by_folder[folder] = self._discover(folder)
        return self._by_folder[folder]

    def _discover(self, folder: str) -> Config:
        found = find_config(folder)
        if found is None:
            return Config().merged(self.cli)
        if found not in self._files:
            self._files[found] = load_config(_shown(found), self.registries).merged(self.cli)
        return self._files[found]


def _shown(path: Path) -> str:
    """A discovered file as errors name it: relative to the current directory when
    inside it, like the forms' paths in findings."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative
