"""组织与花名册: the organisation tree beside the selected branch's page.

Until the data arrive the page is one label; the tree, the branch panel and the first-run page
are built when first needed, so the window's first paint stays cheap (touching PySide6's ``Qt``
namespace alone costs ~45 ms on a slow PC).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import styled
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.org import ops
from redpair_desktop.ui.paint_probe import PaintProbe

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    import uuid
    from collections.abc import Callable

    from PySide6.QtWidgets import QTreeView

    from redpair_desktop.services.org.tree import OrgTree
    from redpair_desktop.ui.org.branch_panel import BranchPanel
    from redpair_desktop.ui.org.first_run_page import FirstRunPage
    from redpair_desktop.ui.org.tree_model import OrgTreeModel, TreeNode
    from redpair_desktop.ui.sections import PageContext, Section


class OrgPage(QWidget):
    tree_shown = Signal()  # the tree (or the first-run page) is on screen with the data

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_org")
        self.backend = backend
        self._report_error = report_error
        self.message = QLabel(_("正在打开数据库……"), objectName="orgMessage")
        self.message.setWordWrap(True)
        styled(self.message)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._first_run: FirstRunPage | None = None
        self._browser: QWidget | None = None
        self.tree: QTreeView | None = None
        self.panel: BranchPanel | None = None
        self.model: OrgTreeModel | None = None
        self._tree_data: OrgTree | None = None
        self._roster_scope_stale = True

    # --- what the page shows ------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def load_tree(self) -> None:
        self.backend.call(ops.load_tree, self.show_tree)

    def show_tree(self, tree: OrgTree) -> None:
        if tree.is_empty:
            page = self.first_run
            page.set_busy(False)
            self._show_and_announce(page, page)
            return
        from redpair_desktop.ui.org.tree_model import OrgTreeModel

        self._ensure_browser()
        self._tree_data = tree
        self.model = OrgTreeModel(tree)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.expandToDepth(0)
        self.edit_bar.update_actions()
        self._show_and_announce(self._browser, self.tree.viewport())

    def select_node(self, node_id: uuid.UUID | None) -> None:
        if node_id is None or self.model is None:
            return
        index = self.model.index_of(node_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    @property
    def first_run(self) -> FirstRunPage:
        if self._first_run is None:
            from redpair_desktop.ui.org.first_run_page import FirstRunPage

            self._first_run = FirstRunPage()
            self._first_run.demo_requested.connect(self._on_first_run_demo_requested)
            self._first_run.empty_requested.connect(self._on_first_run_empty_requested)
            self.stack.addWidget(self._first_run)
        return self._first_run

    def _ensure_browser(self) -> None:
        if self._browser is not None:
            return
        from PySide6.QtWidgets import QSplitter, QTabWidget, QTreeView

        from redpair_desktop.ui.org.branch_panel import BranchPanel
        from redpair_desktop.ui.org.edit_bar import OrgEditBar
        from redpair_desktop.ui.rosters.panel import RosterPanel

        self.tree = QTreeView(objectName="orgTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.edit_bar = OrgEditBar(
            self.backend, self._report_error, self.current_node, lambda: self._tree_data
        )
        self.edit_bar.tree_changed.connect(self._on_edit_bar_tree_changed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.edit_bar)
        left_layout.addWidget(self.tree, 1)
        self.panel = BranchPanel()
        self.roster = RosterPanel(self.backend, self._report_error)
        self.roster.roster_changed.connect(self._on_roster_changed)
        self.tabs = QTabWidget(objectName="orgTabs")
        self.tabs.addTab(self.panel, _("基本情况"))
        self.tabs.addTab(self.roster, _("花名册"))
        self.tabs.currentChanged.connect(lambda _index: self._load_roster_if_shown())
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 780])
        self._browser = splitter
        self.stack.addWidget(splitter)

    def current_node(self) -> TreeNode | None:
        if self.model is None or self.tree is None:
            return None
        return self.model.node(self.tree.currentIndex())

    def show_roster(self) -> None:
        """Bring the roster tab forward (its data load when it shows)."""
        self.tabs.setCurrentWidget(self.roster)

    def _show_and_announce(self, page: QWidget, painted: QWidget) -> None:
        PaintProbe(painted).painted.connect(self.tree_shown)
        self.stack.setCurrentWidget(page)

    # --- user actions -------------------------------------------------------------------

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.edit_bar.update_actions()
        self._roster_scope_stale = True
        branch_id = self.model.branch_id(current)
        if branch_id is not None:
            self._load_summary(branch_id)
        else:
            self.panel.show_unit()
        self._load_roster_if_shown()

    def _load_summary(self, branch_id: uuid.UUID) -> None:
        self.backend.call(
            lambda ws: ops.branch_summary(ws, branch_id),
            self.panel.show_summary,
        )

    def _load_roster_if_shown(self) -> None:
        if self.tabs.currentWidget() is not self.roster or not self._roster_scope_stale:
            return
        index = self.tree.currentIndex()
        node = self.model.node(index)
        if node is None:
            return
        self._roster_scope_stale = False
        branch = node.name if node.is_branch else None
        self.roster.load(self.model.branch_ids_under(index), node.name, branch)

    def _on_roster_changed(self) -> None:
        branch_id = self.model.branch_id(self.tree.currentIndex()) if self.model else None
        if branch_id is not None:
            self._load_summary(branch_id)

    def _on_edit_bar_tree_changed(self, select_id: uuid.UUID | None) -> None:
        def reselect(tree: OrgTree) -> None:
            self.show_tree(tree)
            self.select_node(select_id)

        self.backend.call(ops.load_tree, reselect)

    def _on_first_run_demo_requested(self) -> None:
        self.backend.call(ops.load_demo, self.show_tree, self._on_first_run_failed)

    def _on_first_run_empty_requested(self, company: str) -> None:
        self.backend.call(
            lambda ws: ops.start_company(ws, company), self.show_tree, self._on_first_run_failed
        )

    def _on_first_run_failed(self, error: BaseException) -> None:
        self.first_run.set_busy(False)
        self._report_error(error)


def build_page(context: PageContext, section: Section) -> OrgPage:
    return OrgPage(context.backend, context.report_error)
