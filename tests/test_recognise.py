"""Purpose recognition: which purpose of the policy a form most likely serves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from formlint.classify import classify
from formlint.model import Field, Form, Notice
from formlint.policy import load_policy, parse_policy
from formlint.recognise import AUTO_THRESHOLD, Recognition, explain, recognise
from formlint.taxonomy import load_taxonomy

LABELLED = Path(__file__).parent / "fixtures" / "recognition" / "labelled.yaml"
# The figure docs/purposes.md reports; a floor a little under it, so a regression fails.
LABELLED_FLOOR = 28


def _form(case: dict[str, Any], name: str = "case") -> Form:
    fields = tuple(
        Field(key=f"f{index}", label={"en": spec["label"]}, type=spec.get("type"),
              section=(spec["section"],) if "section" in spec else ())
        for index, spec in enumerate(case["fields"]))
    return Form(path=name, format="native", fields=fields, title=case.get("title"),
                notice=Notice(text=case.get("notice", "")))


def _recognise(case: dict[str, Any], policy_name: str = "general") -> Recognition:
    taxonomy = load_taxonomy()
    form = _form(case)
    classes = {f.key: classify(f, taxonomy) for f in form.fields}
    return recognise(form, classes, load_policy(policy_name), taxonomy)


def _labelled() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(LABELLED.read_text("utf-8"))
    return cases


def test_the_labelled_set_has_thirty_forms_of_at_least_twenty_purposes() -> None:
    cases = _labelled()
    policy = load_policy("general")
    assert len(cases) == 30
    assert all(c["expected"] in policy.purposes for c in cases)
    assert len({c["expected"] for c in cases}) >= 20


def test_recognition_finds_the_reviewers_purpose_on_the_labelled_forms() -> None:
    results = [(c["expected"], _recognise(c)) for c in _labelled()]
    right = sum(1 for expected, found in results if found.purpose == expected)
    confident = [(expected, found) for expected, found in results if found.confident]
    wrong_when_confident = [(e, f.purpose) for e, f in confident if f.purpose != e]
    assert right >= LABELLED_FLOOR, [(e, f.purpose) for e, f in results if f.purpose != e]
    assert not wrong_when_confident
    assert len(confident) >= 25


def test_the_readme_and_the_purposes_page_give_the_labelled_figure_as_measured() -> None:
    root = Path(__file__).parent.parent
    results = [(c["expected"], _recognise(c)) for c in _labelled()]
    right = sum(1 for expected, found in results if found.purpose == expected)
    stated = f"{right} of {len(results)}"
    assert f"({stated} forms of a labelled check" in (root / "README.md").read_text("utf-8")
    assert f"**{stated}** are recognised correctly" in (root / "docs" / "purposes.md").read_text("utf-8")


def test_evidence_names_the_title_and_the_share_of_typical_fields() -> None:
    case = {"title": "Traveller health declaration",
            "fields": [{"label": "Full name"}, {"label": "Do you have a fever?"},
                       {"label": "Do you have a cough?"}, {"label": "Cities visited in the last 14 days"}]}
    found = _recognise(case)
    text = explain(found)
    assert found.purpose == "health-declaration" and found.confident
    assert text.startswith("looks like health-declaration (confidence ")
    assert 'title "Traveller health declaration"' in text
    assert "3 of 4 fields are health.condition, location.travel_history" in text


def test_evidence_in_chinese() -> None:
    case = {"title": "访客登记", "fields": [{"label": "访客姓名"}, {"label": "来访时间"}, {"label": "被访人"}]}
    text = explain(_recognise(case), "zh")
    assert text.startswith("疑似用途 `visitor-registration`（置信度 ")
    assert "标题“访客登记”" in text


def test_a_form_with_nothing_to_go_on_is_not_recognised_with_confidence() -> None:
    found = _recognise({"fields": [{"label": "Name"}]})
    assert not found.confident and found.confidence < AUTO_THRESHOLD


def test_a_form_without_personal_fields_or_cues_fits_nothing() -> None:
    found = _recognise({"fields": [{"label": "Favourite colour"}]})
    assert found.purpose is None and explain(found) == "no purpose of the policy fits this form"


def test_cues_come_from_the_policy_yaml(tmp_path: Path) -> None:
    text = ("id: bakery\ntitle: Bakery\nsource: test\npurposes:\n"
            "  cake-order:\n    title: Cake order\n    source: test\n    necessary: [identity.name, contact.phone]\n"
            "    recognition:\n      terms: {en: [birthday cake]}\n"
            "  bread-club:\n    title: Bread club\n    source: test\n    necessary: [identity.name, contact.phone]\n"
            "    recognition:\n      terms: {en: [sourdough club]}\n")
    policy = parse_policy(text, str(tmp_path / "bakery.yaml"))
    taxonomy = load_taxonomy()
    for title, expected in (("Order a birthday cake", "cake-order"), ("Join the sourdough club", "bread-club")):
        form = _form({"title": title, "fields": [{"label": "Name"}, {"label": "Phone"}]})
        classes = {f.key: classify(f, taxonomy) for f in form.fields}
        assert recognise(form, classes, policy, taxonomy).purpose == expected


@pytest.mark.parametrize("title", ["Contact us", "联系我们"])
def test_latin_phrases_match_whole_words_and_chinese_anywhere(title: str) -> None:
    assert _recognise({"title": title, "fields": [{"label": "Email"}, {"label": "Message"}]}).purpose == "contact-enquiry"


def test_a_phrase_inside_a_longer_word_does_not_count() -> None:
    # "register" must not be found inside "registered"-like longer words, nor "member" in "remember".
    found = _recognise({"title": "Remember me", "fields": [{"label": "Favourite colour"}]})
    assert found.purpose is None


COMPLAINT = """title: Make a complaint
notice: We handle your complaint and reply within 20 working days.
fields:
  - {key: name, label: Full name}
  - {key: email, label: Email, type: email}
  - {key: complaint, label: What is your complaint about?, type: textarea}
  - {key: religion, label: Religion}
"""


def _check_json(tmp_path: Path, text: str, *options: str) -> dict[str, Any]:
    import json

    from conftest import run_formlint

    (tmp_path / "form.yaml").write_text(text, "utf-8")
    result = run_formlint("check", "--output-format", "json", *options, "form.yaml", cwd=tmp_path)
    assert result.returncode in (0, 1) and result.stderr == "", result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_without_auto_a_form_without_purpose_is_checked_but_excess_is_not_judged(tmp_path: Path) -> None:
    report = _check_json(tmp_path, COMPLAINT)
    codes = [f["code"] for f in report["findings"]]
    assert "DM100" in codes and "DM102" not in codes and "DM107" in codes
    [form] = report["forms"]
    assert (form["purpose"], form["purpose_origin"]) == (None, "none")
    assert form["recognition"]["purpose"] == "complaint" and form["recognition"]["confident"]


def test_purpose_auto_judges_excess_against_the_recognised_purpose_and_says_so(tmp_path: Path) -> None:
    report = _check_json(tmp_path, COMPLAINT, "--purpose", "auto")
    [form] = report["forms"]
    assert (form["purpose"], form["purpose_origin"]) == ("complaint", "recognised")
    religion = next(f for f in report["findings"] if f["code"] == "DM102")
    assert religion["field"] == "religion"
    assert all("purpose `complaint` recognised, not declared" in f["law"] for f in report["findings"])
    dm100 = next(f for f in report["findings"] if f["code"] == "DM100")
    assert "checked against the recognised purpose `complaint`" in dm100["message"]


def test_purpose_auto_stays_silent_on_excess_when_recognition_is_unsure(tmp_path: Path) -> None:
    report = _check_json(tmp_path, "fields:\n  - {key: name, label: Name}\n  - {key: religion, label: Religion}\n",
                         "--purpose", "auto")
    [form] = report["forms"]
    assert form["purpose_origin"] == "none" and not form["recognition"]["confident"]
    assert not [f for f in report["findings"] if f["code"] in ("DM101", "DM102")]
    dm100 = next(f for f in report["findings"] if f["code"] == "DM100")
    assert "excess collection was not judged" in dm100["message"] and "confidence 0." in dm100["message"]


def test_a_declared_purpose_wins_over_auto(tmp_path: Path) -> None:
    report = _check_json(tmp_path, "purpose: newsletter\n" + COMPLAINT, "--purpose", "auto")
    [form] = report["forms"]
    assert (form["purpose"], form["purpose_origin"]) == ("newsletter", "declared")
    assert "DM100" not in [f["code"] for f in report["findings"]]


def test_a_run_whose_outputs_do_not_show_recognition_recognises_only_forms_without_a_purpose(tmp_path: Path) -> None:
    """Recognition of a form that declares its purpose is shown only in JSON; without
    such an output it is skipped, and a form without a purpose is still recognised
    (DM100 says what it looks like)."""
    from dataclasses import replace as with_

    from formlint.formats import load_form
    from formlint.pipeline import check_form
    from formlint.policy import load_policy
    from formlint.settings import FileSettings

    declared = tmp_path / "declared.yaml"
    declared.write_text("purpose: venue-check-in\nfields:\n  - key: name\n    label: Name\n", "utf-8")
    silent = tmp_path / "silent.yaml"
    silent.write_text("title: Venue check-in\nfields:\n  - key: name\n    label: Name\n", "utf-8")
    options = with_(FileSettings(policy=load_policy()), recognise_declared=False)
    assert check_form(load_form(str(declared)), options).recognition is None
    assert check_form(load_form(str(declared)), FileSettings(policy=load_policy())).recognition is not None
    without = check_form(load_form(str(silent)), options)
    assert without.recognition is not None and any(f.code == "DM100" for f in without.findings)


def test_json_output_shows_recognition_of_a_form_that_declares_its_purpose(tmp_path: Path) -> None:
    from formlint.cli.check_run import _shows_recognition
    from formlint.settings import Request, resolve

    form = tmp_path / "declared.yaml"
    form.write_text("purpose: venue-check-in\nfields:\n  - key: name\n    label: Name\n", "utf-8")
    assert _shows_recognition(resolve(Request(paths=[str(form)], output_formats=("json",), isolated=True)))
    from conftest import run_formlint

    assert not _shows_recognition(resolve(Request(paths=[str(form)], output_formats=("full", f"sarif:{tmp_path / 'out.sarif'}"),
                                                   isolated=True)))
    result = run_formlint("check", "--isolated", "--exit-zero", "--output-format", "json", str(form))
    [shown] = json.loads(result.stdout)["forms"]
    assert shown["purpose_origin"] == "declared" and shown["recognition"] is not None
