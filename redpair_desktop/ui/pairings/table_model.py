"""The registry's rows as a table: what the filter keeps, sortable by any column, with the
flagged pairings marked (临近到期 in amber, 到期未续签 in red, 终止 in grey)."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from redpair_desktop.domain.enums import PairingStatus
from redpair_desktop.domain.pairings.filters import PairingFilter
from redpair_desktop.domain.pairings.labels import flag_label, partner_type_label, status_label
from redpair_desktop.domain.pairings.rules import PairingFlag
from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.widgets.row_table import FilteredTableModel, Index

if TYPE_CHECKING:
    from redpair_desktop.services.pairings.registry import PairingRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FLAG_COLOURS = {
    PairingFlag.ENDING_SOON: QColor("#9a5b00"),
    PairingFlag.NOT_RENEWED: QColor("#c62828"),
}
FLAG_BACKGROUNDS = {
    PairingFlag.ENDING_SOON: QColor("#fff4e0"),
    PairingFlag.NOT_RENEWED: QColor("#fdecea"),
}
TERMINATED_COLOUR = QColor("#757575")


class Column(IntEnum):
    LEAD = 0
    PARTNER_TYPE = 1
    STATION = 2
    START = 3
    END = 4
    STATUS = 5
    LIAISONS = 6


HEADERS = {
    Column.LEAD: N_("牵头党支部"),
    Column.PARTNER_TYPE: N_("牵头方类型"),
    Column.STATION: N_("供电所党支部"),
    Column.START: N_("开始日期"),
    Column.END: N_("结束日期"),
    Column.STATUS: N_("状态"),
    Column.LIAISONS: N_("联络员（牵头方 / 供电所）"),
}


def status_text(row: PairingRow) -> str:
    """“进行中 · 临近到期”, “到期未续签”, “终止（2025-06-30）” …"""
    text = status_label(row.status, row.flags)
    if PairingFlag.ENDING_SOON in row.flags:
        return f"{text} · {flag_label(PairingFlag.ENDING_SOON)}"
    if row.status is PairingStatus.TERMINATED and row.terminated_on:
        return _("{status}（{on}）", status=text, on=row.terminated_on.isoformat())
    return text


def liaisons_text(row: PairingRow) -> str:
    if not (row.lead_liaison or row.station_liaison):
        return ""
    return f"{row.lead_liaison or '—'} / {row.station_liaison or '—'}"


CELLS: dict[Column, Callable[[PairingRow], str]] = {
    Column.LEAD: lambda row: row.lead_branch,
    Column.PARTNER_TYPE: lambda row: partner_type_label(row.partner_type),
    Column.STATION: lambda row: row.station_branch,
    Column.START: lambda row: row.started_on.isoformat(),
    Column.END: lambda row: row.ended_on.isoformat() if row.ended_on else "",
    Column.STATUS: status_text,
    Column.LIAISONS: liaisons_text,
}


class PairingTableModel(FilteredTableModel["PairingRow"]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(Column, HEADERS, PairingFilter(), parent)
        self._sort: tuple[int, Qt.SortOrder] = (Column.START, Qt.SortOrder.DescendingOrder)

    # --- contents -----------------------------------------------------------------------

    def shown_rows(self) -> list[PairingRow]:
        return list(self._rows)

    def accepts(self, row: PairingRow) -> bool:
        return self._filter.accepts(row.facts)

    def arranged(self, rows: list[PairingRow]) -> list[PairingRow]:
        column, order = self._sort
        key = CELLS[Column(column)]
        return sorted(rows, key=key, reverse=order is Qt.SortOrder.DescendingOrder)

    # --- Qt overrides -------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.shown_row(index) is None:
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return CELLS[Column(index.column())](row)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            return _foreground(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return next((FLAG_BACKGROUNDS[f] for f in row.flags), None)
        if role == Qt.ItemDataRole.ToolTipRole and row.notes:
            return row.notes
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(Column):
            self._sort = (column, order)
            self._refresh()


def _foreground(row: PairingRow) -> QColor | None:
    if row.status is PairingStatus.TERMINATED:
        return TERMINATED_COLOUR
    return next((FLAG_COLOURS[flag] for flag in row.flags), None)
