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

    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLineEdit, QMenu

    from redpair_desktop.services.org.tree import OrgTree
    from redpair_desktop.ui.org.branch_panel import BranchPanel
    from redpair_desktop.ui.org.first_run_page import FirstRunPage
    from redpair_desktop.ui.org.tree_model import OrgTreeModel, TreeNode
    from redpair_desktop.ui.org.tree_view import OrgTreeView
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
        self.tree: OrgTreeView | None = None
        self.search: QLineEdit | None = None
        self.context_menu: QMenu | None = None
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
        self.tree.apply_filter(self.search.text())
        self.edit_bar.update_actions()
        if not tree.branches:  # a new database: start where the first branch will go
            self.select_node(tree.units[0].id)
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
        from PySide6.QtWidgets import QSplitter, QTabWidget

        from redpair_desktop.ui.org.branch_panel import BranchPanel
        from redpair_desktop.ui.rosters.panel import RosterPanel

        self.panel = BranchPanel()
        self.roster = RosterPanel(self.backend, self._report_error)
        self.roster.roster_changed.connect(self._on_roster_changed)
        self.tabs = QTabWidget(objectName="orgTabs")
        self.tabs.addTab(self.panel, _("基本情况"))
        self.tabs.addTab(self.roster, _("花名册"))
        self.tabs.currentChanged.connect(lambda _index: self._load_roster_if_shown())
        splitter = QSplitter()
        splitter.addWidget(self._build_tree_pane())
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 780])
        self._browser = splitter
        self.stack.addWidget(splitter)
        self.panel.edit_info_requested.connect(self.edit_bar.edit_branch_info)
        if self.backend.workspace is None:  # not before the database is open: start-up first
            self.backend.opened.connect(self._prepare_name_search)
        else:
            self._prepare_name_search()

    def _prepare_name_search(self, *_workspace: object) -> None:
        """Read the pinyin table on the worker, so the first keystroke of a search (on the GUI
        thread) does not wait for it."""
        self.backend.call(ops.prepare_name_search, lambda _result: None)

    def _build_tree_pane(self) -> QWidget:
        """The edit bar, the search line and the tree; the edit shortcuts work in the tree."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QKeySequence
        from PySide6.QtWidgets import QLineEdit

        from redpair_desktop.ui.org.edit_bar import OrgEditBar
        from redpair_desktop.ui.org.tree_view import OrgTreeView

        self.tree = OrgTreeView()
        self.tree.context_menu_requested.connect(self._on_tree_context_menu_requested)
        self.edit_bar = OrgEditBar(
            self.backend, self._report_error, self.current_node, lambda: self._tree_data
        )
        self.edit_bar.tree_changed.connect(self._on_edit_bar_tree_changed)
        self.edit_bar.branch_info_changed.connect(self._on_edit_bar_branch_info_changed)
        self.tree.addActions(self.edit_bar.actions_for_menu())
        self.search = QLineEdit(objectName="orgTreeSearch")
        self.search.setPlaceholderText(_("搜索单位或党支部（名称、拼音首字母）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.search.installEventFilter(self)
        find = QAction(_("搜索组织树"), self.tree, objectName="findInTreeAction")
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._on_find_triggered)
        self.tree.addAction(find)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit_bar)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        return pane

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

    def eventFilter(self, watched, event) -> bool:
        """Down or Escape in the search line goes to the tree (Escape clears the search first)."""
        from PySide6.QtCore import QEvent, Qt

        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down:
                self._go_to_first_match()
                return True
            if event.key() == Qt.Key.Key_Escape:
                if self.search.text():
                    self.search.clear()
                else:
                    self.tree.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _on_find_triggered(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search_text_changed(self, text: str) -> None:
        if self.tree is not None:
            self.tree.apply_filter(text)

    def _on_search_return_pressed(self) -> None:
        self._go_to_first_match()

    def _go_to_first_match(self) -> None:
        first = self.tree.apply_filter(self.search.text())
        if first.isValid():
            self.tree.setCurrentIndex(first)
            self.tree.scrollTo(first)
        self.tree.setFocus()

    def _on_tree_context_menu_requested(self, where: QPoint) -> None:
        from PySide6.QtWidgets import QMenu

        if self.context_menu is not None:
            self.context_menu.close()
            self.context_menu.deleteLater()
        self.context_menu = QMenu(self.tree, objectName="orgTreeMenu")
        actions = self.edit_bar.actions_for_menu()
        self.context_menu.addActions(actions[:-1])
        self.context_menu.addSeparator()
        self.context_menu.addAction(actions[-1])  # retiring, apart from the rest
        self.context_menu.popup(where)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.edit_bar.update_actions()
        self._roster_scope_stale = True
        branch_id = self.model.branch_id(current)
        if branch_id is not None:
            self._load_summary(branch_id)
        else:
            self.panel.show_unit(has_branches=bool(self._tree_data and self._tree_data.branches))
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

    def _on_edit_bar_branch_info_changed(self, branch_id: uuid.UUID) -> None:
        if self.model is not None and self.model.branch_id(self.tree.currentIndex()) == branch_id:
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
