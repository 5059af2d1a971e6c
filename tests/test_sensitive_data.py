"""DM107 runs under every policy, with or without a purpose, and tells a form that
collects children's personal information, with the regime that makes it sensitive."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, json_findings, run_formlint

from formlint.policy import builtin_names, load_policy
from formlint.rules import OPT_IN, RULES

ENROLMENT = """\
title: {title}
notice: {notice}
fields:
  - key: name
    label: {name}
    required: true
  - key: dob
    label: {dob}
    required: true
  - key: phone
    label: {phone}
    required: true
{consent}"""


check = json_findings


def children_findings(found: list[dict[str, object]]) -> list[dict[str, object]]:
    return [f for f in found if f["code"] == "DM107" and f["field"] is None]


def test_children_data_file_matches_its_schema() -> None:
    schema = json.loads((ROOT / "src/formlint/schemas/children.schema.json").read_text("utf-8"))
    data = yaml.safe_load((ROOT / "src/formlint/rules/children.yaml").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert set(data["terms"]) == set(data["guardian_consent"]) == set(data["consent_words"])


def test_dm107_is_no_longer_opt_in_and_a_policy_enabling_it_stays_valid(tmp_path: Path) -> None:
    assert "DM107" in RULES and "DM107" not in OPT_IN
    policy = tmp_path / "p.yaml"
    policy.write_text('id: p\ntitle: P\nsource: "test"\nextends: [pipl]\nrules: {enable: [DM107]}\n', "utf-8")
    assert load_policy(str(policy)).id == "p"


# Policies that name no regime (the Australian, New Zealand and Singapore venue policies)
# have no sensitive categories to report.
@pytest.mark.parametrize("policy", [name for name in builtin_names()
                                    if load_policy(name).purposes and load_policy(name).regimes])
def test_sensitive_fields_are_reported_without_a_purpose_under_every_policy(tmp_path: Path, policy: str) -> None:
    text = "title: Intake\nfields:\n  - key: blood\n    label: Blood type\n  - key: religion\n    label: Religion\n"
    found = check(tmp_path, text, "--policy", policy)
    sensitive = {f["field"] for f in found if f["code"] in ("DM107", "DM102")}
    assert "blood" in sensitive
    regimes = [regime.upper() for regime in load_policy(policy).regimes]
    for finding in found:
        if finding["code"] == "DM107":
            assert any(str(finding["law"]).startswith(regime) for regime in regimes), finding["law"]


@pytest.mark.parametrize("title,name,dob,phone", [
    ("Pupil enrolment", "Full name", "Date of birth", "Phone"),
    ("Registration", "Child's full name", "Child's date of birth", "Parent or guardian phone"),
])
def test_an_english_form_about_children_is_reported_once_gdpr_first(tmp_path: Path, title: str, name: str,
                                                                   dob: str, phone: str) -> None:
    text = ENROLMENT.format(title=title, notice="Used to enrol the pupil.", name=name, dob=dob, phone=phone,
                            consent="")
    found = children_findings(check(tmp_path, text))
    assert len(found) == 1 and found[0]["severity"] == "warning"
    message = str(found[0]["message"])
    assert message.startswith("The form collects personal information of children (")
    assert message.endswith("GDPR Art. 8; PIPL Art. 28, 31")
    assert "PIPL Art. 31 (consent of a parent or other guardian" in str(found[0]["law"])


def test_a_chinese_form_about_children_cites_pipl_first_in_chinese(tmp_path: Path) -> None:
    text = ENROLMENT.format(title="新生入园登记", notice="仅用于入园登记。", name="幼儿姓名", dob="出生日期",
                            phone="家长电话", consent="")
    form = tmp_path / "form.yaml"
    form.write_text(text, "utf-8")
    out = run_formlint("check", "--lang", "zh", str(form)).stdout
    line = next(line for line in out.splitlines() if "表单收集儿童的个人信息" in line)
    assert "DM107 [警告]" in line and line.endswith("：《个人信息保护法》第二十八条、第三十一条；GDPR 第8条")
    assert "（字段 `name`“幼儿姓名”，字段 `phone`“家长电话”）" in line


def test_a_guardians_consent_makes_it_information(tmp_path: Path) -> None:
    consent = ("  - key: consent\n    label: I am the child's parent or guardian and I consent\n"
               "    type: consent\n    required: true\n")
    text = ENROLMENT.format(title="Pupil enrolment", notice="Used to enrol the pupil.", name="Full name",
                            dob="Date of birth", phone="Phone", consent=consent)
    found = children_findings(check(tmp_path, text))
    assert [f["severity"] for f in found] == ["info"]


@pytest.mark.parametrize("label", ["Number of children", "How many children live with you?"])
def test_counting_children_is_not_collecting_their_data(tmp_path: Path, label: str) -> None:
    text = f"title: Household survey\nfields:\n  - key: kids\n    label: {label}\n    category: social.household\n"
    assert children_findings(check(tmp_path, text)) == []


def test_an_adult_form_says_nothing_about_children(tmp_path: Path) -> None:
    text = ENROLMENT.format(title="Job application", notice="Used to assess your application.",
                            name="Full name", dob="Date of birth", phone="Phone", consent="")
    assert children_findings(check(tmp_path, text)) == []


def test_a_question_about_the_respondent_that_mentions_children_is_not_a_childs_data(tmp_path: Path) -> None:
    label = "I want or wanted to complete my education before I have children"
    text = f"title: Survey\nfields:\n  - key: plans\n    label: {label}\n    category: social.education\n"
    assert children_findings(check(tmp_path, text)) == []
    short = "title: Survey\nfields:\n  - key: school\n    label: Child's school\n    category: social.education\n"
    assert len(children_findings(check(tmp_path, short))) == 1
