"""Where a table's row menu opens: at a right-click on a row, or (Menu key, Shift+F10) at the
first selected row. Both return None when there is no row to offer the menu for."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView


def clicked_row_point(view: QAbstractItemView, position: QPoint) -> QPoint | None:
    """The global point of a right-click at ``position`` (viewport coordinates) on a row."""
    if not view.indexAt(position).isValid():
        return None
    return view.viewport().mapToGlobal(position)


def selected_row_point(view: QAbstractItemView) -> QPoint | None:
    """The global centre of the first selected row."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    return view.viewport().mapToGlobal(view.visualRect(rows[0]).center())
