"""`formlint serve` without a browser: what one upload gives back, the limits, the
options, and that the web stack stays out of the CLI's start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT, SAMPLES

from formlint.cli import app
from formlint.cli.serve import is_loopback
from formlint.serve.checking import SAMPLES as OFFERED, Pick, check_upload, server_setup, safe_name, sample_text

SETUP = server_setup((), "en", 1000)


def test_an_upload_gives_the_report_json_and_sarif() -> None:
    raw = (SAMPLES / "qingdao-property-return.yaml").read_bytes()
    answer = check_upload(raw, Pick("q.yaml", "epidemic-registration", lang="zh"), server_setup((), "en", 10**6))
    assert answer["ok"] and answer["summary"].startswith("已检查 1 个表单、13 个字段")
    assert '<html lang="zh-Hans">' in answer["report"]
    assert json.loads(answer["json"])["summary"]["fields"] == 13
    assert json.loads(answer["sarif"])["version"] == "2.1.0"


def test_the_page_and_its_report_give_titles_in_the_chosen_language() -> None:
    from html import unescape

    from formlint.serve.page import render_page

    setup = server_setup((), "en", 10**6)
    policy = setup.policies["epidemic-registration"]
    purpose = policy.purposes["return-to-community"]
    menus = json.loads(unescape(render_page(setup, "zh").split('id="policies">', 1)[1].split("</script>", 1)[0]))
    assert menus["epidemic-registration"]["title"] == policy.titles["zh"]
    assert [purpose.id, purpose.titles["zh"]] in menus["epidemic-registration"]["purposes"]
    raw = (SAMPLES / "qingdao-property-return.yaml").read_bytes()
    report = unescape(check_upload(raw, Pick("q.yaml", "epidemic-registration", lang="zh"), setup)["report"])
    for titled in (policy, purpose):
        assert titled.titles["zh"] in report and titled.title not in report


def test_a_chosen_purpose_overrides_the_declared_one() -> None:
    raw = (SAMPLES / "venue-check-in-minimal.yaml").read_bytes()
    answer = check_upload(raw, Pick("v.yaml", "epidemic-registration", "pharmacy-purchase"), server_setup((), "en", 10**6))
    assert json.loads(answer["json"])["forms"][0]["purpose"] == "pharmacy-purchase"


@pytest.mark.parametrize("name, raw, expected", [
    ("broken.yaml", b"fields: [\n", "broken.yaml:2:1: error: invalid YAML"),
    ("big.yaml", b"#" * 1001, "big.yaml:1:1: error: input is 1,001 bytes, over the 1,000-byte limit"),
    ("form.txt", b"x", "form.txt:1:1: error: unrecognised file type"),
])
def test_bad_input_is_one_error_line(name: str, raw: bytes, expected: str) -> None:
    answer = check_upload(raw, Pick(name, "epidemic-registration"), SETUP)
    assert answer["ok"] is False and answer["error"].startswith(expected) and "\n" not in answer["error"]


def test_an_unknown_policy_is_an_error_line() -> None:
    answer = check_upload(b"fields: []\n", Pick("f.yaml", "no-such-policy"), SETUP)
    assert answer == {"ok": False, "error": "formlint: error: unknown policy 'no-such-policy'"}


@pytest.mark.parametrize("raw, clean", [
    ("../../etc/passwd", "passwd"), ("C:\\forms\\表单.xlsx", "表单.xlsx"), ("a\x1b[31mb.yaml", "a[31mb.yaml"),
    ("", "form"), ("x" * 300 + ".yaml", "x" * 200),
])
def test_upload_names_are_reduced_to_a_plain_base_name(raw: str, clean: str) -> None:
    assert safe_name(raw) == clean


def test_the_policy_named_on_the_command_line_comes_first_and_packs_are_left_out() -> None:
    setup = server_setup(("venue-check-in-england",), "en", 1)
    assert setup.default_policy == next(iter(setup.policies)) == "venue-check-in-england"
    assert "epidemic-registration" in setup.policies
    assert all(p.purposes for p in setup.policies.values())


def test_the_offered_samples_are_the_repository_samples() -> None:
    for name in OFFERED:
        assert sample_text(name) == (SAMPLES / name).read_text("utf-8")
    assert sample_text("../pyproject.toml") is None


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("[::1]", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                            ("example.org", False)])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_warns_when_not_on_loopback_and_opens_no_browser_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    started: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(kw, app=app))
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "9", "--no-browser"])
    assert result.exit_code == 0, result.output
    assert "warning: --host 0.0.0.0 is not a loopback address" in result.output
    assert started["host"] == "0.0.0.0" and started["port"] == 9


def test_serve_help_imports_no_web_stack() -> None:
    probe = ("import runpy, sys\nsys.argv = ['formlint', 'serve', '--help']\n"
             "try:\n    runpy.run_module('formlint', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=60)
    assert "--no-browser" in shown.stdout
    assert shown.stdout.strip().splitlines()[-1] == "[]", shown.stderr


NEWSLETTER = b"""title: Subscribe to our newsletter
fields:
  - key: email
    label: Email address
    type: email
  - key: religion
    label: Religion
"""


def test_recognise_checks_against_the_purpose_it_recognises_and_says_why() -> None:
    answer = check_upload(NEWSLETTER, Pick("n.yaml", "general", "recognise"), server_setup((), "en", 10**6))
    assert answer["ok"], answer
    form = json.loads(answer["json"])["forms"][0]
    assert (form["purpose"], form["purpose_origin"]) == ("newsletter", "recognised")
    assert answer["recognition"].startswith("looks like newsletter (confidence 1.00)")
    assert "recognised from the form" in answer["report"]


def test_a_declared_purpose_is_not_answered_with_a_recognition_when_not_asked() -> None:
    answer = check_upload(NEWSLETTER, Pick("n.yaml", "general", "newsletter"), server_setup((), "en", 10**6))
    assert answer["ok"] and "recognition" not in answer
