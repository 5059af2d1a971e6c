"""Message catalogues: complete in every language, and used end to end."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from conftest import ROOT, SAMPLES, rule_cases, run_formlint, write_case

from formlint.i18n import LANGUAGES, catalogue, language_from_environment, t, translate
from formlint.policy import builtin_names
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
    assert "  建议：删除 `blood_type`；如用途 `return-to-community` 确实需要" in result.stdout
    assert result.stdout.rstrip().endswith("已检查 1 个表单、13 个字段：7 个错误，6 个警告，1 个提示。")


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


OPT_IN_POLICY = ROOT / "tests" / "fixtures" / "policies" / "opt-in-test.yaml"
COMMITTEE = ROOT / "examples" / "neighbourhood-committee.yaml"
QINGDAO = SAMPLES / "qingdao-property-return.yaml"


def test_opt_in_and_housekeeping_rules_speak_chinese(tmp_path: Path) -> None:
    names = ["dm105_fail", "dm106_fail", "dm106_fail_none", "nt303_fail", "nt304_fail", "nt305_fail",
             "ex402_fail", "fl001_fail"]
    result = run_formlint("check", "--lang", "zh", "--output-format", "concise", "--policy", str(OPT_IN_POLICY),
                          *(str(write_case(tmp_path, name)) for name in names))
    lines = result.stdout.splitlines()
    for expected in [
        "dm105_fail.yaml:22:5: DM105 [警告] 自由填写字段 `remarks` (Anything else?, content.free_text) 会收集用途 `check-in` 不需要的内容",
        "dm106_fail.yaml:22:5: DM106 [错误] 字段 `nric` (NRIC number, identity.government_id) 要求填写证件号码；"
        "用途 `partial-id-check-in` 只允许填写部分号码",
        "dm106_fail_none.yaml:22:5: DM106 [错误] 字段 `nric` (NRIC number, identity.government_id) 要求填写证件号码；"
        "用途 `no-id-check-in` 不需要证件号码",
        "nt303_fail.yaml:7:1: NT303 [警告] 告知内容未说明还有谁会收到所填信息，也未说明不向他人提供",
        "nt304_fail.yaml:22:5: NT304 [警告] 收集敏感个人信息（`temperature`）但未请求单独同意",
        "nt305_fail.yaml:7:1: NT305 [警告] 告知内容未说明如何查阅、更正、删除所填信息或撤回同意",
        "ex402_fail.yaml:7:1: EX402 [错误] 告知内容称将公开所填信息（“posted on”）",
        "fl001_fail.yaml:22:3: FL001 [警告] 对 DM102 的抑制在字段 `job` 上没有匹配到任何问题",
    ]:
        assert any(line.endswith(expected) for line in lines), expected


def test_unused_form_level_suppression_speaks_chinese(tmp_path: Path) -> None:
    from formlint.pipeline import check_form
    from formlint.settings import FileSettings
    from formlint.formats import load_form
    from formlint.policy import load_policy

    form = tmp_path / "form.yaml"
    form.write_text(rule_cases()["rt201_pass"]["form"].replace(
        "\n", "\n# formlint: ignore[RT201]\n", 1), "utf-8")
    policy = load_policy(str(ROOT / "tests" / "fixtures" / "policies" / "rules-test.yaml"))
    found = check_form(load_form(str(form)), FileSettings(policy=policy)).findings
    assert [(f.code, translate(f.message, "zh")) for f in found] == [("FL001", "对 RT201 的抑制在本表单上没有匹配到任何问题")]


def test_qingdao_sensitive_excess_under_a_committee_policy_in_chinese() -> None:
    result = run_formlint("check", "--lang", "zh", "--policy", str(COMMITTEE), str(QINGDAO))
    sensitive = [line.split(": ", 1)[1].split(" 对用途")[0] for line in result.stdout.splitlines() if " DM102 " in line]
    assert sensitive == ["DM102 [警告] 字段 `id_number` (身份证号, identity.government_id)",
                         "DM102 [错误] 字段 `ethnicity` (民族, special.ethnicity)",
                         "DM102 [错误] 字段 `party_member` (政治面貌, special.political)",
                         "DM102 [错误] 字段 `blood_type` (血型, health.blood_type)",
                         "DM102 [错误] 字段 `marital_status` (婚姻状况, social.marital_status)",
                         "DM102 [错误] 字段 `house_size` (住房面积（平方米）, financial.property)"]
    assert "并非必要，且属于敏感个人信息（《个人信息保护法》第二十八条（医疗健康））" in result.stdout
    assert result.stdout.rstrip().endswith("已检查 1 个表单、13 个字段：6 个错误，7 个警告，1 个提示。")


def test_markdown_in_chinese_has_chinese_headings() -> None:
    result = run_formlint("check", "--lang", "zh", "--output-format", "markdown", "--policy", str(COMMITTEE),
                          str(QINGDAO))
    lines = result.stdout.splitlines()
    assert lines[0] == "### formlint：1 个表单中发现 14 个问题（错误：6，警告：7，提示：1）"
    assert "| 表单 | 错误 | 警告 | 提示 |" in lines and "| 行 | 代码 | 严重程度 | 字段 | 消息 |" in lines


def test_statistics_in_chinese() -> None:
    result = run_formlint("check", "--lang", "zh", "--statistics", "--policy", str(COMMITTEE), str(QINGDAO))
    lines = result.stdout.splitlines()
    assert lines[0] == "5  DM102  [错误] excess-sensitive-field"
    assert "1  DM102  [警告] excess-sensitive-field" in lines  # the ID number, at warning under PIPL


def test_categories_show_chinese_names() -> None:
    lines = run_formlint("categories", "--lang", "zh").stdout.splitlines()
    assert lines[1].split() == ["identity.government_id", "身份证件号码", "[敏感：ccpa，gdpr，pipl]"]


def test_classify_shows_chinese_category_names_in_one_column() -> None:
    lines = run_formlint("classify", "--lang", "zh", str(QINGDAO)).stdout.splitlines()
    assert lines[1].split()[:4] == ["16", "name", "identity.name（姓名）", "0.95"]
    from formlint.cli.common import display_width

    assert len({display_width(line.split("0.95")[0]) for line in lines[1:] if "0.95" in line}) == 1


def test_purposes_and_policies_show_in_chinese() -> None:
    purposes = run_formlint("purposes", "--lang", "zh", "--policy", "venue-check-in-germany-berlin").stdout
    assert purposes.splitlines()[1:3] == [
        "  需要：contact.phone（电话号码），event.visit_details（到访详情），event.visit_time（到访时间），"
        "identity.name（姓名）；任选其一：contact.address（住址） | contact.email（电子邮箱）", "  保存：28 天"]
    assert purposes.splitlines()[0] == "venue-check-in: 柏林场所到场记录"
    assert purposes.splitlines()[3].startswith("  依据：柏林《感染防护措施条例》（2020年）：姓名、电话号码")
    shown = run_formlint("policies", "show", "--lang", "zh", "venue-check-in-germany-berlin").stdout
    assert "  任选其一：contact.address（住址） | contact.email（电子邮箱）" in shown
    assert "  保存期限：最多 28 天；依据：柏林《感染防护措施条例》（2020年）：四周，然后删除" in shown


# How English texts name laws; none may be left in a Chinese message, help or law line.
ENGLISH_LAW_PHRASES = ("Art.", "Annex", "Cal. Civ. Code", "as elaborated by", "PIPL ", "Member States", "reg. ")


@pytest.mark.parametrize("policy", ["general", "epidemic-registration", "pipl", "gdpr", "ccpa"])
def test_no_chinese_message_contains_an_english_law_phrase(policy: str) -> None:
    args = ["check", "--lang", "zh", "--output-format", "json", "--policy", policy]
    if policy in ("pipl", "gdpr", "ccpa"):
        args += ["--policy", "epidemic-registration"]
    result = run_formlint(*args, str(SAMPLES))
    findings = json.loads(result.stdout)["findings"]
    assert findings
    for finding in findings:
        for key in ("message", "help", "law"):
            left = [p for p in ENGLISH_LAW_PHRASES if p in finding[key]]
            assert not left, (finding["code"], key, finding[key])


# Names a Chinese reader meets untranslated: acronyms of laws, standards and bodies.
KEPT_NAMES = {"GDPR", "CCPA", "PIPL", "formlint", "ISO", "IEC", "GB", "HIPAA", "CFR", "FERPA", "OAIC", "PECR", "ICO",
              "DBS", "HMRC", "PDPC", "NRIC", "SI", "PDPA", "CAC", "UN", "ETC", "APP", "IPP", "NHS", "SARS", "CoV",
              "FIN", "SafeEntry"}
# Templates that are code, shown inside backticks: a YAML line to add to a policy.
CODE_TEMPLATES = {"policy.addition"}


def english_words(text: str) -> set[str]:
    """English words left in a Chinese text once code (`…`), placeholders, quoted
    examples and form text, option names, category ids and statute letters are set aside."""
    import re

    for pattern in (r"`[^`]*`", r"\{[^}]*\}", r"“[^”]*”|\"[^\"]*\"", r"--[a-z-]+", r"(?<![\w.-])[a-z_]+\.[a-z_]+(?![\w.])",
                    r"\([a-z]{1,3}\)"):
        text = re.sub(pattern, "", text)
    return set(re.findall(r"[A-Za-z]{2,}", text)) - KEPT_NAMES


def test_no_chinese_rule_message_template_holds_english_words() -> None:
    zh = catalogue("zh")
    for code, rule in RULES.items():
        for message_id in set(rule.messages) - CODE_TEMPLATES:
            assert not english_words(zh[message_id]), (code, message_id, zh[message_id])


@pytest.mark.parametrize("policy", [["general"], ["epidemic-registration"], ["pipl", "epidemic-registration"],
                                    ["gdpr", "epidemic-registration"], ["ccpa", "epidemic-registration"]])
def test_chinese_findings_hold_no_english_fragment(policy: list[str], tmp_path: Path) -> None:
    children = tmp_path / "kindergarten.yaml"
    children.write_text("title: 新生入园登记\nfields:\n  - key: xm\n    label: 幼儿姓名\n  - key: csrq\n"
                        "    label: 幼儿出生日期\n  - key: jhrdh\n    label: 监护人电话\n", "utf-8")
    options = [part for name in policy for part in ("--policy", name)]
    result = run_formlint("check", "--lang", "zh", "--output-format", "json", *options, str(SAMPLES), str(children))
    findings = json.loads(result.stdout)["findings"]
    assert {f["code"] for f in findings} >= {"DM101", "DM102", "DM107", "RT201"}
    for finding in findings:
        for key in ("message", "help", "law"):
            assert not english_words(finding[key]), (finding["code"], key, finding[key])


def test_chinese_purpose_list_gives_each_source_and_title_in_chinese() -> None:
    shown = run_formlint("purposes", "--lang", "zh").stdout.splitlines()
    titles = [line for line in shown if line and not line.startswith((" ", "["))]
    sources = [line for line in shown if line.startswith("  依据：")]
    assert len(titles) == len(sources) >= 30
    for line in titles:
        assert not english_words(line.split(": ", 1)[1]), line
    for line in sources:
        assert not english_words(line), line


@pytest.mark.parametrize("policy", builtin_names())
def test_chinese_policy_pages_hold_no_english_fragment(policy: str) -> None:
    shown = run_formlint("policies", "show", "--lang", "zh", policy).stdout.splitlines()
    # The header names the file, bases and keys (ids).
    assert not english_words(shown[0].split(": ", 1)[1]), shown[0]
    body = [line for line in shown[1:] if not line.lstrip().startswith(("文件：", "继承：", "法域：", "告知须说明：",
                                                                        "选用规则：", "严重程度：", "证件号码："))]
    for line in body:
        assert not english_words(line.split("用途 ", 1)[-1].split("：", 1)[-1] if line.startswith("用途 ") else line), line


def test_every_citation_formlint_makes_reads_as_chinese_readers_know_it() -> None:
    import re

    from formlint.i18n.laws import zh_citation
    from formlint.rules import RULES
    from formlint.taxonomy import load_taxonomy

    citations = {c for category in load_taxonomy() for c in category.sensitive.values()}
    citations |= {c for rule in RULES.values() for cs in rule.laws.values() for c in cs}
    for citation in citations:
        shown = zh_citation(citation)
        assert not set(re.findall(r"[A-Za-z]{3,}", shown)) - {"GDPR", "CCPA", "ICO", "PDPC"}, (citation, shown)
    assert zh_citation("PIPL Art. 28") == "《个人信息保护法》第二十八条"
    assert zh_citation("PIPL Art. 17(1)(2), 19") == "《个人信息保护法》第十七条第一款第（二）项、第十九条"
    assert zh_citation("GB/T 35273-2020 Annex B (婚史)") == "GB/T 35273—2020 附录B（婚史）"
    assert zh_citation("GDPR Art. 9(2)(a)") == "GDPR 第9条第2款(a)项"


def test_a_pipl_only_policy_cites_no_gdpr_or_ccpa_article() -> None:
    result = run_formlint("check", "--output-format", "json", "--policy", "epidemic-registration", str(SAMPLES))
    laws = [f["law"] for f in json.loads(result.stdout)["findings"]]
    assert laws and not [law for law in laws if "GDPR" in law or "CCPA" in law]
    general = run_formlint("check", "--output-format", "json", str(SAMPLES))
    assert any("GDPR" in f["law"] for f in json.loads(general.stdout)["findings"])


def _calls() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted((ROOT / "src" / "formlint").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                yield f"{path.relative_to(ROOT)}:{node.lineno} {name}", node


# Functions that take a message id first, and what each says it is.
TAKES_ID = {"msg", "of", "t", "label", "has"}
# What takes a message to show a person, and at which position: it must be a
# catalogue message, never text written in the code.
TAKES_MESSAGE = {"FormlintError": 1, "FormError": 1, "NotAForm": 1, "PolicyError": 1, "ConfigError": 1, "error": 1,
                 "fail": 1, "_fail": 1, "UsageError": 0, "CannotFix": 0, "print_warning": 0, "print_progress": 0,
                 "report_problem": 1}


def test_every_message_id_used_in_the_code_is_in_every_catalogue() -> None:
    used, prefixes = set(), set()
    for _, call in _calls():
        name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
        if name not in TAKES_ID or not call.args:
            continue
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and "." in first.value:
            used.add(first.value)
        elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
            prefixes.add(str(first.values[0].value))
    assert len(used) > 200  # the sweep sees the code's messages
    for lang in LANGUAGES:
        assert sorted(used - set(catalogue(lang))) == [], lang
        assert sorted(p for p in prefixes if not any(k.startswith(p) for k in catalogue(lang))) == [], lang


def test_no_user_facing_message_is_written_in_the_code() -> None:
    """Errors, warnings and the reasons `fix` gives are catalogue messages, so that
    --lang zh shows them in Chinese: text written in a raise is English for ever."""
    written = []
    for where, call in _calls():
        name = where.rsplit(" ", 1)[1]
        position = TAKES_MESSAGE.get(name)
        theirs = isinstance(call.func, ast.Attribute) and getattr(call.func.value, "id", "") == "click"
        if position is None or theirs or len(call.args) <= position:
            continue
        argument = call.args[position]
        if isinstance(argument, ast.JoinedStr) or (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
            written.append(where)
    assert written == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalogue_template_formats(lang: str) -> None:
    """A template's fields never clash with t()'s own arguments and every `{x:,}` takes a number."""
    import string

    for key, template in catalogue(lang).items():
        if key.startswith("rule."):  # rule docs are shown as written, not formatted
            continue
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert not names & {"message_id", "lang"}, key
        template.format(**{n: 1 for n in names})


def test_errors_speak_the_run_s_language(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("fields: [\n", "utf-8")
    english = run_formlint("check", "--lang", "en", str(broken))
    chinese = run_formlint("check", "--lang", "zh", str(broken))
    assert english.returncode == chinese.returncode == 2
    assert ": error: invalid YAML: " in english.stderr and ": error: YAML 无效：" in chinese.stderr
    missing = run_formlint("check", "--lang", "zh", str(tmp_path / "none.yaml"))
    assert missing.stderr.endswith("none.yaml:1:1: error: 文件不存在\n")
    as_json = json.loads(run_formlint("check", "--lang", "zh", "--output-format", "json", str(broken)).stdout)
    assert as_json["errors"][0]["message"].startswith("YAML 无效：")
    usage = run_formlint("check", "--lang", "zh", "--input-format", "nope", str(broken))
    assert usage.stderr.startswith("formlint: error: 未知的 --input-format 'nope'")


def test_fix_gives_its_reasons_in_the_run_s_language(tmp_path: Path) -> None:
    form = tmp_path / "form.yaml"
    form.write_text("purpose: newsletter\nfields: [{key: email, label: Email}, {key: blood_type, label: Blood type}]\n",
                    "utf-8")
    english = run_formlint("fix", "--policy", "general", "--lang", "en", str(form))
    chinese = run_formlint("fix", "--policy", "general", "--lang", "zh", str(form))
    assert "flow collection" in english.stderr
    assert "流式集合" in chinese.stderr and "flow collection" not in chinese.stderr
