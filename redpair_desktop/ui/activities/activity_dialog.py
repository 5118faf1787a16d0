"""The activity form: type, date, pairing (fixed once the activity exists: its list was built
from it), title, place, hosts, agenda, notes and the pledge text version members sign.

Enter saves (outside the multi-line boxes, where Tab moves on). A refusal shows under the fields
and nothing is written."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.activities.codes import ActivityType
from redpair_desktop.domain.activities.draft import ActivityDraft
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.activities import ops
from redpair_desktop.ui.activities.pledge_dialog import PledgeDialog
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend

if TYPE_CHECKING:
    from redpair_desktop.services.activities.activities import ActivityDetail
    from redpair_desktop.services.activities.pledges import PledgeTextRow

DATE_FORMAT = "yyyy-MM-dd"
HOST_SEPARATORS = re.compile(r"[、,，;；]")


class ActivityDialog(QDialog):
    saved = Signal(object)  # the activity's id

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        today: date,
        activity_id: uuid.UUID | None = None,
        pairing_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activityDialog")
        self.setWindowTitle(_("新建活动") if activity_id is None else _("编辑活动"))
        self.backend, self.report_error, self.activity_id = backend, report_error, activity_id
        self._wanted_pairing = pairing_id
        self._build_fields(today)
        self._build_layout()
        self.resize(720, 620)
        backend.call(lambda ws: ops.form_choices(ws, today), self._on_choices, self._on_failed)

    def _build_fields(self, today: date) -> None:
        self.type = QComboBox(objectName="activityType")
        for kind in ActivityType:
            self.type.addItem(label(kind), kind)
        self.held_on = QDateEdit(QDate(today), objectName="activityDate")
        self.held_on.setDisplayFormat(DATE_FORMAT)
        self.held_on.setCalendarPopup(True)
        self.pairing = QComboBox(objectName="activityPairing")
        self.pairing.setEnabled(self.activity_id is None)
        self.title = QLineEdit(objectName="activityTitle")
        self.place = QLineEdit(objectName="activityPlace")
        self.hosts = QLineEdit(objectName="activityHosts")
        self.hosts.setPlaceholderText(_("多位主持人用顿号“、”分隔"))
        self.agenda = _text_box("activityAgenda", 4)
        self.notes = _text_box("activityNotes", 3)
        self.pledge = QComboBox(objectName="activityPledge")
        self.manage_pledges = QPushButton(_("管理…"), objectName="activityPledges")
        self.manage_pledges.clicked.connect(self.open_pledges)
        self.pledge_dialog: PledgeDialog | None = None
        self.error = error_label("activityError")

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(_("类型"), self.type)
        form.addRow(_("日期"), self.held_on)
        form.addRow(_("结对"), self.pairing)
        form.addRow(_("活动标题"), self.title)
        form.addRow(_("地点"), self.place)
        form.addRow(_("主持"), self.hosts)
        form.addRow(_("议程"), self.agenda)
        form.addRow(_("备注"), self.notes)
        pledge = QHBoxLayout()
        pledge.addWidget(self.pledge, 1)
        pledge.addWidget(self.manage_pledges)
        form.addRow(_("承诺文本"), pledge)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    # --- loading ------------------------------------------------------------------------

    def _on_choices(self, choices: ops.FormChoices) -> None:
        for pairing in choices.pairings:
            self.pairing.addItem(pairing.text, pairing.id)
        self._fill_pledges(choices.pledges)
        if self.activity_id is None:
            self._show_choice(self.pairing, self._wanted_pairing)
            return
        activity_id = self.activity_id
        self.backend.call(
            lambda ws: ops.activity(ws, activity_id), self._on_loaded, self._on_failed
        )

    def _on_loaded(self, detail: ActivityDetail) -> None:
        draft = detail.draft
        self._show_choice(self.type, draft.type)
        self.held_on.setDate(QDate(draft.held_on))
        self._show_choice(self.pairing, draft.pairing_id)
        self.title.setText(draft.title)
        self.place.setText(draft.place)
        self.hosts.setText("、".join(draft.hosts))
        self.agenda.setPlainText(draft.agenda)
        self.notes.setPlainText(draft.notes)
        self._show_choice(self.pledge, detail.pledge_text_id)

    def _fill_pledges(self, texts: Sequence[PledgeTextRow]) -> None:
        self.pledge.clear()
        for text in texts:
            self.pledge.addItem(_("第 {version} 版：{title}", version=text.version,
                                  title=text.title), text.id)  # fmt: skip

    def open_pledges(self) -> None:
        """管理…: the pledge text versions; a version saved there is offered and chosen here."""
        self.pledge_dialog = PledgeDialog(self.backend, self.report_error, parent=self)
        self.pledge_dialog.saved.connect(self._on_pledge_saved)
        self.pledge_dialog.open()

    def _on_pledge_saved(self, pledge_id: uuid.UUID) -> None:
        def refill(texts: list[PledgeTextRow]) -> None:
            self._fill_pledges(texts)
            self._show_choice(self.pledge, pledge_id)

        self.backend.call(ops.pledge_texts, refill, self._on_failed)

    @staticmethod
    def _show_choice(combo: QComboBox, value: object) -> None:
        """Select the item holding ``value`` (compared in Python: Qt cannot compare wrapped
        objects); the first one when none does."""
        found = (i for i in range(combo.count()) if combo.itemData(i) == value)
        combo.setCurrentIndex(next(found, 0))

    # --- saving -------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        pairing_id = self.pairing.currentData()
        if not isinstance(pairing_id, uuid.UUID):
            self.error.setText(_("请选择活动所属的结对。"))
            return
        draft = ActivityDraft(
            type=ActivityType(self.type.currentData()),
            held_on=self.held_on.date().toPython(),
            pairing_id=pairing_id,
            title=self.title.text(),
            place=self.place.text(),
            hosts=tuple(HOST_SEPARATORS.split(self.hosts.text())),
            agenda=self.agenda.toPlainText(),
            notes=self.notes.toPlainText(),
        )
        activity_id, pledge_id = self.activity_id, self.pledge.currentData()
        self.backend.call(
            lambda ws: ops.save_activity(ws, draft, activity_id, pledge_id),
            self._on_saved,
            self._on_failed,
        )

    def _on_failed(self, error: BaseException) -> None:
        """A refusal is shown under the fields; anything else is a bug, reported and logged."""
        if isinstance(error, UserError):
            self.error.setText(error.message)
        else:
            self.report_error(error)

    def _on_saved(self, activity_id: uuid.UUID) -> None:
        self.saved.emit(activity_id)
        self.accept()


def _text_box(name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setTabChangesFocus(True)
    box.setFixedHeight((lines + 1) * box.fontMetrics().height())
    return box
