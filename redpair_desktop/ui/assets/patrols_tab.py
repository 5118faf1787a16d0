"""线路巡视 (a tab of 检查与巡视): the lines register (line, station, the village it serves,
poles, 公变, 专变) and, below, the patrols of the selected line (date, patroller, status,
defects). Ctrl+N 新建巡视… opens a patrol and its window; Enter (or a double click) opens the
selected patrol; Ctrl+P and Ctrl+Shift+P preview its record and the blank sheet. The row menu
(right click, Menu key) holds the patrol's actions."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.i18n import _
from redpair_desktop.ui.assets import ops
from redpair_desktop.ui.assets.new_patrol_dialog import NewPatrolDialog
from redpair_desktop.ui.assets.patrol_window import PatrolWindow, open_patrol_window
from redpair_desktop.ui.assets.table_models import PlainTableModel, line_model, patrol_list_model
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions, add_shortcut
from redpair_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from redpair_desktop.ui.widgets.row_menu import offer_row_menu, show_at_selection

if TYPE_CHECKING:
    from redpair_desktop.services.assets.listing import LineRow, PatrolRow
    from redpair_desktop.ui.sections import PageContext

PATROL_ACTIONS = ("open", "print", "blank")


class PatrolsTab(QWidget):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patrolsTab")
        self.backend, self.report_error, self.today = backend, report_error, today
        self.loaded = False  # the lines have arrived at least once (tests wait for it)
        self.dialog: NewPatrolDialog | None = None
        self.window_: PatrolWindow | None = None  # the one opened last
        self.windows: dict[uuid.UUID, PatrolWindow] = {}
        self.preview: PdfPreviewDialog | None = None
        self.lines_model: PlainTableModel[LineRow] = line_model(self)
        self.patrols_model: PlainTableModel[PatrolRow] = patrol_list_model(self)
        self.lines = _table("lineTable", self.lines_model)
        self.lines.selectionModel().selectionChanged.connect(lambda *_a: self._load_patrols())
        self.patrols = _table("patrolTable", self.patrols_model)
        self.patrols.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.patrols.activated.connect(lambda _index: self.open_selected())
        offer_row_menu(self.patrols, self._show_row_menu)
        self.bar = ActionBar()
        self.actions = self._build_actions()
        self._build_layout()
        self._update_actions()

    def _build_actions(self) -> dict[str, QAction]:
        actions = add_actions(self, self.bar, "patrols", (
            ("new", _("新建巡视…"), self.new_patrol, [QKeySequence.StandardKey.New]),
            ("open", _("打开巡视"), self.open_selected, []),
            ("print", _("打印巡视记录…"), lambda: self.preview_printout(False),
             [QKeySequence.StandardKey.Print]),
            ("blank", _("空白巡视记录表…"), lambda: self.preview_printout(True), ["Ctrl+Shift+P"]),
        ))  # fmt: skip
        actions["open"].setToolTip(_("打开巡视 (Enter)"))
        menu_key = QAction(self, objectName="patrols_menu")
        menu_key.triggered.connect(lambda: show_at_selection(self.patrols, self._show_row_menu))
        add_shortcut(self.patrols, menu_key, [Qt.Key.Key_Menu, "Shift+F10"])
        return actions

    def _build_layout(self) -> None:
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(_("所选线路的巡视")))
        column.addWidget(self.patrols, 1)
        upper = QWidget()
        top = QVBoxLayout(upper)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(_("线路台账")))
        top.addWidget(self.lines, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="patrolsSplitter")
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.lines, self.patrols)

    # --- loading ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        self.backend.call(ops.lines, self._on_lines, self.report_error)

    def _on_lines(self, rows: list[LineRow]) -> None:
        keep = self.selected_line()
        self.lines_model.set_rows(rows)
        row = self.lines_model.row_of(keep.id) if keep else None
        if self.lines_model.rowCount():
            self.lines.selectRow(row or 0)
        self.loaded = True

    def selected_line(self) -> LineRow | None:
        rows = self.lines.selectionModel().selectedRows()
        return self.lines_model.row_at(rows[0].row()) if rows else None

    def selected_patrol(self) -> PatrolRow | None:
        rows = self.patrols.selectionModel().selectedRows()
        return self.patrols_model.row_at(rows[0].row()) if rows else None

    def _load_patrols(self, select: uuid.UUID | None = None) -> None:
        line = self.selected_line()
        line_id = line.id if line else None
        keep = select or (patrol.id if (patrol := self.selected_patrol()) else None)
        self.backend.call(
            lambda ws: ops.patrols(ws, line_id),
            lambda rows: self._on_patrols(line_id, rows, keep),
            self.report_error,
        )

    def _on_patrols(
        self, line_id: uuid.UUID | None, rows: list[PatrolRow], keep: uuid.UUID | None
    ) -> None:
        line = self.selected_line()
        if (line.id if line else None) != line_id:
            return  # another line was selected meanwhile
        self.patrols_model.set_rows(rows)
        row = self.patrols_model.row_of(keep) if keep else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.patrols.selectRow(row)
        self._update_actions()

    def _update_actions(self) -> None:
        for key in PATROL_ACTIONS:
            self.actions[key].setEnabled(self.selected_patrol() is not None)

    # --- actions ------------------------------------------------------------------------

    def new_patrol(self) -> None:
        line = self.selected_line()
        lines = [self.lines_model.row_at(n) for n in range(self.lines_model.rowCount())]
        self.dialog = NewPatrolDialog(
            self.backend, self.report_error, lines, line.id if line else None, self.today(), self
        )
        self.dialog.opened.connect(self._on_patrol_opened)
        self.dialog.open()

    def _on_patrol_opened(self, patrol_id: uuid.UUID) -> None:
        self._load_patrols(patrol_id)
        self._open_window(patrol_id)

    def open_selected(self) -> None:
        patrol = self.selected_patrol()
        if patrol is not None:
            self._open_window(patrol.id)

    def _open_window(self, patrol_id: uuid.UUID) -> None:
        """The patrol's window, raised if it is open already (a second copy would go stale)."""
        window = self.windows.get(patrol_id)
        if window is not None and window.isVisible():
            window.activateWindow()
        else:
            window = open_patrol_window(self.backend, self.report_error, patrol_id, self)
            window.changed.connect(lambda _id: self._load_patrols())
            self.windows[patrol_id] = window
        self.window_ = window

    def preview_printout(self, blank: bool) -> None:
        patrol = self.selected_patrol()
        if patrol is None:
            return
        title = _("空白巡视记录表") if blank else _("巡视记录")
        name = _("{printout}（{line} {date}）.pdf", printout=title, line=patrol.line,
                 date=patrol.patrolled_on)  # fmt: skip
        patrol_id = patrol.id
        self.backend.call(
            lambda ws: ops.printout(ws, patrol_id, blank),
            lambda data: self._show_preview(data, title, name),
            self.report_error,
        )

    def _show_preview(self, data: bytes, title: str, name: str) -> None:
        self.preview = PdfPreviewDialog(
            self.backend.runner, data, title, name, self.report_error, parent=self
        )
        self.preview.open()

    def _show_row_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="patrolsRowMenu")
        for key in PATROL_ACTIONS:
            self.row_menu.addAction(self.actions[key])
        self.row_menu.addSeparator()
        self.row_menu.addAction(self.actions["new"])
        self.row_menu.popup(where)


def _table(name: str, model: PlainTableModel) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def build_tab(context: PageContext) -> PatrolsTab:
    return PatrolsTab(context.backend, context.report_error)
