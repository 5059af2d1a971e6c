"""A few runs of the real command in a new process: the rest of the suite calls
formlint.cli.main in-process, which cannot see start-up, the interpreter's own exit
code handling or what reaches a real pipe."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, run_formlint_process


def test_checking_the_samples_exits_1_with_the_summary() -> None:
    result = run_formlint_process("check", "sample_forms/")
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout.splitlines()[-1] == "Checked 5 form(s), 41 field(s): 10 errors, 23 warnings, 6 info."


def test_a_form_on_stdin_is_reported_under_its_given_name() -> None:
    form = (ROOT / "sample_forms" / "venue-check-in-minimal.yaml").read_text("utf-8")
    result = run_formlint_process("check", "--output-format", "concise", "-", "--stdin-filename", "venue.yaml",
                                  stdin=form)
    assert (result.returncode, result.stdout) == (0, "Checked 1 form(s), 6 field(s): 0 errors, 0 warnings, 0 info.\n")


def test_an_unreadable_form_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("fields: [\n", "utf-8")
    result = run_formlint_process("check", str(broken))
    assert result.returncode == 2 and result.stdout.endswith("0 info. 1 file(s) could not be checked.\n")
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{broken}:") and ": error: " in line and "Traceback" not in result.stderr
