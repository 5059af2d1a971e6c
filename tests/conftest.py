"""Shared helpers: run the CLI in-process or as a real subprocess, and the rule cases."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest
import yaml

if TYPE_CHECKING:
    from types import ModuleType
    from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "sample_forms"
RULE_CASES = Path(__file__).resolve().parent / "rule_cases"


@pytest.fixture(autouse=True, scope="session")
def _no_personal_git_configuration(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A walk honours the user's global git excludes; the suite must not depend on
    whoever runs it, so git's system and global configuration are empty here."""
    home = tmp_path_factory.mktemp("git-home")
    (home / "gitconfig").write_text("", "utf-8")
    values = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
              "XDG_CONFIG_HOME": str(home / "config")}
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def load_tool(name: str) -> "ModuleType":
    """One of tools/*.py as a module, to call what it generates without writing anything."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=1)
def rule_cases() -> dict[str, dict[str, Any]]:
    """Every case of tests/rule_cases/CODE.yaml by its name, with `rule` set to CODE."""
    cases: dict[str, dict[str, Any]] = {}
    for path in sorted(RULE_CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for name, case in data["cases"].items():
            assert name not in cases, f"case {name} is in two files"
            cases[name] = {"rule": data["rule"], **case}
    return cases


def write_case(folder: Path, name: str) -> Path:
    """The form of rule case `name` as `folder/NAME.yaml`, for tests that need a file."""
    path = folder / f"{name}.yaml"
    path.write_text(rule_cases()[name]["form"], "utf-8")
    return path


def run_formlint(*args: str, cwd: Path | None = None, stdin: str | None = None,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`formlint ARGS` in this process, through `formlint.cli.main` as the installed
    command runs it: the exit code, stdout and stderr a user would see (no colour,
    newlines read as text mode reads them). A subprocess costs about a second of
    start-up; `run_formlint_process` is there for the few tests that need a real one."""
    from formlint.cli import main

    stdout, stderr = _stream(), _stream()
    with _environment({"NO_COLOR": "1", **(env or {})}), _directory(cwd or ROOT), \
            _standard_streams(_stream(stdin or ""), stdout, stderr, ["formlint", *args]):
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = _exit_code(exc.code, stderr)
        finally:
            _forget_run_state()
    return subprocess.CompletedProcess(["formlint", *args], code, _text(stdout), _text(stderr))


def json_findings(tmp_path: Path, text: str, *args: str) -> list[dict[str, Any]]:
    """The JSON findings of `formlint check` on a form written from `text` (exit 0 or 1)."""
    import json

    form = tmp_path / "form.yaml"
    form.write_text(text, "utf-8")
    result = run_formlint("check", "--output-format", "json", *args, str(form))
    assert result.returncode in (0, 1), result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return found


def run_formlint_process(*args: str, cwd: Path | None = None, stdin: str | None = None,
                         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m formlint` in a new process, as a user would, from the source tree."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "formlint", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, input=stdin, env=environment, timeout=120)


def _stream(text: str = "") -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _exit_code(code: object, stderr: io.TextIOWrapper) -> int:
    """What the interpreter makes of SystemExit(code)."""
    if code is None or isinstance(code, int):
        return code or 0
    stderr.write(f"{code}\n")
    return 1


def _forget_run_state() -> None:
    """What one `formlint` process would not carry into the next run."""
    from formlint.cli.common import state
    from formlint.settings import forget_policies

    state.debug = False
    forget_policies()


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _directory(path: Path) -> Iterator[None]:
    saved = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(saved)


@contextlib.contextmanager
def _standard_streams(stdin: io.TextIOWrapper, stdout: io.TextIOWrapper, stderr: io.TextIOWrapper,
                      argv: list[str]) -> Iterator[None]:
    saved = sys.stdin, sys.stdout, sys.stderr, sys.argv
    sys.stdin, sys.stdout, sys.stderr, sys.argv = stdin, stdout, stderr, argv
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr, sys.argv = saved


def cli_runner() -> "CliRunner":
    """click's test runner with stderr apart from stdout under every click 8 (before 8.2
    it mixes them unless told not to; from 8.2 on it always keeps them apart)."""
    from click.testing import CliRunner

    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture
def formlint():
    return run_formlint
