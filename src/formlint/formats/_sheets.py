"""Reading spreadsheets into positioned cells: .xlsx/.xlsm/.xls, CSV and pyxform markdown.

Workbooks are read with python-calamine (a Rust reader: fast, and it never runs
Python's XML parser on the workbook's XML). calamine allocates every sheet as one
dense grid spanning its used cells, so a few bytes naming cells A1 and XFD1048576
would ask it for hundreds of gigabytes; it copies a shared string into every cell
that names it, so one long string named by thousands of cells asks for gigabytes too;
and an .xlsx is a zip that may inflate to gigabytes, or be encrypted. All are refused
here, from the zip itself, before calamine sees it; a legacy .xls gets the same
budgets from its records (_biff).

CSV and markdown hold several sheets stacked the way pyxform writes them: a row
whose first cell names a sheet (`survey`, `choices`, `settings`) starts that
sheet, and its rows follow with the first cell empty. A CSV without sheet names
is one survey sheet.
"""

from __future__ import annotations

import csv
import gc
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.handler import ContentHandler

from formlint.errors import FormError
from formlint.model import Location
from formlint.source import decode
from formlint.message import msg

# An XLSForm of a thousand questions unzips to a few megabytes.
MAX_UNZIPPED = 100 * 1024 * 1024
MAX_MEMBERS = 1000
# Rows x columns of the grid calamine allocates for one sheet (1,000 rows x 30
# columns is 30,000); each cell costs it some 30 bytes before Python sees it.
MAX_CELLS = 2_000_000
# calamine copies a shared string into every cell that uses it: 5,000 cells naming one
# string of a million characters ask for gigabytes. A big XLSForm repeats some 10^6.
MAX_SHARED_TEXT = 50_000_000
SHEET_NAMES = ("survey", "choices", "settings")
WORKBOOK_EXTENSIONS = (".xlsx", ".xlsm", ".xls")
_CELL_REF = re.compile(r"\s*([A-Za-z]+)([0-9]+)\s*")
_HUGE = 10**9  # a row or column number past any sheet's end


@dataclass(frozen=True)
class Cell:
    value: str
    location: Location
    index: int  # the cell's place in its row, which pairs it with its header


Row = list[Cell]  # one row's cells, left to right
Sheets = dict[str, list[Row]]  # lower-cased sheet name -> its non-empty rows


def read_sheets(path: str, raw: bytes) -> Sheets:
    suffix = Path(path).suffix.lower()
    with _no_collection():
        if suffix in WORKBOOK_EXTENSIONS:
            return _read_workbook(path, raw, suffix)
        text = decode(raw, path, FormError)
        rows = _markdown_rows(text) if suffix == ".md" else _csv_rows(path, text)
        return _stack(rows)


@contextmanager
def _no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while cells are built: a sheet of a million
    cells creates millions of objects and no cycles, and every collection the
    allocations trigger walks all of them again, which made reading superlinear."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ----------------------------------------------------------------- workbooks


def _read_workbook(path: str, raw: bytes, suffix: str) -> Sheets:
    from python_calamine import CalamineWorkbook

    if suffix == ".xls":
        check_biff(path, raw)
    else:
        check_zip(path, raw)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        return {name.strip().lower(): _sheet_rows(path, book.get_sheet_by_name(name))
                for name in book.sheet_names if name.strip().lower() in SHEET_NAMES}
    except FormError:
        raise
    except Exception as exc:  # noqa: BLE001 -- calamine raises its own error types for broken workbooks
        raise FormError(path, msg("error.spreadsheet_unreadable", detail=str(exc))) from None


def check_zip(path: str, raw: bytes) -> None:
    """Refuse a zip with absurdly many members, that inflates past MAX_UNZIPPED, whose
    sheets span more than MAX_CELLS, or whose shared strings, copied into every cell
    that uses them, come to more than MAX_SHARED_TEXT characters. Sizes are counted as
    inflated, not as declared. Sheets and shared strings are recognised by what they
    hold, not where they sit: a workbook's relationships may put them at any path
    (`xl/other/sheet1.xml`, `sheet1.xml`, names with backslashes), and calamine follows
    the relationships."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise FormError(path, msg("error.zip_members", count=len(members), limit=MAX_MEMBERS))
            _check_parts(path, _xml_parts(path, archive, members))
    # zlib.error: a member whose deflate stream is corrupt (zipfile lets it through unwrapped).
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, zlib.error) as exc:
        raise FormError(path, msg("error.xlsx_unreadable", detail=str(exc))) from None
    except RuntimeError as exc:  # zipfile's "is encrypted, password required for extraction"
        raise FormError(path, msg("error.spreadsheet_encrypted", detail=str(exc))) from None


def check_biff(path: str, raw: bytes) -> None:
    """The budget of a legacy .xls workbook, from its records (see _biff)."""
    from formlint.formats._biff import budget

    found = budget(path, raw)
    _check_budget(path, "workbook", found.rows, found.columns, found.shared_text)


def _check_budget(path: str, sheet: str, rows: int, columns: int, shared: int) -> None:
    if rows * columns > MAX_CELLS:
        raise FormError(path, msg("error.sheet_span", sheet=repr(sheet), rows=rows, columns=columns, limit=MAX_CELLS))
    if shared > MAX_SHARED_TEXT:
        raise FormError(path, msg("error.shared_strings", count=shared, limit=MAX_SHARED_TEXT))


def _xml_parts(path: str, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> dict[str, bytes]:
    """Every member inflated within the budget; those that may be sheets or shared strings kept."""
    budget = MAX_UNZIPPED
    parts = {}
    for member in members:
        data = _inflate(path, archive, member, budget)
        budget -= len(data)
        if b"sheetData" in data or b"sst" in data:
            parts[member.filename] = data
    return parts


def _check_parts(path: str, parts: dict[str, bytes]) -> None:
    lengths: list[int] = []  # a decoy table cannot hide the real one: each index counts its longest
    for name, data in parts.items():
        if b"sst" in data:
            found = _parse(path, name, data, _SharedStrings()).lengths
            lengths = [max(a, b) for a, b in zip_longest(lengths, found, fillvalue=0)]
    shared = 0
    for name, data in parts.items():
        if b"sheetData" in data:
            extent = _parse(path, name, data, _Extent(lengths))
            shared += extent.shared
            _check_budget(path, name, extent.rows, extent.columns, 0)
    _check_budget(path, "", 0, 0, shared)


def _inflate(path: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int) -> bytes:
    with archive.open(member) as stream:
        data = stream.read(budget + 1)
    if len(data) > budget:
        raise FormError(path, msg("error.zip_bomb", mb=MAX_UNZIPPED // (1024 * 1024), member=repr(member.filename)))
    return data


_Handler = TypeVar("_Handler", bound=ContentHandler)


def _parse(path: str, member: str, data: bytes, handler: _Handler) -> _Handler:
    """Run `handler` over one member. An XML parser reads the sheet, not a pattern:
    namespace prefixes, single quotes, spaces around `=` and lower-case references all
    reach calamine, and a sheet a pattern misread made it ask for 512 GB and abort."""
    from xml.sax import SAXParseException

    from defusedxml import DefusedXmlException

    from formlint.formats._xml import parse_sax

    try:
        parse_sax(data, handler, forbid_dtd=True)
    except SAXParseException as exc:
        raise FormError(path, msg("error.sheet_xml", sheet=repr(member), detail=exc.getMessage(),
                                  line=exc.getLineNumber() or 1)) from None
    except DefusedXmlException as exc:
        raise FormError(path, msg("error.sheet_dtd", sheet=repr(member), detail=str(exc))) from None
    return handler


class _SharedStrings(ContentHandler):
    """The length of each shared string (`<si>`), in order."""

    def __init__(self) -> None:
        super().__init__()
        self.lengths: list[int] = []
        self.inside = False

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:
        if name[1] == "si":
            self.lengths.append(0)
            self.inside = True

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        if name[1] == "si":
            self.inside = False

    def characters(self, content: str) -> None:
        if self.inside:
            self.lengths[-1] += len(content)


class _Extent(ContentHandler):
    """The last row and column holding a cell, and the characters of the shared strings
    its cells copy. A cell without a reference takes the next column of its row, and a
    row without a number follows the previous one."""

    def __init__(self, shared_lengths: list[int]) -> None:
        super().__init__()
        self.rows = self.columns = self.row = self.column = 0
        self.shared = 0
        self.lengths = shared_lengths
        self.index: list[str] | None = None  # the digits of a shared-string cell's <v>
        self.in_shared_cell = False

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:
        if name[1] == "row":
            number = attrs.get((None, "r"), "").strip()
            self.row = _bounded(number) if number.isdigit() else self.row + 1
            self.column = 0
        elif name[1] == "c":
            ref = _CELL_REF.fullmatch(attrs.get((None, "r"), ""))
            self.column = _column_number(ref[1].upper()) if ref else self.column + 1
            self.rows = max(self.rows, _bounded(ref[2]) if ref else self.row)
            self.columns = max(self.columns, self.column)
            self.in_shared_cell = attrs.get((None, "t"), "").strip() == "s"
        elif name[1] == "v" and self.in_shared_cell:
            self.index = []

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        if name[1] == "v" and self.index is not None:
            digits = "".join(self.index).strip()
            position = int(digits) if digits.isdigit() and len(digits) <= 9 else -1
            self.shared += self.lengths[position] if 0 <= position < len(self.lengths) else 0
            self.index = None
        elif name[1] == "c":
            self.in_shared_cell = False

    def characters(self, content: str) -> None:
        if self.index is not None and len(self.index) < 64:
            self.index.append(content)


def _bounded(digits: str) -> int:
    return int(digits) if len(digits) <= 9 else _HUGE


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters[:7]:  # seven letters already pass _HUGE
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _sheet_rows(path: str, sheet: Any) -> list[Row]:
    end_row, end_column = sheet.end or (0, 0)
    if (end_row + 1) * (end_column + 1) > MAX_CELLS:  # .xls: checked after calamine's read
        raise FormError(path, msg("error.sheet_cells", sheet=repr(sheet.name), limit=MAX_CELLS))
    rows = []
    for index, values in enumerate(sheet.to_python(skip_empty_area=False)):
        row = [Cell(text, Location(index + 1, col + 1), col)
               for col, value in enumerate(values) if (text := _cell_text(value))]
        if row:
            rows.append(row)
    return rows


def _cell_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value).replace("\u00a0", " ").strip()


# ------------------------------------------------------------ text layouts


def _csv_rows(path: str, text: str) -> list[Row]:
    """Each CSV record's non-empty cells; `index` is the cell's place in the record."""
    rows = []
    reader = csv.reader(io.StringIO(text))
    start = 1
    try:
        for record in reader:
            rows.append([Cell(text, Location(start, i + 1), i) for i, v in enumerate(record) if (text := v.strip())])
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FormError(path, msg("error.invalid_csv", detail=str(exc)), start) from None
    return rows


def _markdown_rows(text: str) -> list[Row]:
    """Each `| a | b |` table line's non-empty cells, at their character columns.
    Tables inside ``` fences are examples (a README showing a form), not the form."""
    rows = []
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        fenced ^= stripped.startswith(("```", "~~~"))
        if fenced or not stripped.startswith("|") or set(stripped) <= set("|-: "):
            continue
        rows.append(_markdown_cells(line, number))
    return rows


def _markdown_cells(line: str, number: int) -> Row:
    cells = []
    start = line.index("|") + 1
    for index, part in enumerate(line[start:].rstrip().removesuffix("|").split("|")):
        value = part.strip()
        if value:
            cells.append(Cell(value, Location(number, start + part.index(value) + 1), index))
        start += len(part) + 1
    return cells


def _stack(rows: list[Row]) -> Sheets:
    """Split stacked sheets (a value in the first column names a sheet); without sheet
    names the rows are one survey sheet. Empty rows are dropped."""
    named = any(row and row[0].index == 0 and row[0].value.lower() in SHEET_NAMES for row in rows)
    if not named:
        return {"survey": [row for row in rows if row]}
    sheets: Sheets = {}
    current: list[Row] = []
    for row in rows:
        if row and row[0].index == 0:
            current = sheets.setdefault(row[0].value.lower(), [])
            row = row[1:]
        if row:
            current.append(row)
    return sheets
