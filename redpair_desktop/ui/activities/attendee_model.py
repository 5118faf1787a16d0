"""An activity's expected list as a table: 姓名, 党支部, 身份, 状态 (with its reason), the
check-in time, whether the pledge is signed, and 补录 (who entered it, and when, as its tip).
Present rows are tinted; rows change one at a time as check-ins arrive."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from redpair_desktop.domain.activities.codes import AttendanceStatus
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.widgets.row_table import Index, RowTableModel

if TYPE_CHECKING:
    from redpair_desktop.services.activities.attendance import AttendeeRow

BACKGROUNDS = {
    AttendanceStatus.PRESENT: QColor("#e6f4ea"),
    AttendanceStatus.EXCUSED: QColor("#fff4e0"),
    AttendanceStatus.ABSENT: QColor("#fdecea"),
}


class Column(IntEnum):
    NAME = 0
    BRANCH = 1
    ROLE = 2
    STATUS = 3
    TIME = 4
    SIGNED = 5
    BACKFILLED = 6


HEADERS = {
    Column.NAME: N_("姓名"),
    Column.BRANCH: N_("党支部"),
    Column.ROLE: N_("身份"),
    Column.STATUS: N_("状态"),
    Column.TIME: N_("时间"),
    Column.SIGNED: N_("签名"),
    Column.BACKFILLED: N_("补录"),
}


def status_text(row: AttendeeRow) -> str:
    """“实到”, “请假（出差）” …"""
    text = label(row.status)
    return _("{status}（{reason}）", status=text, reason=row.reason) if row.reason else text


def time_text(row: AttendeeRow) -> str:
    if row.checked_in_at is None:
        return ""
    local = row.checked_in_at.astimezone()
    return f"{local.hour}:{local.minute:02d}"


def entered_text(row: AttendeeRow) -> str:
    when = row.entered_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return _("补录：{who}，{when}", who=row.entered_by, when=when)


CELLS: dict[Column, Callable[[AttendeeRow], str]] = {
    Column.NAME: lambda row: row.name,
    Column.BRANCH: lambda row: row.unit,
    Column.ROLE: lambda row: row.role,
    Column.STATUS: status_text,
    Column.TIME: time_text,
    Column.SIGNED: lambda row: "✓" if row.signed else "",
    Column.BACKFILLED: lambda row: _("补录") if row.backfilled else "",
}


class AttendeeTableModel(RowTableModel["AttendeeRow"]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(Column, HEADERS, parent)

    def set_rows(self, rows: Sequence[AttendeeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def put_row(self, row: AttendeeRow) -> None:
        """Show one attendee's new state (or a new guest at the end)."""
        at = self.row_of(row.id)
        if at is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(row)
            self.endInsertRows()
            return
        self._rows[at] = row
        self.dataChanged.emit(self.index(at, 0), self.index(at, len(Column) - 1))

    def rows(self) -> list[AttendeeRow]:
        return list(self._rows)

    # --- Qt overrides -------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.shown_row(index) is None:
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return CELLS[column](row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return BACKGROUNDS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.BACKFILLED and row.backfilled:
            return entered_text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.SIGNED, Column.TIME):
            return Qt.AlignmentFlag.AlignCenter
        return None
