"""The two tables of 问题与帮扶: the findings (问题清单) and the measures board, which keeps its
filter (status, station, text, 只看逾期 — overdue as the service says: past due, not 已完成)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from redpair_desktop.domain.labels import label
from redpair_desktop.domain.measures.codes import MeasureStatus
from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.appearance import ERROR_COLOUR
from redpair_desktop.ui.widgets.row_table import FilteredTableModel, Index, RowTableModel

if TYPE_CHECKING:
    from redpair_desktop.services.measures.board import MeasureRow
    from redpair_desktop.ui.measures.ops import FindingItem

Role = Qt.ItemDataRole
STATUS_COLOURS = {
    MeasureStatus.NOT_STARTED: "#757575",
    MeasureStatus.IN_PROGRESS: "#1565c0",
    MeasureStatus.AWAITING_VERIFICATION: "#ef6c00",
    MeasureStatus.DONE: "#2e7d32",
    MeasureStatus.NOT_DONE: "#6d4c41",
}


class FindingColumn(IntEnum):
    FOUND_ON = 0
    STATION = 1
    SOURCE = 2
    CATEGORY = 3
    TEXT = 4
    MEASURES = 5


FINDING_HEADERS = {
    FindingColumn.FOUND_ON: N_("日期"),
    FindingColumn.STATION: N_("供电所党支部"),
    FindingColumn.SOURCE: N_("来源"),
    FindingColumn.CATEGORY: N_("类别"),
    FindingColumn.TEXT: N_("问题"),
    FindingColumn.MEASURES: N_("措施数"),
}


class FindingModel(RowTableModel["FindingItem"]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(FindingColumn, FINDING_HEADERS, parent)

    def set_rows(self, rows: list[FindingItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        item = self.shown_row(index)
        if item is None or role not in (Role.DisplayRole, Role.ToolTipRole):
            return None
        row, column = item.row, FindingColumn(index.column())
        if column is FindingColumn.TEXT or role == Role.ToolTipRole:
            return row.description
        return {
            FindingColumn.FOUND_ON: lambda: row.found_on.isoformat(),
            FindingColumn.STATION: lambda: row.station,
            FindingColumn.SOURCE: lambda: label(row.source),
            FindingColumn.CATEGORY: lambda: label(row.category),
            FindingColumn.MEASURES: lambda: str(item.measures),
        }[column]()


class MeasureColumn(IntEnum):
    """What a reader looks for first comes first: on a narrow window the rest scrolls."""

    TITLE = 0
    STATUS = 1
    DUE = 2
    PRIORITY = 3
    OWNERS = 4
    FINDING = 5
    LAST = 6


MEASURE_HEADERS = {
    MeasureColumn.TITLE: N_("措施"),
    MeasureColumn.STATUS: N_("状态"),
    MeasureColumn.DUE: N_("期限"),
    MeasureColumn.PRIORITY: N_("优先级"),
    MeasureColumn.OWNERS: N_("责任／共同落实"),
    MeasureColumn.FINDING: N_("问题"),
    MeasureColumn.LAST: N_("最近记录"),
}


LONG_COLUMNS = (
    MeasureColumn.TITLE,
    MeasureColumn.OWNERS,
    MeasureColumn.FINDING,
    MeasureColumn.LAST,
)


@dataclass(frozen=True)
class MeasureFilter:
    status: MeasureStatus | None = None
    station: uuid.UUID | None = None
    text: str = ""
    overdue_only: bool = False

    def accepts(self, row: MeasureRow) -> bool:
        text = self.text.strip().casefold()
        words = (row.title, row.finding, row.owner, row.co_owner)
        return (
            (self.status is None or row.status is self.status)
            and (self.station is None or row.station_branch_id == self.station)
            and (not text or any(text in word.casefold() for word in words))
            and (row.overdue or not self.overdue_only)
        )


class MeasureModel(FilteredTableModel["MeasureRow"]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(MeasureColumn, MEASURE_HEADERS, MeasureFilter(), parent)
        self.today = date.today()

    def set_measures(self, rows: list[MeasureRow], today: date) -> None:
        self.today = today
        self.set_rows(rows)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        row = self.shown_row(index)
        if row is None:
            return None
        column = MeasureColumn(index.column())
        if role == Role.DisplayRole:
            return self._text(row, column)
        if role == Role.ToolTipRole and column in LONG_COLUMNS:
            return self._text(row, column)
        if role == Role.ForegroundRole:
            return self._colour(row, column)
        return None

    def _text(self, row: MeasureRow, column: MeasureColumn) -> str:
        if column is MeasureColumn.DUE:
            return self._due_text(row)
        if column is MeasureColumn.LAST:
            last = row.last_entry
            return f"{label(last.kind)}：{last.text}" if last and last.text else _last_kind(row)
        return {
            MeasureColumn.TITLE: lambda: row.title,
            MeasureColumn.FINDING: lambda: row.finding,
            MeasureColumn.OWNERS: lambda: f"{row.owner}／{row.co_owner}",
            MeasureColumn.PRIORITY: lambda: label(row.priority),
            MeasureColumn.STATUS: lambda: label(row.status),
        }[column]()

    def _due_text(self, row: MeasureRow) -> str:
        due = row.due_on.isoformat()
        if not row.overdue:
            return due
        return _("{date}（逾期 {days} 天）", date=due, days=(self.today - row.due_on).days)

    def _colour(self, row: MeasureRow, column: MeasureColumn) -> QBrush | None:
        if column is MeasureColumn.STATUS:
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        if column is MeasureColumn.DUE and row.overdue:
            return QBrush(QColor(ERROR_COLOUR))
        return None

    def index_of(self, measure_id: uuid.UUID | None) -> QModelIndex:
        row = self.row_of(measure_id) if measure_id else None
        return self.index(row, 0) if row is not None else QModelIndex()


def _last_kind(row: MeasureRow) -> str:
    return label(row.last_entry.kind) if row.last_entry else ""
