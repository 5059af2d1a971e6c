"""Rules: each rule's cases (tests/rule_cases/CODE.yaml) produce exactly the findings
they list, and each rule's declaration is complete and consistent with the catalogues."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from formlint.pipeline import check_form
from formlint.settings import FileSettings
from formlint.formats import load_form
from formlint.i18n import LANGUAGES, catalogue
from formlint.model import Finding, Severity
from formlint.policy import load_policy
from formlint.rules import OPT_IN, RULES, rule_doc
from formlint.rules.rule import GROUPS, Status

from conftest import FIXTURES, RULE_CASES, rule_cases, write_case

POLICIES = FIXTURES / "policies"
DEFAULT_POLICY = "rules-test.yaml"


def findings_of(folder: Path, name: str, policy: str | None = None) -> tuple[Finding, ...]:
    """Check case `name` written into `folder`, under its policy or `policy`."""
    case = rule_cases()[name]
    form = load_form(str(write_case(folder, name)))
    chosen = load_policy(str(POLICIES / (policy or case.get("policy", DEFAULT_POLICY))))
    codes = frozenset(case["select"]) if "select" in case else None
    return check_form(form, FileSettings(policy=chosen, codes=codes)).findings


@pytest.mark.parametrize("name", sorted(rule_cases()))
def test_rule_case_produces_exactly_its_findings(name: str, tmp_path: Path) -> None:
    found = findings_of(tmp_path, name)
    case = rule_cases()[name]
    assert [f"{f.code}@{f.line}" for f in found] == case["findings"]
    if "severities" in case:
        assert [f.severity.value for f in found] == case["severities"]


def test_every_rule_has_one_cases_file_and_every_file_a_rule() -> None:
    assert sorted(p.stem for p in RULE_CASES.glob("*.yaml")) == sorted(RULES)
    assert {case["rule"] for case in rule_cases().values()} == set(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_failing_and_passing_cases(code: str) -> None:
    mine = {name: case for name, case in rule_cases().items() if case["rule"] == code}
    fails = [case["findings"] for name, case in mine.items() if "_fail" in name]
    passes = [case["findings"] for name, case in mine.items() if "_pass" in name]
    assert fails and passes
    assert all(any(c.startswith(code + "@") for c in found) for found in fails)
    assert not any(c.startswith(code + "@") for found in passes for c in found)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_declares_docs_group_and_law(code: str) -> None:
    rule = RULES[code]
    assert rule.code == code and rule.group in GROUPS
    assert "Why" in rule.docs and "How to fix" in rule.docs
    assert rule_doc(code) == rule.docs
    # FL rules are formlint's own housekeeping: they say so instead of citing a law.
    assert ("Legal source: N/A" in rule.docs and not rule.laws) if code.startswith("FL") else rule.laws
    assert rule.tags == (rule.group, *rule.law)
    assert all(other in RULES and other != code for other in rule.refines)


@pytest.mark.parametrize("code", sorted(RULES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_declared_messages_are_in_each_catalogue_with_their_parameters(code: str, lang: str) -> None:
    for message_id, params in RULES[code].messages.items():
        template = catalogue(lang)[message_id]
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert fields == set(params), (message_id, lang)


def test_findings_use_only_the_messages_their_rule_declares(tmp_path: Path) -> None:
    seen = 0
    for name in rule_cases():
        for finding in findings_of(tmp_path, name):
            declared = RULES[finding.code].messages
            assert finding.message.id in declared and finding.help.id in declared, (name, finding.code)
            seen += 1
    assert seen > len(RULES)


def test_rule_codes_are_stable_public_names() -> None:
    assert list(RULES) == ["DM100", "DM101", "DM102", "DM103", "DM104", "DM105", "DM106", "DM107", "RT201",
                           "RT202", "RT203", "NT301", "NT302", "NT303", "NT304", "NT305", "EX401", "EX402", "FL001"]
    assert OPT_IN == ("DM105", "DM106", "NT303", "NT304", "NT305", "EX402")
    assert all(RULES[code].status is Status.OPT_IN for code in OPT_IN)
    assert {c: RULES[c].severity for c in ("DM101", "DM102", "RT201", "EX401")} == {
        "DM101": Severity.WARNING, "DM102": Severity.ERROR, "RT201": Severity.ERROR, "EX401": Severity.ERROR}


@pytest.mark.parametrize("name", ["nt303_fail", "nt305_fail", "ex402_fail", "nt304_fail"])
def test_opt_in_rules_are_silent_when_the_policy_does_not_enable_them(name: str, tmp_path: Path) -> None:
    got = [f.code for f in findings_of(tmp_path, name, DEFAULT_POLICY)]
    assert got == (["DM102"] if name == "nt304_fail" else [])


def test_dm105_and_dm106_replace_the_excess_finding_only_when_enabled(tmp_path: Path) -> None:
    assert RULES["DM105"].refines == ("DM101",) and RULES["DM106"].refines == ("DM101", "DM102", "DM107")
    assert [f.code for f in findings_of(tmp_path, "dm105_fail", DEFAULT_POLICY)] == ["DM101"]
    assert [f.code for f in findings_of(tmp_path, "dm105_fail")] == ["DM105"]


def test_policy_severity_override_lowers_an_excess_government_id(tmp_path: Path) -> None:
    form = tmp_path / "id.yaml"
    text = rule_cases()["clean"]["form"]
    form.write_text(text + "  - key: idno\n    label: ID\n    category: identity.government_id\n", "utf-8")
    policy = load_policy(str(POLICIES / DEFAULT_POLICY))
    [finding] = check_form(load_form(str(form)), FileSettings(policy=policy)).findings
    assert (finding.code, finding.severity) == ("DM102", Severity.WARNING)


def test_policy_severity_off_silences_a_category(tmp_path: Path) -> None:
    codes = [f.code for f in findings_of(tmp_path, "dm101_pass")]
    assert codes == []  # social.education is "off" in the test policy, contact.email is an alternative


def test_finding_is_complete_when_yielded(tmp_path: Path) -> None:
    [finding, _] = findings_of(tmp_path, "dm102_fail")
    assert finding.path.endswith("dm102_fail.yaml")
    assert (finding.line, finding.column, finding.field_key, finding.pointer) == (22, 5, "ethnicity", "/fields/3")
    assert finding.category == "special.ethnicity"
    assert finding.message.id == "DM102.message" and dict(finding.message.params)["purpose"] == "check-in"
    assert finding.law[:2] == ("PIPL Art. 6", "GDPR Art. 5(1)(c)") and "Art. 28" in str(finding.law[-1])
    assert finding.help.id == "excess.help" and finding.evidence and finding.rule_name == "excess-sensitive-field"


def test_suppressed_findings_are_dropped_but_kept_with_their_directive(tmp_path: Path) -> None:
    form = load_form(str(write_case(tmp_path, "fl001_pass")))
    result = check_form(form, FileSettings(policy=load_policy(str(POLICIES / DEFAULT_POLICY))))
    [hidden] = result.suppressed
    assert result.findings == ()
    assert (hidden.finding.code, hidden.finding.field_key, hidden.suppression.reason) == (
        "DM101", "job", "the venue seats by occupation group")


def test_form_level_directive_before_the_fields_silences_form_findings(tmp_path: Path) -> None:
    form = tmp_path / "form.yaml"
    form.write_text("# formlint: ignore[RT201]\n" + rule_cases()["rt201_fail"]["form"], "utf-8")
    result = check_form(load_form(str(form)), FileSettings(policy=load_policy(str(POLICIES / DEFAULT_POLICY))))
    assert result.findings == () and [s.finding.code for s in result.suppressed] == ["RT201"]
    assert result.suppressed[0].suppression.reason is None


def test_unused_suppression_is_not_reported_for_a_rule_that_did_not_run(tmp_path: Path) -> None:
    form = load_form(str(write_case(tmp_path, "fl001_fail")))
    policy = load_policy(str(POLICIES / DEFAULT_POLICY))
    result = check_form(form, FileSettings(policy=policy, codes=frozenset({"DM101", "FL001"})))
    assert [f.code for f in result.findings] == ["DM101"]
