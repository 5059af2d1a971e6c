"""The GitHub Action's script, run as the runner would run it: inputs in the
environment, a path with a space, fail-on left to the configuration."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from conftest import FIXTURES, ROOT, rule_cases

FORM = rule_cases()["dm101_fail"]["form"]  # one DM101 warning
POLICY = FIXTURES / "policies" / "rules-test.yaml"


def check_step() -> dict[str, object]:
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    return next(step for step in action["runs"]["steps"] if step.get("id") == "check")


def run_action(workspace: Path, **inputs: str) -> tuple[str, subprocess.CompletedProcess[str]]:
    """Run the check step's script with `inputs` (by input name); return its exit-code output."""
    if shutil.which("bash") is None:
        pytest.skip("the action's script is bash")
    bin_dir = workspace.parent / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "formlint"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m formlint "$@"\n', "utf-8")
    shim.chmod(0o755)
    step = check_step()
    defaults = {"paths": ".", "policy": "", "fail-on": "", "args": "", "sarif-file": "formlint.sarif"}
    values = {**defaults, **inputs}
    env = {name: values[str(expression).split("inputs.")[1].rstrip(" }")]
           for name, expression in dict(step["env"]).items()}  # type: ignore[arg-type]
    output = workspace.parent / "github_output"
    output.write_text("", "utf-8")
    env.update(GITHUB_OUTPUT=str(output), PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
               PYTHONPATH=str(ROOT / "src"), NO_COLOR="1")
    result = subprocess.run(["bash", "-c", str(step["run"])], cwd=workspace, capture_output=True, text=True,
                            env={**os.environ, **env}, timeout=120)
    return output.read_text("utf-8"), result


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "forms").mkdir(parents=True)
    shutil.copy(POLICY, root / "policy.yaml")
    (root / "forms" / "venue check-in.yaml").write_text(FORM, "utf-8")
    (root / "forms" / "other.yaml").write_text(FORM, "utf-8")
    (root / ".formlint.yaml").write_text("policy: policy.yaml\nfail-on: error\n", "utf-8")
    return root


def test_a_path_with_a_space_is_one_path_and_the_configured_fail_on_holds(workspace: Path) -> None:
    output, result = run_action(workspace, paths="forms/venue check-in.yaml\n")
    assert output == "exit-code=0\n", result.stderr  # a warning, and the configuration fails on errors only
    sarif = json.loads((workspace / "formlint.sarif").read_text("utf-8"))
    located = {unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
               for r in sarif["runs"][0]["results"]}
    assert located == {"forms/venue check-in.yaml"}
    assert "::warning file=forms/venue check-in.yaml" in result.stdout


def test_fail_on_and_list_inputs_given_one_per_line(workspace: Path) -> None:
    output, result = run_action(workspace, paths="forms/venue check-in.yaml\nforms/other.yaml",
                                **{"fail-on": "warning", "args": "--select\nDM101\n"})
    assert output == "exit-code=1\n", result.stderr
    assert result.stdout.count("::warning ") == 2
