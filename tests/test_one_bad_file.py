"""One bad file never ends the run: whatever a reader raises for one file becomes
that file's error line; the other files are checked and every output is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

FORM = SAMPLES / "qingdao-property-return.yaml"
# formlint with the native reader broken for files whose name holds "bad".
BROKEN_READER = """
import sys
import formlint.formats.native as native
original = native.from_document
def broken(doc):
    if "bad" in doc.path:
        raise ZeroDivisionError("a bug in a reader")
    return original(doc)
native.from_document = broken
from formlint.cli import main
sys.argv = ["formlint", *sys.argv[1:]]
main()
"""


def run_broken(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-c", BROKEN_READER, *args], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=120)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    text = FORM.read_text("utf-8")
    for name in ("a-good.yaml", "b-bad.yaml", "c-good.yaml"):
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def test_a_reader_bug_is_that_files_error_and_every_output_is_written(tree: Path) -> None:
    result = run_broken("check", "--output-format", "concise", "--output-format", "sarif:out.sarif", ".", cwd=tree)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "b-bad.yaml:1:1: error: internal error while checking this file, please report it (rerun with --debug "
        "for the traceback): ZeroDivisionError: a bug in a reader"]
    assert "a-good.yaml:" in result.stdout and "c-good.yaml:" in result.stdout
    run = json.loads((tree / "out.sarif").read_text("utf-8"))["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"a-good.yaml", "c-good.yaml"}
    assert [n["message"]["text"].split(":")[0] for n in run["invocations"][0]["toolExecutionNotifications"]] == [
        "internal error while checking this file, please report it (rerun with --debug for the traceback)"]


def test_a_reader_bug_in_a_worker_is_that_files_error(tree: Path) -> None:
    text = FORM.read_text("utf-8")
    for n in range(120):
        (tree / f"more{n:03}.yaml").write_text(text, "utf-8")
    result = run_broken("check", "-j", "2", "--output-format", "concise", ".", cwd=tree)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == ["b-bad.yaml"]
    assert result.stdout.count("more119.yaml:") >= 1


def test_debug_shows_the_readers_traceback(tree: Path) -> None:
    result = run_broken("--debug", "check", "b-bad.yaml", cwd=tree)
    assert result.returncode == 2
    assert "ZeroDivisionError: a bug in a reader" in result.stderr and "Traceback" in result.stderr
