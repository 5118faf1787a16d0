"""补录: statuses entered after the event from the paper sign-in list. Tick the people (those
with nothing recorded yet; type to filter by name or pinyin), choose 实到/请假/缺席, give the
reason and where the entries come from. Each is marked 补录 with who entered it and when."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.activities.codes import AttendanceStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.pinyin_keys import matches, search_key
from redpair_desktop.i18n import _
from redpair_desktop.ui.activities import ops
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend

if TYPE_CHECKING:
    from redpair_desktop.services.activities.attendance import AttendeeRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT)


class BackfillDialog(QDialog):
    saved = Signal(object)  # the activity's id

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        activity_id: uuid.UUID,
        rows: Sequence[AttendeeRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backfillDialog")
        self.setWindowTitle(_("补录（纸质签到表）"))
        self.backend, self.report_error, self.activity_id = backend, report_error, activity_id
        self.search = QLineEdit(objectName="backfillSearch")
        self.search.setPlaceholderText(_("输入姓名或拼音首字母筛选"))
        self.search.textChanged.connect(self._filter)
        self.people = QListWidget(objectName="backfillPeople")
        for row in rows:
            if row.status is AttendanceStatus.EXPECTED:
                self.people.addItem(_person_item(row))
        self.status = QComboBox(objectName="backfillStatus")
        for status in STATUSES:
            self.status.addItem(label(status), status.value)
        self.reason = QLineEdit(objectName="backfillReason")
        self.source = QLineEdit(_("纸质签到表"), objectName="backfillSource")
        self.error = error_label("backfillError")
        self._build_layout()
        self.resize(520, 560)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(_("状态"), self.status)
        form.addRow(_("原因"), self.reason)
        form.addRow(_("来源"), self.source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        note = _("只列出尚未签到、请假或缺席的人；已有记录的请先撤销。")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(note, wordWrap=True))
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        for i in range(self.people.count()):
            item = self.people.item(i)
            item.setHidden(bool(text) and not matches(item.data(KEY_ROLE), text))

    def picked(self) -> tuple[uuid.UUID, ...]:
        items = (self.people.item(i) for i in range(self.people.count()))
        return tuple(i.data(ID_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked)

    def _on_save_clicked(self) -> None:
        picked = self.picked()
        if not picked:
            self.error.setText(_("请勾选要补录的人。"))
            return
        activity_id, status = self.activity_id, AttendanceStatus(self.status.currentData())
        reason, source = self.reason.text(), self.source.text().strip() or "paper"
        self.backend.call(
            lambda ws: ops.backfill(ws, activity_id, picked, status, reason, source),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, _count: int) -> None:
        self.saved.emit(self.activity_id)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        """A refusal stops at the entry it names; those before it are stored and shown."""
        self.saved.emit(self.activity_id)
        if isinstance(error, UserError):
            self.error.setText(error.message)
        else:
            self.report_error(error)


def _person_item(row: AttendeeRow) -> QListWidgetItem:
    item = QListWidgetItem(f"{row.name}（{row.unit}）")
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    item.setData(ID_ROLE, row.id)
    item.setData(KEY_ROLE, search_key([row.name]))
    return item
