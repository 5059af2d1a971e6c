"""`formlint classify`: sections, --explain, and form text that cannot fool a terminal."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SAMPLES, run_formlint

FORM = (
    "survey,,,\n"
    ",type,name,label\n"
    ",begin group,mh,Mental health\n"
    ",integer,q1,How often in the past four weeks did you feel nervous?\n"
    ",end group,,\n"
    ",text,phone,Phone number\n"
)


def _form(tmp_path: Path, text: str = FORM) -> Path:
    path = tmp_path / "survey.csv"
    path.write_text(text, "utf-8")
    return path


def test_text_shows_the_section_each_field_sits_in(tmp_path: Path) -> None:
    result = run_formlint("classify", str(_form(tmp_path)))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "  § Mental health"
    assert "health.condition" in lines[2] and 'section "Mental health"' in lines[2]
    assert lines[3] == "  § —"
    assert "contact.phone" in lines[4]


def test_explain_lists_the_candidates_under_each_field(tmp_path: Path) -> None:
    result = run_formlint("classify", "--explain", str(_form(tmp_path)))
    assert result.returncode == 0, result.stderr
    block = result.stdout.split("health.condition", 1)[1].split("contact.phone", 1)[0]
    assert "section: section" in block
    assert "none" in block and "label: label" in block


def test_json_has_the_section_and_with_explain_the_candidates(tmp_path: Path) -> None:
    plain = json.loads(run_formlint("classify", "--format", "json", str(_form(tmp_path))).stdout)
    field = plain["forms"][0]["fields"][0]
    assert field["section"] == ["Mental health"]
    assert "candidates" not in field
    explained = json.loads(
        run_formlint("classify", "--format", "json", "--explain", str(_form(tmp_path))).stdout
    )
    candidates = explained["forms"][0]["fields"][0]["candidates"]
    assert candidates[0] == {
        "category": "health.condition",
        "score": 0.55,
        "source": "section",
        "evidence": field["evidence"],
    }


def test_control_characters_in_form_text_are_escaped(tmp_path: Path) -> None:
    text = "survey,,,\n,type,name,label\n,text,na\x1b[2Jme,Name\n"
    result = run_formlint("classify", str(_form(tmp_path, text)))
    assert "\x1b" not in result.stdout
    assert "na\\x1b[2Jme" in result.stdout


def test_an_unknown_input_format_is_a_usage_error_as_for_check() -> None:
    result = run_formlint("classify", "--input-format", "nope", str(SAMPLES / "venue-check-in-minimal.yaml"))
    assert result.returncode == 2
    assert result.stderr.startswith("formlint: error: unknown --input-format 'nope'; choose from ")
    assert len(result.stderr.splitlines()) == 1
