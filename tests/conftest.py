"""Shared helpers: run the CLI in-process or as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.fixture
def formlint():
    return run_formlint
