"""The activity list as a table: what the type and pairing filters keep, newest first, with the
members' counts 应到/实到/请假/缺席."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from redpair_desktop.domain.activities.codes import ActivityType
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.pinyin_keys import matches, search_key
from redpair_desktop.i18n import N_
from redpair_desktop.ui.widgets.row_table import FilteredTableModel, Index

if TYPE_CHECKING:
    from redpair_desktop.services.activities.activities import ActivityRow


class Column(IntEnum):
    TYPE = 0
    DATE = 1
    TITLE = 2
    PLACE = 3
    PAIRING = 4
    EXPECTED = 5
    PRESENT = 6
    EXCUSED = 7
    ABSENT = 8


HEADERS = {
    Column.TYPE: N_("类型"),
    Column.DATE: N_("日期"),
    Column.TITLE: N_("活动标题"),
    Column.PLACE: N_("地点"),
    Column.PAIRING: N_("结对"),
    Column.EXPECTED: N_("应到"),
    Column.PRESENT: N_("实到"),
    Column.EXCUSED: N_("请假"),
    Column.ABSENT: N_("缺席"),
}

CELLS: dict[Column, Callable[[ActivityRow], Any]] = {
    Column.TYPE: lambda row: label(row.type),
    Column.DATE: lambda row: row.held_on.isoformat(),
    Column.TITLE: lambda row: row.title,
    Column.PLACE: lambda row: row.place,
    Column.PAIRING: lambda row: row.pairing,
    Column.EXPECTED: lambda row: row.expected,
    Column.PRESENT: lambda row: row.present,
    Column.EXCUSED: lambda row: row.excused,
    Column.ABSENT: lambda row: row.absent,
}
COUNT_COLUMNS = (Column.EXPECTED, Column.PRESENT, Column.EXCUSED, Column.ABSENT)


@dataclass(frozen=True)
class ActivityFilter:
    type: ActivityType | None = None
    pairing_id: uuid.UUID | None = None
    text: str = ""  # part of the title or place, or its pinyin

    def accepts(self, row: ActivityRow) -> bool:
        if self.type is not None and row.type is not self.type:
            return False
        if self.pairing_id is not None and row.pairing_id != self.pairing_id:
            return False
        return not self.text or matches(search_key([row.title, row.place]), self.text)


class ActivityTableModel(FilteredTableModel["ActivityRow"]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(Column, HEADERS, ActivityFilter(), parent)

    # --- Qt overrides -------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.shown_row(index) is None:
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return CELLS[column](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in COUNT_COLUMNS:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.TITLE:
            return row.title
        return None
