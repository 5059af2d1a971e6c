"""Large trees: what a run keeps per form is what its outputs need, and the outputs
do not depend on --jobs. bench/bench_tree_memory.py measures 20,000 forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from formlint.pipeline import check_paths
from formlint.policy import load_policy
from formlint.settings import FileSettings

from conftest import SAMPLES, run_formlint_process

FORM = SAMPLES / "qingdao-property-return.yaml"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    text = FORM.read_text("utf-8")
    (tmp_path / "forms").mkdir()
    for n in range(120):
        (tmp_path / "forms" / f"form{n:03}.yaml").write_text(text, "utf-8")
    return tmp_path / "forms"


def test_a_checked_form_keeps_no_node_index_but_keeps_its_classifications(tree: Path) -> None:
    report = check_paths([str(tree / "form000.yaml")], FileSettings(policy=load_policy()))
    [result] = report.results
    assert result.form.locations == {} and result.findings
    assert set(result.classes) == {f.key for f in result.form.fields}


def test_the_html_report_is_the_same_with_workers(tree: Path) -> None:
    one, two = tree.parent / "one.html", tree.parent / "two.html"
    first = run_formlint_process("check", "-j", "1", "--output-format", f"html:{one}", str(tree))
    second = run_formlint_process("check", "-j", "2", "--output-format", f"html:{two}", str(tree))
    assert first.returncode == second.returncode == 1
    assert one.read_text("utf-8") == two.read_text("utf-8")


def test_findings_of_the_same_rule_share_their_law_help_and_message(tree: Path) -> None:
    """Two copies of a form give equal findings; a run keeps each equal message, help
    and law once, not once per finding."""
    report = check_paths([str(tree / "form000.yaml"), str(tree / "form001.yaml")], FileSettings(policy=load_policy()))
    first, second = report.results
    assert len(first.findings) == len(second.findings) > 0
    for one, other in zip(first.findings, second.findings):
        assert one.law is other.law and one.help is other.help and one.message is other.message
