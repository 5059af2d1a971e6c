"""Shared helpers: run the CLI in-process or as a real subprocess."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "sample_forms"
RULE_CASES = Path(__file__).resolve().parent / "rule_cases"


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
    """Run `python -m formlint` as a user would, from the source tree."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "formlint", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, input=stdin, env=environment, timeout=120)


@pytest.fixture
def formlint():
    return run_formlint
