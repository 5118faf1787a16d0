"""添加来宾: a guest (列席, e.g. from 党建部) put on the activity's list by name, unit and role.
Guests are listed and can check in, but are not counted in 应到/实到."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.ui.activities import ops
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend


class GuestDialog(QDialog):
    saved = Signal(object)  # the guest's AttendeeRow

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        activity_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guestDialog")
        self.setWindowTitle(_("添加来宾"))
        self.backend, self.report_error, self.activity_id = backend, report_error, activity_id
        self.name = QLineEdit(objectName="guestName")
        self.unit = QLineEdit(objectName="guestUnit")
        self.role = QLineEdit(objectName="guestRole")
        self.role.setPlaceholderText(_("来宾"))
        self.error = error_label("guestError")
        form = QFormLayout()
        form.addRow(_("姓名"), self.name)
        form.addRow(_("单位"), self.unit)
        form.addRow(_("身份"), self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def _on_save_clicked(self) -> None:
        activity_id = self.activity_id
        name, unit, role = self.name.text(), self.unit.text(), self.role.text()
        self.backend.call(
            lambda ws: ops.add_guest(ws, activity_id, name, unit, role),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, row: object) -> None:
        self.saved.emit(row)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.error.setText(error.message)
        else:
            self.report_error(error)
