"""签字确认: the inspector and the inspected station's representative each type their name and
sign on the shared signature pad, one after the other, then 完成检查 completes the inspection.

What such a signature is and is not is said first. Each 确认签字 goes to the worker (the
service binds it to the answers signed); a refusal is shown at the signer's pad and nothing is
stored. A signature already stored (a resumed draft) shows as stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.codes import SignoffRole
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.inspections import ops
from redpair_desktop.ui.widgets.signing_box import SigningBox, notice_label, stored_pixmap

if TYPE_CHECKING:
    from redpair_desktop.domain.signatures import Signature
    from redpair_desktop.services.inspections.signoffs import SignoffRow


def signed_text(row: SignoffRow) -> str:
    when = row.signed_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return _("{role}：{signer} 已签字（{when}）", role=label(row.role), signer=row.signer,
             when=when)  # fmt: skip


class SignerSection(SigningBox):
    """One signer: the name, the pad; once stored, what was stored."""

    confirmed = Signal(str, object)  # the name typed, the Signature drawn

    def __init__(self, role: SignoffRole, name: str, parent: QWidget | None = None) -> None:
        super().__init__(label(role), "signoff", parent)
        self.role = role
        self.setObjectName(f"signoff_{role.value}")
        self.name = QLineEdit(name, objectName="signoffName")
        self.name.setPlaceholderText(_("签字人姓名"))
        self.name.returnPressed.connect(self.pad.setFocus)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(_("姓名")))
        name_row.addWidget(self.name, 1)
        self.header.addLayout(name_row)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.set_active(False)

    def pad_widgets(self) -> tuple[QWidget, ...]:
        return (self.name, *super().pad_widgets())

    def set_active(self, active: bool) -> None:
        super().set_active(active)
        if active and not self.name.text().strip():
            self.name.setFocus()

    def show_signed(self, row: SignoffRow) -> None:
        self.show_stored(stored_pixmap(row.image_png), signed_text(row))

    def _on_confirm_clicked(self) -> None:
        name, signature = self.name.text().strip(), self.pad.signature()
        if not name:
            self.say(_("请先填写签字人姓名。"))
            self.name.setFocus()
            return
        if not signature.has_enough_ink:
            self.say(_("签名板上的笔迹太少，没有保存。请{name}完整签写姓名后再确认。", name=name))
            return
        self.set_active(False)
        self.confirmed.emit(name, signature)


class SignoffDialog(QDialog):
    """``completed`` with the ``ops.Finished`` once the inspection is complete; ``signed`` with
    the run after each stored signature."""

    signed = Signal(object)
    completed = Signal(object)

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        run: ops.Run,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signoffDialog")
        view = run.view
        self.setWindowTitle(_("签字确认 — {title}", title=view.title))
        self.backend, self.report_error, self.inspection_id = backend, report_error, view.id
        notice = notice_label("signoffNotice")
        self.status = QLabel(objectName="signoffStatus", wordWrap=True)
        names = {SignoffRole.INSPECTOR: view.inspectors[0] if view.inspectors else ""}
        self.sections = [SignerSection(role, names.get(role, "")) for role in SignoffRole]
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.complete_button = self.buttons.addButton(
            _("完成检查"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.complete_button.setObjectName("signoffComplete")
        self.complete_button.setEnabled(False)
        self.complete_button.clicked.connect(self._complete)
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addWidget(self.status)
        for section in self.sections:
            section.confirmed.connect(lambda n, s, sec=section: self._store(sec, n, s))
            layout.addWidget(section, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 720)
        self._show_stored(view.signoffs)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        waiting = [s for s in self.sections if not s.is_signed]
        if waiting:
            waiting[0].set_active(True)  # the focus where the signer starts

    def _show_stored(self, rows: tuple[SignoffRow, ...]) -> None:
        for row in rows:
            section = next(s for s in self.sections if s.role is row.role)
            if not section.is_signed:
                section.show_signed(row)
        self._next_turn()

    def _next_turn(self) -> None:
        waiting = [s for s in self.sections if not s.is_signed]
        if waiting:
            waiting[0].set_active(True)
            self.status.setText(_("请{role}填写姓名并在签名板上签字（先检查人，后被检查单位代表）。",
                                  role=label(waiting[0].role)))  # fmt: skip
            return
        self.status.setText(_("双方均已签字。点“完成检查”保存得分，不合格项列入问题清单。"))
        self.complete_button.setEnabled(True)
        self.complete_button.setDefault(True)
        self.complete_button.setFocus()

    def _store(self, section: SignerSection, name: str, signature: Signature) -> None:
        inspection_id, role = self.inspection_id, section.role
        self.backend.call(
            lambda ws: ops.sign_off(ws, inspection_id, role, name, signature, ""),
            self._on_signed,
            lambda error: self._on_refused(section, error),
        )

    def _on_signed(self, run: ops.Run) -> None:
        self.signed.emit(run)
        self._show_stored(run.view.signoffs)

    def _on_refused(self, section: SignerSection, error: BaseException) -> None:
        section.set_active(True)
        if isinstance(error, UserError):
            section.say(error.message)
        else:
            self.report_error(error)

    def _complete(self) -> None:
        inspection_id = self.inspection_id
        self.complete_button.setEnabled(False)
        self.backend.call(
            lambda ws: ops.complete(ws, inspection_id), self._on_completed, self._on_failed
        )

    def _on_completed(self, finished: ops.Finished) -> None:
        self.completed.emit(finished)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.complete_button.setEnabled(True)
        if isinstance(error, UserError):
            self.status.setText(error.message)
        else:
            self.report_error(error)
