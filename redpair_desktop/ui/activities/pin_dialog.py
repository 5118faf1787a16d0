"""The operator PIN asked before the kiosk may be left, with the back-off after wrong tries.

The PIN is checked on the GUI thread (an Argon2id check takes about a tenth of a second); while
the back-off runs, a try is refused without checking it."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from redpair_desktop.i18n import _
from redpair_desktop.services.pin import PinBackoff, check_pin
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.widgets.pin_field import pin_field


class PinDialog(QDialog):
    """Accepted only once the right PIN is entered; wrong tries count in ``backoff``, which the
    kiosk keeps for its whole life so that reopening the dialog does not reset it."""

    def __init__(self, pin_hash: str, backoff: PinBackoff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPinDialog")
        self.setWindowTitle(_("退出签名终端"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        self.pin_hash, self.backoff = pin_hash, backoff
        self.pin = pin_field("kioskPin")
        self.message = error_label("kioskPinMessage")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_pin)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("请工作人员输入操作员 PIN：")))
        layout.addWidget(self.pin)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_pin(self) -> None:
        wait = self.backoff.wait_left()
        if wait:
            self._say(_("PIN 错误次数过多，请 {seconds} 秒后再试。", seconds=math.ceil(wait)))
            return
        if check_pin(self.pin.text(), self.pin_hash):
            self.backoff.succeeded()
            self.accept()
            return
        self.backoff.failed()
        self.pin.clear()
        wait = self.backoff.wait_left()
        if wait:
            self._say(_("PIN 不正确。请 {seconds} 秒后再试。", seconds=math.ceil(wait)))
        else:
            self._say(_("PIN 不正确，请重新输入。"))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.pin.setFocus()
