"""屏幕签字: both secretaries sign the pairing's latest agreement version on screen, in person,
one after the other in front of the host — 甲方 first, then 乙方.

The dialog says first, prominently, what such a signature is and is not. Each 确认签字 goes to
the worker; what was stored (the signature image, time, device, the signature's SHA-256) then
replaces the pad. A pad with too little ink is refused here, with a message, and nothing is
stored. When both have signed, 签字完成 and 预览协议书 opens the PDF with its evidence page.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSysInfo, Signal
from PySide6.QtGui import QInputDevice
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.agreements.evidence import (
    DEVICE_LABELS,
    SECRETARY_ROLE,
    Evidence,
    EvidenceSignature,
)
from redpair_desktop.domain.enums import AgreementStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.signatures import DeviceKind
from redpair_desktop.i18n import _
from redpair_desktop.ui.agreements import ops
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets.signing_box import SigningBox, notice_label, stored_pixmap

if TYPE_CHECKING:
    from redpair_desktop.services.agreements.screen_signing import Signer, SigningSheet

INPUT_TYPES = {
    DeviceKind.MOUSE: QInputDevice.DeviceType.Mouse,
    DeviceKind.PEN: QInputDevice.DeviceType.Stylus,
    DeviceKind.TOUCH: QInputDevice.DeviceType.TouchScreen,
}


def device_name(kind: DeviceKind) -> str:
    """The name Qt gives the input device of this kind, with the machine's name."""
    host = QSysInfo.machineHostName()
    wanted = INPUT_TYPES.get(kind)
    names = [d.name() for d in QInputDevice.devices() if d.type() == wanted and d.name()]
    return f"{names[0]} · {host}" if names else host


class PartySection(SigningBox):
    """One party: who signs, the pad, and once signed what was stored."""

    confirmed = Signal(object)  # the Signature drawn

    def __init__(self, signer: Signer, parent: QWidget | None = None) -> None:
        title = _("{party}：{seal_name}", party=_(signer.party), seal_name=signer.seal_name)
        super().__init__(title, "signing", parent)
        self.signer = signer
        self.setObjectName(f"signingSection_{'ab'[signer.party == '乙方']}")
        who = _("请{party}书记 {name}（{role}）签字", party=_(signer.party),
                name=signer.secretary, role=_(SECRETARY_ROLE))  # fmt: skip
        self.who = QLabel(who, wordWrap=True)
        self.header.addWidget(self.who)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.set_active(False)

    def show_signed(self, signature: EvidenceSignature) -> None:
        self.who.setText(_("{party}书记 {name} 已签字", party=_(signature.party),
                           name=signature.signer))  # fmt: skip
        when = signature.signed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        device = _(DEVICE_LABELS[signature.device])
        self.show_stored(
            stored_pixmap(signature.image_png),
            _("签字时间：{when}\n签字设备：{device}（{name}）\n签名 SHA-256：{digest}",
              when=when, device=device, name=signature.device_name,
              digest=signature.signature_sha256),
        )  # fmt: skip

    def show_refusal(self, text: str) -> None:
        self.say(text)
        self.set_active(True)

    def _on_confirm_clicked(self) -> None:
        signature = self.pad.signature()
        if not signature.has_enough_ink:
            self.say(
                _("签名板上的笔迹太少，没有保存。请{name}完整签写姓名后再确认。",
                  name=self.signer.secretary)
            )  # fmt: skip
            return
        self.set_active(False)
        self.confirmed.emit(signature)


class SigningDialog(QDialog):
    """Signing the latest version of one pairing's agreement; ``signed`` after each stored
    signature, ``preview_requested`` when the user asks to see the signed agreement."""

    signed = Signal()
    preview_requested = Signal()

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        pairing_id: uuid.UUID,
        pairing_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signingDialog")
        self.setWindowTitle(_("屏幕签字 — {pairing}", pairing=pairing_name))
        self.backend, self.report_error = backend, report_error
        self.record_id: uuid.UUID | None = None
        self.sections: list[PartySection] = []
        self.notice = notice_label("signingNotice")
        self.status = QLabel(_("正在准备协议书…"), objectName="signingStatus", wordWrap=True)
        self.parties = QVBoxLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.preview_button = self.buttons.addButton(
            _("预览协议书"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.preview_button.setObjectName("signingPreview")
        self.preview_button.setEnabled(False)
        self.preview_button.clicked.connect(self.preview_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.status)
        layout.addLayout(self.parties, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 680)
        backend.call(lambda ws: ops.signing_sheet(ws, pairing_id), self._on_loaded, self._on_failed)

    # --- loading ------------------------------------------------------------------------

    def _on_loaded(self, loaded: tuple[SigningSheet, Evidence | None]) -> None:
        sheet, evidence = loaded
        self.record_id = sheet.record_id
        for signer in sheet.signers:
            section = PartySection(signer)
            section.confirmed.connect(lambda signature, s=section: self._store(s, signature))
            self.parties.addWidget(section, 1)
            self.sections.append(section)
            stored = evidence.signature_of(signer.party) if evidence else None
            if stored is not None:
                self._show_signed(section, stored)
        self.parties.addStretch(0)  # the room left once both have signed
        if sheet.status == AgreementStatus.SIGNED_PAPER:
            self.status.setText(
                _("第 {version} 版协议已签署（纸质原件存档），不能再在屏幕上签字。",
                  version=sheet.version)
            )  # fmt: skip
            return
        self.status.setText(_("第 {version} 版协议。双方书记依次签字：先甲方，后乙方。",
                              version=sheet.version))  # fmt: skip
        self._next_turn()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.status.setText(error.message)
        else:
            self.report_error(error)

    # --- signing ------------------------------------------------------------------------

    def _store(self, section: PartySection, signature: object) -> None:
        record_id, signer = self.record_id, section.signer
        assert record_id is not None
        name = device_name(section.pad.signature().device)
        self.backend.call(
            lambda ws: ops.record_signature(
                ws, record_id, signer.party, signer.secretary, signature, name
            ),
            lambda stored: self._on_stored(section, stored),
            lambda error: self._on_refused(section, error),
        )

    def _on_stored(self, section: PartySection, stored: EvidenceSignature) -> None:
        self._show_signed(section, stored)
        self.signed.emit()
        self._next_turn()

    def _show_signed(self, section: PartySection, stored: EvidenceSignature) -> None:
        section.show_signed(stored)
        self.parties.setStretchFactor(section, 0)  # the pad still to sign on gets the room

    def _on_refused(self, section: PartySection, error: BaseException) -> None:
        if isinstance(error, UserError):
            section.show_refusal(error.message)
        else:
            section.set_active(True)
            self.report_error(error)

    def _next_turn(self) -> None:
        waiting = [s for s in self.sections if not s.is_signed]
        if waiting:
            waiting[0].set_active(True)
            return
        self.status.setText(_("签字完成：双方书记均已签字。可预览协议书（含签署过程记录）。"))
        self.status.setStyleSheet("font-weight: bold;")
        self.preview_button.setEnabled(True)
        self.preview_button.setDefault(True)
