"""结对与协议: the pairing registry (agreements arrive with their own capability)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import page_title
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.pairings import ops

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.pairings.registry import PairingRow
    from redpair_desktop.ui.sections import PageContext, Section


class PairingsPage(QWidget):
    """Reloads the registry each time the page is shown."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_pairings")
        self.backend = backend
        title = page_title(_("结对登记"))
        self.summary = QLabel(objectName="pairingSummary")
        self.table = QTableView(objectName="pairingTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(_("协议起草、签署与打印将在“共建协议”功能中提供。"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.backend.call(ops.list_pairings, self.show_pairings)

    def show_pairings(self, rows: list[PairingRow]) -> None:
        headers = [
            _("牵头党支部"),
            _("牵头方类型"),
            _("供电所党支部"),
            _("开始日期"),
            _("结束日期"),
            _("状态"),
        ]
        model = QStandardItemModel(0, len(headers), self)
        model.setHorizontalHeaderLabels(headers)
        for row in rows:
            cells = [
                row.lead_branch,
                label(row.lead_kind),
                row.station_branch,
                row.started_on.isoformat(),
                row.ended_on.isoformat() if row.ended_on else "",
                label(row.status),
            ]
            items = [QStandardItem(text) for text in cells]
            model.appendRow(items)
        self.table.setModel(model)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        stations = len({row.station_branch for row in rows})
        self.summary.setText(
            _(
                "共 {count} 次结对，涉及 {stations} 个供电所党支部。",
                count=len(rows),
                stations=stations,
            )
        )


def build_page(context: PageContext, section: Section) -> PairingsPage:
    return PairingsPage(context.backend)
