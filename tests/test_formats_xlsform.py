"""XLSForm: workbooks, pyxform CSV and markdown read into the same Form as native forms."""

from __future__ import annotations

import io
import json
import zipfile
from importlib import resources
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, run_formlint

from formlint.classify import classify
from formlint.discovery import discover
from formlint.pipeline import classify_form
from formlint.errors import FormError
from formlint.formats import load_form
from formlint.formats._languages import language_code
from formlint.model import Form, Location, Suppression
from formlint.taxonomy import load_taxonomy

XLSFORM = FIXTURES / "formats" / "xlsform"


def summary(form: Form) -> list[tuple[object, ...]]:
    """Each field's key, labels, type, line, column and category, as a test compares them."""
    classes = classify_form(form, load_taxonomy())
    return [(f.key, dict(f.label), f.type, f.location.line, f.location.column, classes[f.key].category)
            for f in form.fields]


def test_multilingual_workbook_fields_labels_types_rows_and_categories() -> None:
    form = load_form(str(XLSFORM / "venue-checkin.xlsx"))
    assert summary(form) == [
        ("deviceid", {}, "deviceid", 3, 2, "online.device_id"),
        ("name", {"en": "Full name", "zh": "姓名", "es": "Nombre completo"}, "text", 5, 2, "identity.name"),
        ("phone", {"en": "Phone number", "zh": "联系电话", "es": "Teléfono"}, "text", 6, 2, "contact.phone"),
        ("visit.date", {"en": "Date of visit", "zh": "到访日期", "es": "Fecha de la visita"}, "date", 8, 2,
         "event.visit_time"),
        ("visit.party", {"en": "Number in party", "zh": "同行人数", "es": "Número de personas"}, "integer", 9, 2,
         "event.party_size"),
        ("visit.table", {"en": "Table", "zh": "桌号", "es": "Mesa"}, "text", 10, 2, "event.visit_details"),
        ("id_number", {"en": "ID number", "zh": "身份证号", "es": "DNI"}, "text", 12, 2, "identity.government_id"),
        ("where", {"en": "Where are you?", "zh": "你在哪里？", "es": "¿Dónde está?"}, "geopoint", 13, 2,
         "location.precise"),
        ("symptoms", {"en": "Any symptoms?", "zh": "有症状吗？", "es": "¿Tiene síntomas?"}, "select_one", 14, 2,
         "health.condition"),
    ]


def test_workbook_settings_fill_the_form() -> None:
    form = load_form(str(XLSFORM / "venue-checkin.xlsx"))
    assert (form.format, form.id, form.title, form.language, form.purpose, form.visibility) == \
        ("xlsform", "venue_checkin", "Visitor check-in", "en", "venue-check-in", "private")
    assert (form.collector.name, form.collector.contact) == ("The Corner Café Ltd", "privacy@cornercafe.example")
    assert form.notice.retention == "21 days"
    assert form.locations["/purpose"] == Location(2, 4)


def test_notes_title_and_hints_are_notice_text_in_every_language() -> None:
    form = load_form(str(XLSFORM / "venue-checkin.xlsx"))
    assert form.notice.text.splitlines() == [
        "Visitor check-in",
        ("We collect your name, phone number and time of visit for contact tracing by The Corner Café. "
         "Records are deleted after 21 days."),
        "我们收集您的姓名、电话和到访时间，仅用于流调，21天后删除。",
        "Recogemos su nombre y teléfono para el rastreo.",
        "e.g. 07700 900000",
    ]


def test_workbook_pointer_required_hint_options_and_category_column() -> None:
    fields = {f.key: f for f in load_form(str(XLSFORM / "venue-checkin.xlsx")).fields}
    assert (fields["phone"].pointer, fields["phone"].required, fields["phone"].hint) == \
        ("survey!6", True, "e.g. 07700 900000")
    assert fields["symptoms"].options == ("Yes", "No")
    assert fields["visit.table"].category == "event.visit_details"
    assert fields["visit.party"].required is False


def test_formlint_ignore_column_attaches_a_suppression_at_its_cell() -> None:
    fields = {f.key: f for f in load_form(str(XLSFORM / "venue-checkin.xlsx")).fields}
    assert fields["id_number"].suppressions == (
        Suppression(("DM102",), "kept while the landlord audits", Location(12, 10)),)
    assert fields["name"].suppressions == ()


def test_sheet_not_starting_at_a1_keeps_spreadsheet_rows_and_columns() -> None:
    form = load_form(str(XLSFORM / "shifted-zh.xlsx"))
    assert summary(form) == [
        ("xingming", {"zh": "姓名"}, "text", 3, 3, "identity.name"),
        ("qianming", {"zh": "签名"}, "image", 4, 3, "identity.signature"),
        ("phone", {}, "phonenumber", 5, 3, "contact.phone"),
    ]
    assert form.language == "zh" and form.fields[0].required is True


def test_pyxform_markdown_repeat_languages_and_settings() -> None:
    form = load_form(str(XLSFORM / "household.md"))
    assert summary(form) == [
        ("member.member_name", {"zh": "姓名", "en": "Name"}, "text", 6, 30, "identity.name"),
        ("member.age", {"zh": "年龄", "en": "Age"}, "integer", 7, 30, "identity.age"),
        ("photo", {"zh": "免冠照片", "en": "Photo"}, "image", 9, 30, "identity.photo"),
    ]
    assert (form.title, form.language, form.purpose, form.visibility) == \
        ("返回登记", "zh", "return-to-community", "shared")
    assert form.notice.text == "返回登记\n信息仅用于疫情防控。\nUsed only for epidemic prevention."
    assert form.locations["/visibility"] == Location(13, 27)


def test_stacked_csv_sheets_groups_choices_and_silent_subscriber_id() -> None:
    form = load_form(str(XLSFORM / "health.csv"))
    assert summary(form) == [
        ("full_name", {"en": "Full name"}, "text", 3, 3, "identity.name"),
        ("symptoms", {"en": "Symptoms in the past 14 days"}, "select_multiple", 4, 3, "health.condition"),
        ("subscriber", {}, "subscriberid", 5, 3, "online.device_id"),
        ("travel.places", {"en": "Places visited"}, "text", 7, 3, "location.travel_history"),
    ]
    assert form.fields[1].options == ("Fever", "Cough")
    assert (form.id, form.notice.retention) == ("health_decl", "30 days")


def test_survey_only_csv_lines_count_text_lines_of_multiline_cells() -> None:
    form = load_form(str(XLSFORM / "survey-only.csv"))
    assert summary(form) == [
        ("name", {"en": "Name"}, "text", 2, 2, "identity.name"),
        ("blood_type", {"en": "Blood\ntype"}, "text", 3, 2, "health.blood_type"),
        ("temperature", {"en": "Body temperature"}, "decimal", 5, 2, "health.condition"),
    ]


@pytest.mark.parametrize("header, code", [
    ("English (en)", "en"), ("English", "en"), ("中文", "zh"), ("Español", "es"), ("Français", "fr"),
    ("Deutsch", "de"), ("Portuguese", "pt"), ("Kiswahili", "sw"), ("Klingon", "Klingon"), ("fra", "fr"),
    ("Chinese (zh-Hans)", "zh-hans"),
])
def test_language_headers_become_codes(header: str, code: str) -> None:
    assert language_code(header) == code


def test_language_names_file_matches_its_schema() -> None:
    from jsonschema import Draft202012Validator

    import formlint.formats
    import formlint.schemas

    data = yaml.safe_load(resources.files(formlint.formats).joinpath("languages.yaml").read_text("utf-8"))
    schema = json.loads(resources.files(formlint.schemas).joinpath("languages.schema.json").read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []


# ----------------------------------------------------------------- bad input


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def test_duplicate_names_in_one_group_are_an_error_at_the_second(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.csv", "type,name,label\ntext,a,A\ntext,a,B\n")
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert (caught.value.line, "duplicate field key 'a'" in caught.value.message) == (3, True)


def test_unbalanced_end_group_is_an_error_at_its_row(tmp_path: Path) -> None:
    path = write(tmp_path, "end.csv", "type,name,label\ntext,a,A\nend group,,\n")
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert (caught.value.line, caught.value.column) == (3, 1)


def test_question_without_name_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "noname.md", "| survey | | |\n| | type | name |\n| | text | |\n")
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert (caught.value.line, caught.value.message) == (3, "`text` row has no name")


def test_bad_visibility_setting_is_an_error_at_its_cell(tmp_path: Path) -> None:
    text = "survey,,\n,type,name\n,text,a\nsettings,,\n,visibility,\n,public,\n"
    with pytest.raises(FormError) as caught:
        load_form(write(tmp_path, "vis.csv", text))
    assert (caught.value.line, caught.value.column) == (6, 2)


def tiny_xlsx(extra: dict[str, bytes] | None = None, members: int = 0) -> bytes:
    """A minimal zip that looks like an .xlsx, with optional hostile members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
        for index in range(members):
            archive.writestr(f"xl/media/m{index}.bin", b"")
    return buffer.getvalue()


def test_zip_bomb_xlsx_is_refused_before_the_reader_sees_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
        for _ in range(101):
            member.write(bytes(1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    result = run_formlint("check", str(path))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"{path}:1:1: error: spreadsheet inflates to more than 100 MB")


def test_xlsx_with_absurd_member_count_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    path.write_bytes(tiny_xlsx(members=1001))
    result = run_formlint("check", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"{path}:1:1: error: spreadsheet zip has 1,002 members, over the limit of 1,000"


def test_sheet_spanning_a_million_rows_and_columns_is_refused(tmp_path: Path) -> None:
    sheet = b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' \
            b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    path = tmp_path / "sparse.xlsx"
    path.write_bytes(tiny_xlsx({"xl/worksheets/sheet1.xml": sheet}))
    result = run_formlint("check", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"{path}:1:1: error: sheet 'xl/worksheets/sheet1.xml' spans 1,048,576 rows "
                                     "x 16,384 columns, over the limit of 2,000,000 cells")


def test_not_a_zip_xlsx_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = run_formlint("check", str(path))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "not a readable .xlsx (zip) file" in result.stderr


# -------------------------------------------------------- detection and CLI


def test_folder_walk_skips_markdown_and_csv_that_are_not_xlsforms(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "# Notes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    write(tmp_path, "data.csv", "id,value\n1,2\n")
    form = write(tmp_path, "form.csv", "type,name,label\ntext,name,Name\n")
    assert list(discover([str(tmp_path)])) == [form]


def test_input_format_forces_xlsform_on_a_csv_without_survey_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "odd.txt", "type,label\ntext,Name\n")
    result = run_formlint("check", "--input-format", "xlsform", path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{path}:1:1: error: the survey sheet has no `name` column in its first row"


def test_check_stacked_csv_reports_exact_codes_and_lines() -> None:
    path = XLSFORM / "health.csv"
    result = run_formlint("check", "--policy", "epidemic-registration", "--purpose", "health-declaration",
                          "--format", "json", str(path))
    found = [(f["code"], f["line"], f["column"], f["field"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [
        ("DM107", 4, 3, "symptoms"),
        ("DM101", 5, 3, "subscriber"),
        ("DM107", 7, 3, "travel.places"),
        ("NT301", 15, 4, None),
        ("NT302", 15, 4, None),
        ("RT203", 15, 4, None),
    ]
    assert result.returncode == 1


def test_formats_command_lists_xlsform_and_xform_with_extensions() -> None:
    result = run_formlint("formats")
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()}
    assert rows["xlsform"][:5] == [".xlsx", ".xlsm", ".xls", ".csv", ".md"]
    assert rows["xform"][0] == ".xml" and rows["native"][:3] == [".yaml", ".yml", ".json"]
    assert list(rows).index("xform") < list(rows).index("native")


def test_markdown_tables_inside_code_fences_are_examples_not_forms(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "Example:\n\n```\n| survey | | |\n| | type | name |\n| | text | q |\n```\n")
    assert list(discover([str(tmp_path)])) == []


def test_spaced_type_aliases_read_like_their_underscored_forms(tmp_path: Path) -> None:
    text = ("survey,,,\n,type,name,label\n,begin group,g,G\n,select one yes_no,q,Q\n,end group,,\n"
            "choices,,,\n,list name,name,label\n,yes_no,y,Yes\n")
    field = load_form(write(tmp_path, "alias.csv", text)).fields[0]
    assert (field.key, field.type, field.options) == ("g.q", "select_one", ("Yes",))


def test_corrupt_deflate_stream_in_xlsx_is_one_error_line(tmp_path: Path) -> None:
    raw = tiny_xlsx()
    data_at = 30 + len("[Content_Types].xml")  # the member's deflate data follows its local header
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(raw[:data_at] + b"\xff" * 4 + raw[data_at + 4:])  # 0b11 is no valid block type
    with pytest.raises(FormError) as caught:
        load_form(str(path))
    assert str(caught.value) == (f"{path}:1:1: error: not a readable .xlsx (zip) file: "
                                 "Error -3 while decompressing data: invalid block type")


@pytest.mark.parametrize("far_cell", [
    b"<x:c r='XFD1048576'><x:v>1</x:v></x:c>",  # a namespace prefix and single quotes
    b'<c r = "XFD1048576"><v>1</v></c>',  # spaces around =
    b'<c r="xfd1048576"><v>1</v></c>',  # lower case
    b'<c r="&#88;FD1048576"><v>1</v></c>',  # a character reference
    b'<c r="A1048576"/><c/><c/>' * 2,  # cells without a reference take the next columns
])
def test_far_cell_written_any_way_xml_allows_is_refused(tmp_path: Path, far_cell: bytes) -> None:
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x='
             b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1048576">'
             + far_cell + b"</row></sheetData></worksheet>")
    path = tmp_path / "far.xlsx"
    path.write_bytes(tiny_xlsx({"xl/worksheets/sheet1.xml": sheet}))
    with pytest.raises(FormError) as caught:
        load_form(str(path))
    assert str(caught.value).startswith(f"{path}:1:1: error: sheet 'xl/worksheets/sheet1.xml' spans 1,048,576 rows x ")
    assert str(caught.value).endswith(" columns, over the limit of 2,000,000 cells")


def test_sheet_that_is_not_xml_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(tiny_xlsx({"xl/worksheets/sheet1.xml": b"<worksheet><sheetData></worksheet>"}))
    with pytest.raises(FormError) as caught:
        load_form(str(path))
    assert str(caught.value) == (f"{path}:1:1: error: sheet 'xl/worksheets/sheet1.xml' is not well-formed XML: "
                                 "mismatched tag (line 1)")


def test_a_multiline_text_question_is_a_box_for_a_paragraph(tmp_path: Path) -> None:
    path = write(tmp_path, "story.csv", "type,name,label,appearance\n"
                 "text,events,Tell us what happened,multiline\ntext,village,Village,\n")
    form = load_form(path)
    assert [(f.key, f.type) for f in form.fields] == [("events", "textarea"), ("village", "text")]
    assert classify(form.fields[0]).category == "content.free_text"
