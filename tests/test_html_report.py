"""The HTML report: counts agree with the JSON output, verdicts follow the policy,
form text is escaped, the file loads nothing from elsewhere, Chinese is complete."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import SAMPLES, run_formlint

from formlint.i18n import catalogue
from formlint.model import Purpose
from formlint.policy import load_policy
from formlint.reporters.charts import BAR_AREA, LABEL_WIDTH, stacked_bars
from formlint.taxonomy import load_taxonomy
from formlint.verdicts import Verdict, field_verdict

HOSTILE_FORM = """\
title: "</title><script>alert('title')</script>"
purpose: return-to-community
notice:
  text: "We keep answers for 21 days. <b onmouseover=alert(2)>bold</b>"
fields:
  - key: "name<script>alert('key')</script>"
    label: "<script>alert('label')</script>"
  - key: blood
    label: "<img src=x onerror=alert('img')> blood type"
"""


def html_of(*args: str) -> str:
    result = run_formlint("check", "--exit-zero", "--output-format", "html", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def samples_html() -> str:
    return html_of(str(SAMPLES))


def stat(html: str, name: str) -> int:
    found = re.search(rf'data-stat="{name}">(\d+)<', html)
    assert found, name
    return int(found.group(1))


def row_verdicts(html: str) -> dict[str, str]:
    rows = re.findall(r'<tr data-verdict="([a-z_]+)" data-severity="[a-z]+">\s*<th scope="row" class="key">([^<]*)<', html)
    return {key: verdict for verdict, key in rows}


def test_overview_counts_agree_with_the_json_output(samples_html: str) -> None:
    summary = json.loads(run_formlint("check", "--exit-zero", "--output-format", "json", str(SAMPLES)).stdout)["summary"]
    assert stat(samples_html, "forms") == summary["forms"] == 5
    assert stat(samples_html, "fields") == summary["fields"]
    assert stat(samples_html, "findings") == summary["findings"]
    for level, n in summary["by_severity"].items():
        assert stat(samples_html, level) == n
    assert samples_html.count("<tr data-verdict=") == summary["fields"]


def test_verdicts_follow_the_purpose_and_the_sensitivity_of_each_category() -> None:
    html = html_of(str(SAMPLES / "qingdao-property-return.yaml"))
    verdicts = row_verdicts(html)
    assert verdicts["blood_type"] == "sensitive_excess"
    assert verdicts["education"] == "excess"
    assert verdicts["name"] == "necessary"
    assert stat(html, "excess") == sum(v in ("excess", "sensitive_excess") for v in verdicts.values())
    assert stat(html, "sensitive-excess") == sum(v == "sensitive_excess" for v in verdicts.values())
    assert stat(html, "without-retention") == 1  # the Qingdao form says nothing about retention


def test_verdict_words_are_written_beside_their_colour(samples_html: str) -> None:
    badge = re.search(r'<span class="badge v-sensitive_excess">([^<]+)</span>', samples_html)
    assert badge and badge.group(1) == "sensitive excess"


def test_every_string_from_a_form_is_escaped(tmp_path: Path) -> None:
    form = tmp_path / "hostile.yaml"
    form.write_text(HOSTILE_FORM, "utf-8")
    html = html_of(str(form))
    assert html.count("<script>") == 1  # the report's own
    assert "<img" not in html and "<b " not in html
    assert "&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(&#39;img&#39;)&gt; blood type" in html
    assert "&lt;/title&gt;&lt;script&gt;" in html


def test_the_report_loads_nothing_and_pins_its_own_style_and_script(samples_html: str) -> None:
    # Links to the rule pages online are for the reader to follow; nothing is loaded.
    assert re.findall(r'\b(?:src|href|action)="(?!#|https://formlint\.readthedocs\.io/)', samples_html) == []
    assert "src=" not in samples_html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', samples_html)
    assert policy
    rules = unescape(policy.group(1))
    assert "default-src 'none'" in rules
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", samples_html, re.S)
        assert body
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode("utf-8")).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in rules


def test_rule_codes_link_to_their_documentation_in_the_report(samples_html: str) -> None:
    linked = set(re.findall(r'<a href="#rule-([A-Z]+\d+)">', samples_html))
    assert {"DM101", "DM102", "RT201"} <= linked
    for code in linked:
        assert f'<section id="rule-{code}"' in samples_html
        assert f'<a href="https://formlint.readthedocs.io/en/latest/rules/{code}/">' in samples_html


def test_lang_zh_renders_the_report_in_chinese(samples_html: str) -> None:
    html = html_of("--lang", "zh", str(SAMPLES))
    assert '<html lang="zh-Hans">' in html
    body = html.split("<body>", 1)[1].split("<script>", 1)[0]
    english = [text for key, text in catalogue("en").items()
               if key.startswith("html.") and "{" not in text and " " in text.strip()]
    assert len(english) > 20
    assert [text for text in english if text in body] == []
    assert "超出用途（敏感）" in html and "概览" in html
    assert "一条建议" not in html and "建议：删除 `" in html


def test_lang_zh_gives_the_policy_and_purpose_titles_in_chinese() -> None:
    policy = load_policy("general")
    purpose = policy.purposes["return-to-community"]
    assert policy.titles.get("zh") and purpose.titles.get("zh")
    html = unescape(html_of("--lang", "zh", str(SAMPLES / "qingdao-property-return.yaml")))
    for titled in (policy, purpose):
        assert titled.titles["zh"] in html
        assert titled.title not in html


def test_html_file_output_is_written_beside_the_terminal_output(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run_formlint("check", "--output-format", f"html:{target}", str(SAMPLES / "venue-check-in-minimal.yaml"))
    assert result.returncode == 0 and "Checked 1 form(s)" in result.stdout
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_unreadable_files_are_listed_with_their_error_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("fields: [\n", "utf-8")
    result = run_formlint("check", "--output-format", "html", str(broken))
    assert result.returncode == 2
    assert f"<li>{broken}:" in result.stdout and 'data-stat="unreadable">1<' in result.stdout


PURPOSE = Purpose("p", "P", necessary=frozenset({"identity.name"}), optional=frozenset({"contact.email"}))


@pytest.mark.parametrize("category, verdict", [
    ("identity.name", Verdict.NECESSARY), ("contact.email", Verdict.OPTIONAL),
    ("social.education", Verdict.EXCESS), ("health.blood_type", Verdict.SENSITIVE_EXCESS),
    ("unknown", Verdict.UNCLASSIFIED), ("none", Verdict.NOT_PERSONAL),
])
def test_field_verdict(category: str, verdict: Verdict) -> None:
    assert field_verdict(category, PURPOSE, load_policy("pipl"), load_taxonomy()) is verdict


def test_bars_share_one_scale_and_stack_in_series_order() -> None:
    chart = stacked_bars([("a", {"error": 2, "warning": 2}), ("b", {"error": 0, "warning": 1})])
    first, second = chart.bars
    assert [s.width for s in first.segments] == [BAR_AREA / 2, BAR_AREA / 2]
    assert first.segments[1].x == LABEL_WIDTH + BAR_AREA / 2
    assert [(s.series, s.width) for s in second.segments] == [("warning", BAR_AREA / 4)]
    assert chart.series == ("error", "warning")
