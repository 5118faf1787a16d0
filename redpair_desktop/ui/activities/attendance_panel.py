"""签到: the expected list of one activity with its live counter and the check-in box.

Type a name, pinyin initials (``czb``) or let a USB scanner type a badge code, then Enter: the
attendee is checked in on the worker, the row turns present, the counter follows and the box is
cleared for the next one, keeping the focus. A refusal shows beside the box and nothing is lost;
when the text fits several people they are listed under it (↑↓ choose, Enter checks in).
请假… / 缺席… (with a reason), 撤销, 添加来宾… and 补录… act on the list (keys and row menu).

Every stored change is announced (``live.announce``); an announcement for this activity, from
here or from another window (the kiosk), reloads the list and the counter."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.activities.codes import AttendanceStatus
from redpair_desktop.domain.activities.printouts import Counts
from redpair_desktop.domain.errors import AmbiguousEntry, UserError
from redpair_desktop.i18n import _
from redpair_desktop.ui.activities import ops
from redpair_desktop.ui.activities.attendee_model import AttendeeTableModel
from redpair_desktop.ui.activities.backfill_dialog import BackfillDialog
from redpair_desktop.ui.activities.guest_dialog import GuestDialog
from redpair_desktop.ui.activities.live import activity_events, announce
from redpair_desktop.ui.appearance import ERROR_COLOUR
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions, add_shortcut
from redpair_desktop.ui.widgets.row_menu import offer_row_menu, show_at_selection

if TYPE_CHECKING:
    from redpair_desktop.services.activities.attendance import AttendeeRow

OK_COLOUR = "#2e7d32"
COUNTER_POINTS = 20
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1


def counter_text(counts: Counts) -> str:
    return _("应到 {expected} · 实到 {present} · 请假 {excused} · 缺席 {absent}",
             expected=counts.expected, present=counts.present,
             excused=counts.excused, absent=counts.absent)  # fmt: skip


class AttendancePanel(QWidget):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attendancePanel")
        self.backend, self.report_error = backend, report_error
        self.activity_id: uuid.UUID | None = None
        self.counts: Counts | None = None
        self.reason_dialog: QInputDialog | None = None
        self.guest_dialog: GuestDialog | None = None
        self.backfill_dialog: BackfillDialog | None = None
        self._ambiguous_text = ""
        self.counter = QLabel(objectName="attendanceCounter")
        font = QFont(self.counter.font())
        font.setPointSize(COUNTER_POINTS)
        font.setBold(True)
        self.counter.setFont(font)
        self.box = QLineEdit(objectName="checkInBox")
        self.box.setPlaceholderText(_("输入姓名、拼音首字母，或扫描胸牌，回车签到"))
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self.check_in_typed)
        self.box.textEdited.connect(self._on_box_edited)
        self.box.installEventFilter(self)
        self.message = QLabel(objectName="checkInMessage", wordWrap=True)
        self.choices = QListWidget(objectName="checkInChoices")
        self.choices.setMaximumHeight(5 * self.choices.fontMetrics().height() + 8)
        self.choices.itemActivated.connect(lambda _item: self.check_in_choice())
        self.choices.hide()
        self.model = AttendeeTableModel(self)
        self.table = self._build_table()
        self.actions_bar = ActionBar()
        self.actions = add_actions(self, self.actions_bar, "attendance", (
            ("excused", _("请假…"), lambda: self.ask_reason(AttendanceStatus.EXCUSED),
             ["Ctrl+Shift+E"]),
            ("absent", _("缺席…"), lambda: self.ask_reason(AttendanceStatus.ABSENT),
             ["Ctrl+Shift+A"]),
            ("undo", _("撤销"), self.undo_selected, ["Ctrl+Z"]),
            ("guest", _("添加来宾…"), self.add_guest, ["Ctrl+Shift+G"]),
            ("backfill", _("补录…"), self.backfill, ["Ctrl+Shift+B"]),
        ))  # fmt: skip
        menu_key = QAction(self.table, objectName="attendance_menu")
        menu_key.triggered.connect(lambda: show_at_selection(self.table, self._show_row_menu))
        add_shortcut(self.table, menu_key, [Qt.Key.Key_Menu, "Shift+F10"])
        self._build_layout()
        self._on_selection_changed()
        activity_events().changed.connect(self._on_announced)

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="attendeeTable")
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        offer_row_menu(table, self._show_row_menu)
        return table

    def _build_layout(self) -> None:
        line = QHBoxLayout()
        line.addWidget(QLabel(_("签到")))
        line.addWidget(self.box, 2)
        line.addWidget(self.message, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counter)
        layout.addLayout(line)
        layout.addWidget(self.choices)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.box, self.table)

    # --- loading ------------------------------------------------------------------------

    def show_activity(self, activity_id: uuid.UUID | None) -> None:
        if activity_id != self.activity_id:  # nothing of the last one stays on screen
            self._say("")
            self._hide_choices()
            self.model.set_rows([])
            self.counts = None
            self.counter.setText("")
        self.activity_id = activity_id
        self.setEnabled(activity_id is not None)
        self.reload()

    def reload(self) -> None:
        activity_id = self.activity_id
        if activity_id is None:
            return
        self.backend.call(
            lambda ws: ops.attendance(ws, activity_id),
            lambda loaded: self._on_loaded(activity_id, loaded),
            self.report_error,
        )

    def _on_loaded(self, activity_id: uuid.UUID, loaded: ops.Attendance) -> None:
        if activity_id != self.activity_id:
            return  # another activity was chosen meanwhile
        selected = self.selected_row()
        self.model.set_rows(loaded.rows)
        self.counts = loaded.counts
        self.counter.setText(counter_text(loaded.counts))
        at = self.model.row_of(selected.id) if selected else None
        if at is not None:
            self.table.selectRow(at)

    def _on_announced(self, activity_id: object) -> None:
        if activity_id == self.activity_id:
            self.reload()

    # --- checking in --------------------------------------------------------------------

    def focus_box(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def check_in_typed(self) -> None:
        text, activity_id = self.box.text(), self.activity_id
        if activity_id is None:
            return
        if self.choices.isVisible() and text == self._ambiguous_text:
            self.check_in_choice()
            return
        if not text.strip():
            self._say(_("请输入姓名、拼音首字母，或扫描胸牌。"), ok=False)
            return
        self.backend.call(
            lambda ws: ops.check_in(ws, activity_id, text),
            lambda row: self._on_checked_in(row, text),
            lambda error: self._on_check_in_refused(text, error),
        )

    def check_in_choice(self) -> None:
        item, activity_id = self.choices.currentItem(), self.activity_id
        if item is None or activity_id is None:
            return
        attendee_id = item.data(CHOICE_ROLE)
        self.backend.call(
            lambda ws: ops.check_in_attendee(ws, activity_id, attendee_id),
            lambda row: self._on_checked_in(row, self._ambiguous_text),
            self._on_refused,
        )

    def _on_checked_in(self, row: AttendeeRow, text: str) -> None:
        """The box is cleared unless the next name is being typed into it already."""
        self._hide_choices()
        if self.box.text() == text:
            self.box.clear()
        self.box.setFocus()
        self._say(_("{name} 签到成功。", name=row.name), ok=True)
        self._stored(row)

    def _on_check_in_refused(self, text: str, error: BaseException) -> None:
        if isinstance(error, AmbiguousEntry):
            self._show_choices(text, error)
        self._on_refused(error)

    def _show_choices(self, text: str, error: AmbiguousEntry) -> None:
        self._ambiguous_text = text
        self.choices.clear()
        for choice in error.choices:
            item = QListWidgetItem(f"{choice.name}（{choice.unit}）")
            item.setData(CHOICE_ROLE, choice.id)
            self.choices.addItem(item)
        self.choices.setCurrentRow(0)
        self.choices.show()

    def _hide_choices(self) -> None:
        self._ambiguous_text = ""
        self.choices.clear()
        self.choices.hide()

    def _on_box_edited(self, text: str) -> None:
        if text != self._ambiguous_text:
            self._hide_choices()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↑↓ in the box move through the listed people while the cursor stays in the box."""
        if watched is self.box and isinstance(event, QKeyEvent) and self.choices.count():
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and event.type() == QEvent.Type.KeyPress:
                row = (self.choices.currentRow() + step) % self.choices.count()
                self.choices.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    # --- the selected row ---------------------------------------------------------------

    def selected_row(self) -> AttendeeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selection_changed(self) -> None:
        row = self.selected_row()
        recorded = row is not None and row.status is not AttendanceStatus.EXPECTED
        can_mark = row is not None and row.status is not AttendanceStatus.PRESENT
        self.actions["excused"].setEnabled(can_mark)
        self.actions["absent"].setEnabled(can_mark)
        self.actions["undo"].setEnabled(recorded)

    def ask_reason(self, status: AttendanceStatus) -> None:
        row = self.selected_row()
        if row is None or row.status is AttendanceStatus.PRESENT:
            return
        excused = status is AttendanceStatus.EXCUSED
        dialog = QInputDialog(self, objectName="reasonDialog")
        dialog.setWindowTitle(_("请假") if excused else _("缺席"))
        dialog.setLabelText(
            _("{name} 的请假原因（必填）：", name=row.name)
            if excused
            else _("{name} 的缺席原因（如知道）：", name=row.name)
        )
        dialog.setTextValue(row.reason)
        activity_id, attendee_id = row.activity_id, row.id
        dialog.textValueSelected.connect(
            lambda reason: self.backend.call(
                lambda ws: ops.mark(ws, activity_id, attendee_id, status, reason),
                self._stored,
                self._on_refused,
            )
        )
        self.reason_dialog = dialog
        self._open(dialog)

    def undo_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.status is AttendanceStatus.EXPECTED:
            return
        activity_id, attendee_id = row.activity_id, row.id
        self.backend.call(
            lambda ws: ops.undo(ws, activity_id, attendee_id), self._stored, self._on_refused
        )

    def add_guest(self) -> None:
        if self.activity_id is None:
            return
        self.guest_dialog = GuestDialog(self.backend, self.report_error, self.activity_id, self)
        self.guest_dialog.saved.connect(self._stored)
        self._open(self.guest_dialog)

    def backfill(self) -> None:
        if self.activity_id is None:
            return
        self.backfill_dialog = BackfillDialog(
            self.backend, self.report_error, self.activity_id, self.model.rows(), self
        )
        self.backfill_dialog.saved.connect(self._announce)
        self._open(self.backfill_dialog)

    def _open(self, dialog: QDialog) -> None:
        """Open ``dialog``; when it closes the cursor is back in the check-in box."""
        dialog.finished.connect(lambda _result: self.box.setFocus())
        dialog.open()

    # --- after a change -----------------------------------------------------------------

    def _stored(self, row: AttendeeRow) -> None:
        self.model.put_row(row)
        self._on_selection_changed()
        self._announce(row.activity_id)

    def _announce(self, activity_id: uuid.UUID) -> None:
        announce(activity_id)

    def _on_refused(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._say(error.message, ok=False)
        else:
            self.report_error(error)

    def _say(self, text: str, *, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {OK_COLOUR if ok else ERROR_COLOUR};")

    # --- the row menu -------------------------------------------------------------------

    def _show_row_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="attendeeRowMenu")
        for key in ("excused", "absent", "undo"):
            self.row_menu.addAction(self.actions[key])
        self.row_menu.addSeparator()
        self.row_menu.addAction(self.actions["guest"])
        self.row_menu.addAction(self.actions["backfill"])
        self.row_menu.popup(where)
