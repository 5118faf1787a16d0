"""现场检查: every inspection (its newest version) — date, station, title, checklists, status
(补录 marked there), score, findings — filtered by station and text.

Ctrl+N 新建检查… (the dialog, then the run window of the new draft); Enter opens the selected
one (a draft to fill in, a completed one read-only); Ctrl+P previews its 检查记录 (the same PDF as
``redpair inspection pdf``) and Ctrl+Shift+P its blank checklist for paper; Ctrl+E 更正… makes
a new draft version of a completed inspection and opens it. The row menu (right click, Menu
key) holds them all."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.codes import InspectionStatus
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.inspections import ops
from redpair_desktop.ui.inspections.new_dialog import NewInspectionDialog
from redpair_desktop.ui.inspections.run_window import RunWindow
from redpair_desktop.ui.inspections.table_model import (
    Column,
    InspectionFilter,
    InspectionTableModel,
)
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions, add_shortcut
from redpair_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from redpair_desktop.ui.widgets.row_menu import offer_row_menu, show_at_selection

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.inspections.listing import InspectionRow
    from redpair_desktop.ui.sections import PageContext


class InspectionsTab(QWidget):
    """Reloads the list when shown, after each change and when a run window says so."""

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionsTab")
        self.backend, self.report_error, self.today = backend, report_error, today
        self.loaded = False  # the list has arrived at least once (tests wait for it)
        self.dialog: NewInspectionDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.windows: dict[uuid.UUID, RunWindow] = {}
        self.model = InspectionTableModel(self)
        self.station = QComboBox(objectName="inspectionStationFilter")
        self.station.setAccessibleName(_("受检单位"))
        self.station.currentIndexChanged.connect(lambda _index: self._apply_filter())
        self.search = QLineEdit(objectName="inspectionSearch")
        self.search.setPlaceholderText(_("查找标题、受检单位或检查表（可用拼音首字母）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._apply_filter())
        self.table = self._build_table()
        self.message = error_label("inspectionMessage")
        self.message.hide()
        self.actions_bar = ActionBar()
        self.actions_bar.setObjectName("inspectionActions")
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        filters = QHBoxLayout()
        filters.addWidget(self.station)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.station, self.search)
        self.setTabOrder(self.search, self.table)
        self._set_stations([])
        self._on_selection_changed()

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="inspectionTable")
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.TEMPLATES, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().selectionChanged.connect(lambda *_a: self._on_selection_changed())
        table.activated.connect(lambda _index: self.open_selected())  # Enter, double-click
        offer_row_menu(table, self._show_row_menu)
        return table

    def _build_actions(self) -> None:
        self.actions = add_actions(self, self.actions_bar, "inspection", (
            ("new", _("新建检查…"), self.new_inspection, [QKeySequence.StandardKey.New]),
            ("open", _("打开"), self.open_selected, []),
            ("print", _("打印检查记录…"), lambda: self.preview_printout(False),
             [QKeySequence.StandardKey.Print]),
            ("blank", _("空白检查表…"), lambda: self.preview_printout(True), ["Ctrl+Shift+P"]),
            ("correct", _("更正…"), self.correct_selected, ["Ctrl+E"]),
        ))  # fmt: skip
        self.actions["open"].setToolTip(_("打开 (Enter)"))
        menu_key = QAction(self, objectName="inspection_menu")
        menu_key.triggered.connect(lambda: show_at_selection(self.table, self._show_row_menu))
        add_shortcut(self.table, menu_key, [Qt.Key.Key_Menu, "Shift+F10"])

    # --- loading ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        keep = select or self.selected_id()
        self.backend.call(
            ops.list_inspections, lambda rows: self._on_loaded(rows, keep), self.report_error
        )

    def _on_loaded(self, rows: list[InspectionRow], keep: uuid.UUID | None) -> None:
        self.model.set_rows(rows)
        self._set_stations(rows)
        first = self.model.row_at(0).id if self.model.rowCount() else None
        self.select(keep or first)
        self.loaded = True

    def _set_stations(self, rows: list[InspectionRow]) -> None:
        chosen = self.station.currentData()
        stations = dict(sorted({(r.station, r.station_branch_id) for r in rows}))
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItem(_("全部受检单位"), None)
        for name, branch_id in stations.items():
            self.station.addItem(name, branch_id)
        found = self.station.findData(chosen)
        self.station.setCurrentIndex(max(found, 0))
        self.station.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self) -> None:
        keep = self.selected_id()
        self.model.set_filter(InspectionFilter(self.station.currentData(), self.search.text()))
        self.select(keep)

    def select(self, inspection_id: uuid.UUID | None) -> None:
        row = self.model.row_of(inspection_id) if inspection_id else None
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._on_selection_changed()

    def selected_row(self) -> InspectionRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> uuid.UUID | None:
        row = self.selected_row()
        return row.id if row else None

    def _on_selection_changed(self) -> None:
        self.message.hide()
        row = self.selected_row()
        for key in ("open", "print", "blank"):
            self.actions[key].setEnabled(row is not None)
        completed = row is not None and row.status is InspectionStatus.COMPLETED
        self.actions["correct"].setEnabled(completed)

    # --- actions ------------------------------------------------------------------------

    def new_inspection(self) -> None:
        row = self.selected_row()
        station = row.station_branch_id if row else None
        self.dialog = NewInspectionDialog(
            self.backend, self.report_error, self.today(), station, parent=self
        )
        self.dialog.started.connect(self._on_started)
        self.dialog.open()

    def _on_started(self, inspection_id: uuid.UUID) -> None:
        self.reload(inspection_id)
        self.open_run(inspection_id)

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_run(row.id)

    def open_run(self, inspection_id: uuid.UUID) -> RunWindow:
        """The run window of the inspection (raised if it is open already)."""
        window = self.windows.get(inspection_id)
        if window is None:
            window = RunWindow(self.backend, self.report_error, inspection_id, parent=self)
            window.changed.connect(lambda shown=inspection_id: self.reload(shown))
            window.corrected.connect(self._on_started)
            window.destroyed.connect(lambda *_a, i=inspection_id: self.windows.pop(i, None))
            self.windows[inspection_id] = window
        window.show()
        window.activateWindow()
        return window

    def correct_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.status is InspectionStatus.COMPLETED:
            inspection_id = row.id
            self.backend.call(
                lambda ws: ops.correct(ws, inspection_id), self._on_started, self._on_failed
            )

    def preview_printout(self, blank: bool) -> None:
        row = self.selected_row()
        if row is None:
            return
        inspection_id = row.id
        title = _("空白检查表") if blank else _("检查记录")
        name = _("{printout}（{station} {date}）.pdf", printout=title, station=row.station,
                 date=row.held_on.isoformat())  # fmt: skip
        self.backend.call(
            lambda ws: ops.printout(ws, inspection_id, blank),
            lambda data: self._show_preview(data, title, name),
            self._on_failed,
        )

    def _show_preview(self, data: bytes, title: str, suggested_name: str) -> None:
        self.preview = PdfPreviewDialog(
            self.backend.runner, data, title, suggested_name, self.report_error, parent=self
        )
        self.preview.open()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.message.setText(error.message)
            self.message.show()
        else:
            self.report_error(error)

    # --- the row menu -------------------------------------------------------------------

    def _show_row_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="inspectionRowMenu")
        for key in ("open", "new", None, "print", "blank", None, "correct"):
            if key is None:
                self.row_menu.addSeparator()
            else:
                self.row_menu.addAction(self.actions[key])
        self.row_menu.popup(where)


def build_tab(context: PageContext) -> InspectionsTab:
    return InspectionsTab(context.backend, context.report_error)
