"""Gating form changes in CI: configuration files, suppressions on the command line,
several outputs at once, stdin, baselines and --since on a real git repository."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result

from conftest import FIXTURES, cli_runner, rule_cases, run_formlint
from test_cli import assert_one_error_line

from formlint.model import Location

FORM = rule_cases()["dm101_fail"]["form"]  # DM101 on `job`, line 22
POLICY = FIXTURES / "policies" / "rules-test.yaml"


def project(root: Path, config: str = "", name: str = "pyproject.toml") -> Path:
    """A repository-like folder with the test policy, a config file and one form."""
    (root / "policies").mkdir(parents=True, exist_ok=True)
    shutil.copy(POLICY, root / "policies" / "test.yaml")
    (root / "forms").mkdir(exist_ok=True)
    (root / "forms" / "venue.yaml").write_text(FORM, "utf-8")
    if config:
        (root / name).write_text(config, "utf-8")
    return root


def invoke(cwd: Path, *args: str, stdin: str | None = None) -> Result:
    """`formlint ARGS` in-process: a subprocess per case would cost a second each.
    Error lines and exit code 2 come from `formlint.cli.main`, so those cases use
    run_formlint instead."""
    from formlint.cli import app

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        return cli_runner().invoke(app, list(args), input=stdin, catch_exceptions=False)


def codes(root: Path, *args: str, cwd: Path | None = None) -> list[str]:
    result = invoke(cwd or root, "check", "--output-format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return [f"{f['code']}@{f['line']}" for f in json.loads(result.stdout)["findings"]]


TOOL = '[tool.formlint]\npolicy = "policies/test.yaml"\n'


def test_pyproject_config_sets_the_policy_relative_to_its_folder(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL)
    assert codes(root, "forms") == ["DM101@22"]
    assert codes(root / "forms", ".", cwd=root / "forms") == ["DM101@22"]  # found by walking up


def test_closest_config_wins(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL)
    (root / "forms" / ".formlint.yaml").write_text("policy: ../policies/test.yaml\nignore: [DM1]\n", "utf-8")
    assert codes(root, "forms") == []


def test_command_line_beats_config_and_isolated_ignores_it(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL + 'select = ["RT"]\n')
    assert codes(root, "forms") == []
    assert codes(root, "--select", "DM", "forms") == ["DM101@22"]
    result = run_formlint("check", "--isolated", "forms", cwd=root)
    assert "not in policy 'general'" in result.stderr  # the default policy again


@pytest.mark.parametrize("option, value, needle", [
    ("--select", "DM1,XX101", "--select: no rule code starts with 'XX101'"),
    ("--extend-select", "RT9", "--extend-select: no rule code starts with 'RT9'"),
    ("--ignore", "dm109", "--ignore: no rule code starts with 'DM109' (did you mean 'DM107'?)"),
])
def test_a_selector_naming_no_rule_is_a_usage_error(tmp_path: Path, option: str, value: str, needle: str) -> None:
    root = project(tmp_path, TOOL)
    result = run_formlint("check", option, value, "forms", cwd=root)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("formlint: error: " + needle)


def test_a_configured_purpose_missing_from_the_policy_is_not_blamed_on_the_form(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL + 'purpose = "venue-chek-in"\n')
    result = run_formlint("check", "forms", cwd=root)
    assert result.returncode == 2
    assert "error: purpose 'venue-chek-in' (from --purpose or the configuration) is not in policy" in result.stderr


def test_forced_config_file_replaces_discovery(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL + 'ignore = ["DM101"]\n')
    (root / "ci.toml").write_text('policy = "policies/test.yaml"\n', "utf-8")
    assert codes(root, "forms") == []
    assert codes(root, "--config", "ci.toml", "forms") == ["DM101@22"]


def test_per_file_ignores_and_policy_map(tmp_path: Path) -> None:
    config = ('[tool.formlint]\npolicy = "epidemic-registration"\n[tool.formlint.per-file-ignores]\n'
              '"legacy/*.yaml" = ["DM"]\n[tool.formlint.policy-map]\n"*/*.yaml" = {policy = "policies/test.yaml"}\n')
    root = project(tmp_path, config)
    (root / "legacy").mkdir()
    (root / "legacy" / "old.yaml").write_text(FORM, "utf-8")
    assert codes(root, "forms", "legacy") == ["DM101@22"]


def test_json_report_names_the_policy_each_form_was_checked_under(tmp_path: Path) -> None:
    config = ('[tool.formlint]\npolicy = "epidemic-registration"\n[tool.formlint.policy-map]\n'
              '"forms/*.yaml" = {policy = "policies/test.yaml", purpose = "check-in"}\n')
    root = project(tmp_path, config)
    (root / "other").mkdir()
    (root / "other" / "return.yaml").write_text(FORM.replace("check-in", "return-to-community"), "utf-8")
    result = invoke(root, "check", "--output-format", "json", "forms", "other")
    document = json.loads(result.stdout)
    policies = {form["path"]: (form["policy"]["id"], form["purpose"]) for form in document["forms"]}
    assert document["policy"]["id"] == "epidemic-registration"
    assert policies == {str(Path("forms/venue.yaml")): ("rules-test", "check-in"),
                        str(Path("other/return.yaml")): ("epidemic-registration", "return-to-community")}


def test_exclude_replaces_and_extend_exclude_adds(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL + 'extend-exclude = ["forms", "policies"]\n')
    (root / "node_modules").mkdir()
    (root / "node_modules" / "x.yaml").write_text(FORM, "utf-8")
    assert codes(root, ".") == []


@pytest.mark.parametrize("name, text, line, needle", [
    ("pyproject.toml", TOOL + 'fail_on = "error"\n', 3, "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ("pyproject.toml", TOOL + 'fail-on = "eror"\n', 3, "(did you mean 'error'?)"),
    ("formlint.toml", 'policy = \n', 1, "invalid TOML"),
    (".formlint.yaml", "policy: policies/test.yaml\nlang: fr\n", 2, "'fr' is not one of en, zh"),
    (".formlint.yaml", "output-format: [sarif:x.sarif, sarf]\n", 1, "unknown output format 'sarf'"),
    ("pyproject.toml", TOOL + 'ignore = ["DM109"]\n', 3, "no rule code starts with 'DM109' (did you mean 'DM107'?)"),
    (".formlint.yaml", "select: [DM]\nper-file-ignores: {'a/*': [RT, XX]}\n", 2, "no rule code starts with 'XX'"),
])
def test_config_errors_are_one_line_with_position(tmp_path: Path, name: str, text: str, line: int,
                                                  needle: str) -> None:
    root = project(tmp_path, text, name)
    result = run_formlint("check", "forms", cwd=root)
    match = assert_one_error_line(result, name)
    assert match["path"] == name  # relative, as the README quotes it
    assert int(match["line"]) == line and needle in result.stderr


def test_config_output_formats_and_fail_on(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL + 'fail-on = "error"\noutput-format = ["concise", "junit:report.xml"]\n')
    result = invoke(root, "check", "forms")
    assert result.exit_code == 0  # DM101 is a warning
    assert result.stdout.splitlines()[0].startswith("forms/venue.yaml:22:5: DM101 [warning]")
    assert 'name="DM101 forms/venue.yaml:22:5"' in (root / "report.xml").read_text("utf-8")


def test_several_outputs_beside_the_terminal(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL)
    result = invoke(root, "check", "--format", "sarif:out.sarif", "-o", "out.txt", "--output-format",
                    "gitlab:cq.json", "forms")
    assert result.exit_code == 1 and result.stdout == ""
    assert (root / "out.txt").read_text("utf-8").startswith("forms/venue.yaml:22:5: DM101")
    assert json.loads((root / "out.sarif").read_text("utf-8"))["runs"][0]["results"][0]["ruleId"] == "DM101"
    assert json.loads((root / "cq.json").read_text("utf-8"))[0]["location"] == {"path": "forms/venue.yaml",
                                                                              "lines": {"begin": 22}}


def test_two_terminal_formats_are_a_usage_error(tmp_path: Path) -> None:
    result = run_formlint("check", "--output-format", "json", "--output-format", "github", str(tmp_path))
    assert result.returncode == 2 and "only one output format can go to the terminal" in result.stderr


def test_stdin_uses_the_given_name_for_format_config_and_paths(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL)
    result = invoke(root, "check", "--output-format", "concise", "-q", "-", "--stdin-filename",
                    "forms/new.yaml", stdin=FORM)
    assert (result.exit_code, result.stdout.split(" [")[0]) == (1, "forms/new.yaml:22:5: DM101")


def test_stdin_without_a_name_or_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run_formlint("check", "-", cwd=tmp_path, stdin=FORM)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == ("formlint: error: reading a form from stdin (-) needs --stdin-filename NAME "
                             "(e.g. form.yaml) or --input-format to say what format it is\n")
    named = run_formlint("check", "--input-format", "native", "--purpose", "venue-check-in", "-", cwd=tmp_path,
                         stdin=FORM)
    assert named.returncode == 1 and "\n-:22:5: DM101 " in named.stdout, named.stderr


def test_show_suppressed_and_statistics(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL)
    form = FORM.replace("  - key: job\n", "  - key: job  # formlint: ignore[DM101]\n").replace(
        "  - key: name\n", "  # formlint: ignore[DM102] stale\n  - key: name\n")
    (root / "forms" / "venue.yaml").write_text(form, "utf-8")
    shown = invoke(root, "check", "--output-format", "concise", "--show-suppressed", "forms")
    assert shown.stdout.splitlines()[:2] == [
        "forms/venue.yaml:10:3: FL001 [warning] Suppression of DM102 matches no finding on field `name`",
        "forms/venue.yaml:23:5: DM101 [suppressed] Field `job` (Job, social.occupation) is not necessary "
        "for purpose `check-in` (no reason given)"]
    stats = invoke(root, "check", "--statistics", "forms")
    assert stats.stdout == "1  FL001  [warning] unused-suppression\n1  suppressed\n"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=root,
                   check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A committed form with one excess field (`job`), then: another excess field
    added to it (`hobby`) and a new untracked form."""
    root = project(tmp_path, TOOL)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "forms")
    run = invoke(root, "check", "--write-baseline", "baseline.json", "forms")
    assert run.exit_code == 0 and "recorded 1 finding(s)" in run.stderr
    changed = FORM.replace("  - key: job\n", "  - key: hobby\n    label: Hobby\n    category: social.occupation\n"
                           "  - key: job\n")
    (root / "forms" / "venue.yaml").write_text(changed, "utf-8")
    (root / "forms" / "kiosk.yaml").write_text(FORM, "utf-8")
    return root


def test_everything_is_reported_without_narrowing(repository: Path) -> None:
    assert codes(repository, "forms") == ["DM101@22", "DM101@22", "DM101@25"]


def test_since_reports_only_changed_fields_and_new_forms(repository: Path) -> None:
    result = invoke(repository, "check", "--output-format", "concise", "-q", "--since", "HEAD", "forms")
    assert [line.split(" [")[0] for line in result.stdout.splitlines()] == [
        "forms/kiosk.yaml:22:5: DM101", "forms/venue.yaml:22:5: DM101"]
    assert "`hobby`" in result.stdout.splitlines()[1]


def test_baseline_reports_only_new_findings(repository: Path) -> None:
    result = invoke(repository, "check", "--output-format", "json", "--baseline", "baseline.json", "forms")
    found = [(f["path"], f["field"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [("forms/kiosk.yaml", "job"), ("forms/venue.yaml", "hobby")]
    assert json.loads(result.stdout)["summary"]["baselined"] == 1


def test_the_summary_says_how_many_findings_the_baseline_held_back(repository: Path) -> None:
    result = invoke(repository, "check", "--baseline", "baseline.json", "forms")
    assert result.stdout.splitlines()[-1].endswith("1 held back by the baseline."), result.stdout
    unrelated = invoke(repository, "check", "forms")
    assert "baseline" not in unrelated.stdout


def test_since_diffs_the_repository_of_the_paths_not_of_the_current_folder(
        repository: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = run_formlint("check", "--output-format", "concise", "-q", "--since", "HEAD", str(repository / "forms"),
                          cwd=elsewhere, env={"GIT_CEILING_DIRECTORIES": str(elsewhere.parent)})
    assert result.returncode == 1, result.stderr
    assert [line.split(": ")[0].rsplit("/", 2)[-2:] for line in result.stdout.splitlines()] == [
        ["forms", "kiosk.yaml:22:5"], ["forms", "venue.yaml:22:5"]]


def test_baseline_is_not_overwritten_without_force(repository: Path) -> None:
    before = (repository / "baseline.json").read_text("utf-8")
    refused = run_formlint("check", "--write-baseline", "baseline.json", "forms", cwd=repository)
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert (repository / "baseline.json").read_text("utf-8") == before
    forced = invoke(repository, "check", "--write-baseline", "baseline.json", "--force", "forms")
    data = json.loads((repository / "baseline.json").read_text("utf-8"))
    assert forced.exit_code == 0 and sum(e["count"] for e in data["findings"]) == 3
    assert [p.name for p in repository.iterdir() if p.name.startswith(".baseline")] == []


@pytest.mark.parametrize("args, needle", [
    (("--since", "no-such-ref"), "unknown git ref 'no-such-ref'"),
])
def test_since_errors(repository: Path, args: tuple[str, ...], needle: str) -> None:
    result = run_formlint("check", *args, "forms", cwd=repository)
    assert result.returncode == 2 and needle in result.stderr and "Traceback" not in result.stderr


def test_since_outside_a_repository_is_an_error(tmp_path: Path) -> None:
    root = project(tmp_path, TOOL)
    result = run_formlint("check", "--since", "HEAD", "forms", cwd=root, env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert result.returncode == 2 and "needs a git repository" in result.stderr


def test_pre_commit_hook_covers_every_form_extension() -> None:
    import re

    import yaml

    from conftest import ROOT
    from formlint.formats import extensions

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    wanted = extensions() | {".xlsx", ".xls", ".csv", ".md", ".xml", ".html", ".htm", ".json", ".yaml", ".yml"}
    assert hook["id"] == "formlint" and hook["entry"] == "formlint check --skip-unknown"
    assert all(re.search(hook["files"], f"forms/x{ext}") for ext in wanted)
    assert not re.search(hook["files"], "src/app.py")


def test_action_runs_check_with_sarif_and_uploads_it() -> None:
    import yaml

    from conftest import ROOT

    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert {"paths", "policy", "fail-on"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    assert any("sarif:$FORMLINT_SARIF" in s.get("run", "") for s in steps)
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps)


@pytest.mark.parametrize("text, message", [
    ("select = " + "[" * 2000 + "]" * 2000 + "\n", "invalid TOML: arrays or tables nested too deep"),
    pytest.param("policy = " + "9" * 5000 + "\n", "invalid TOML: a number has too many digits",
                 marks=pytest.mark.skipif(not hasattr(sys, "get_int_max_str_digits"),
                                          reason="int() limits digits from Python 3.11 (and 3.10.7)")),
])
def test_toml_that_tomllib_cannot_build_is_one_error_line(tmp_path: Path, text: str, message: str) -> None:
    from formlint.settings import registries
    from formlint.config import load_config
    from formlint.errors import ConfigError

    path = tmp_path / "formlint.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, registries())
    assert str(caught.value) == f"{path}:1:1: error: {message}"


def test_header_with_a_long_run_of_spaces_is_located() -> None:
    from formlint.config import toml_locations

    text = '[tool' + " " * 50_000 + '.formlint]\npolicy = "pipl"\n[' + " " * 50_000 + "x\n"
    assert toml_locations(text, ("tool", "formlint")) == {"/policy": Location(2, 1)}


@pytest.mark.parametrize("text, message", [
    ('{"version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}", "invalid JSON: arrays or objects nested too deep"),
    pytest.param('{"version": 1, "findings": [' + "9" * 5000 + "]}", "invalid JSON: a number has too many digits",
                 marks=pytest.mark.skipif(not hasattr(sys, "get_int_max_str_digits"),
                                          reason="int() limits digits from Python 3.11 (and 3.10.7)")),
    ('{"version": 1, "findings": [{"code": "DM101", "path": "a.yaml", "count": Infinity}]}',
     "baseline entry {'code': 'DM101', 'path': 'a.yaml', 'count': inf} needs code, path and count"),
])
def test_baseline_json_python_cannot_build_is_one_error_line(tmp_path: Path, text: str, message: str) -> None:
    from formlint.baseline import load_baseline
    from formlint.errors import ConfigError

    path = tmp_path / "baseline.json"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_baseline(str(path))
    assert str(caught.value) == f"{path}:1:1: error: {message}"
