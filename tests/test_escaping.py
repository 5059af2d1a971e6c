"""A form cannot speak for formlint: every output escapes what a form, a file name
or a configuration put into it.

Hostile reports are rendered in every format; each output must parse and hold no
line, annotation, XML error or HTML element that the report's own structure did
not earn. The property test feeds arbitrary strings (control characters, ESC
sequences, lone surrogates, HTML, Markdown) into key, label, notice and path and
runs the real rules on them.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formlint import escape
from formlint.pipeline import check_form
from formlint.settings import FileSettings
from formlint.errors import FormError
from formlint.model import Field, Finding, Form, Location, Notice, Report, Severity
from formlint.policy import load_policy
from formlint.reporters import REPORTERS, RenderOptions, renderer

from conftest import run_formlint

INJECTIONS = [
    "Zork\n::error file=README.md,line=1::FORGED",
    "x\r\n::warning::FORGED",
    "\x1b[2J\x1b[31mred",
    "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
    "U+0001 \x01 and ESC \x1b",
    "<img src=https://evil.example/p.png>",
    "</details><h1>ALL CLEAR</h1><details>",
    "| cell | break |",
    "`code` **bold** [link](https://evil.example) @octocat :tada:",
    "lone \ud800 surrogate",
    "\u202eevil\u202c bidi \u2028 separator \x85 nel",
]
POLICY = load_policy()
PURPOSE = POLICY.default_purpose or next(iter(POLICY.purposes))


def hostile_report(text: str, path: str) -> Report:
    """One form run through the real rules with `text` as key, label and notice, and
    `path` as its file; one unreadable file with the same text in path and message."""
    field = Field(text or "k", {"en": text}, location=Location(4, 3))
    form = Form(path, "native", (field,), title=text, purpose=PURPOSE, notice=Notice(text=text, retention=text))
    result = check_form(form, _options())
    planted = Finding("DM102", Severity.ERROR, f"Field `{text}` ({text}) is sensitive", path, 4, 3,
                      help=text, law=text, field_key=text, evidence=text, rule_name="x")
    result = dataclasses.replace(result, findings=(*result.findings, planted), suppressed=())
    return Report([result], [FormError(path, f"invalid YAML: {text}", 2, 1)])


def _options() -> FileSettings:
    return FileSettings(policy=POLICY, purpose=PURPOSE)


def render_all(report: Report) -> dict[str, str]:
    options = RenderOptions(POLICY)
    return {name: renderer(name)(report, options) for name in REPORTERS}


UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _lines(text: str) -> list[str]:
    # What a CI log or a terminal treats as line breaks.
    return re.split(r"\r\n|\r|\n|\x85|\u2028|\u2029", text.rstrip("\n"))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1


def markdown_elements(text: str) -> Counter[str]:
    from markdown_it import MarkdownIt

    parser = _Tags()
    parser.feed(MarkdownIt("gfm-like", {"linkify": False}).render(text))
    return parser.tags


def assert_outputs_hold_only_what_they_earned(report: Report, outputs: dict[str, str]) -> None:
    findings, errors = len(report.findings), len(report.errors)
    for name, text in outputs.items():
        text.encode("utf-8")  # writable: no lone surrogate reaches any output
        assert not UNSAFE.search(text), name
        assert not any(line.lstrip().startswith("::") for line in _lines(text)) or name == "github", name
    full_blocks = sum(1 for r in report.results if r.findings)
    assert len(_lines(outputs["full"])) == 3 * findings + full_blocks + 1
    assert len(_lines(outputs["concise"])) == findings + 1
    github = _lines(outputs["github"])
    assert len(github) == findings + errors
    assert all(re.match(r"::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,title=[^:]*::", line) for line in github)
    root = ET.fromstring(outputs["junit"])
    assert len(list(root.iter("testcase"))) == findings + errors
    assert len(list(root.iter("failure"))) == findings and len(list(root.iter("error"))) == errors
    assert json.loads(outputs["json"])["findings"] == [json.loads(line) for line in _lines(outputs["json-lines"])]
    assert json.loads(outputs["json"])["errors"][0]["message"] == report.errors[0].message
    assert len(json.loads(outputs["sarif"])["runs"][0]["results"]) == findings
    assert len(json.loads(outputs["gitlab"])) == findings
    elements = markdown_elements(outputs["markdown"])
    forms_with_findings = sum(1 for r in report.results if r.findings)
    assert elements["h3"] == 1
    assert set(elements) <= {"h3", "p", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "code", "ul", "li"}
    assert elements["tr"] == 1 + len(report.results) + forms_with_findings + findings
    assert elements["details"] == elements["summary"] == forms_with_findings
    assert elements["li"] == errors


@pytest.mark.parametrize("text", INJECTIONS)
def test_hostile_text_in_key_label_notice_and_path_earns_nothing(text: str) -> None:
    report = hostile_report(text, f"forms/{text}.yaml")
    assert_outputs_hold_only_what_they_earned(report, render_all(report))


def test_markdown_shows_html_from_a_label_as_text() -> None:
    report = hostile_report("<h1>ALL CLEAR</h1></details><img src=x>", "forms/a.yaml")
    markdown = render_all(report)["markdown"]
    assert "&lt;h1&gt;ALL CLEAR&lt;/h1&gt;" in markdown  # message cells: entities
    assert "| `<h1>ALL CLEAR</h1></details><img src=x>` |" in markdown  # keys: code spans, shown literally
    assert not {"h1", "img"} & set(markdown_elements(markdown))


def test_terminal_output_shows_control_characters_visibly_even_without_colour() -> None:
    report = hostile_report("Zork\n::error::x \x1b[2J", "forms/a.yaml")
    full = render_all(report)["full"]
    assert "Zork\\n::error::x \\x1b[2J" in full and "\x1b" not in full


def test_junit_stays_well_formed_with_u0001_in_a_label_and_esc_in_a_path() -> None:
    report = hostile_report("label \x01 here", "forms/\x1b[31mred.yaml")
    root = ET.fromstring(render_all(report)["junit"])
    names = [suite.get("name") for suite in root.iter("testsuite")]
    assert names == ["forms/\\x1b[31mred.yaml", "forms/\\x1b[31mred.yaml"]


def test_json_outputs_keep_the_exact_text_and_stay_utf8() -> None:
    report = hostile_report("lone \ud800 and \x1b", "forms/a.yaml")
    document = json.loads(render_all(report)["json"].encode("utf-8"))
    assert document["findings"][-1]["field"] == "lone \ud800 and \x1b"


def test_a_relative_path_starting_with_colons_is_not_a_workflow_command() -> None:
    assert escape.terminal_path("::error file=x::y.yaml") == "./::error file=x::y.yaml"
    assert escape.terminal_path(" ::error::y.yaml") == "./ ::error::y.yaml"
    assert escape.terminal_path("/abs/::x") == "/abs/::x"


def test_code_span_survives_backticks_and_pipes() -> None:
    assert escape.code_span("a`b|c") == "``a`b\\|c``"
    assert escape.code_span("`x`") == "`` `x` ``"


BLOCKS = st.sampled_from(INJECTIONS + ["::", "%0A", "&amp;", "\\", "\t", "   ", ".", "-", "#", ">"])
TEXT = st.lists(st.one_of(st.text(st.characters(exclude_categories=()), max_size=12), BLOCKS),
                min_size=1, max_size=4).map("".join)


@settings(max_examples=int(os.environ.get("FORMLINT_PROPERTY_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(key=TEXT, label=TEXT, notice=TEXT, path=TEXT)
def test_property_no_output_holds_a_line_or_element_the_form_did_not_earn(key: str, label: str, notice: str,
                                                                          path: str) -> None:
    field = Field(key or "k", {"en": label}, location=Location(4, 3))
    form = Form(f"forms/{path}.yaml", "native", (field,), title=label, purpose=PURPOSE,
                notice=Notice(text=notice, retention=notice))
    result = check_form(form, _options())
    report = Report([result], [FormError(form.path, f"invalid YAML near {key!r}: {label}", 2, 1)])
    assert_outputs_hold_only_what_they_earned(report, render_all(report))


def test_stderr_error_line_from_a_hostile_file_name_is_one_line(tmp_path: Path) -> None:
    name = "x\n::error file=README.md::PATH-INJECT.yaml"
    (tmp_path / name).write_text("fields: [\n", "utf-8")
    result = run_formlint("check", str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert not any(line.lstrip().startswith("::") for line in lines)
    assert any("x\\n::error file=README.md::PATH-INJECT.yaml" in line for line in lines)


def test_stderr_error_line_from_a_hostile_key_is_one_line(tmp_path: Path) -> None:
    form = tmp_path / "form.html"
    form.write_text('<form><input name="x&#10;::error file=README.md,line=1::STDERR-INJECT" '
                    'data-formlint-category="no.such"></form>', "utf-8")
    result = run_formlint("check", "--purpose", PURPOSE, str(form))
    lines = result.stderr.splitlines()
    assert not any(line.lstrip().startswith("::") for line in lines), result.stderr


def html_elements(text: str) -> Counter[str]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


def test_html_report_holds_no_element_a_label_wrote() -> None:
    hostile = "<img src=x></details><h1>ALL CLEAR</h1><script>alert(1)</script>\x1b[2J"
    benign = html_elements(render_all(hostile_report("plain", "forms/a.yaml"))["html"])
    written = render_all(hostile_report(hostile, "forms/a.yaml"))["html"]
    elements = html_elements(written)
    assert elements["img"] == benign["img"] and elements["script"] == benign["script"]
    assert elements["h1"] == benign["h1"] and "\x1b" not in written and "\\x1b[2J" in written
