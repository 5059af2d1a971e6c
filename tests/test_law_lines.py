"""What a finding cites and advises: the regimes of the active policy, the form's own
regime first, no article twice, and help that names the field and the policy line
that would justify it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import json_findings, run_formlint

ID_FORM = """\
title: {title}
purpose: return-to-community
notice: {notice}
fields:
  - key: name
    label: {name}
    required: true
  - key: id_number
    label: {id_label}
    required: true
  - key: phone
    label: {phone}
    required: true
"""
CHINESE = ID_FORM.format(title="返回人员登记", notice="仅用于疫情防控，保存21天后删除。", name="姓名",
                         id_label="身份证号", phone="手机号")
ENGLISH = ID_FORM.format(title="Return registration", notice="Used only for epidemic prevention; deleted after 21 days.",
                         name="Name", id_label="National ID number", phone="Mobile phone")


findings = json_findings


def one(found: list[dict[str, object]], code: str, key: str) -> dict[str, object]:
    return next(f for f in found if f["code"] == code and f["field"] == key)


def test_a_chinese_forms_id_number_is_cited_under_pipl_first(tmp_path: Path) -> None:
    finding = one(findings(tmp_path, CHINESE), "DM102", "id_number")
    assert "sensitive under PIPL Art. 28" in str(finding["message"])
    assert "GDPR Art. 87" not in str(finding["message"])


def test_an_english_forms_id_number_keeps_the_policys_order(tmp_path: Path) -> None:
    finding = one(findings(tmp_path, ENGLISH), "DM102", "id_number")
    assert "sensitive under GDPR Art. 87" in str(finding["message"])


def test_a_pipl_only_policy_cites_no_other_regime(tmp_path: Path) -> None:
    found = findings(tmp_path, ENGLISH, "--policy", "epidemic-registration")
    laws = " ".join(str(f["law"]) for f in found)
    assert "PIPL" in laws and "GDPR" not in laws and "CCPA" not in laws


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_article_is_cited_twice_in_a_law_line(tmp_path: Path, lang: str) -> None:
    form = tmp_path / "form.yaml"
    form.write_text(CHINESE, "utf-8")
    out = run_formlint("check", "--lang", lang, str(form)).stdout
    laws = [line.split(":", 1)[1] if lang == "en" else line.split("：", 1)[1]
            for line in out.splitlines() if line.startswith(("  law:", "  法律依据："))]
    assert laws
    pipl_6 = "PIPL Art. 6" if lang == "en" else "《个人信息保护法》第六条"
    for law in laws:
        assert law.count(pipl_6) <= 1, law
        parts = re.split(r"; |；", law)
        assert len(parts) == len(set(parts)), law


def test_dm107_cites_the_consent_duty_only_of_the_regimes_that_make_the_field_sensitive(tmp_path: Path) -> None:
    text = CHINESE.replace("  - key: phone", "  - key: trips\n    label: 近14天行程\n  - key: phone")
    finding = one(findings(tmp_path, text), "DM107", "trips")
    assert finding["law"] == "PIPL Art. 28 (行踪轨迹 whereabouts); PIPL Art. 29-30"


def test_excess_help_names_the_field_and_the_policy_line_that_justifies_it(tmp_path: Path) -> None:
    found = findings(tmp_path, CHINESE)
    finding = one(found, "DM102", "id_number")
    help_text = str(finding["help"])
    assert help_text.startswith("remove `id_number`; or, if purpose `return-to-community` needs it")
    line = re.search(r"`(purposes: .*)`$", help_text)
    assert line is not None
    policy = tmp_path / "mine.yaml"
    policy.write_text('id: mine\ntitle: Mine\nsource: "test"\nextends: [general]\n' + line.group(1) + "\n", "utf-8")
    added = yaml.safe_load(policy.read_text("utf-8"))["purposes"]["return-to-community"]
    assert added["necessary"] == {"add": ["identity.government_id"]}
    after = findings(tmp_path, CHINESE, "--policy", str(policy))
    assert not [f for f in after if f["field"] == "id_number" and f["code"] in ("DM101", "DM102")]
    assert [f["code"] for f in after if f["code"] in ("DM101", "DM102")] == [
        f["code"] for f in found if f["code"] in ("DM101", "DM102") and f["field"] != "id_number"]


def test_help_points_a_policy_file_by_its_path(tmp_path: Path) -> None:
    policy = tmp_path / "mine.yaml"
    policy.write_text('id: mine\ntitle: Mine\nsource: "test"\nextends: [epidemic-registration]\n', "utf-8")
    finding = one(findings(tmp_path, CHINESE, "--policy", str(policy)), "DM102", "id_number")
    assert f"justify it in {policy}: `purposes: {{return-to-community: " in str(finding["help"])
