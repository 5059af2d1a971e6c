"""`formlint fix` and `formlint notice`: changes that answer findings, made without
losing a byte the fix did not need to touch, and drafted notices."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import Result

from conftest import ROOT, SAMPLES, cli_runner

from formlint.i18n import t
from formlint.policy import load_policy

GOLDEN = Path(__file__).parent / "golden"
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.yaml"))


def invoke(cwd: Path, *args: str) -> Result:
    from formlint.cli import app

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        patch.setenv("NO_COLOR", "1")
        return cli_runner().invoke(app, list(args), catch_exceptions=False)


def findings(cwd: Path, *args: str) -> list[dict[str, object]]:
    result = invoke(cwd, "check", "--isolated", "--output-format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def codes(cwd: Path, *args: str) -> list[str]:
    return sorted(str(f["code"]) for f in findings(cwd, *args))


def kept_in_order(original: str, fixed: str, inserted: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    """Every line of `fixed` is a line of `original`, byte for byte and in the same order,
    except the lines in `inserted`, a `required` flag turned off, and a comma added or
    dropped at the end of a line whose neighbour was inserted or removed."""
    import difflib

    old = original.splitlines(keepends=True)
    new = fixed.splitlines(keepends=True)
    removed = {line.rstrip("\r\n").rstrip(",") for line in old}
    for tag, _, _, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("equal", "delete"):
            continue
        for line in new[j1:j2]:
            bare = line.rstrip("\r\n").rstrip(",")
            if line in inserted or bare in removed or bare.strip() in ("required: false", '"isRequired": false'):
                continue
            return False
    return True


# ----------------------------------------------------------------- every sample


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_fix_write_leaves_no_excess_or_retention_finding_and_keeps_every_other_byte(tmp_path: Path, name: str) -> None:
    form = tmp_path / name
    shutil.copy(SAMPLES / name, form)
    before = form.read_text("utf-8")
    had = codes(tmp_path, name)
    result = invoke(tmp_path, "fix", "--isolated", "--write", name)
    assert result.exit_code in (0, 1), result.output
    after = form.read_text("utf-8")
    left = codes(tmp_path, name)
    assert not [c for c in left if c.startswith(("DM", "RT")) and c not in NOT_EXCESS], left
    inserted = {line for line in after.splitlines(keepends=True) if line.lstrip().startswith("retention:")}
    assert kept_in_order(before, after, inserted)
    # Comments survive: every comment line of the original that is not inside a removed field stays.
    assert [line for line in before.splitlines() if line.startswith("#")] == \
        [line for line in after.splitlines() if line.startswith("#")]
    assert result.exit_code == (1 if left else 0)
    if any(c.startswith(("DM", "RT")) for c in had):
        assert after != before


def test_dry_run_prints_a_diff_that_git_apply_accepts_and_writes_nothing(tmp_path: Path) -> None:
    form = tmp_path / "qingdao.yaml"
    shutil.copy(SAMPLES / "qingdao-property-return.yaml", form)
    before = form.read_bytes()
    result = invoke(tmp_path, "fix", "--isolated", "qingdao.yaml")
    assert result.exit_code == 1
    assert form.read_bytes() == before
    assert result.stdout.startswith("--- a/qingdao.yaml\n+++ b/qingdao.yaml\n")
    assert "-  - key: blood_type\n" in result.stdout
    assert "DM102 fixed `blood_type`: removed the field" in result.stderr
    assert "qingdao.yaml: 11 fixed, 4 left" in result.stderr
    if shutil.which("git"):
        import subprocess

        patch = tmp_path / "fix.diff"
        patch.write_text(result.stdout, "utf-8")
        subprocess.run(["git", "apply", "--unsafe-paths", "--directory", ".", str(patch)], cwd=tmp_path, check=True)
        assert "blood_type" not in form.read_text("utf-8")


def test_a_clean_form_is_left_alone_and_exits_zero(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "venue-check-in-minimal.yaml", tmp_path / "v.yaml")
    before = (tmp_path / "v.yaml").read_bytes()
    result = invoke(tmp_path, "fix", "--isolated", "--write", "v.yaml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "v.yaml").read_bytes() == before


# ------------------------------------------------------------------- YAML shapes

NATIVE = """\
# A test form.
id: t
purpose: venue-check-in
notice:
  text: We use this to reach you if a case was here.  # why
fields:
  - key: name
    label: Name
    required: true
  # a comment about religion
  - key: religion
    label: Religion
    required: true
  - key: phone
    label: {en: Phone}
    type: tel
  - key: job
    label: Occupation
"""


# Sensitive data the purpose needs (DM107) stays after a fix: the field is not excess.
NOT_EXCESS = ("DM107",)


def write(tmp_path: Path, name: str, text: str, newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def test_comment_out_keeps_the_field_as_comments_that_check_ignores(tmp_path: Path) -> None:
    form = write(tmp_path, "f.yaml", NATIVE)
    result = invoke(tmp_path, "fix", "--isolated", "--write", "--comment-out", "f.yaml")
    assert result.exit_code == 1, result.output  # NT302, NT303, NT305: notice facts fix cannot invent
    text = form.read_text("utf-8")
    assert "  # - key: religion\n  #   label: Religion\n  #   required: true\n" in text
    assert "  # formlint: DM102 removed by `formlint fix --comment-out`\n" in text
    assert "  # # a comment about religion\n" in text
    assert codes(tmp_path, "f.yaml") == ["NT302", "NT303", "NT305"]  # notice rules fix cannot answer


def test_crlf_line_endings_and_file_mode_are_kept(tmp_path: Path) -> None:
    form = write(tmp_path, "f.yaml", NATIVE, "\r\n")
    os.chmod(form, 0o600)
    invoke(tmp_path, "fix", "--isolated", "--write", "f.yaml")
    data = form.read_bytes()
    assert b"religion" not in data and b"job" not in data
    assert data.count(b"\n") == data.count(b"\r\n")
    assert b"  retention: \"28 days\"\r\n" in data
    assert stat.S_IMODE(form.stat().st_mode) == 0o600


def test_keep_sensitive_keeps_the_field_and_marks_it_for_separate_consent(tmp_path: Path) -> None:
    form = write(tmp_path, "f.yaml", NATIVE)
    invoke(tmp_path, "fix", "--isolated", "--write", "--keep-sensitive", "f.yaml")
    text = form.read_text("utf-8")
    assert "  # formlint: ignore[DM102] kept: sensitive, ask a separate consent" in text
    assert "  - key: religion\n" in text and "key: job" not in text
    assert "DM102" not in codes(tmp_path, "f.yaml")


def test_add_suppressions_silences_every_finding_with_the_reason(tmp_path: Path) -> None:
    form = write(tmp_path, "f.yaml", NATIVE)
    result = invoke(tmp_path, "fix", "--isolated", "--write", "--add-suppressions", "adopted in 2026", "f.yaml")
    assert result.exit_code == 0, result.output
    text = form.read_text("utf-8")
    assert text.startswith("# formlint: ignore[NT302,NT303,NT305,RT201] adopted in 2026\n")
    assert "  # formlint: ignore[DM102,NT304] adopted in 2026\n  - key: religion" in text
    assert codes(tmp_path, "f.yaml") == []


def test_the_last_field_of_a_group_is_left_with_the_reason(tmp_path: Path) -> None:
    write(tmp_path, "f.yaml", "id: t\npurpose: venue-check-in\nnotice: {retention: 7 days}\n"
          "collector: {name: Café, contact: a@b.example}\nfields:\n  - key: name\n    label: Name\n"
          "  - key: extra\n    type: group\n    fields:\n      - key: religion\n        label: Religion\n")
    result = invoke(tmp_path, "fix", "--isolated", "--write", "f.yaml")
    assert result.exit_code == 1
    assert "DM102 left `extra.religion`: it is the last entry of its list" in result.stdout


def test_a_form_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    from formlint.fixer.write import StaleFile, replace_checked

    form = write(tmp_path, "f.yaml", NATIVE)
    form.write_text(NATIVE + "  - key: added_meanwhile\n", "utf-8")
    with pytest.raises(StaleFile):
        replace_checked(str(form), b"new", NATIVE.encode("utf-8"))
    assert "added_meanwhile" in form.read_text("utf-8")


@pytest.mark.parametrize("failing", ["os.replace", "os.fsync"])
def test_a_write_that_fails_midway_leaves_the_original_intact(tmp_path: Path, failing: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    form = write(tmp_path, "f.yaml", NATIVE)

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(failing, disk_full)
    result = invoke(tmp_path, "fix", "--isolated", "--write", "f.yaml")
    assert result.exit_code == 2
    assert "f.yaml:1:1: error: cannot write the fixed form: No space left on device; the original is unchanged" \
        in result.stderr
    assert form.read_text("utf-8") == NATIVE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.yaml"]  # no temporary file left


def test_output_writes_copies_and_never_replaces_one_unasked(tmp_path: Path) -> None:
    write(tmp_path, "f.yaml", NATIVE)
    assert invoke(tmp_path, "fix", "--isolated", "--output", "fixed", "f.yaml").exit_code == 1
    assert (tmp_path / "f.yaml").read_text("utf-8") == NATIVE
    copy = tmp_path / "fixed" / "f.yaml"
    assert "religion" not in copy.read_text("utf-8")
    copy.write_text("mine", "utf-8")
    again = invoke(tmp_path, "fix", "--isolated", "--output", "fixed", "f.yaml")
    assert again.exit_code == 2 and "already exists; pass --force" in again.stderr
    assert copy.read_text("utf-8") == "mine"
    assert invoke(tmp_path, "fix", "--isolated", "--output", "fixed", "--force", "f.yaml").exit_code == 1
    assert "religion" not in copy.read_text("utf-8")


def test_write_and_output_together_are_a_usage_error(tmp_path: Path) -> None:
    from conftest import run_formlint

    write(tmp_path, "f.yaml", NATIVE)
    result = run_formlint("fix", "--write", "--output", "x", "f.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "--write and --output exclude each other" in result.stderr


# ----------------------------------------------------------------- JSON formats

SURVEYJS = {
    "title": "Visit", "x-formlint": {"purpose": "venue-check-in", "retention": "21 days",
                                     "collector": {"name": "Café", "contact": "a@b.example"}},
    "pages": [{"name": "p1", "elements": [
        {"type": "text", "name": "fullName", "title": "Full name", "isRequired": True},
        {"type": "text", "name": "religion", "title": "Religion"},
        {"type": "text", "name": "job", "title": "Occupation"},
        {"type": "text", "name": "mobile", "title": "Mobile phone", "inputType": "tel"},
    ]}],
}
FORMIO = {
    "title": "Visit", "display": "form",
    "x-formlint": {"purpose": "venue-check-in", "notice": "Used to reach you.",
                   "collector": {"name": "Café", "contact": "a@b.example"}},
    "components": [
        {"type": "textfield", "key": "name", "label": "Name", "input": True},
        {"type": "textfield", "key": "religion", "label": "Religion", "input": True},
        {"type": "phoneNumber", "key": "phone", "label": "Phone", "input": True},
    ],
}
SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#", "title": "Visit", "type": "object",
    "x-formlint": {"purpose": "venue-check-in", "retention": 21,
                   "collector": {"name": "Café", "contact": "a@b.example"}},
    "required": ["name", "religion"],
    "properties": {
        "name": {"type": "string", "title": "Name"},
        "religion": {"type": "string", "title": "Religion"},
        "phone": {"type": "string", "title": "Phone number"},
    },
}


@pytest.mark.parametrize("data,indent", [(SURVEYJS, 2), (FORMIO, 4), (SCHEMA, "\t"), (SCHEMA, None)],
                         ids=["surveyjs", "formio", "json-schema-tabs", "json-schema-minified"])
def test_json_forms_lose_the_excess_fields_and_keep_order_and_indentation(tmp_path: Path, data: dict[str, object],
                                                                          indent: int | str | None) -> None:
    text = json.dumps(data, indent=indent, ensure_ascii=False) + "\n"
    form = write(tmp_path, "f.json", text)
    assert "DM102" in codes(tmp_path, "f.json")
    result = invoke(tmp_path, "fix", "--isolated", "--write", "f.json")
    assert result.exit_code in (0, 1), result.output
    fixed = form.read_text("utf-8")
    assert not [c for c in codes(tmp_path, "f.json") if c.startswith(("DM", "RT")) and c not in NOT_EXCESS]
    assert "religion" not in fixed
    if indent is not None:
        assert kept_in_order(text, fixed, {line for line in fixed.splitlines(keepends=True) if "retention" in line})
    assert list(json.loads(fixed)) == list(data)  # key order kept


def test_xlsform_csv_rows_are_removed_and_required_cells_changed(tmp_path: Path) -> None:
    text = ("survey,,,,\n,type,name,label,required\n,text,name,Name,yes\n,text,religion,Religion,no\n"
            ",text,community,Residential community,yes\n,text,phone,Phone number,yes\n"
            ",text,co_residents,Names of people staying with you and their relationship,yes\n"
            "settings,,,,\n,form_title,purpose,,\n,Return,return-to-community,,\n")
    csv_form = write(tmp_path, "f.csv", text)
    before = codes(tmp_path, "f.csv")
    assert "DM102" in before
    invoke(tmp_path, "fix", "--isolated", "--write", "f.csv")
    fixed = csv_form.read_text("utf-8")
    assert "religion" not in fixed
    assert "DM103" in before and ",text,co_residents,Names of people staying with you and their relationship,no\n" in fixed
    assert not [c for c in codes(tmp_path, "f.csv") if c in ("DM101", "DM102", "DM103")]
    changed = {line for line in fixed.splitlines(keepends=True) if line.endswith(",no\n")}
    assert kept_in_order(text, fixed, changed)


def test_a_format_fix_cannot_edit_says_so_for_each_finding(tmp_path: Path) -> None:
    page = tmp_path / "f.html"
    page.write_text('<form><label>Name <input name="name"></label><label>Religion <input name="religion"></label>'
                    '</form>', "utf-8")
    before = page.read_bytes()
    result = invoke(tmp_path, "fix", "--isolated", "--write", "--purpose", "venue-check-in", "f.html")
    assert result.exit_code == 1
    assert page.read_bytes() == before
    assert "DM102 left `religion`: html forms are not edited by `fix` yet" in result.stdout


XFORM = """\
<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
        xmlns:jr="http://openrosa.org/javarosa">
  <h:head>
    <h:title>Return registration</h:title>
    <model>
      <itext>
        <translation lang="English (en)">
          <text id="/data/religion:label"><value>Religion</value></text>
        </translation>
      </itext>
      <instance>
        <data id="r">
          <name/>
          <religion/>
          <trip><places/><co_residents/></trip>
          <deviceid/>
        </data>
      </instance>
      <bind nodeset="/data/name" type="string" required="true()"/>
      <bind nodeset="/data/religion" type="string"/>
      <bind nodeset="/data/trip/places" type="string" required="true()"/>
      <bind nodeset="/data/trip/co_residents" type="string" required="true()"/>
      <bind nodeset="/data/deviceid" type="string" jr:preload="property" jr:preloadParams="deviceid"/>
    </model>
  </h:head>
  <h:body>
    <input ref="/data/name"><label>Full name</label></input>
    <input ref="/data/religion"><label ref="jr:itext('/data/religion:label')"/></input>
    <group ref="/data/trip">
      <label>Travel</label>
      <input ref="places"><label>Places visited in the past 14 days</label></input>
      <input ref="co_residents"><label>Names of people staying with you and their relationship</label></input>
    </group>
  </h:body>
</h:html>
"""


def test_xform_questions_are_cut_from_instance_bind_body_and_itext(tmp_path: Path) -> None:
    form = write(tmp_path, "f.xml", XFORM)
    had = codes(tmp_path, "--purpose", "return-to-community", "f.xml")
    assert {"DM101", "DM102", "DM103"} <= set(had)
    invoke(tmp_path, "fix", "--isolated", "--write", "--purpose", "return-to-community", "f.xml")
    fixed = form.read_text("utf-8")
    assert "religion" not in fixed and "deviceid" not in fixed
    assert '<bind nodeset="/data/trip/co_residents" type="string" required="false()"/>' in fixed
    left = codes(tmp_path, "--purpose", "return-to-community", "f.xml")
    assert not [c for c in left if c in ("DM101", "DM102", "DM103")], left
    changed = {line for line in fixed.splitlines(keepends=True) if "false()" in line}
    assert kept_in_order(XFORM, fixed, changed)


def test_xlsx_rows_are_deleted_and_other_sheets_and_styles_kept(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    for row in (["type", "name", "label", "required"], ["text", "name", "Full name", "yes"],
                ["text", "religion", "Religion", "yes"], ["select_one yn", "fever", "Fever today?", "yes"],
                ["text", "places", "Places visited in the past 14 days", "yes"]):
        survey.append(row)
    survey["C2"].font = Font(bold=True)
    survey.column_dimensions["C"].width = 42
    choices = book.create_sheet("choices")
    for row in (["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]):
        choices.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "purpose", "retention"])
    settings.append(["Return", "return-to-community", 365])
    book.save(tmp_path / "f.xlsx")
    assert {"DM102", "RT203"} <= set(codes(tmp_path, "f.xlsx"))

    dry = invoke(tmp_path, "fix", "--isolated", "f.xlsx")
    assert "f.xlsx: survey!3: row deleted (text, religion, Religion)" in dry.stdout
    assert "f.xlsx: settings!C2: retention: 365 -> '28'" in dry.stdout

    invoke(tmp_path, "fix", "--isolated", "--write", "f.xlsx")
    fixed = openpyxl.load_workbook(tmp_path / "f.xlsx")
    assert [r[1] for r in fixed["survey"].iter_rows(values_only=True)] == ["name", "name", "fever", "places"]
    assert fixed["survey"]["C2"].font.bold and fixed["survey"].column_dimensions["C"].width == 42
    assert list(fixed["choices"].iter_rows(values_only=True)) == list(choices.iter_rows(values_only=True))
    assert fixed["settings"]["C2"].value == 28
    assert not [c for c in codes(tmp_path, "f.xlsx") if c.startswith(("DM", "RT")) and c not in NOT_EXCESS]


# ------------------------------------------------------------------------ notice


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notice_for_the_qingdao_sample_matches_the_golden_file(lang: str) -> None:
    result = invoke(ROOT, "notice", "--isolated", "--lang", lang, "sample_forms/qingdao-property-return.yaml")
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"notice.qingdao.{lang}.md"
    if os.environ.get("FORMLINT_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, "utf-8")
    assert result.stdout == golden.read_text("utf-8")


def test_notice_leaves_out_excess_fields_and_marks_what_is_missing() -> None:
    result = invoke(ROOT, "notice", "--isolated", "--format", "text", "sample_forms/qingdao-property-return.yaml")
    assert "Blood" not in result.stdout and "血型" not in result.stdout
    assert "Travel history (近14天行程)" in result.stdout
    assert "kept for at most 28 days" in result.stdout
    assert "[[TO FILL IN: who else receives the answers" in result.stdout


def test_notice_escapes_form_text_in_html_and_markdown(tmp_path: Path) -> None:
    write(tmp_path, "f.yaml", "id: t\ntitle: '<script>alert(1)</script>'\npurpose: venue-check-in\n"
          "collector: {name: '<img src=x onerror=alert(1)>', contact: '[x](javascript:alert(1))'}\n"
          "fields:\n  - key: name\n    label: '<b>Name</b>'\n")
    page = invoke(tmp_path, "notice", "--isolated", "--format", "html", "f.yaml").stdout
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page
    markdown = invoke(tmp_path, "notice", "--isolated", "f.yaml").stdout
    assert "\\<img" in markdown and "\\<b\\>" in markdown
    assert markdown.count("<") == markdown.count("\\<") and markdown.count("](") == markdown.count("\\](")


def test_notice_output_file_is_never_replaced_unasked(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "qingdao-property-return.yaml", tmp_path / "q.yaml")
    (tmp_path / "notice.md").write_text("mine", "utf-8")
    result = invoke(tmp_path, "notice", "--isolated", "-o", "notice.md", "q.yaml")
    assert result.exit_code == 2 and (tmp_path / "notice.md").read_text("utf-8") == "mine"
    assert invoke(tmp_path, "notice", "--isolated", "-o", "notice.md", "--force", "q.yaml").exit_code == 0
    assert (tmp_path / "notice.md").read_text("utf-8").startswith("## Privacy notice:")


def test_fix_notice_inserts_the_draft_where_a_form_has_none(tmp_path: Path) -> None:
    form = write(tmp_path, "f.yaml", "id: t\npurpose: venue-check-in\nfields:\n  - key: name\n    label: Name\n"
                 "  - key: phone\n    label: Phone\n    type: tel\n")
    assert "NT301" in codes(tmp_path, "f.yaml")
    invoke(tmp_path, "fix", "--isolated", "--write", "--notice", "f.yaml")
    text = form.read_text("utf-8")
    assert "notice:\n  retention: \"28 days\"\n  text: |-\n    Privacy notice: t\n" in text
    assert set(codes(tmp_path, "f.yaml")) == {"NT302", "NT303"}  # collector and recipients are placeholders to fill in


@pytest.mark.parametrize("lang, name, phone", [("en", "Name", "Mobile"), ("zh", "姓名", "手机号码")])
def test_the_drafts_placeholders_do_not_answer_the_notice_rules(tmp_path: Path, lang: str, name: str,
                                                                phone: str) -> None:
    """`fix --notice` leaves the collector and the recipients as placeholders; a
    placeholder (and the heading before it) is no collector and no recipients statement."""
    form = write(tmp_path, "f.yaml", f"id: t\npurpose: venue-check-in\nfields:\n  - key: name\n    label: {name}\n"
                 f"  - key: phone\n    label: {phone}\n    type: tel\n")
    result = invoke(tmp_path, "fix", "--isolated", "--write", "--notice", "--lang", lang, "f.yaml")
    text = form.read_text("utf-8")
    assert t("draft.placeholder", lang, what="")[:3] in text
    assert load_policy("general").purposes["venue-check-in"].title_in(lang) in text  # in the draft's language
    assert set(codes(tmp_path, "f.yaml")) == {"NT302", "NT303"}
    assert result.exit_code == 1
    assert t("fix.cannot.NT302", lang) in result.output and t("fix.cannot.NT303", lang) in result.output


@pytest.mark.parametrize("command", ["fix", "notice"])
def test_a_broken_form_is_one_error_line_and_nothing_is_written(tmp_path: Path, command: str) -> None:
    from conftest import run_formlint

    broken = write(tmp_path, "broken.yaml", "id: t\nfields: [\n")
    good = write(tmp_path, "good.yaml", NATIVE)
    args = ["--write", "broken.yaml", "good.yaml"] if command == "fix" else ["broken.yaml"]
    result = run_formlint(command, "--isolated", *args, cwd=tmp_path)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith("broken.yaml:")
    assert "Traceback" not in result.stderr
    assert broken.read_text("utf-8") == "id: t\nfields: [\n"
    if command == "fix":  # the other file of the run is still fixed
        assert "religion" not in good.read_text("utf-8")
