"""The organisation tree's view: a context menu by right-click or the Menu key, and a filter
that keeps the units and branches matching a search (name, short name, pinyin initials)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QTreeView, QWidget

from redpair_desktop.ui.org.tree_model import OrgTreeModel
from redpair_desktop.ui.widgets.org_picker import matches


class OrgTreeView(QTreeView):
    context_menu_requested = Signal(QPoint)  # where to show it, in global coordinates

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orgTree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right-click selects the row under the mouse; the Menu key uses the current row."""
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            if not index.isValid():
                return
            self.setCurrentIndex(index)
            where = event.globalPos()
        else:
            index = self.currentIndex()
            if not index.isValid():
                return
            self.scrollTo(index)
            where = self.viewport().mapToGlobal(self.visualRect(index).bottomLeft())
        self.context_menu_requested.emit(where)

    def apply_filter(self, text: str) -> QModelIndex:
        """Show only matches, the units above them and the rows under a matching unit; expand
        down to every match. Returns the first match (invalid when nothing matches)."""
        model = self.model()
        if not isinstance(model, OrgTreeModel):
            return QModelIndex()
        query = text.strip()
        found: list[QModelIndex] = []
        self._filter_children(model, QModelIndex(), query, not query, found)
        if not query:
            self.collapseAll()
            self.expandToDepth(0)
            if self.currentIndex().isValid():
                self.scrollTo(self.currentIndex())
        return found[0] if found else QModelIndex()

    def _filter_children(
        self,
        model: OrgTreeModel,
        parent: QModelIndex,
        query: str,
        parent_matched: bool,
        found: list[QModelIndex],
    ) -> bool:
        """Filter the rows under ``parent``; True when one of them, or a row below, matches."""
        any_match = False
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            own = bool(query) and matches(model.search_key(index), query)
            if own:
                found.append(index)
            below = self._filter_children(model, index, query, parent_matched or own, found)
            self.setRowHidden(row, parent, not (parent_matched or own or below))
            if query:
                self.setExpanded(index, below)
            any_match = any_match or own or below
        return any_match
