"""简报: the activity brief (时间、地点、参加人员、应到实到、主要内容) as read-only text, with
复制 (Ctrl+Shift+C) putting it on the clipboard for the branch's news item."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from redpair_desktop.i18n import _
from redpair_desktop.ui.activities import ops
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions


class BriefBox(QWidget):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefBox")
        self.backend, self.report_error = backend, report_error
        self.activity_id: uuid.UUID | None = None
        self.text = QPlainTextEdit(objectName="briefText", readOnly=True)
        self.status = QLabel(objectName="briefStatus")
        self.actions_bar = ActionBar()
        self.actions = add_actions(
            self, self.actions_bar, "brief", [("copy", _("复制"), self.copy, ["Ctrl+Shift+C"])]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)

    def show_activity(self, activity_id: uuid.UUID | None) -> None:
        self.activity_id = activity_id
        self.status.clear()
        self.text.clear()
        if activity_id is not None:
            self.backend.call(
                lambda ws: ops.brief(ws, activity_id),
                lambda text: self._on_loaded(activity_id, text),
                self.report_error,
            )

    def _on_loaded(self, activity_id: uuid.UUID, text: str) -> None:
        if activity_id == self.activity_id:
            self.text.setPlainText(text)

    def copy(self) -> None:
        text = self.text.toPlainText()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.status.setText(_("简报已复制，可粘贴到支部的新闻稿中。"))
