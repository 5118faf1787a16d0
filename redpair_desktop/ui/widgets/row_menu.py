"""Where a table's row menu opens: at a right-click on a row, or (Menu key, Shift+F10) at the
first selected row — never where there is no row to offer it for. ``offer_row_menu`` wires the
right-click, ``show_at_selection`` answers the keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView

ShowMenu = Callable[[QPoint], object]


def offer_row_menu(view: QAbstractItemView, show: ShowMenu) -> None:
    """A right-click on a row calls ``show`` with the global point clicked."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(
        lambda position: _show_at(clicked_row_point(view, position), show)
    )


def show_at_selection(view: QAbstractItemView, show: ShowMenu) -> None:
    """The Menu key or Shift+F10: ``show`` at the selected row, if a row is selected."""
    _show_at(selected_row_point(view), show)


def _show_at(where: QPoint | None, show: ShowMenu) -> None:
    if where is not None:
        show(where)


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
