"""新建巡视: the line (the one selected in the tab first), the day (today) and the patroller.
The patrol is opened on the worker; a refusal (no patroller) is shown here, nothing stored."""

from __future__ import annotations

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
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError, user_message
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.assets import ops
from redpair_desktop.ui.backend import Backend

if TYPE_CHECKING:
    from redpair_desktop.services.assets.listing import LineRow


class NewPatrolDialog(QDialog):
    opened = Signal(object)  # the new patrol's id

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        lines: Sequence[LineRow],
        line_id: uuid.UUID | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newPatrolDialog")
        self.setWindowTitle(_("新建巡视"))
        self.backend, self.report_error = backend, report_error
        self.line = QComboBox(objectName="patrolLine")
        for row in lines:
            self.line.addItem(_("{line}（{station}）", line=row.name, station=row.station), row.id)
        self.line.setCurrentIndex(max(0, self.line.findData(line_id)))
        self.day = QDateEdit(QDate(today), objectName="patrolDate", calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.patroller = QLineEdit(objectName="patrolPatroller")
        self.message = error_label("newPatrolMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.addButton(_("开始巡视"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("patrolStart")
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("线路"), self.line)
        form.addRow(_("巡视日期"), self.day)
        form.addRow(_("巡视人"), self.patroller)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.patroller.setFocus()

    def start(self) -> None:
        line_id = self.line.currentData()
        if line_id is None:
            self.message.setText(_("还没有登记线路。"))
            return
        day, patroller = self.day.date().toPython(), self.patroller.text()
        self.start_button.setEnabled(False)
        self.backend.call(
            lambda ws: ops.open_patrol(ws, line_id, day, patroller),  # type: ignore[arg-type]
            self._on_opened,
            self._on_refused,
        )

    def _on_opened(self, patrol_id: uuid.UUID) -> None:
        self.accept()
        self.opened.emit(patrol_id)

    def _on_refused(self, error: BaseException) -> None:
        self.start_button.setEnabled(True)
        if isinstance(error, UserError):
            self.message.setText(user_message(error))
        else:
            self.report_error(error)
