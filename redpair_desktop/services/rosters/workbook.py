"""Reading a roster spreadsheet: the file, its header row, its columns.

openpyxl reads in read-only mode (rows stream, memory stays flat) and, with defusedxml
installed, refuses entity-expansion tricks in the XML. Every way a file can be unreadable
becomes a ``WorkbookError`` with a message a user can act on.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import ParseError

from redpair_desktop.domain.errors import WorkbookError
from redpair_desktop.domain.rosters.fields import ROSTER_FIELDS, RosterField, field_for_header
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from openpyxl import Workbook

HEADER_SEARCH_ROWS = 10  # a title row or two may stand above the headers


@dataclass
class ColumnPlan:
    """Which field each column holds, and what was left out."""

    header_row: int  # Excel row number of the headers (1-based)
    headers: list[str]  # the file's header texts, by column
    fields: dict[int, RosterField]  # column index → field
    ignored: list[str] = field(default_factory=list)
    duplicated: list[tuple[str, RosterField]] = field(default_factory=list)

    @property
    def missing_required(self) -> list[RosterField]:
        present = set(self.fields.values())
        return [f for f in ROSTER_FIELDS if f.required and f not in present]

    def header_of(self, roster_field: RosterField) -> str:
        for column, mapped in self.fields.items():
            if mapped is roster_field:
                return self.headers[column]
        return roster_field.header


def open_rows(path: Path) -> tuple[Iterator[tuple], int | None, Workbook]:
    """The first sheet's rows (values only), its row count if the file says, and the workbook
    (close it when done)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise WorkbookError(_("找不到文件“{path}”。", path=path))
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = _guarded(sheet.iter_rows(values_only=True), path)
        return rows, sheet.max_row, workbook
    except WorkbookError:
        raise
    except (InvalidFileException, zipfile.BadZipFile, KeyError, IndexError) as error:
        raise _not_excel(path) from error
    except Exception as error:  # defusedxml, zlib, expat: all say the same to the user
        raise _unreadable(path, error) from error


def _guarded(rows: Iterator[tuple], path: Path) -> Iterator[tuple]:
    """Rows, with errors found mid-file (truncated zip, hostile XML) made plain."""
    try:
        yield from rows
    except (zipfile.BadZipFile, zlib.error, EOFError, ParseError, KeyError) as error:
        raise _unreadable(path, error) from error
    except Exception as error:
        if _hostile_xml(error):
            raise _unreadable(path, error) from error
        raise


def _not_excel(path: Path) -> WorkbookError:
    return WorkbookError(
        _(
            "“{name}”不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。",
            name=path.name,
        )
    )


def _hostile_xml(error: BaseException | None) -> bool:
    """defusedxml refused entities somewhere in the chain (openpyxl wraps it in ValueError)."""
    while error is not None:
        if type(error).__module__.startswith("defusedxml"):
            return True
        error = error.__cause__ or error.__context__
    return False


def _unreadable(path: Path, error: BaseException) -> WorkbookError:
    if _hostile_xml(error):
        reason = _("文件含有不安全的 XML 内容（实体扩展），已拒绝读取")
    else:
        reason = _("文件已损坏或不完整")
    return WorkbookError(
        _(
            "无法读取“{name}”：{reason}。请用 Excel 打开确认后重新保存。",
            name=path.name,
            reason=reason,
        )
    )


def plan_columns(
    rows: Iterator[tuple], mapping: Mapping[str, str] | None = None
) -> tuple[ColumnPlan, list[tuple[int, tuple]]]:
    """Find the header row and map its columns; returns the plan and the rows read past it
    while looking (row number, values), which belong to the data."""
    mapping = {k.strip(): v for k, v in (mapping or {}).items()}
    looked_at: list[tuple[int, tuple]] = []
    best: ColumnPlan | None = None
    for number, values in enumerate(rows, start=1):
        looked_at.append((number, values))
        plan = _plan_for(number, values, mapping)
        if best is None or len(plan.fields) > len(best.fields):
            best = plan
        if len(plan.fields) >= 2 or number >= HEADER_SEARCH_ROWS:
            break
    if best is None or not any(h for h in best.headers):
        raise WorkbookError(_("工作表是空的：第一个工作表里没有表头，也没有数据。"))
    after = [(n, v) for n, v in looked_at if n > best.header_row]
    return best, after


def _plan_for(number: int, values: tuple, mapping: Mapping[str, str]) -> ColumnPlan:
    headers = ["" if v is None else str(v).strip() for v in values]
    plan = ColumnPlan(header_row=number, headers=headers, fields={})
    for column, header in enumerate(headers):
        if not header:
            continue
        roster_field = _mapped_field(header, mapping)
        if roster_field is None:
            plan.ignored.append(header)
        elif roster_field in plan.fields.values():
            plan.duplicated.append((header, roster_field))
        else:
            plan.fields[column] = roster_field
    return plan


def _mapped_field(header: str, mapping: Mapping[str, str]) -> RosterField | None:
    if header in mapping:
        return field_for_header(mapping[header])
    return field_for_header(header)


@dataclass
class Preview:
    """The first rows of a file as the user sees them, for the import wizard."""

    header_row: int
    headers: list[str]
    rows: list[tuple[int, tuple]]  # (Excel row number, values)


def preview(path: Path, limit: int = 200) -> Preview:
    rows, _total, workbook = open_rows(path)
    try:
        columns, first_rows = plan_columns(rows)
        shown = list(first_rows)
        for number, values in enumerate(rows, start=columns.header_row + len(first_rows) + 1):
            if len(shown) >= limit:
                break
            shown.append((number, values))
    finally:
        workbook.close()
    return Preview(columns.header_row, columns.headers, shown[:limit])
