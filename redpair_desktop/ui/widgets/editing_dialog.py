"""A dialog holding edits that are not saved yet: closing it (Esc, the close button, the window
manager) asks before the edits are thrown away, and closes at once when there are none."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog

from redpair_desktop.i18n import _
from redpair_desktop.ui.widgets.confirm import confirm


class EditingDialog(QDialog):
    # what each dialog supplies, as methods:
    has_changes: Callable[[], bool]
    discard_question: Callable[[], tuple[str, str, str]]  # the question's object name, title, text

    def reject(self) -> None:
        if not self.has_changes():
            super().reject()
            return
        name, title, text = self.discard_question()
        confirm(self, name=name, title=title, text=text, action=_("放弃修改并关闭"),
                on_confirmed=lambda: QDialog.reject(self))  # fmt: skip

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_changes():
            event.ignore()
            self.reject()
        else:
            super().closeEvent(event)
