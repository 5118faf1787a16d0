"""活动与承诺: the activities of every pairing — list, filter, record and edit them — and, below
the list, the selected activity: 签到 (the expected list, the live counter and the check-in
box), 流程单, 照片 and 简报.

Ctrl+N records an activity, Enter or F2 edits the selected one; Ctrl+P previews its 承诺签名册
and the other printouts are beside it (签到表 blank and filled, the blank roll, the brief, the
badges), each opened in the preview to print at 100 % or save. Ctrl+K opens the signature kiosk
and Ctrl+Shift+P the projector view, once those modules are present; 承诺文本… lists the pledge
text versions and adds one. The row menu (right click, Menu key) holds the actions of the
selected activity."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.activities import ops
from redpair_desktop.ui.activities.activity_dialog import ActivityDialog
from redpair_desktop.ui.activities.attendance_panel import AttendancePanel
from redpair_desktop.ui.activities.brief_box import BriefBox
from redpair_desktop.ui.activities.filter_bar import ActivityFilterBar
from redpair_desktop.ui.activities.live import activity_events
from redpair_desktop.ui.activities.photo_strip import PhotoStrip
from redpair_desktop.ui.activities.pledge_dialog import PledgeDialog
from redpair_desktop.ui.activities.run_sheet import RunSheet
from redpair_desktop.ui.activities.table_model import ActivityFilter, ActivityTableModel, Column
from redpair_desktop.ui.appearance import page_title
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions, add_shortcut
from redpair_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from redpair_desktop.ui.widgets.row_menu import offer_row_menu, show_at_selection

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.activities.activities import ActivityRow
    from redpair_desktop.ui.activities.kiosk import KioskWindow
    from redpair_desktop.ui.activities.projector import ProjectorWindow
    from redpair_desktop.ui.sections import PageContext, Section

Printout = ops.Printout
TITLE_MIN_WIDTH = 240  # px: room for about 14 characters of an activity's title
PRINTOUT_TITLES = {
    Printout.SIGN_IN_BLANK: lambda: _("签到表（空白）"),
    Printout.SIGN_IN: lambda: _("签到表"),
    Printout.ROLL_BLANK: lambda: _("承诺签名册（空白）"),
    Printout.ROLL: lambda: _("承诺签名册"),
    Printout.BRIEF: lambda: _("活动简报"),
    Printout.BADGES: lambda: _("胸牌"),
}


class ActivitiesPage(QWidget):
    """Reloads the list each time the page is shown, after every change, and when another
    window announces a change of an activity."""

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_activities")
        self.backend, self.report_error, self.today = backend, report_error, today
        self.dialog: ActivityDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.kiosk: KioskWindow | None = None
        self.projector: ProjectorWindow | None = None
        self.pledge_dialog: PledgeDialog | None = None
        self.loaded = False  # the list has arrived at least once (tests wait for it)
        self._refilling = False  # the rows are being replaced: the selection settles after
        self.shown_id: uuid.UUID | None = None  # the activity whose detail is shown
        self.filters = ActivityFilterBar()
        self.filters.changed.connect(self._on_filters_changed)
        self.model = ActivityTableModel(self)
        self.table = self._build_table()
        self.facts = QLabel(objectName="activityFacts", wordWrap=True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attendance = AttendancePanel(backend, report_error)
        self.run_sheet = RunSheet(backend, report_error)
        self.photos = PhotoStrip(backend, report_error)
        self.brief = BriefBox(backend, report_error)
        self.tabs = self._build_tabs()
        self.actions_bar = ActionBar()
        self.actions_bar.setObjectName("activityActions")
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        self._build_layout()
        activity_events().changed.connect(self._on_announced)
        self._on_selection_changed()

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="activityTable")
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda column, _old, _new: self._fit_title(column))
        table.installEventFilter(self)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        table.activated.connect(lambda _index: self.edit_selected())  # Enter, double-click
        offer_row_menu(table, self._show_row_menu)
        return table

    def _fit_title(self, resized: int = -1) -> None:
        """The title takes the room the other columns leave, but never less than
        ``TITLE_MIN_WIDTH`` (a Stretch column shrinks to nothing on a narrow window; here the
        table scrolls sideways instead)."""
        if resized == Column.TITLE:
            return
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in Column if c != Column.TITLE)
        free = self.table.viewport().width() - others
        header.resizeSection(Column.TITLE, max(TITLE_MIN_WIDTH, free))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_title()
        return super().eventFilter(watched, event)

    def _build_tabs(self) -> QTabWidget:
        tabs = QTabWidget(objectName="activityTabs")
        tabs.addTab(self.attendance, _("签到"))
        tabs.addTab(self.run_sheet, _("流程单"))
        tabs.addTab(self.photos, _("照片"))
        tabs.addTab(self.brief, _("简报"))
        return tabs

    def _build_actions(self) -> None:
        self.actions = add_actions(self, self.actions_bar, "activity", (
            ("new", _("新建活动"), self.new_activity, [QKeySequence.StandardKey.New]),
            ("edit", _("编辑"), self.edit_selected, [Qt.Key.Key_F2]),
            *(self._printout_spec(kind) for kind in Printout),
            ("kiosk", _("签名终端…"), self.open_kiosk, ["Ctrl+K"]),
            ("projector", _("投影…"), self.open_projector, ["Ctrl+Shift+P"]),
            ("pledges", _("承诺文本…"), self.open_pledges, []),
        ))  # fmt: skip
        menu_key = QAction(self, objectName="activity_menu")
        menu_key.triggered.connect(lambda: show_at_selection(self.table, self._show_row_menu))
        add_shortcut(self.table, menu_key, [Qt.Key.Key_Menu, "Shift+F10"])
        check_in = QAction(self, objectName="activity_checkIn")
        check_in.triggered.connect(self.focus_check_in)
        add_shortcut(self, check_in, ["Ctrl+L"])

    def focus_check_in(self) -> None:
        """Ctrl+L: to the check-in box of the selected activity."""
        if self.shown_id is not None:
            self.tabs.setCurrentWidget(self.attendance)
            self.attendance.focus_box()

    def _printout_spec(self, kind: ops.Printout) -> tuple:
        keys = [QKeySequence.StandardKey.Print] if kind is Printout.ROLL else []
        text = _("{printout}…", printout=PRINTOUT_TITLES[kind]())
        if kind is Printout.BRIEF:
            text = _("活动简报 PDF…")
        return (kind.value, text, lambda: self.preview_printout(kind), keys)

    def _build_layout(self) -> None:
        detail = QWidget(objectName="activityDetail")
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.facts)
        column.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="activitySplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(_("活动与承诺")))
        layout.addWidget(self.filters)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.filters.search, self.table)
        self.setTabOrder(self.table, self.attendance.box)

    # --- loading ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        self.backend.call(
            ops.list_activities, lambda rows: self._on_loaded(rows, select), self.report_error
        )

    def _on_loaded(self, rows: list[ActivityRow], select: uuid.UUID | None) -> None:
        self.filters.set_pairings((row.pairing_id, row.pairing) for row in rows)
        self._refill(lambda: self.model.set_rows(rows), select or self.shown_id)
        self.loaded = True

    def _on_filters_changed(self, where: ActivityFilter) -> None:
        self._refill(lambda: self.model.set_filter(where), self.shown_id)

    def _refill(self, change: Callable[[], None], keep: uuid.UUID | None) -> None:
        """Change the rows without the detail below blinking (and the check-in box losing the
        focus) while the same activity is selected again."""
        self._refilling = True
        try:
            change()
            self.model.set_filter(self.filters.current())
            self.select(keep)
        finally:
            self._refilling = False
        self._on_selection_changed()

    def select(self, activity_id: uuid.UUID | None) -> None:
        row = self.model.row_of(activity_id) if activity_id else None
        if row is None:
            self.table.clearSelection()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _on_announced(self, activity_id: object) -> None:
        """Another window (or the check-in box) changed an activity: its counts in the list,
        and the brief of the one shown."""
        if not self.isVisible():
            return
        self.reload()
        if activity_id == self.shown_id:
            self.brief.show_activity(self.shown_id)

    def selected_row(self) -> ActivityRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selection_changed(self) -> None:
        if self._refilling:
            return
        row = self.selected_row()
        for key, action in self.actions.items():
            if key not in ("new", "pledges"):
                action.setEnabled(row is not None)
        self.actions["kiosk"].setEnabled(row is not None)
        self.actions["projector"].setEnabled(row is not None)
        self._show_detail(row)

    def _show_detail(self, row: ActivityRow | None) -> None:
        activity_id = row.id if row else None
        self.facts.setText(_facts_text(row) if row else _("请选择一项活动。"))
        if activity_id == self.shown_id:
            return
        self.shown_id = activity_id
        for part in (self.attendance, self.run_sheet, self.photos, self.brief):
            part.show_activity(activity_id)

    # --- actions ------------------------------------------------------------------------

    def new_activity(self) -> None:
        row = self.selected_row()
        self._open_dialog(None, row.pairing_id if row else None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_dialog(row.id, row.pairing_id)

    def _open_dialog(self, activity_id: uuid.UUID | None, pairing_id: uuid.UUID | None) -> None:
        self.dialog = ActivityDialog(
            self.backend, self.report_error, self.today(), activity_id, pairing_id, parent=self
        )
        self.dialog.saved.connect(self._on_saved)
        self.dialog.open()

    def _on_saved(self, activity_id: uuid.UUID) -> None:
        self.shown_id = None  # show the saved facts afresh
        self.reload(activity_id)

    def preview_printout(self, kind: ops.Printout) -> None:
        row = self.selected_row()
        if row is None:
            return
        activity_id, title = row.id, PRINTOUT_TITLES[kind]()
        name = _("{printout}（{title}）.pdf", printout=title, title=row.title)
        self.backend.call(
            lambda ws: ops.printout(ws, activity_id, kind),
            lambda data: self._show_preview(data, title, name),
            self.report_error,
        )

    def _show_preview(self, data: bytes, title: str, suggested_name: str) -> None:
        self.preview = PdfPreviewDialog(
            self.backend.runner, data, title, suggested_name, self.report_error, parent=self
        )
        self.preview.open()

    def open_kiosk(self) -> None:
        """The full-screen signature kiosk for the selected activity (leaving needs the PIN)."""
        row = self.selected_row()
        if row is not None:
            from redpair_desktop.ui.activities.kiosk import open_kiosk

            self.kiosk = open_kiosk(self.backend, self.report_error, row.id, self)

    def open_projector(self) -> None:
        """The projector view of the selected activity, on the second screen if there is one."""
        row = self.selected_row()
        if row is not None:
            from redpair_desktop.ui.activities.projector import open_projector

            self.projector = open_projector(self.backend, self.report_error, row.id, self)

    def open_pledges(self) -> None:
        """The pledge text versions, to read them and add one."""
        self.pledge_dialog = PledgeDialog(self.backend, self.report_error, parent=self)
        self.pledge_dialog.open()

    # --- the row menu -------------------------------------------------------------------

    def _show_row_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="activityRowMenu")
        self.row_menu.addAction(self.actions["edit"])
        self.row_menu.addAction(self.actions["new"])
        self.row_menu.addSeparator()
        for kind in Printout:
            self.row_menu.addAction(self.actions[kind.value])
        self.row_menu.addSeparator()
        self.row_menu.addAction(self.actions["kiosk"])
        self.row_menu.addAction(self.actions["projector"])
        self.row_menu.popup(where)


def _facts_text(row: ActivityRow) -> str:
    return _("{type} · {date} · {place} · {pairing}", type=label(row.type), date=row.held_on,
             place=row.place or _("（未填地点）"), pairing=row.pairing)  # fmt: skip


def build_page(context: PageContext, section: Section) -> ActivitiesPage:
    return ActivitiesPage(context.backend, context.report_error)
