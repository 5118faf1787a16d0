"""列入问题清单: a defect raised as a finding (问题清单) — the category (安全隐患 first) and the
description, prefilled from the defect and editable. Ctrl+Enter or the button confirms."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import user_message
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.measures.codes import FindingCategory
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label

CATEGORIES = (FindingCategory.SAFETY_HAZARD,
              *(c for c in FindingCategory if c is not FindingCategory.SAFETY_HAZARD))  # fmt: skip


class FindingDialog(QDialog):
    confirmed = Signal(object, str)  # FindingCategory, the description

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingDialog")
        self.setWindowTitle(_("列入问题清单"))
        self.category = QComboBox(objectName="findingCategory")
        for category in CATEGORIES:
            self.category.addItem(label(category), category)
        self.text = QPlainTextEdit(text, objectName="findingText")
        self.text.setTabChangesFocus(True)
        self.message = error_label("findingMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.save_button = buttons.addButton(_("列入问题清单"), accept)
        self.save_button.setObjectName("findingSave")
        self.save_button.setToolTip(_("列入问题清单 (Ctrl+Enter)"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.confirm)
        form = QFormLayout()
        form.addRow(_("问题类别"), self.category)
        form.addRow(_("问题描述"), self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 280)

    def confirm(self) -> None:
        self.message.clear()
        self.save_button.setEnabled(False)
        category = FindingCategory(self.category.currentData())  # Qt gives back a plain str
        self.confirmed.emit(category, self.text.toPlainText())

    def reject(self) -> None:
        if self.save_button.isEnabled():  # not while storing: its answer has to be seen
            super().reject()

    def done_saving(self, error: BaseException | None) -> None:
        self.save_button.setEnabled(True)
        if error is None:
            self.accept()
        else:
            self.message.setText(user_message(error))
