"""Message catalogues: complete in every language, and used end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLES, run_formlint

from formlint.i18n import LANGUAGES, catalogue, language_from_environment, t
from formlint.rules import RULES

I18N = ROOT / "src" / "formlint" / "i18n"


def test_catalogues_validate_against_their_schema() -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "src" / "formlint" / "schemas" / "i18n.schema.json").read_text("utf-8"))
    for lang in LANGUAGES:
        data = yaml.safe_load((I18N / f"{lang}.yaml").read_text("utf-8"))
        assert list(Draft202012Validator(schema).iter_errors(data)) == [], lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_id_exists_in_every_language(lang: str) -> None:
    english = {k for k in catalogue("en") if not k.startswith("rule.")}
    assert english - set(catalogue(lang)) == set()
    assert set(catalogue(lang)) - english - {f"rule.{c}.doc" for c in RULES} == set()


def test_every_rule_has_chinese_docs() -> None:
    assert all(f"rule.{code}.doc" in catalogue("zh") for code in RULES)


def test_templates_take_the_same_fields_in_every_language() -> None:
    import string

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for key, template in catalogue("en").items():
        assert fields(catalogue("zh")[key]) == fields(template), key


@pytest.mark.parametrize("env, lang", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LC_ALL": "zh_TW", "LANG": "en_GB"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"), ({}, "en"), ({"LC_ALL": "C", "LANG": "zh_CN"}, "en"),
])
def test_language_comes_from_the_locale(env: dict[str, str], lang: str) -> None:
    assert language_from_environment(env) == lang


def test_check_speaks_chinese_with_lang_zh() -> None:
    result = run_formlint("check", "--lang", "zh", str(SAMPLES / "qingdao-property-return.yaml"))
    assert "DM102 [错误] 字段 `blood_type` (血型, health.blood_type) 对用途 `return-to-community` 并非必要" in result.stdout
    assert "  建议：删除该字段" in result.stdout
    assert result.stdout.rstrip().endswith("已检查 1 个表单、13 个字段：6 个错误，4 个警告，0 个提示。")


def test_lang_defaults_to_the_locale() -> None:
    result = run_formlint("check", str(SAMPLES / "pharmacy-real-name.yaml"), env={"LANG": "zh_CN.UTF-8"})
    assert "RT203 [错误] 信息保存 365 天" in result.stdout


def test_rule_docs_in_chinese() -> None:
    result = run_formlint("rule", "RT202", "--lang", "zh")
    assert result.stdout.startswith("RT202 vague-retention [警告]") and "第十九条" in result.stdout


def test_unknown_lang_is_a_usage_error() -> None:
    result = run_formlint("check", "--lang", "fr", str(SAMPLES))
    assert result.returncode == 2 and "unknown --lang 'fr'" in result.stderr


def test_english_is_the_fallback_for_an_untranslated_id() -> None:
    assert t("report.help", "en") == "help"
