"""移出花名册: asks the date and the reason before a person leaves a branch's roster.

As every destructive question (``ui/widgets/confirm.py``): the action button says what it does
(“移出花名册”) and 取消 is the default, so Enter never removes anyone. When the person is the
branch's 支部书记 the dialog says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.enums import REMOVAL_REASONS, EndReason
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.rosters.person_rules import FieldError, parse_date
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import ERROR_COLOUR, error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.rosters import ops

if TYPE_CHECKING:
    from redpair_desktop.services.rosters.removal import RemovalFacts


class RemoveDialog(QDialog):
    removed = Signal(object)  # the membership id that ended

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        membership_id: uuid.UUID,
        facts: RemovalFacts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("removeDialog")
        self.setWindowTitle(_("移出花名册：{name}", name=facts.name))
        self.setMinimumWidth(460)
        self.backend, self.report_error = backend, report_error
        self.membership_id, self.facts = membership_id, facts
        self.question = QLabel(
            _(
                "把“{name}”移出“{branch}”的花名册？\n记录会保留在履历中，人数随即减少。",
                name=facts.name,
                branch=facts.branch,
            ),
            objectName="removeQuestion",
            wordWrap=True,
        )
        self.secretary_warning = QLabel(
            _(
                "“{name}”是该党支部的支部书记。移出后，该党支部将没有支部书记。",
                name=facts.name,
            ),
            objectName="removeSecretaryWarning",
            wordWrap=True,
        )
        self.secretary_warning.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.secretary_warning.setVisible(facts.is_secretary)
        self.on_date = QLineEdit(date.today().isoformat(), objectName="removeDate")
        self.reason = QComboBox(objectName="removeReason")
        self.reason.setPlaceholderText(_("请选择"))
        for reason in REMOVAL_REASONS:
            self.reason.addItem(label(reason), reason)
        self.reason.setCurrentIndex(-1)  # no guess: the reason is the user's to give
        self.error = error_label("removeError")
        self.buttons = self._build_buttons()
        form = QFormLayout()
        form.addRow(_("移出日期"), self.on_date)
        form.addRow(_("移出原因"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.secretary_warning)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.remove_button = buttons.addButton(
            _("移出花名册"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setObjectName("removeButton")
        self.remove_button.setAutoDefault(False)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter cancels
        self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons.rejected.connect(self.reject)
        return buttons

    def _on_remove_clicked(self) -> None:
        try:
            on = parse_date(self.on_date.text(), _("移出日期"))
        except FieldError as error:
            self.error.setText(str(error))
            return
        problem = self._problem(on)
        if problem:
            self.error.setText(problem)
            return
        membership_id = self.membership_id
        reason = EndReason(self.reason.currentData())  # Qt hands a StrEnum back as a str
        self.remove_button.setEnabled(False)
        self.backend.call(
            lambda ws: ops.remove_from_roster(ws, membership_id, on, reason),
            self._on_removed,
            self._on_remove_failed,
        )

    def _problem(self, on: date | None) -> str:
        started = self.facts.started_on
        if on is None:
            return _("请填写移出日期。")
        if on > date.today():
            return _("移出日期不能晚于今天。")
        if started and on < started:
            return _("移出日期不能早于此人转入本党支部的日期 {date}。", date=started.isoformat())
        if self.reason.currentIndex() < 0:
            return _("请选择移出原因。")
        return ""

    def _on_remove_failed(self, error: BaseException) -> None:
        """A refusal is shown in the dialog; anything else is a bug, reported and logged."""
        self.remove_button.setEnabled(True)
        if isinstance(error, UserError):
            self.error.setText(error.message)
        else:
            self.report_error(error)

    def _on_removed(self, _result: None) -> None:
        self.removed.emit(self.membership_id)
        self.accept()
