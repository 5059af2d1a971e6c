"""The pre-commit hook as a user meets it: `pre-commit try-repo` on this checkout, in
a fresh repository holding forms and the files every repository has.

pre-commit builds the hook's environment with pip; the test keeps it offline: no
index, this checkout built without build isolation, and the dependencies found on
PYTHONPATH (the test environment's own site-packages). pip reads PIP_NO_BUILD_ISOLATION
backwards: "0" turns build isolation off."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, rule_cases

pytest.importorskip("pre_commit", reason="pre-commit is in the test extra: pip install -e '.[test]'")

SCHEMA = '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"port": {"type": "integer"}}}\n'


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=cwd,
                          capture_output=True, text=True, check=True, timeout=60)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of formlint")
    root = tmp_path / "site"
    (root / "forms").mkdir(parents=True)
    (root / "README.md").write_text("# Site\n\nForms for the venue.\n", "utf-8")
    (root / "package.json").write_text('{"name": "site", "version": "1.0.0"}\n', "utf-8")
    (root / "visits.csv").write_text("date,count\n2020-02-01,12\n", "utf-8")
    (root / "config.schema.json").write_text(SCHEMA, "utf-8")
    (root / "forms" / "clean.yaml").write_text((SAMPLES / "venue-check-in-minimal.yaml").read_text("utf-8"), "utf-8")
    (root / "forms" / "excess.yaml").write_text(rule_cases()["dm101_fail"]["form"], "utf-8")
    (root / ".formlint.yaml").write_text(f"policy: {ROOT / 'tests' / 'fixtures' / 'policies' / 'rules-test.yaml'}\n"
                                         "purpose: check-in\n", "utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    return root


def test_pre_commit_reports_only_the_form_with_findings(repository: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_NO_INDEX": "1",
           "PIP_NO_BUILD_ISOLATION": "0", "PYTHONPATH": os.pathsep.join(site.getsitepackages()),
           "NO_COLOR": "1", "VIRTUALENV_NO_DOWNLOAD": "1"}
    result = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "formlint", "--all-files",
                             "--verbose"], cwd=repository, capture_output=True, text=True, env=env, timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "forms/excess.yaml:22:5: DM101 " in output
    for other in ("README.md", "package.json", "visits.csv", "config.schema.json", "clean.yaml"):
        assert f"{other}:" not in output, output
    assert output.count("Checked 2 form(s)") == 1, output
