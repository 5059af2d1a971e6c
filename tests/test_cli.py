"""The command line end to end: exit codes, diagnostics, output shapes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SAMPLES, rule_cases, run_formlint, write_case

ERROR_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): error: .+$")


def assert_one_error_line(result, path_part: str) -> re.Match[str]:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    match = ERROR_LINE.match(lines[0])
    assert match and path_part in match["path"], lines[0]
    return match


def test_version_prints_package_version() -> None:
    from formlint import __version__

    result = run_formlint("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"formlint {__version__}")


def test_help_and_version_import_nothing_heavy() -> None:
    probe = ("import sys, runpy; sys.argv=['formlint','--help']\n"
             "try: runpy.run_module('formlint', run_name='__main__')\n"
             "except SystemExit: pass\n"
             "heavy=[m for m in ('jsonschema','rich','yaml','openpyxl','lxml','python_calamine','defusedxml') if m in sys.modules]\n"
             "print('HEAVY', heavy)")
    import subprocess, sys, os
    from conftest import ROOT
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr


def test_missing_file_is_one_error_line_exit_2(tmp_path: Path) -> None:
    result = run_formlint("check", str(tmp_path / "nope.yaml"))
    match = assert_one_error_line(result, "nope.yaml")
    assert "no such file" in result.stderr and match["line"] == "1"


def test_broken_yaml_reports_its_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("id: x\nfields:\n  - key: name\n    label: [unclosed\n", "utf-8")
    match = assert_one_error_line(run_formlint("check", str(bad)), "broken.yaml")
    assert match["line"] == "5"


def test_broken_json_reports_its_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"fields": [\n  {"key": "name",}\n]}', "utf-8")
    match = assert_one_error_line(run_formlint("check", str(bad)), "broken.json")
    assert (match["line"], match["col"]) == ("2", "18")


def test_unknown_form_key_says_did_you_mean(tmp_path: Path) -> None:
    bad = tmp_path / "typo.yaml"
    bad.write_text("purpose: venue-check-in\nfields:\n  - key: name\n    lable: Name\n", "utf-8")
    match = assert_one_error_line(run_formlint("check", str(bad)), "typo.yaml")
    assert match["line"] == "4" and "did you mean 'label'" in result_text(bad)


def result_text(path: Path) -> str:
    return run_formlint("check", str(path)).stderr


def test_policy_with_unknown_category_is_an_error_at_its_line(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("id: p\ntitle: P\nsource: test\npurposes:\n  x:\n    necessary:\n"
                      "      - identity.name\n      - contact.phon\n", "utf-8")
    result = run_formlint("check", "--policy", str(policy), str(SAMPLES / "venue-check-in-minimal.yaml"))
    match = assert_one_error_line(result, "policy.yaml")
    assert match["line"] == "8" and "contact.phone" in result.stderr


def test_unknown_builtin_policy_suggests_the_close_name() -> None:
    result = run_formlint("check", "--policy", "epidemic-registraton", str(SAMPLES))
    assert_one_error_line(result, "epidemic-registraton")
    assert "did you mean 'epidemic-registration'" in result.stderr


@pytest.mark.parametrize("name, text, needle", [
    ("bomb.yaml", "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")) + "fields: []\n",
     "more than"),
    ("deep.yaml", "fields: " + "[" * 5000 + "]" * 5000 + "\n", "nesting"),
    ("tag.yaml", "fields: !!python/object/apply:os.system [echo pwned]\n", "unsupported YAML tag"),
    ("deep.json", '{"fields": ' + "[" * 5000 + "]" * 5000 + "}", "nesting"),
])
def test_hostile_documents_are_refused_cleanly(tmp_path: Path, name: str, text: str, needle: str) -> None:
    bad = tmp_path / name
    bad.write_text(text, "utf-8")
    result = run_formlint("check", str(bad))
    assert_one_error_line(result, name)
    assert needle in result.stderr


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("fields: []\n# " + "x" * 2000 + "\n", "utf-8")
    result = run_formlint("check", "--max-file-size", "1000", str(big))
    assert_one_error_line(result, "big.yaml")
    assert "1,000-byte limit" in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = run_formlint("--debug", "check", str(tmp_path / "nope.yaml"))
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("fields: [", "utf-8")
    good = (SAMPLES / "venue-check-in-minimal.yaml").read_text("utf-8")
    (tmp_path / "good.yaml").write_text(good, "utf-8")
    result = run_formlint("check", "--format", "json", str(tmp_path))
    data = json.loads(result.stdout)
    assert result.returncode == 2
    assert data["summary"]["forms"] == 1 and len(data["errors"]) == 1


def test_unknown_purpose_is_an_error_with_choices(tmp_path: Path) -> None:
    result = run_formlint("check", "--purpose", "venue-checkin", str(SAMPLES / "venue-check-in-minimal.yaml"))
    assert_one_error_line(result, "venue-check-in-minimal.yaml")
    assert "did you mean 'venue-check-in'" in result.stderr


@pytest.mark.parametrize("name, text, hint", [
    ("form.yaml", "fields: [{key: name, label: Name}]\n", "declare the purpose (`purpose:`)"),
    ("form.json", '{"type": "object", "properties": {"name": {"type": "string"}}}',
     "declare the purpose (`x-formlint.purpose`)"),
    ("form.html", '<form><input name="name"></form>', 'declare the purpose (<meta name="formlint:purpose" content="…">)'),
    ("form.csv", "type,name,label\ntext,name,Name\n", "declare the purpose (a `purpose` column in the settings sheet)"),
    ("form.xml", (FIXTURES / "formats" / "xform" / "venue-checkin.xml").read_text("utf-8"),
     "declare the purpose (this format has no place for one)"),
])
def test_a_form_without_purpose_is_checked_and_told_where_its_format_names_one(tmp_path: Path, name: str, text: str,
                                                                               hint: str) -> None:
    (tmp_path / name).write_text(text, "utf-8")
    result = run_formlint("check", "--output-format", "json", name, cwd=tmp_path)
    assert result.returncode in (0, 1) and result.stderr == ""
    report = json.loads(result.stdout)
    [form] = report["forms"]
    assert (form["purpose"], form["purpose_origin"]) == (None, "none")
    [dm100] = [f for f in report["findings"] if f["code"] == "DM100"]
    assert dm100["severity"] == "info" and dm100["message"].startswith("The form names no purpose")
    assert dm100["help"].startswith(hint)
    assert not [f for f in report["findings"] if f["code"] in ("DM101", "DM102", "DM103")]


def test_unknown_category_annotation_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "cat.yaml"
    bad.write_text("purpose: venue-check-in\nfields:\n  - key: x\n    category: health.bloodtype\n", "utf-8")
    match = assert_one_error_line(run_formlint("check", str(bad)), "cat.yaml")
    assert match["line"] == "3" and "health.blood_type" in run_formlint("check", str(bad)).stderr


def test_exit_codes_follow_fail_on_and_exit_zero(tmp_path: Path) -> None:
    form = str(write_case(tmp_path, "dm101_fail"))
    policy = str(FIXTURES / "policies" / "rules-test.yaml")
    assert run_formlint("check", "-p", policy, form).returncode == 1
    assert run_formlint("check", "-p", policy, "--fail-on", "error", form).returncode == 0
    assert run_formlint("check", "-p", policy, "--exit-zero", form).returncode == 0


def test_text_output_has_location_code_severity_help_and_summary(tmp_path: Path) -> None:
    form = str(write_case(tmp_path, "dm102_fail"))
    result = run_formlint("check", "-p", str(FIXTURES / "policies" / "rules-test.yaml"), form)
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{form}:22:5: DM102 [error] Field `ethnicity` (Ethnicity, special.ethnicity)")
    assert "  help: remove `ethnicity`; or, if purpose" in result.stdout
    assert result.stdout.rstrip().endswith("Checked 1 form(s), 5 field(s): 2 errors, 0 warnings, 0 info.")


def test_quiet_drops_the_summary(tmp_path: Path) -> None:
    form = str(write_case(tmp_path, "clean"))
    result = run_formlint("check", "-q", "-p", str(FIXTURES / "policies" / "rules-test.yaml"), form)
    assert (result.returncode, result.stdout) == (0, "")


def test_rule_command_prints_docs_with_law() -> None:
    result = run_formlint("rule", "dm102")
    assert result.returncode == 0
    assert result.stdout.startswith("DM102 excess-sensitive-field [error]") and "PIPL Art. 28" in result.stdout
    assert run_formlint("rule", "XX999").returncode == 2


def test_rule_all_prints_every_rule() -> None:
    from formlint.rules import RULES

    out = run_formlint("rule", "--all").stdout
    assert all(f"{code} {RULES[code].name}" in out for code in RULES)


def test_schema_command_prints_valid_json_schemas() -> None:
    for name in ("form", "policy"):
        result = run_formlint("schema", name)
        assert json.loads(result.stdout)["$schema"].startswith("https://json-schema.org/")


def test_categories_json_lists_taxonomy_ids() -> None:
    data = json.loads(run_formlint("categories", "--format", "json").stdout)
    ids = [c["id"] for c in data["categories"]]
    assert "health.blood_type" in ids and data["version"] == 1
    blood = next(c for c in data["categories"] if c["id"] == "health.blood_type")
    assert blood["name"]["zh"] and "pipl" in blood["sensitive"]


def test_a_folder_walk_skips_files_no_format_claims_but_a_named_one_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "site", "version": "1.0.0"}', "utf-8")
    (tmp_path / "docker-compose.yml").write_text("services:\n  web:\n    image: nginx\n", "utf-8")
    (tmp_path / "README.md").write_text("# Site\n\nNot a form.\n", "utf-8")
    (tmp_path / "form.yaml").write_text((SAMPLES / "venue-check-in-minimal.yaml").read_text("utf-8"), "utf-8")
    walked = run_formlint("check", str(tmp_path))
    assert (walked.returncode, walked.stderr) == (0, "")
    assert "Checked 1 form(s)" in walked.stdout
    named = run_formlint("check", str(tmp_path / "package.json"))
    assert_one_error_line(named, "package.json")
    assert "not a form in any format" in named.stderr


def test_walking_the_current_folder_reports_paths_without_a_dot_prefix(tmp_path: Path) -> None:
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "return.yaml").write_text((SAMPLES / "pharmacy-real-name.yaml").read_text("utf-8"), "utf-8")
    result = run_formlint("check", "--output-format", "concise", ".", cwd=tmp_path)
    shown_lines = result.stdout.splitlines()
    assert "forms/return.yaml:11:1: RT203 " in result.stdout, result.stdout
    assert all(line.startswith("forms/return.yaml:") for line in shown_lines[:-1]), result.stdout
    shown = run_formlint("check", "--output-format", "json", ".", cwd=tmp_path / "forms")
    assert {f["path"] for f in json.loads(shown.stdout)["findings"]} == {"return.yaml"}


def test_a_pack_given_alone_is_one_usage_error_not_one_per_form() -> None:
    result = run_formlint("check", "--policy", "gdpr", str(SAMPLES))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "formlint: error: policy 'gdpr' has no purposes of its own: use a policy that extends it, "
        "or add one with a second --policy (e.g. --policy gdpr --policy epidemic-registration)"]


def test_a_folder_without_forms_warns_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing here", "utf-8")
    result = run_formlint("check", str(tmp_path))
    assert result.returncode == 0
    assert result.stderr == f"formlint: warning: no forms found in {tmp_path}\n"


def test_a_bug_exits_2_with_one_line_asking_for_a_report(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import formlint.cli as cli

    def broken(**_: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.setenv("NO_COLOR", "1")
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    assert capsys.readouterr().err == ("formlint: internal error, please report (rerun with --debug for the "
                                       "traceback): RuntimeError: boom\n")


def test_classify_skips_walked_files_no_format_claims_like_check(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "site"}', "utf-8")
    (tmp_path / "form.yaml").write_text((SAMPLES / "venue-check-in-minimal.yaml").read_text("utf-8"), "utf-8")
    walked = run_formlint("classify", "--format", "json", str(tmp_path))
    assert (walked.returncode, walked.stderr) == (0, "")
    assert [f["path"] for f in json.loads(walked.stdout)["forms"]] == [str(tmp_path / "form.yaml")]
    named = run_formlint("classify", str(tmp_path / "package.json"))
    assert named.returncode == 2 and "not a form in any format" in named.stderr


@pytest.mark.parametrize("args, needle", [
    (["check", "--fail-on", "bogus"], "'bogus' is not one of error, warning, info"),
    (["check", "--fail-on", "warn"], "(did you mean 'warning'?)"),
    (["check", "-j", "-1"], "-1 is not in the range"),
    (["check", "--jbos", "2"], "no such option '--jbos' (did you mean '--jobs'?)"),
    (["chek", "."], "no such command 'chek' (did you mean 'check'?)"),
    (["classify", "--output-format", "jsno", "x.yaml"], "(did you mean 'json'?)"),
    (["policies", "shwo"], "(did you mean 'show'?)"),
])
def test_a_usage_error_is_one_line_exit_2(args: list[str], needle: str) -> None:
    result = run_formlint(*args)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("formlint: error: "), result.stderr
    assert needle in lines[0]


def test_help_placeholders_are_words() -> None:
    shown = run_formlint("check", "--help").stdout
    assert "<" not in shown and "list[" not in shown and "TEXT" not in shown
    assert "--policy POLICY" in shown and "--jobs N" in shown and "[PATH]..." in shown


def test_output_is_utf8_on_a_non_utf8_console(tmp_path: Path) -> None:
    """A redirect on a cp1252 console (Windows' default) must not crash on Chinese labels."""
    form = tmp_path / "登记.yaml"
    form.write_text(rule_cases()["dm102_fail"]["form"], "utf-8")
    result = subprocess.run([sys.executable, "-m", "formlint", "check", "--lang", "zh", "--policy",
                             str(FIXTURES / "policies" / "rules-test.yaml"), str(form)],
                            capture_output=True, cwd=ROOT, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "cp1252",
                                 "NO_COLOR": "1"})
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    assert "登记.yaml" in result.stdout.decode("utf-8") and "Traceback" not in result.stderr.decode("utf-8")


def test_classify_takes_output_format_like_check(tmp_path: Path) -> None:
    (tmp_path / "form.yaml").write_text((SAMPLES / "venue-check-in-minimal.yaml").read_text("utf-8"), "utf-8")
    result = run_formlint("classify", "--output-format", "json", str(tmp_path / "form.yaml"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["forms"][0]["path"] == str(tmp_path / "form.yaml")
