"""The two tables' common shape: whole rows selected one at a time, read-only, Tab leaving the
table, short columns sized to their contents, long texts cut to a fixed width (whole in the
tooltip), and one text column taking the room the others leave — but never less than
``TEXT_MIN_WIDTH`` (a Stretch column shrinks to nothing on a narrow window; this one makes the
table scroll sideways instead)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

TEXT_MIN_WIDTH = 200  # px: about 12 characters of a measure or a finding
LONG_WIDTH = 150  # px: a long text beside the main one, cut


def row_table(
    model: QAbstractItemModel, name: str, text_column: int, long_columns: Iterable[int] = ()
) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in (text_column, *long_columns):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, LONG_WIDTH)
    TextColumnFit(table, text_column)
    return table


class TextColumnFit(QObject):
    """Keeps ``column`` as wide as the room the other columns leave (at least the minimum)."""

    def __init__(self, table: QTableView, column: int) -> None:
        super().__init__(table)
        self.table, self.column = table, column
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        table.model().modelReset.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.column:
            self.fit()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != self.column)
        free = self.table.viewport().width() - others
        header.resizeSection(self.column, max(TEXT_MIN_WIDTH, free))
