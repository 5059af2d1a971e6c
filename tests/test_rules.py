"""Rule fixtures: each small form produces exactly the codes and lines listed in cases.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from formlint.engine import Options, check_form
from formlint.formats import load_form
from formlint.model import Severity
from formlint.policy import load_policy
from formlint.rules import OPT_IN, RULES, rule_doc

from conftest import FIXTURES

RULE_FIXTURES = FIXTURES / "rules"
RAW_CASES = yaml.safe_load((RULE_FIXTURES / "cases.yaml").read_text("utf-8"))
# A case is `[CODE@line, ...]` (checked against rules-test.yaml) or
# `{policy: FILE, findings: [...]}` for fixtures that need another test policy.
CASES: dict[str, list[str]] = {k: v["findings"] if isinstance(v, dict) else v for k, v in RAW_CASES.items()}
POLICIES: dict[str, str] = {k: v["policy"] if isinstance(v, dict) else "rules-test.yaml" for k, v in RAW_CASES.items()}
POLICY = str(FIXTURES / "policies" / "rules-test.yaml")


def findings_of(name: str, policy: str | None = None):
    form = load_form(str(RULE_FIXTURES / name))
    chosen = str(FIXTURES / "policies" / (policy or POLICIES.get(name, "rules-test.yaml")))
    return check_form(form, Options(policy=load_policy(chosen))).findings


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_produces_exactly_its_expected_findings(name: str) -> None:
    got = [f"{f.code}@{f.line}" for f in findings_of(name)]
    assert got == CASES[name]


@pytest.mark.parametrize("name", ["nt303_fail.yaml", "nt305_fail.yaml", "ex402_fail.yaml", "nt304_fail.yaml"])
def test_opt_in_rules_are_silent_when_the_policy_does_not_enable_them(name: str) -> None:
    got = [f.code for f in findings_of(name, "rules-test.yaml")]
    assert got == (["DM102"] if name == "nt304_fail.yaml" else [])


def test_dm105_and_dm106_replace_the_excess_finding_only_when_enabled() -> None:
    assert [f.code for f in findings_of("dm105_fail.yaml", "rules-test.yaml")] == ["DM101"]
    assert [f.code for f in findings_of("dm105_fail.yaml")] == ["DM105"]


def test_every_fixture_file_is_listed_in_cases() -> None:
    on_disk = {p.name for p in RULE_FIXTURES.glob("*.yaml")} - {"cases.yaml"}
    assert on_disk == set(CASES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_docs_and_failing_and_passing_fixtures(code: str) -> None:
    doc = rule_doc(code)
    assert "Why" in doc and "How to fix" in doc
    # FL rules are formlint's own housekeeping: they say so instead of citing a law.
    assert "Legal source: N/A" in doc if code.startswith("FL") else ("Art." in doc or "SI " in doc)
    fails = [n for n in CASES if n.startswith(code.lower() + "_fail")]
    passes = [n for n in CASES if n.startswith(code.lower() + "_pass")]
    assert fails and passes
    assert all(any(c.startswith(code + "@") for c in CASES[n]) for n in fails)
    assert not any(c.startswith(code + "@") for n in passes for c in CASES[n])


def test_rule_codes_are_stable_public_names() -> None:
    assert list(RULES) == ["DM101", "DM102", "DM103", "DM104", "DM105", "DM106", "RT201", "RT202",
                           "RT203", "NT301", "NT302", "NT303", "NT304", "NT305", "EX401", "EX402", "FL001"]
    assert OPT_IN == ("DM105", "DM106", "NT303", "NT304", "NT305", "EX402")
    assert {c: RULES[c].SEVERITY for c in ("DM101", "DM102", "RT201", "EX401")} == {
        "DM101": Severity.WARNING, "DM102": Severity.ERROR, "RT201": Severity.ERROR, "EX401": Severity.ERROR}


def test_policy_severity_override_lowers_an_excess_government_id(tmp_path: Path) -> None:
    form = tmp_path / "id.yaml"
    text = (RULE_FIXTURES / "clean.yaml").read_text("utf-8")
    form.write_text(text + "  - key: idno\n    label: ID\n    category: identity.government_id\n", "utf-8")
    [finding] = check_form(load_form(str(form)), Options(policy=load_policy(POLICY))).findings
    assert (finding.code, finding.severity) == ("DM102", Severity.WARNING)


def test_policy_severity_off_silences_a_category() -> None:
    codes = [f.code for f in findings_of("dm101_pass.yaml")]
    assert codes == []  # social.education is "off" in the test policy, contact.email is an alternative


def test_finding_is_complete_when_yielded() -> None:
    [finding, _] = findings_of("dm102_fail.yaml")
    assert finding.path.endswith("dm102_fail.yaml")
    assert (finding.line, finding.column, finding.field_key, finding.pointer) == (22, 5, "ethnicity", "/fields/3")
    assert finding.category == "special.ethnicity"
    assert "PIPL Art. 6" in finding.law and "Art. 28" in finding.law
    assert finding.help and finding.evidence and finding.rule_name == "excess-sensitive-field"


def test_suppressed_findings_are_dropped_but_kept_with_their_directive() -> None:
    form = load_form(str(RULE_FIXTURES / "fl001_pass.yaml"))
    result = check_form(form, Options(policy=load_policy(POLICY)))
    [hidden] = result.suppressed
    assert result.findings == ()
    assert (hidden.finding.code, hidden.finding.field_key, hidden.suppression.reason) == (
        "DM101", "job", "the venue seats by occupation group")


def test_form_level_directive_before_the_fields_silences_form_findings(tmp_path: Path) -> None:
    text = (RULE_FIXTURES / "rt201_fail.yaml").read_text("utf-8")
    form = tmp_path / "form.yaml"
    form.write_text("# formlint: ignore[RT201]\n" + text, "utf-8")
    result = check_form(load_form(str(form)), Options(policy=load_policy(POLICY)))
    assert result.findings == () and [s.finding.code for s in result.suppressed] == ["RT201"]
    assert result.suppressed[0].suppression.reason is None


def test_unused_suppression_is_not_reported_for_a_rule_that_did_not_run() -> None:
    form = load_form(str(RULE_FIXTURES / "fl001_fail.yaml"))
    result = check_form(form, Options(policy=load_policy(POLICY), codes=frozenset({"DM101", "FL001"})))
    assert [f.code for f in result.findings] == ["DM101"]
