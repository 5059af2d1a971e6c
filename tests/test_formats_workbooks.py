"""Hostile workbooks: whatever path the relationships give a sheet, however often its
cells repeat a shared string, and whatever the zip's flags say, an .xlsx is read or
refused with one error line before calamine allocates anything."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, run_formlint

from formlint.errors import FormError
from formlint.formats import load_form

CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'spreadsheetml.sheet.main+xml"/></Types>')
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="survey" sheetId="1" r:id="rId1"/></sheets></workbook>')
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook_rels(sheet_target: str, shared_target: str | None) -> str:
    shared = (f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="{shared_target}"/>'
              if shared_target else "")
    return ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="{sheet_target}"/>{shared}</Relationships>')


def sheet(rows: str) -> str:
    return f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'


SURVEY_ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>type</t></is></c><c r="B1" t="inlineStr"><is><t>name</t>'
               '</is></c><c r="C1" t="inlineStr"><is><t>label</t></is></c></row>'
               '<row r="2"><c r="A2" t="inlineStr"><is><t>text</t></is></c><c r="B2" t="inlineStr"><is><t>full_name'
               '</t></is></c><c r="C2" t="inlineStr"><is><t>Full name</t></is></c></row>')
FAR_CELL = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def xlsx(sheet_member: str, sheet_xml: str, rels_target: str, shared: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels(rels_target, "sharedStrings.xml" if shared else None))
        archive.writestr(sheet_member, sheet_xml)
        if shared:
            archive.writestr("xl/sharedStrings.xml", shared)
    return buffer.getvalue()


# (member name in the zip, the target the workbook's relationships give it)
SHEET_PATHS = [
    ("xl/worksheets/sheet1.xml", "worksheets/sheet1.xml"),
    ("xl/other/sheet1.xml", "other/sheet1.xml"),
    ("xl/Worksheets/Sheet1.xml", "Worksheets/Sheet1.xml"),
    ("sheet1.xml", "/sheet1.xml"),
    ("xl\\worksheets\\sheet1.xml", "worksheets/sheet1.xml"),
]


@pytest.mark.parametrize("member, target", SHEET_PATHS[:4])
def test_a_sheet_wherever_the_relationships_put_it_is_read(tmp_path: Path, member: str, target: str) -> None:
    path = tmp_path / "form.xlsx"
    path.write_bytes(xlsx(member, sheet(SURVEY_ROWS), target))
    assert [f.key for f in load_form(str(path)).fields] == ["full_name"]


@pytest.mark.parametrize("member, target", SHEET_PATHS)
def test_a_far_cell_is_refused_wherever_the_sheet_sits(tmp_path: Path, member: str, target: str) -> None:
    path = tmp_path / "far.xlsx"
    path.write_bytes(xlsx(member, sheet(SURVEY_ROWS + FAR_CELL), target))
    result = run_formlint("check", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"{path}:1:1: error: sheet {member!r} spans 1,048,576 rows x 16,384 columns, "
                                     "over the limit of 2,000,000 cells")


def shared_strings(*texts: str) -> str:
    items = "".join(f"<si><t>{text}</t></si>" for text in texts)
    return f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>'


def shared_cells(count: int, index: int) -> str:
    return "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>{index}</v></c></row>' for r in range(3, count + 3))


def test_shared_strings_are_read_as_cell_text(tmp_path: Path) -> None:
    rows = SURVEY_ROWS.replace('<c r="C2" t="inlineStr"><is><t>Full name</t></is></c>', '<c r="C2" t="s"><v>1</v></c>')
    path = tmp_path / "shared.xlsx"
    path.write_bytes(xlsx("xl/worksheets/sheet1.xml", sheet(rows), "worksheets/sheet1.xml",
                          shared_strings("unused", "Full name")))
    assert dict(load_form(str(path)).fields[0].label) == {"en": "Full name"}


def test_one_long_shared_string_in_thousands_of_cells_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "expand.xlsx"
    path.write_bytes(xlsx("xl/worksheets/sheet1.xml", sheet(SURVEY_ROWS + shared_cells(5_000, 0)),
                          "worksheets/sheet1.xml", shared_strings("x" * 1_000_000)))
    assert path.stat().st_size < 100_000
    with pytest.raises(FormError) as caught:
        load_form(str(path))
    assert caught.value.message == ("spreadsheet cells repeat 5,000,000,000 characters of shared strings, over "
                                    "the limit of 50,000,000")


def test_a_decoy_shared_string_table_does_not_hide_the_long_one(tmp_path: Path) -> None:
    raw = xlsx("xl/worksheets/sheet1.xml", sheet(SURVEY_ROWS + shared_cells(100, 0)), "worksheets/sheet1.xml",
               shared_strings("x" * 1_000_000))
    buffer = io.BytesIO(raw)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("xl/aaa.xml", shared_strings("short"))
    with pytest.raises(FormError) as caught:
        load_form("decoy.xlsx", raw=buffer.getvalue())
    assert caught.value.message.startswith("spreadsheet cells repeat 100,000,000 characters")


def test_a_zip_flagged_as_encrypted_is_that_files_one_error_line(tmp_path: Path) -> None:
    raw = bytearray(xlsx("xl/worksheets/sheet1.xml", sheet(SURVEY_ROWS), "worksheets/sheet1.xml"))
    at = raw.find(b"PK\x01\x02")
    while at != -1:  # set bit 0 (encrypted) in every central-directory entry's flags
        raw[at + 8] |= 1
        at = raw.find(b"PK\x01\x02", at + 4)
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(bytes(raw))
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx("xl/worksheets/sheet1.xml", sheet(SURVEY_ROWS), "worksheets/sheet1.xml"))
    result = run_formlint("classify", "--format", "json", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith(f"{locked}:1:1: error: cannot read an encrypted (password-protected) "
                                            "spreadsheet")
    assert len(result.stderr.strip().splitlines()) == 1
    assert '"full_name"' in result.stdout


# ------------------------------------------------------------ legacy .xls

XLS = FIXTURES / "hostile-xls"


def test_a_legacy_xls_workbook_is_read_after_its_records_are_budgeted() -> None:
    form = load_form(str(XLS / "survey.xls"))
    assert [(f.key, f.first_label) for f in form.fields] == [("full_name", "Full name"), ("age", "Âge / 年龄")]


def test_xls_cells_repeating_a_long_shared_string_are_refused_before_calamine() -> None:
    with pytest.raises(FormError) as caught:
        load_form(str(XLS / "shared-expansion.xls"))
    assert caught.value.message == ("spreadsheet cells repeat 65,534,053 characters of shared strings, over the "
                                    "limit of 50,000,000")


def test_xls_that_is_no_compound_file_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "fake.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    result = run_formlint("check", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:1:1: error: not a readable .xls file")
