"""Shared helpers: run the CLI in-process or as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "sample_forms"


def run_formlint(*args: str, cwd: Path | None = None, stdin: str | None = None,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m formlint` as a user would, from the source tree."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "formlint", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, input=stdin, env=environment, timeout=120)


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
