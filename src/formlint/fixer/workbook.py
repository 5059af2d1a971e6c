"""Fixing XLSForm workbooks (.xlsx, .xlsm) with openpyxl.

Rows of the `survey` sheet are deleted, `required` cells set to `no`, and the
`settings` sheet's `retention` cell written; every other sheet, style, column and
cell is left as openpyxl read it. A workbook has no text to diff, so the dry run
lists changes per cell (`survey!7: row deleted (text, religion)`). openpyxl does
not keep everything Excel can store (charts, images, some extensions): a workbook
holding them is refused rather than silently degraded.

The workbook was already read by formlint's XLSForm loader, whose budget refuses
zip and cell-count bombs before openpyxl sees it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Iterable

from formlint.fixer import EXCESS, OPTIONAL, RETENTION, Change, FixOptions, _left, _retention
from formlint.fixer.text import CannotFix
from formlint.i18n import msg
from formlint.model import Finding, Purpose

__all__ = ["CellChange", "WorkbookOutcome", "plan_workbook"]

# Parts openpyxl would drop on save: a workbook with these is not rewritten.
_UNKEPT_PARTS = ("xl/drawings/", "xl/charts/", "xl/media/", "xl/vbaProject.bin", "xl/pivotTables/")


@dataclass(frozen=True)
class CellChange:
    where: str  # sheet!row or sheet!cell
    what: str


@dataclass(frozen=True)
class WorkbookOutcome:
    data: bytes
    changes: tuple[Change, ...]
    cells: tuple[CellChange, ...]

    @property
    def changed(self) -> bool:
        return any(c.done for c in self.changes)


def plan_workbook(raw: bytes, suffix: str, findings: Iterable[Finding], purpose: Purpose | None,
                  options: FixOptions) -> WorkbookOutcome:
    findings = list(findings)
    try:
        book = _open(raw, suffix)
    except CannotFix as exc:
        return WorkbookOutcome(raw, tuple(_left(f, exc.reason) for f in findings), ())
    editor = _Editor(book)
    changes: list[Change] = []
    for finding in sorted(findings, key=lambda f: (f.code not in EXCESS, f.line)):
        try:
            action = _answer(editor, finding, purpose, options)
        except CannotFix as exc:
            changes.append(_left(finding, exc.reason))
            continue
        changes.append(Change(finding.code, finding.line, finding.field_key, action, True))
    changes.sort(key=lambda c: (c.line, c.code))
    if not editor.cells:
        return WorkbookOutcome(raw, tuple(changes), ())
    return WorkbookOutcome(editor.save(), tuple(changes), tuple(editor.cells))


def _open(raw: bytes, suffix: str) -> Any:
    import zipfile

    try:
        names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except zipfile.BadZipFile:
        raise CannotFix(msg("fix.cannot.workbook_unreadable")) from None
    kept = [n for n in names if n.startswith(_UNKEPT_PARTS)]
    if kept:
        raise CannotFix(msg("fix.cannot.workbook_parts", part=kept[0]))
    import openpyxl  # type: ignore[import-untyped]

    try:
        return openpyxl.load_workbook(io.BytesIO(raw), keep_vba=suffix == ".xlsm", rich_text=True)
    except Exception as exc:  # openpyxl raises many types on odd workbooks
        raise CannotFix(msg("fix.cannot.openpyxl", kind=type(exc).__name__)) from None


def _answer(editor: "_Editor", finding: Finding, purpose: Purpose | None, options: FixOptions) -> Any:
    code = finding.code
    if options.add_suppressions is not None:
        raise CannotFix(msg("fix.cannot.ignore_column"))
    if code == "DM102" and options.keep_sensitive:
        raise CannotFix(msg("fix.cannot.workbook_mark"))
    if code in EXCESS:
        if options.comment_out:
            raise CannotFix(msg("fix.cannot.workbook_comments"))
        editor.delete_row(finding.pointer)
        return msg("fix.removed")
    if code in OPTIONAL:
        editor.make_optional(finding.pointer)
        return msg("fix.made_optional")
    if code in RETENTION:
        statement = _retention(purpose)
        editor.set_retention(statement.split()[0])
        return msg("fix.retention", statement=statement)
    raise CannotFix(msg("fix.no_fix", code=code))


class _Editor:
    def __init__(self, book: Any) -> None:
        self.book = book
        self.cells: list[CellChange] = []
        self.deleted: set[int] = set()

    def _sheet(self, name: str) -> Any:
        for sheet in self.book.worksheets:
            if sheet.title.strip().casefold() == name:
                return sheet
        raise CannotFix(msg("fix.cannot.no_sheet", sheet=name))

    def _row(self, pointer: str) -> int:
        sheet, _, number = pointer.partition("!")
        if sheet != "survey" or not number.isdigit():
            raise CannotFix(msg("fix.cannot.no_survey_row", pointer=pointer))
        return int(number)

    def _columns(self, sheet: Any) -> dict[str, int]:
        header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
        return {str(v).strip().casefold(): i + 1 for i, v in enumerate(header) if v is not None}

    def delete_row(self, pointer: str) -> None:
        row = self._row(pointer)
        sheet = self._sheet("survey")
        shown = ", ".join(str(v) for v in next(sheet.iter_rows(min_row=row, max_row=row, values_only=True))[:3]
                          if v is not None)
        self.deleted.add(row)
        self.cells.append(CellChange(f"survey!{row}", f"row deleted ({shown})"))

    def make_optional(self, pointer: str) -> None:
        row = self._row(pointer)
        sheet = self._sheet("survey")
        column = self._columns(sheet).get("required")
        if column is None:
            raise CannotFix(msg("fix.cannot.no_required_column"))
        cell = sheet.cell(row=row, column=column)
        self.cells.append(CellChange(f"survey!{cell.coordinate}", f"required: {cell.value!r} -> 'no'"))
        cell.value = "no"

    def set_retention(self, days: str) -> None:
        sheet = self._sheet("settings")
        columns = self._columns(sheet)
        column = columns.get("retention")
        if column is None:
            column = sheet.max_column + 1
            sheet.cell(row=1, column=column).value = "retention"
            self.cells.append(CellChange(f"settings!{sheet.cell(row=1, column=column).coordinate}",
                                         "column `retention` added"))
        cell = sheet.cell(row=2, column=column)
        self.cells.append(CellChange(f"settings!{cell.coordinate}", f"retention: {cell.value!r} -> {days!r}"))
        cell.value = int(days)

    def save(self) -> bytes:
        if self.deleted:
            sheet = self._sheet("survey")
            for row in sorted(self.deleted, reverse=True):  # bottom up, so row numbers stay valid
                sheet.delete_rows(row)
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()
