"""Every output format rendered from one shared report, compared with golden files.

The report is built from fixed Form/Finding objects (not by running rules), so a
golden file changes only when its reporter does. To regenerate the goldens after a
deliberate change, run `FORMLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_reporters.py`
and review the diff of tests/golden/.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from formlint.errors import FormError
from formlint.i18n import msg, t
from formlint.model import (Field, Finding, Form, FormResult, Location, Message, Notice, Policy, Purpose, Report,
                            Severity, Suppressed, Suppression)
from formlint.notice import analyse_notice
from formlint.reporters import REPORTERS, RenderOptions, fingerprints, renderer, writer

from conftest import ROOT, SAMPLES, run_formlint

GOLDEN = Path(__file__).resolve().parent / "golden"
SARIF_SCHEMA = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"
EXTENSIONS = {"full": "txt", "concise": "txt", "json": "json", "json-lines": "jsonl", "sarif": "sarif",
              "junit": "xml", "github": "txt", "gitlab": "json", "markdown": "md", "statistics": "txt",
              "html": "html"}
PURPOSE = Purpose("check-in", "Venue check-in")
POLICY = Policy("golden", "Golden policy", "policies/golden.yaml", ("test",), {"check-in": PURPOSE})
OPTIONS = RenderOptions(POLICY, show_suppressed=True)
# Formats whose chrome a reader sees, rendered again in Chinese (`NAME.zh.EXT` goldens).
CHINESE = ["full", "concise", "markdown", "sarif", "junit", "github", "statistics", "html"]


def finding(code: str, severity: Severity, message: Message, path: str, line: int, column: int,
            field: str | None = None, category: str | None = None) -> Finding:
    addition = msg("policy.addition", purpose="check-in", list="necessary", category=category or "unknown",
               reason=msg("policy.reason"))
    help = (msg("excess.help", key=field or "", purpose="check-in", policy="policies/golden.yaml", line=addition)
            if code in ("DM101", "DM102") else msg(f"{code}.help"))
    return Finding(code, severity, message, path, line, column, help=help,
                   law=("PIPL Art. 6", "GDPR Art. 5(1)(c)", msg("law.purpose_basis", basis="test basis")),
                   field_key=field,
                   pointer=f"/fields/{line}" if field else "", category=category,
                   evidence=f"key {field!r}" if field else None, rule_name=f"rule-{code.lower()}")


def result(path: str, findings: list[Finding], suppressed: tuple[Suppressed, ...] = ()) -> FormResult:
    notice = Notice(text="We keep this for 21 days.")
    fields = tuple(Field(key, {"en": key}, location=Location(n, 5)) for n, key in ((9, "name"), (13, "job")))
    form = Form(path, "native", fields, title="Check-in", purpose="check-in", notice=notice)
    return FormResult(form, POLICY, PURPOSE, {}, analyse_notice(notice), tuple(findings), suppressed)


def shared_report() -> Report:
    """Two forms with findings of every severity, one clean form, one unreadable file;
    message parameters (labels, citations) carry the characters each format must escape."""
    venue = "forms/venue check-in.yaml"
    not_needed = msg("DM101.message", field="`name` (Name, identity.name)", purpose="check-in")
    hidden = finding("DM101", Severity.WARNING, not_needed, venue, 9, 5, "name")
    sensitive = msg("DM102.message", field="`job` (职业 | <occupation> & \"title\" 100%, social.occupation)",
                    purpose="check-in", citation="see: PIPL\nArt. 28")
    results = [
        result(venue, [
            finding("RT201", Severity.ERROR, msg("RT201.message"), venue, 3, 1),
            finding("DM102", Severity.ERROR, sensitive, venue, 13, 5, "job", "social.occupation"),
            finding("DM104", Severity.INFO, msg("DM104.message", key="job", label=msg("DM104.no_label")),
                    venue, 13, 5, "job"),
        ], (Suppressed(hidden, Suppression(("DM101",), None, Location(8, 3))),)),
        result("forms/clean.yaml", []),
        result("forms/health.yaml", [
            finding("DM101", Severity.WARNING, not_needed, "forms/health.yaml", 9, 5, "name"),
        ]),
    ]
    return Report(results, [FormError("forms/broken.yaml", "invalid YAML: found unexpected end", 4, 7)])


def rendered(name: str, lang: str = "en") -> str:
    options = dataclasses.replace(OPTIONS, lang=lang)
    if name == "statistics":
        from formlint.reporters.statistics import render

        return render(shared_report(), options)
    return renderer(name)(shared_report(), options)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in the goldens are relative to the repository root


def matches_golden(text: str, golden: Path) -> None:
    if os.environ.get("FORMLINT_UPDATE_GOLDEN"):
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8")


@pytest.mark.parametrize("name", [*REPORTERS, "statistics"])
def test_format_matches_its_golden_file(name: str) -> None:
    matches_golden(rendered(name), GOLDEN / f"{name}.{EXTENSIONS[name]}")


@pytest.mark.parametrize("name", CHINESE)
def test_format_in_chinese_matches_its_golden_file(name: str) -> None:
    matches_golden(rendered(name, "zh"), GOLDEN / f"{name}.zh.{EXTENSIONS[name]}")


def test_every_registered_format_has_a_golden_extension() -> None:
    assert set(REPORTERS) | {"statistics"} == set(EXTENSIONS)


def test_text_is_an_alias_of_full() -> None:
    assert renderer("text") is renderer("full")


def sarif_errors(document: dict[str, Any]) -> list[str]:
    """What the official SARIF 2.1.0 schema finds wrong, formats (`uri-reference`) included."""
    from jsonschema import Draft7Validator, FormatChecker

    checker = FormatChecker()
    assert not checker.conforms("a b.yaml", "uri-reference")  # rfc3986-validator is installed: formats are checked
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    return sorted(str(e) for e in Draft7Validator(schema, format_checker=checker).iter_errors(document))


def test_sarif_validates_against_the_official_schema() -> None:
    document = json.loads(rendered("sarif"))
    assert sarif_errors(document) == []
    run = document["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == ["DM101", "DM102", "DM104", "RT201"]
    assert [(r["ruleId"], rules[r["ruleIndex"]]) for r in run["results"]] == [
        (r["ruleId"], r["ruleId"]) for r in run["results"]]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"forms/venue%20check-in.yaml", "forms/health.yaml"}


@pytest.mark.parametrize("name", ["venue check-in.yaml", "a#b.yaml", "100%.yaml", "why?.yaml", "c:d.yaml",
                                  "登记表.yaml", "café [v2].yaml"])
def test_sarif_uris_are_percent_encoded_and_read_back_as_the_path(tmp_path: Path, name: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from urllib.parse import unquote

    monkeypatch.chdir(tmp_path)
    (tmp_path / "forms").mkdir()
    shutil.copy(SAMPLES / "venue-check-in-minimal.yaml", tmp_path / "forms" / name)
    (tmp_path / "forms" / "broken.yaml").write_text("fields: [", "utf-8")
    os.rename(tmp_path / "forms" / "broken.yaml", tmp_path / "forms" / f"broken {name}")
    result = run_formlint("check", "--output-format", "sarif", "--policy", "general", "--purpose", "newsletter",
                          "forms", cwd=tmp_path)
    document = json.loads(result.stdout)
    assert sarif_errors(document) == []
    run = document["runs"][0]
    located = [*run["results"], *run["invocations"][0]["toolExecutionNotifications"]]
    uris = {item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for item in located}
    assert {unquote(uri) for uri in uris} == {f"forms/{name}", f"forms/broken {name}"}


def test_sarif_rules_carry_category_and_legal_source_tags() -> None:
    run = json.loads(rendered("sarif"))["runs"][0]
    tags = {r["id"]: r["properties"]["tags"] for r in run["tool"]["driver"]["rules"]}
    assert tags["RT201"][0] == "retention" and "PIPL Art. 17(1)(2), 19" in tags["RT201"]
    assert tags["DM102"][0] == "data-minimisation" and "GDPR Art. 9(1)" in tags["DM102"]


def test_sarif_help_uri_is_the_rule_page_in_the_run_language() -> None:
    from formlint.links import DOCS_URL

    for lang, prefix in (("en", ""), ("zh", "zh/")):
        rules = json.loads(rendered("sarif", lang))["runs"][0]["tool"]["driver"]["rules"]
        assert [r["helpUri"] for r in rules] == [f"{DOCS_URL}{prefix}rules/{r['id']}/" for r in rules]


def test_sarif_in_chinese_keeps_ids_levels_and_law_tags() -> None:
    english, chinese = (json.loads(rendered("sarif", lang))["runs"][0] for lang in ("en", "zh"))
    rules = {r["id"]: r for r in chinese["tool"]["driver"]["rules"]}
    assert rules["RT201"]["shortDescription"]["text"] == "没有说明保存期限。"
    assert [r["properties"] for r in chinese["tool"]["driver"]["rules"]] == [
        r["properties"] for r in english["tool"]["driver"]["rules"]]
    assert [(r["ruleId"], r["level"], r["partialFingerprints"]) for r in chinese["results"]] == [
        (r["ruleId"], r["level"], r["partialFingerprints"]) for r in english["results"]]
    assert chinese["results"][0]["message"]["text"] == f"{t('RT201.message', 'zh')}。建议：{t('RT201.help', 'zh')}"


def test_fingerprints_ignore_lines_and_messages_but_not_fields() -> None:
    one, reworded = msg("DM101.message", field="name", purpose="a"), msg("DM101.message", field="Name", purpose="b")
    base = finding("DM101", Severity.WARNING, one, "forms/a.yaml", 9, 5, "name")
    moved = finding("DM101", Severity.WARNING, reworded, "forms/a.yaml", 40, 7, "name")
    other = finding("DM101", Severity.WARNING, one, "forms/a.yaml", 9, 5, "phone")
    assert fingerprints([base]) == fingerprints([moved]) != fingerprints([other])
    assert len(set(fingerprints([base, moved]))) == 2  # repeats on one field stay unique


def test_junit_has_one_suite_per_form_and_unique_case_names() -> None:
    root = ET.fromstring(rendered("junit"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["forms/venue check-in.yaml", "forms/clean.yaml", "forms/health.yaml", "forms/broken.yaml"]
    venue = [c.get("name") for c in suites["forms/venue check-in.yaml"].iter("testcase")]
    assert venue == ["RT201 forms/venue check-in.yaml:3:1", "DM102 forms/venue check-in.yaml:13:5",
                     "DM104 forms/venue check-in.yaml:13:5"]
    [clean] = suites["forms/clean.yaml"].iter("testcase")
    assert list(clean) == [] and suites["forms/clean.yaml"].get("failures") == "0"
    failure = suites["forms/venue check-in.yaml"].find("testcase[2]/failure")
    assert failure is not None and failure.get("message", "").endswith("PIPL\\nArt. 28")


def test_github_annotations_escape_data_and_properties() -> None:
    from formlint.reporters.github import annotation

    item = finding("DM104", Severity.ERROR, msg("DM104.message", key="f", label="50% of a,b:\nc"),
                   "dir,x/a:b.yaml", 2, 3, "f")
    assert annotation(item) == ("::error file=dir%2Cx/a%3Ab.yaml,line=2,col=3,title=DM104::"
                                "Field `f` (50%25 of a,b:\\nc) could not be classified. Help: " + t("DM104.help"))
    # The label's newline is shown (`\\n`), not sent as %0A: one annotation, one line.


def test_gitlab_issues_have_the_required_keys_and_unique_fingerprints() -> None:
    issues = json.loads(rendered("gitlab"))
    assert all(set(i) == {"description", "check_name", "fingerprint", "severity", "location"} for i in issues)
    assert [i["severity"] for i in issues] == ["critical", "critical", "info", "major"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_markdown_cells_escape_pipes_newlines_and_html() -> None:
    text = rendered("markdown")
    row = next(line for line in text.splitlines() if line.startswith("| 13 | DM102"))
    assert "职业 \\| &lt;occupation&gt;" in row and row.count("|") - row.count("\\|") == 6
    assert "PIPL\\\\nArt" in row


def test_statistics_count_a_rule_once_per_severity_it_was_reported_at() -> None:
    from formlint.reporters.statistics import render

    path = "forms/return.yaml"
    sensitive = msg("DM102.message", field="x", purpose="p", citation="c")
    findings = [finding("DM102", Severity.WARNING, sensitive, path, 5, 5, "id_number"),
                *(finding("DM102", Severity.ERROR, sensitive, path, line, 5, f"f{line}") for line in (7, 9)),
                finding("RT201", Severity.ERROR, msg("RT201.message"), path, 1, 1)]
    text = render(Report([result(path, findings)], []), OPTIONS)
    assert text == ("2  DM102  [error] rule-dm102\n"
                    "1  DM102  [warning] rule-dm102\n"
                    "1  RT201  [error] rule-rt201\n")


class _Pieces(io.StringIO):
    """A stream that counts the writes it receives."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_writing_to_a_stream_gives_the_rendered_text(name: str) -> None:
    out = _Pieces()
    writer(name)(shared_report(), OPTIONS, out)
    assert out.getvalue() == renderer(name)(shared_report(), OPTIONS)


@pytest.mark.parametrize("name", ["full", "json", "json-lines"])
def test_outputs_that_grow_with_the_tree_are_written_piece_by_piece(name: str) -> None:
    """A tree of 20,000 forms must not hold its whole report text in memory: each
    form's findings go to the stream as they are rendered."""
    out = _Pieces()
    report = shared_report()
    writer(name)(report, OPTIONS, out)
    assert out.writes >= sum(1 for r in report.results if r.findings) >= 2


def test_streamed_json_is_laid_out_as_one_json_dumps_lays_it_out() -> None:
    text = renderer("json")(shared_report(), OPTIONS)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    empty = renderer("json")(Report(), OPTIONS)
    assert empty == json.dumps(json.loads(empty), ensure_ascii=False, indent=2) + "\n"
