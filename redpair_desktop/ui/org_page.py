"""组织与花名册: the organisation tree beside the selected branch's page."""

from __future__ import annotations

import uuid
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTreeView, QVBoxLayout, QWidget

from redpair_desktop.i18n import _
from redpair_desktop.ui.branch_panel import BranchPanel
from redpair_desktop.ui.first_run_page import FirstRunPage
from redpair_desktop.ui.org_tree_model import BRANCH_ID_ROLE, build_org_tree_model
from redpair_desktop.ui.paint_probe import PaintProbe

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.org_service import BranchSummary, OrgTree


class _View(IntEnum):
    MESSAGE = 0
    FIRST_RUN = 1
    BROWSER = 2


class OrgPage(QWidget):
    branch_selected = Signal(uuid.UUID)
    tree_shown = Signal()  # the tree (or the first-run page) is on screen with the data

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_org")
        self.message = QLabel(_("正在打开数据库……"))
        self.message.setObjectName("orgMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_run = FirstRunPage()

        self.tree = QTreeView()
        self.tree.setObjectName("orgTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.panel = BranchPanel()
        browser = QSplitter()
        browser.addWidget(self.tree)
        browser.addWidget(self.panel)
        browser.setStretchFactor(1, 1)
        browser.setSizes([340, 560])

        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.first_run)
        self.stack.addWidget(browser)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentIndex(_View.MESSAGE)

    def show_tree(self, tree: OrgTree) -> None:
        if tree.is_empty:
            self.first_run.set_busy(False)
            self._announce_when_painted(self.first_run)
            self.stack.setCurrentIndex(_View.FIRST_RUN)
            return
        model = build_org_tree_model(tree)
        self.tree.setModel(model)
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection_changed)
        self.tree.expandToDepth(0)
        self._announce_when_painted(self.tree.viewport())
        self.stack.setCurrentIndex(_View.BROWSER)

    def show_summary(self, summary: BranchSummary) -> None:
        self.panel.show_summary(summary)

    def _announce_when_painted(self, widget: QWidget) -> None:
        PaintProbe(widget).painted.connect(self.tree_shown)

    def _on_tree_selection_changed(self, selected: QItemSelection, _deselected: object) -> None:
        indexes = selected.indexes()
        branch_id = indexes[0].data(BRANCH_ID_ROLE) if indexes else None
        if branch_id is not None:
            self.branch_selected.emit(branch_id)
