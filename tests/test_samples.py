"""The shipped samples produce exactly the findings the documentation describes."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, run_formlint

EXPECTED = {
    "beijing-wechat-group-return.yaml": ["EX401@9", "NT303@12", "NT305@12", "RT202@12", "DM102@27", "NT304@27",
                                         "DM103@33", "DM107@37"],
    "health-code-application.yaml": ["NT303@11", "NT305@11", "RT202@11", "DM102@19", "NT304@19", "DM101@26",
                                     "DM107@29", "DM107@34", "DM102@38"],
    "pharmacy-real-name.yaml": ["NT303@11", "NT305@11", "RT203@11", "DM102@19", "NT304@19", "DM107@26",
                                "DM107@33", "DM101@36"],
    "qingdao-property-return.yaml": ["NT303@11", "NT305@11", "RT201@11", "DM102@24", "NT304@24", "DM102@32",
                                     "DM102@36", "DM101@41", "DM102@45", "DM102@48", "DM102@52", "DM101@56",
                                     "DM102@59", "DM107@62"],
    "venue-check-in-minimal.yaml": [],
}


@pytest.fixture(scope="module")
def report() -> dict:
    result = run_formlint("check", "--format", "json", "sample_forms/")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_every_sample_is_listed() -> None:
    assert sorted(p.name for p in SAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_produces_exactly_its_findings(report: dict, name: str) -> None:
    got = [f"{f['code']}@{f['line']}" for f in report["findings"] if f["path"].endswith(name)]
    assert got == EXPECTED[name]


def test_qingdao_sensitive_excess_is_dm102_and_the_rest_dm101(report: dict) -> None:
    mine = {f["field"]: f["code"] for f in report["findings"] if "qingdao" in f["path"] and f["field"]}
    assert {k for k, v in mine.items() if v == "DM102"} >= {"ethnicity", "party_member", "blood_type", "height"}
    assert {k for k, v in mine.items() if v == "DM101"} == {"education", "wechat_id"}


def test_minimal_venue_check_in_is_clean_under_both_policies() -> None:
    path = str(SAMPLES / "venue-check-in-minimal.yaml")
    assert run_formlint("check", path).returncode == 0
    assert run_formlint("check", "--policy", "venue-check-in-england", path).returncode == 0


def test_json_report_has_form_level_facts(report: dict) -> None:
    beijing = next(f for f in report["forms"] if "beijing" in f["path"])
    assert beijing["retention"] == {"found": True, "days": None, "vague": True, "kind": "vague",
                                   "evidence": "疫情结束后销毁"}
    minimal = next(f for f in report["forms"] if "minimal" in f["path"])
    assert minimal["retention"]["days"] == 21 and minimal["notice"]["recipients"] == ["NHS Test and Trace"]
    assert report["summary"]["forms"] == 5 and report["summary"]["errors"] == 0
    assert set(report["findings"][0]) == {"code", "name", "severity", "message", "path", "line", "column",
                                          "field", "pointer", "category", "evidence", "help", "law"}


def test_classify_json_has_exactly_the_documented_shape() -> None:
    result = run_formlint("classify", "--format", "json", str(SAMPLES / "qingdao-property-return.yaml"))
    data = json.loads(result.stdout)
    assert set(data) == {"version", "forms"} and data["version"] == 1
    [form] = data["forms"]
    assert set(form) == {"path", "format", "title", "fields"}
    assert all(set(f) == {"key", "label", "category", "confidence", "evidence", "line"} for f in form["fields"])
    blood = next(f for f in form["fields"] if f["key"] == "blood_type")
    assert (blood["category"], blood["line"], blood["label"]) == ("health.blood_type", 48, "血型")


def test_classify_text_lists_each_field() -> None:
    out = run_formlint("classify", str(SAMPLES / "beijing-wechat-group-return.yaml")).stdout
    assert "beijing_address" in out and "contact.address" in out and "health.condition" in out


def test_getting_started_quotes_the_real_summary_line() -> None:
    from conftest import ROOT

    summary = run_formlint("check", "sample_forms/").stdout.strip().splitlines()[-1]
    assert summary in (ROOT / "docs" / "getting-started.md").read_text("utf-8")
