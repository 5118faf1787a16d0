"""The selected measure's log, oldest first: every progress entry (with its evidence photo's
thumbnail), 督办, submission, verification, closing and re-opening — when, what, who, the text
and the status after it. The thumbnails arrive as bytes from the worker; Enter or a double
click on an entry with a photo opens its original (the page does)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.measures.ops import LogEntry

THUMBNAIL = QSize(96, 72)
HEADERS = (lambda: _("时间"), lambda: _("记录"), lambda: _("记录人"), lambda: _("内容"),
           lambda: _("之后状态"))  # fmt: skip
TEXT_COLUMN = 3


class MeasureLog(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(HEADERS))
        self.setObjectName("measureLog")
        self.setHorizontalHeaderLabels([header() for header in HEADERS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setIconSize(THUMBNAIL)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)

    def show_entries(self, entries: list[LogEntry]) -> None:
        self.setRowCount(0)
        for entry in entries:
            self._append(entry)
        self.resizeRowsToContents()

    def _append(self, entry: LogEntry) -> None:
        row, at = self.rowCount(), entry.row
        self.insertRow(row)
        cells = (_local(at.at), label(at.kind), at.author, at.text, label(at.status))
        for column, text in enumerate(cells):
            self.setItem(row, column, QTableWidgetItem(text))
        if entry.thumbnail is not None:
            pixmap = QPixmap()
            pixmap.loadFromData(entry.thumbnail)
            item = self.item(row, TEXT_COLUMN)
            item.setIcon(QIcon(pixmap))
            item.setToolTip(_("附佐证照片"))
            item.setData(Qt.ItemDataRole.UserRole, at.photo_path)

    def texts(self) -> list[list[str]]:
        """What the log shows, row by row (for reading it back)."""
        return [
            [self.item(row, column).text() for column in range(self.columnCount())]
            for row in range(self.rowCount())
        ]

    def photo_at(self, row: int) -> str | None:
        """The evidence photo of entry ``row`` (its original, relative to the data folder)."""
        item = self.item(row, TEXT_COLUMN)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def photo_rows(self) -> list[int]:
        return [
            row for row in range(self.rowCount()) if not self.item(row, TEXT_COLUMN).icon().isNull()
        ]


def _local(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")
