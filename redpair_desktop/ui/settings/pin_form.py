"""签名终端操作员 PIN: set it (4 to 8 digits, typed twice) or change it (the old one first).

Only the Argon2id hash leaves this form (``pin_hash_changed``); hashing and checking run on the
worker (about a tenth of a second each). A wrong old PIN counts towards the same back-off as at
the kiosk: after three wrong tries the next one waits."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.pin import PinBackoff, check_pin, checked_pin, hash_pin
from redpair_desktop.ui.appearance import ERROR_COLOUR
from redpair_desktop.ui.operations import DbRunner
from redpair_desktop.ui.widgets.pin_field import pin_field


class PinForm(QGroupBox):
    """Edits ``Settings.kiosk_pin_hash``; emits the new hash once it is made."""

    pin_hash_changed = Signal(str)

    def __init__(
        self,
        runner: DbRunner,
        pin_hash: str | None,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("签名终端操作员 PIN"), parent)
        self.setObjectName("pinForm")
        self.runner, self.report_error = runner, report_error
        self.pin_hash = pin_hash
        self.backoff = PinBackoff()
        intro = QLabel(
            _("离开全屏签名终端须输入操作员 PIN。PIN 只以哈希值（Argon2id）保存在本机设置中。"),
            wordWrap=True,
        )
        self.state = QLabel(objectName="pinState")
        self.old_pin, self.new_pin, self.repeat_pin = (
            pin_field(name) for name in ("oldPin", "newPin", "repeatPin")
        )
        self.save_button = QPushButton(objectName="savePin")
        self.save_button.clicked.connect(self.save)
        self.repeat_pin.returnPressed.connect(self.save)
        self.message = QLabel(objectName="pinMessage", wordWrap=True)
        self.message.hide()
        self.fields = QFormLayout()
        self.fields.addRow(_("原 PIN"), self.old_pin)
        self.fields.addRow(_("新 PIN（4–8 位数字）"), self.new_pin)
        self.fields.addRow(_("再输一次"), self.repeat_pin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addLayout(self.fields)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._show_state()

    def _show_state(self) -> None:
        is_set = self.pin_hash is not None
        unset = _("尚未设置 PIN：任何人都能退出签名终端。")
        self.state.setText(_("已设置 PIN。") if is_set else unset)
        self.fields.setRowVisible(self.old_pin, is_set)
        self.save_button.setText(_("更改 PIN") if is_set else _("设置 PIN"))

    def save(self) -> None:
        new, repeat, old = self.new_pin.text(), self.repeat_pin.text(), self.old_pin.text()
        try:
            checked_pin(new)
        except UserError as error:
            self._say(str(error), error=True)
            return
        if new != repeat:
            self._say(_("两次输入的新 PIN 不一致，未保存。"), error=True)
            return
        wait = self.backoff.wait_left()
        if self.pin_hash is not None and wait:
            self._say(_("原 PIN 错误次数过多，请 {seconds} 秒后再试。", seconds=math.ceil(wait)),
                      error=True)  # fmt: skip
            return
        current = self.pin_hash
        self.save_button.setEnabled(False)
        self.runner.run(lambda: _new_hash(current, old, new), self._on_hashed, self._on_failed)

    def _on_hashed(self, pin_hash: str | None) -> None:
        self.save_button.setEnabled(True)
        if pin_hash is None:
            self.backoff.failed()
            self.old_pin.clear()
            self._say(_("原 PIN 不正确，未更改。"), error=True)
            return
        self.backoff.succeeded()
        self.pin_hash = pin_hash
        for field in (self.old_pin, self.new_pin, self.repeat_pin):
            field.clear()
        self._show_state()
        self._say(_("已保存新的 PIN。"))
        self.pin_hash_changed.emit(pin_hash)

    def _on_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.hide()
        self.report_error(error)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.setText(text)
        self.message.show()


def _new_hash(current: str | None, old: str, new: str) -> str | None:
    """On the worker: the hash of ``new``, or None when ``old`` is not the current PIN."""
    if current is not None and not check_pin(old, current):
        return None
    return hash_pin(new)
