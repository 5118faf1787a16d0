"""The inspection list as a table: what the station and text filters keep, newest first; a
corrected inspection shows as its newest version (已更正), a 补录 one is marked in its status."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from redpair_desktop.domain.inspections.codes import InspectionStatus
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.pinyin_keys import matches, search_key
from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.widgets.row_table import FilteredTableModel, Index

if TYPE_CHECKING:
    from redpair_desktop.services.inspections.listing import InspectionRow

DRAFT_COLOUR = QColor("#8a6d00")


class Column(IntEnum):
    DATE = 0
    STATION = 1
    TITLE = 2
    TEMPLATES = 3
    STATUS = 4
    SCORE = 5
    FINDINGS = 6


HEADERS = {
    Column.DATE: N_("日期"),
    Column.STATION: N_("受检单位"),
    Column.TITLE: N_("检查标题"),
    Column.TEMPLATES: N_("检查表"),
    Column.STATUS: N_("状态"),
    Column.SCORE: N_("得分"),
    Column.FINDINGS: N_("问题数"),
}


def status_text(row: InspectionRow) -> str:
    """草稿, 已完成, or 已更正 for a completed correction (with its version); · 补录 for one
    entered from a paper checklist."""
    if row.version == 1:
        text = label(row.status)
    elif row.status is InspectionStatus.COMPLETED:
        text = _("已更正（第 {version} 版）", version=row.version)
    else:
        text = _("更正草稿（第 {version} 版）", version=row.version)
    return _("{status} · 补录", status=text) if row.backfilled else text


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:g}"


CELLS: dict[Column, Callable[[InspectionRow], Any]] = {
    Column.DATE: lambda row: row.held_on.isoformat(),
    Column.STATION: lambda row: row.station,
    Column.TITLE: lambda row: row.title,
    Column.TEMPLATES: lambda row: row.template,
    Column.STATUS: status_text,
    Column.SCORE: lambda row: score_text(row.score),
    Column.FINDINGS: lambda row: row.findings,
}
CENTRED = (Column.SCORE, Column.FINDINGS)


@dataclass(frozen=True)
class InspectionFilter:
    station_branch_id: uuid.UUID | None = None
    text: str = ""  # part of the title, station or checklists, or its pinyin

    def accepts(self, row: InspectionRow) -> bool:
        if self.station_branch_id is not None and row.station_branch_id != self.station_branch_id:
            return False
        return not self.text or matches(
            search_key([row.title, row.station, row.template]), self.text
        )


class InspectionTableModel(FilteredTableModel["InspectionRow"]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(Column, HEADERS, InspectionFilter(), parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.shown_row(index)
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return CELLS[column](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in CENTRED:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS:
            return DRAFT_COLOUR if row.status is InspectionStatus.DRAFT else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.TITLE, Column.TEMPLATES):
            return CELLS[column](row)
        return None
