"""Writing rosters to Excel: any roster view, and the blank template people fill in.

Exports stream through openpyxl's write-only mode into a temporary file that is renamed into
place, so a failed save (folder gone, no permission, file open in Excel, disk full) leaves no
partial file and says which of these it was. ID numbers are masked unless the caller asks
for them (``with_id``); dates are real Excel dates; phones and ID numbers are text, so Excel
never turns them into numbers and loses digits.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from redpair_desktop.domain.rosters.fields import ROSTER_FIELDS, FieldKind, RosterField
from redpair_desktop.files import check_folder, save_atomically
from redpair_desktop.i18n import _
from redpair_desktop.services.rosters.query import RosterSnapshot

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

HEADERS = [f.header for f in ROSTER_FIELDS]
WIDTHS = {"name": 12, "id_number": 22, "branch": 40, "employer": 24, "phone": 16}
DATE_FORMAT = "yyyy-mm-dd"
TEMPLATE_ROWS = 2000  # rows that carry the drop-down lists


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _save(workbook: Workbook, path: Path) -> None:
    save_atomically(path, workbook.save, on_failure=lambda: _discard(workbook))


def _discard(workbook: Workbook) -> None:
    """Close a write-only sheet's row stream after a failed save, so that it does not print
    a traceback when it is collected."""
    for sheet in workbook.worksheets:
        rows = getattr(sheet, "_rows", None)  # openpyxl's write-only row generator
        if rows is not None:
            with contextlib.suppress(Exception):
                rows.close()


def export_roster(
    snapshot: RosterSnapshot,
    path: Path,
    *,
    rows: Sequence[int] | None = None,
    with_id: bool = False,
) -> int:
    """Write the snapshot's rows (all, or ``rows`` in that order); returns how many."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    check_folder(path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("花名册"))
    sheet.freeze_panes = "A2"
    for index, roster_field in enumerate(ROSTER_FIELDS):
        sheet.column_dimensions[_column_letter(index)].width = WIDTHS.get(roster_field.key, 11)
    bold = Font(bold=True)
    header_cells = []
    for header in HEADERS:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    order = range(len(snapshot)) if rows is None else rows
    date_cell = _date_cell_factory(sheet)
    columns = [snapshot.columns[f.key] for f in ROSTER_FIELDS]
    id_column = [f.key for f in ROSTER_FIELDS].index("id_number")
    date_columns = {i for i, f in enumerate(ROSTER_FIELDS) if f.kind == FieldKind.DATE}
    for row in order:
        values: list[object] = []
        for column_index, column in enumerate(columns):
            value = column[row]
            if column_index == id_column and with_id:
                value = snapshot.id_numbers[row]
            elif column_index in date_columns and value:
                value = date_cell(value)
            elif isinstance(value, bool):
                value = "是" if value else "否"
            values.append(value)
        sheet.append(values)
    _save(workbook, path)
    return len(order)


def _date_cell_factory(sheet: Worksheet) -> Callable[[str], object]:
    from openpyxl.cell import WriteOnlyCell

    def cell(iso: str) -> object:
        value = WriteOnlyCell(sheet, value=date.fromisoformat(iso))
        value.number_format = DATE_FORMAT
        return value

    return cell


def write_template(path: Path, branch_names: Sequence[str]) -> None:
    """A blank roster with the headers, drop-down lists, a frozen header row and a sheet of
    instructions; 所在党支部 offers the branches registered in the database."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    check_folder(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("花名册")
    sheet.append(HEADERS)
    sheet.freeze_panes = "A2"
    required_fill = PatternFill("solid", fgColor="FDE9E7")
    for index, roster_field in enumerate(ROSTER_FIELDS):
        letter = _column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS.get(roster_field.key, 11)
        header = sheet.cell(row=1, column=index + 1)
        header.font = Font(bold=True, color="B71C1C" if roster_field.required else "000000")
        if roster_field.required:
            header.fill = required_fill
        cells = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        if roster_field.key in ("id_number", "phone"):
            for row in range(2, TEMPLATE_ROWS + 2):
                sheet[f"{letter}{row}"].number_format = "@"  # text: no lost digits
        elif roster_field.kind == FieldKind.DATE:
            for row in range(2, TEMPLATE_ROWS + 2):
                sheet[f"{letter}{row}"].number_format = DATE_FORMAT
        formula = _choices_formula(roster_field, branch_names, workbook)
        if formula:
            validation = DataValidation(type="list", formula1=formula, allow_blank=True)
            validation.error = _("请从下拉列表中选择。")
            validation.showErrorMessage = True
            sheet.add_data_validation(validation)
            validation.add(cells)
    _instructions(workbook)
    _save(workbook, path)


def _choices_formula(
    roster_field: RosterField, branch_names: Sequence[str], workbook: Workbook
) -> str | None:
    if roster_field.choices:
        return '"' + ",".join(roster_field.choices) + '"'
    if roster_field.key == "branch" and branch_names:
        branches = workbook.create_sheet(_("党支部"))
        branches.append([_("党支部全称")])
        for name in branch_names:
            branches.append([name])
        branches.column_dimensions["A"].width = 48
        return f"'{branches.title}'!$A$2:$A${len(branch_names) + 1}"
    return None


def _instructions(workbook: Workbook) -> None:
    sheet = workbook.create_sheet(_("填写说明"))
    sheet.append([_("字段"), _("是否必填"), _("说明")])
    notes = {
        "name": _("最多 64 个字；少数民族姓名中的间隔号请用“·”"),
        "birth_date": _("日期，如 1990-01-01、1990/1/1、1990年1月1日"),
        "id_number": _("18 位，末位可为 X；请保持文本格式，不要让 Excel 变成数字"),
        "category": _("正式党员、预备党员、入党积极分子、群众"),
        "branch": _("党支部全称（中共……支部委员会）或简称，见“党支部”工作表"),
        "supply_service": _("是 或 否；只有党员可以是供服党员"),
        "confirmed_on": _("须晚于入党日期"),
        "status": _("正常、流动、失联、停用；不填为正常"),
    }
    for roster_field in ROSTER_FIELDS:
        sheet.append(
            [
                roster_field.header,
                _("必填") if roster_field.required else "",
                notes.get(roster_field.key, ""),
            ]
        )
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["C"].width = 70
