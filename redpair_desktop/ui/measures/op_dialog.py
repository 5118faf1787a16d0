"""The one shape of every 问题与帮扶 form: fields in a form, a message line, the action button
named by what it does and 取消. The action runs on the worker; a refusal from the service
stays in the form (nothing was written), success closes it and says ``saved``. Ctrl+Enter is
the action button from anywhere in the form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError, user_message
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend

if TYPE_CHECKING:
    from redpair_desktop.services.workspace import Workspace

TEXT_LINES = 4  # the height of a note box, in lines


class OpDialog(QDialog):
    saved = Signal(object)  # what the operation returned
    submit: Callable[[], None]  # each form's method: check the fields, then ``run``

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        *,
        name: str,
        title: str,
        action: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.backend, self.report_error = backend, report_error
        self.author: QLineEdit | None = None  # who writes it, where the form asks
        self.running = False  # the operation is on the worker: the form waits for its answer
        self.form = QFormLayout()
        self.message = error_label(f"{name}Message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.action_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.action_button.setObjectName(f"{name}Action")
        shown = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        self.action_button.setToolTip(f"{action} ({shown})")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def reject(self) -> None:
        if not self.running:  # Esc while storing: the refusal, if any, has to be seen
            super().reject()

    def refuse(self, text: str) -> None:
        self.message.setText(text)

    def run(self, operation: Callable[[Workspace], object]) -> None:
        self.running = True
        self.action_button.setEnabled(False)
        self.message.clear()
        self.backend.call(operation, self._on_done, self._on_failed)

    def _on_done(self, result: object) -> None:
        self.running = False
        self.action_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.running = False
        self.action_button.setEnabled(True)
        if isinstance(error, UserError):
            self.message.setText(user_message(error))
        else:
            self.report_error(error)


def date_edit(day: date, name: str) -> QDateEdit:
    """A day in ISO form (2024-06-30) in every language, with a calendar."""
    edit = QDateEdit(QDate(day), objectName=name, calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def note_box(name: str, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * TEXT_LINES + 12)
    return box
