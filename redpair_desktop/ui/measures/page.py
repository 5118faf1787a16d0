"""问题与帮扶: the findings (问题清单) from inspections, patrols or raised ad hoc, and the
assistance measures (帮扶措施) that answer them, tracked to a closure verified at a visit.

问题清单: Ctrl+Shift+N 新增问题…, Ctrl+N 制定帮扶措施… for the selected finding. 帮扶措施: the
board with its filters (Ctrl+F the search, Ctrl+Shift+O 只看逾期), the selected measure's log
below, and its actions — 记录进展… Ctrl+R, 督办… Ctrl+D, 提交验证… Ctrl+T, 验证… Ctrl+Y,
未完成结项… Ctrl+Shift+X, 重新打开… Ctrl+Shift+R — each enabled only where the measure's status
allows it. Enter on a log entry with a photo opens the photo. Both tables have a row menu
(right click, Menu key, Shift+F10)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMenu, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import page_title
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.measures import ops
from redpair_desktop.ui.measures.actions import MeasureActionSpec, measure_actions
from redpair_desktop.ui.measures.entry_dialog import EntryDialog
from redpair_desktop.ui.measures.filter_bar import MeasureFilterBar
from redpair_desktop.ui.measures.finding_dialog import FindingDialog
from redpair_desktop.ui.measures.log_view import MeasureLog
from redpair_desktop.ui.measures.measure_dialog import MeasureDialog
from redpair_desktop.ui.measures.table_models import (
    LONG_COLUMNS,
    FindingColumn,
    FindingModel,
    MeasureColumn,
    MeasureModel,
)
from redpair_desktop.ui.measures.tables import row_table
from redpair_desktop.ui.measures.verify_dialog import VerifyDialog
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions
from redpair_desktop.ui.widgets.row_menu import offer_row_menu, show_at_selection

if TYPE_CHECKING:
    from redpair_desktop.services.measures.board import MeasureRow
    from redpair_desktop.ui.measures.op_dialog import OpDialog
    from redpair_desktop.ui.sections import PageContext, Section


class MeasuresPage(QWidget):
    """Reloads both lists each time the page is shown and after every change."""

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        data_dir: Path,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_assistance")
        self.backend, self.report_error, self.today = backend, report_error, today
        self.data_dir = data_dir
        self.dialog: OpDialog | None = None
        self.author = ""  # who wrote the last entry: the next form offers it
        self.loaded = False  # the lists have arrived at least once (tests wait for it)
        self.shown_id: uuid.UUID | None = None  # the measure whose log is shown
        self.findings = FindingModel(self)
        self.measures = MeasureModel(self)
        self.finding_table = row_table(self.findings, "findingTable", FindingColumn.TEXT)
        self.measure_table = row_table(
            self.measures, "measureTable", MeasureColumn.TITLE, LONG_COLUMNS[1:]
        )
        self.filters = MeasureFilterBar()
        self.filters.changed.connect(lambda where: self._refill(lambda: None))
        self.facts = QLabel(objectName="measureFacts", wordWrap=True)
        self.log = MeasureLog()
        self.log.activated.connect(lambda index: self.open_evidence(index.row()))
        self.specs = {spec.key: spec for spec in measure_actions()}
        self.actions: dict[str, QAction] = {}
        self.tabs = QTabWidget(objectName="measureTabs")
        self.tabs.addTab(self._findings_tab(), _("问题清单"))
        self.tabs.addTab(self._measures_tab(), _("帮扶措施"))
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(_("问题与帮扶")))
        layout.addWidget(self.tabs, 1)
        self._page_keys()
        self.finding_table.selectionModel().selectionChanged.connect(self._on_finding_selected)
        self.measure_table.selectionModel().selectionChanged.connect(self._on_measure_selected)
        self._on_finding_selected()
        self._on_measure_selected()

    # --- building -----------------------------------------------------------------------

    def _findings_tab(self) -> QWidget:
        bar = ActionBar()
        bar.setObjectName("findingActions")
        self.actions |= add_actions(self, bar, "measures", (
            ("new_finding", _("新增问题…"), self.new_finding, ["Ctrl+Shift+N"]),
            ("new_measure", _("制定帮扶措施…"), self.new_measure, ["Ctrl+N"]),
        ))  # fmt: skip
        self.finding_table.activated.connect(lambda _index: self.new_measure())
        offer_row_menu(self.finding_table, self._show_finding_menu)
        tab = QWidget(objectName="findingsTab")
        column = QVBoxLayout(tab)
        column.addWidget(bar)
        column.addWidget(self.finding_table, 1)
        return tab

    def _measures_tab(self) -> QWidget:
        bar = ActionBar()
        bar.setObjectName("measureActions")
        self.actions |= add_actions(self, bar, "measures", (
            (spec.key, spec.text, self._runner(spec), list(spec.keys))
            for spec in self.specs.values()
        ))  # fmt: skip
        self.measure_table.activated.connect(lambda _index: self.log.setFocus())
        offer_row_menu(self.measure_table, self._show_measure_menu)
        detail = QWidget(objectName="measureDetail")
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.facts)
        column.addWidget(self.log, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="measureSplitter")
        splitter.addWidget(self.measure_table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        tab = QWidget(objectName="measuresTab")
        column = QVBoxLayout(tab)
        column.addWidget(self.filters)
        column.addWidget(bar)
        column.addWidget(splitter, 1)
        tab.setTabOrder(self.filters.overdue, self.measure_table)
        return tab

    def _page_keys(self) -> None:
        """Keys without a button: 只看逾期, the search line, and the row menus."""
        overdue = self._hidden_action("overdue", ["Ctrl+Shift+O"], self.toggle_overdue)
        self.filters.overdue.setToolTip(_("只看逾期 ({keys})", keys=_native(overdue)))
        search = self._hidden_action("search", ["Ctrl+F"], self.focus_search)
        self.filters.search.setToolTip(_("搜索 ({keys})", keys=_native(search)))
        for table, show in ((self.finding_table, self._show_finding_menu),
                            (self.measure_table, self._show_measure_menu)):  # fmt: skip
            menu = QAction(table)
            menu.setShortcuts([QKeySequence(Qt.Key.Key_Menu), QKeySequence("Shift+F10")])
            menu.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            menu.triggered.connect(lambda _c=False, t=table, s=show: show_at_selection(t, s))
            table.addAction(menu)

    def _hidden_action(self, key: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(self, objectName=f"measures_{key}")
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions[key] = action
        return action

    # --- loading ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        today = self.today()
        self.backend.call(
            lambda ws: ops.board(ws, today),
            lambda board: self._on_loaded(board, today, select),
            self.report_error,
        )

    def _on_loaded(self, board: ops.Board, today: date, select: uuid.UUID | None) -> None:
        finding = self.selected_finding()
        self.findings.set_rows(board.findings)
        self._select(self.finding_table, self.findings.row_of(finding.id) if finding else None)
        self.filters.set_stations((row.station_branch_id, row.co_owner) for row in board.measures)
        self._refill(lambda: self.measures.set_measures(board.measures, today), select)
        self.loaded = True

    def _refill(self, change: Callable[[], None], select: uuid.UUID | None = None) -> None:
        keep = select or self.shown_id
        change()
        self.measures.set_filter(self.filters.current())
        self._select(self.measure_table, self.measures.row_of(keep) if keep else None)
        self._on_measure_selected(force=select is not None)

    def _select(self, table: QTableView, row: int | None) -> None:
        if row is None:
            table.clearSelection()
            return
        table.selectRow(row)
        table.scrollTo(table.model().index(row, 0))

    def selected_finding(self) -> ops.FindingItem | None:
        rows = self.finding_table.selectionModel().selectedRows()
        return self.findings.row_at(rows[0].row()) if rows else None

    def selected_measure(self) -> MeasureRow | None:
        rows = self.measure_table.selectionModel().selectedRows()
        return self.measures.row_at(rows[0].row()) if rows else None

    def _on_finding_selected(self) -> None:
        self.actions["new_measure"].setEnabled(self.selected_finding() is not None)

    def _on_measure_selected(self, *_args: object, force: bool = False) -> None:
        row = self.selected_measure()
        for key, spec in self.specs.items():
            self.actions[key].setEnabled(row is not None and spec.allowed(row.status))
        self.facts.setText(_facts(row) if row else _("请选择一项帮扶措施。"))
        measure_id = row.id if row else None
        if measure_id != self.shown_id or force:
            self.shown_id = measure_id
            self._load_log()

    def _load_log(self) -> None:
        measure_id = self.shown_id
        if measure_id is None:
            self.log.show_entries([])
            return
        self.backend.call(
            lambda ws: ops.measure_log(ws, measure_id),
            lambda entries: self._on_log(measure_id, entries),
            self.report_error,
        )

    def _on_log(self, measure_id: uuid.UUID, entries: list[ops.LogEntry]) -> None:
        if measure_id == self.shown_id:
            self.log.show_entries(entries)

    # --- actions ------------------------------------------------------------------------

    def open_evidence(self, row: int) -> None:
        """The original of an entry's evidence photo, in the system's picture viewer."""
        relative = self.log.photo_at(row)
        if relative is not None and not open_file(self.data_dir / relative):
            self.report_error(UserError(_("无法打开照片“{path}”。", path=self.data_dir / relative)))

    def toggle_overdue(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.filters.overdue.toggle()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def new_finding(self) -> None:
        finding = self.selected_finding()
        station = finding.row.station_branch_id if finding else None
        dialog = FindingDialog(self.backend, self.report_error, self.today(), station, self)
        self._open(dialog, lambda _finding_id: self.reload())

    def new_measure(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            dialog = MeasureDialog(self.backend, self.report_error, finding, self.today(), self)
            self._open(dialog, self._on_measure_made)

    def _on_measure_made(self, measure_id: object) -> None:
        self.tabs.setCurrentIndex(1)
        if isinstance(measure_id, uuid.UUID):
            self.reload(measure_id)

    def _runner(self, spec: MeasureActionSpec) -> Callable[[], None]:
        return lambda: self.act(spec.key)

    def act(self, key: str) -> None:
        """Open the form of action ``key`` for the selected measure (if the domain allows it)."""
        row, spec = self.selected_measure(), self.specs[key]
        if row is None or not spec.allowed(row.status):
            return
        measure_id = row.id
        if spec.form is None:
            dialog: OpDialog = VerifyDialog(
                self.backend, self.report_error, measure_id, self.author, self
            )
        else:
            write = spec.form.write
            dialog = EntryDialog(
                self.backend, self.report_error,
                lambda ws, text, author, photo: write(ws, measure_id, text, author, photo),
                name=f"{key}Dialog", title=spec.form.title, action=spec.form.action,
                prompt=spec.form.prompt, required=spec.form.required, author=self.author,
                with_photo=spec.form.with_photo, parent=self,
            )  # fmt: skip
        self._open(dialog, lambda _result: self.reload(measure_id))

    def _open(self, dialog: OpDialog, on_saved: Callable[[object], None]) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _result: self._remember_author(dialog))
        dialog.saved.connect(on_saved)
        dialog.open()

    def _remember_author(self, dialog: OpDialog) -> None:
        if dialog.author is not None:
            self.author = dialog.author.text()

    # --- row menus ----------------------------------------------------------------------

    def _show_finding_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="findingRowMenu")
        self.row_menu.addAction(self.actions["new_measure"])
        self.row_menu.addAction(self.actions["new_finding"])
        self.row_menu.popup(where)

    def _show_measure_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="measureRowMenu")
        for key in self.specs:
            self.row_menu.addAction(self.actions[key])
        self.row_menu.popup(where)


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _native(action: QAction) -> str:
    return action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)


def _facts(row: MeasureRow) -> str:
    return _("{status} · 优先级：{priority} · 期限 {due} · {owner}负责，{station}共同落实",
             status=label(row.status), priority=label(row.priority), due=row.due_on.isoformat(),
             owner=row.owner, station=row.co_owner) + "\n" + _("问题：{finding}",
             finding=row.finding)  # fmt: skip


def build_page(context: PageContext, section: Section) -> MeasuresPage:
    return MeasuresPage(context.backend, context.report_error, context.data_dir)
