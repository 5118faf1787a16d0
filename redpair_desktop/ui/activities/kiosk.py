"""签名终端: a full-screen, frameless, always-on-top window where the members of an activity sign
its pledge one after the other.

One flow: the member types their name or pinyin initials (or scans the badge: the scanner types
the code and Enter) → their name in large type above the pad → they read the pledge, sign,
确认签名 → the signature is stored on the worker (bound to the words shown) → 已签名，谢谢！ and
the pad is empty, the search box focused, for the next member. Someone not yet checked in is
checked in by signing: whoever signs at the kiosk stands in the room, and sending them back to
the desk would stall the queue (the log records the check-in as made at the kiosk).

Refusals (too little ink, nobody of that name, signed already, an unknown badge) are said on the
kiosk; the strokes stay on the pad. The window cannot be left for another screen: no
decorations, and Esc, Alt+F4 and every close need the operator PIN (设置). Without a PIN set,
leaving is allowed after a warning that says how to set one: otherwise the operator would be
locked out of the app by a setting they never made.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSysInfo, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import AmbiguousEntry, Choice, UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.pin import PinBackoff
from redpair_desktop.settings import load_settings
from redpair_desktop.ui.activities import live, ops
from redpair_desktop.ui.activities.pin_dialog import PinDialog
from redpair_desktop.ui.appearance import ERROR_COLOUR
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets.confirm import confirm
from redpair_desktop.ui.widgets.signature_pad import SignaturePad

if TYPE_CHECKING:
    from redpair_desktop.services.activities.attendance import AttendeeRow
    from redpair_desktop.services.activities.pledges import SignatureRow

_CENTRE = Qt.AlignmentFlag.AlignCenter
THANKS_COLOUR = "#1b6e20"
THANKS_SHOWN_MS = 4000
KIOSK_FLAGS = (
    Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
)


class KioskWindow(QWidget):
    """``signed`` after each stored signature (the ``SignatureRow``), once the pad is ready."""

    signed = Signal(object)

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        activity_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, KIOSK_FLAGS)
        self.setObjectName("kioskWindow")
        self.setWindowTitle(_("签名终端"))
        self.setStyleSheet("QPushButton { padding: 0.3em 1em; }")  # large targets for a finger
        self.backend, self.report_error, self.activity_id = backend, report_error, activity_id
        self.backoff = PinBackoff()
        self.signer: AttendeeRow | None = None
        self.pledge_sha256: str | None = None
        self._may_close = False
        self._leaving: QWidget | None = None
        self._thanks = QTimer(self, singleShot=True, interval=THANKS_SHOWN_MS)
        self._thanks.timeout.connect(self._clear_message)
        self._build()
        self._show_waiting()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release)
        backend.call(lambda ws: ops.kiosk_sheet(ws, activity_id), self._on_sheet, self._failed)

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(objectName="kioskHeading", wordWrap=True)
        self.pledge_title = QLabel(objectName="kioskPledgeTitle", alignment=_CENTRE)
        self.pledge_text = QLabel(objectName="kioskPledgeText", wordWrap=True)
        prompt = _("请输入您的姓名或拼音首字母，或扫描胸牌，然后按回车：")
        self.prompt = QLabel(prompt, wordWrap=True)
        self.search = QLineEdit(objectName="kioskSearch")
        self.search.setPlaceholderText(_("例如：陈振波 或 czb"))
        self.search.returnPressed.connect(self.find)
        self.find_button = QPushButton(_("查找"), objectName="kioskFind")
        self.find_button.clicked.connect(self.find)
        self.choices = QHBoxLayout()
        self.signer_label = QLabel(objectName="kioskSigner", wordWrap=True)
        self.pad = SignaturePad()
        self.pad.setObjectName("kioskPad")
        self.pad.changed.connect(self._on_pad_changed)
        self.notice = self.pad.notice_label()
        self.clear_button = QPushButton(_("清除"), objectName="kioskClear")
        self.clear_button.clicked.connect(self.pad.clear)
        self.change_button = QPushButton(_("不是我，重新查找"), objectName="kioskChange")
        self.change_button.clicked.connect(self._show_waiting)
        self.confirm_button = QPushButton(_("确认签名"), objectName="kioskConfirm")
        self.confirm_button.clicked.connect(self.confirm)
        self.message = QLabel(objectName="kioskMessage", wordWrap=True, alignment=_CENTRE)
        self.no_pin = QLabel(objectName="kioskNoPin", wordWrap=True)
        self.no_pin.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setLayout(self._layout())

    def _layout(self) -> QVBoxLayout:
        find_row = QHBoxLayout()
        find_row.addWidget(self.search, 1)
        find_row.addWidget(self.find_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout()
        for widget in (self.no_pin, self.heading, self.pledge_title, self.pledge_text):
            layout.addWidget(widget)
        layout.addWidget(self.prompt)
        layout.addLayout(find_row)
        layout.addLayout(self.choices)
        layout.addWidget(self.message)
        layout.addWidget(self.signer_label)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        return layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_type(event.size().height())

    def _scale_type(self, height: int) -> None:
        """Type sizes follow the screen: the body a 36th of its height, at least 16 px."""
        body = max(16, height // 36)
        sizes = {self.heading: body * 0.8, self.pledge_title: body * 1.7, self.pledge_text: body,
                 self.prompt: body, self.search: body * 1.2, self.find_button: body,
                 self.signer_label: body * 1.6, self.clear_button: body,
                 self.change_button: body, self.confirm_button: body * 1.3,
                 self.message: body * 1.2, self.no_pin: body * 0.8,
                 self.notice: body * 0.6}  # fmt: skip
        for widget, size in sizes.items():
            font = widget.font()
            font.setPixelSize(round(size))
            font.setBold(widget in (self.pledge_title, self.signer_label, self.confirm_button))
            widget.setFont(font)

    # --- finding the member -------------------------------------------------------------

    def find(self) -> None:
        text = self.search.text()
        self._clear_choices()
        self.backend.call(
            lambda ws: ops.find_signer(ws, self.activity_id, text), self._on_found, self._refused
        )

    def pick(self, choice: Choice) -> None:
        self._clear_choices()
        self.backend.call(
            lambda ws: ops.attendee(ws, self.activity_id, choice.id), self._on_found, self._refused
        )

    def _on_found(self, row: AttendeeRow) -> None:
        self.signer = row
        self.search.clear()
        self._clear_message()
        self.pad.clear()
        self.signer_label.setText(_("{name}（{unit}），请阅读承诺后在下方签名",
                                    name=row.name, unit=row.unit))  # fmt: skip
        self._set_signing(True)
        self.pad.setFocus()

    def _show_choices(self, choices: tuple[Choice, ...]) -> None:
        for choice in choices:
            button = QPushButton(f"{choice.name}（{choice.unit}）", objectName="kioskChoice")
            button.setFont(self.find_button.font())
            button.clicked.connect(lambda _checked=False, c=choice: self.pick(c))
            self.choices.addWidget(button)

    def _clear_choices(self) -> None:
        while (item := self.choices.takeAt(0)) is not None:
            if widget := item.widget():
                widget.deleteLater()

    # --- signing ------------------------------------------------------------------------

    def confirm(self) -> None:
        signer, digest = self.signer, self.pledge_sha256
        if signer is None or digest is None:
            self._say(_("请先在上方输入您的姓名，找到后再签名。"), error=True)
            return
        signature = self.pad.signature()
        if not signature.has_enough_ink:
            self._say(_("签名太短或太小，没有保存。请在签名板上完整签写您的姓名。"), error=True)
            return
        self._set_signing(False)
        device, activity_id = f"kiosk · {QSysInfo.machineHostName()}", self.activity_id
        self.backend.call(
            lambda ws: ops.sign_at_kiosk(ws, activity_id, signer.id, signature, device, digest),
            self._on_signed,
            self._on_sign_refused,
        )

    def _on_signed(self, row: SignatureRow) -> None:
        self._show_waiting()
        self._say(_("{name}，已签名，谢谢！", name=row.name))
        self._thanks.start()
        live.announce(self.activity_id)
        self.signed.emit(row)

    def _on_sign_refused(self, error: BaseException) -> None:
        self._set_signing(True)  # the strokes stay: confirm again or clear
        self._refused(error)

    def _on_pad_changed(self) -> None:
        if self.signer is not None and not self._thanks.isActive():
            self._clear_message()

    def _show_waiting(self) -> None:
        """Ready for the next member: nobody chosen, the pad empty, the search box focused."""
        self.signer = None
        self.pad.clear()
        self.signer_label.setText(_("找到您的姓名后，在此签名"))
        self._set_signing(False)
        self._clear_choices()
        self.search.setFocus()

    def _set_signing(self, signing: bool) -> None:
        for widget in (self.pad, self.clear_button, self.change_button, self.confirm_button):
            widget.setEnabled(signing)

    # --- messages -----------------------------------------------------------------------

    def _on_sheet(self, sheet: ops.KioskSheet) -> None:
        self.heading.setText(sheet.title)
        self.pledge_title.setText(sheet.pledge.title)
        self.pledge_text.setText(sheet.pledge.text)
        self.pledge_sha256 = sheet.pledge.sha256
        self._show_pin_state()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            self._failed(error)
            return
        self._say(str(error), error=True)
        if isinstance(error, AmbiguousEntry):
            self._show_choices(error.choices)
        if self.signer is None:
            self.search.selectAll()
            self.search.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._set_signing(self.signer is not None)
        self.report_error(error)

    def _say(self, text: str, *, error: bool = False) -> None:
        self._thanks.stop()
        self.message.setStyleSheet(f"color: {ERROR_COLOUR if error else THANKS_COLOUR};")
        self.message.setText(text)

    def _clear_message(self) -> None:
        self.message.setText("")

    def _show_pin_state(self) -> None:
        unset = load_settings(self.backend.data_dir).kiosk_pin_hash is None
        self.no_pin.setText(
            _("尚未设置操作员 PIN：任何人都能退出签名终端。请在“设置”中设置 PIN。") if unset else ""
        )
        self.no_pin.setVisible(unset)

    # --- leaving ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.ask_to_leave()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
            return
        event.ignore()
        QTimer.singleShot(0, self.ask_to_leave)

    def ask_to_leave(self) -> None:
        """The PIN dialog (or, with no PIN set, the warning); nothing if one is already open."""
        if self._leaving is not None and self._leaving.isVisible():
            return
        pin_hash = load_settings(self.backend.data_dir).kiosk_pin_hash
        if pin_hash is None:
            self._leaving = confirm(
                self,
                name="kioskLeaveWithoutPin",
                title=_("退出签名终端"),
                text=_("尚未设置操作员 PIN，任何人都能退出签名终端。"),
                details=_("请在“设置 → 签名终端操作员 PIN”中设置 PIN，之后退出须输入 PIN。"),
                action=_("退出签名终端"),
                on_confirmed=self.release,
            )
            return
        dialog = PinDialog(pin_hash, self.backoff, self)
        dialog.accepted.connect(self.release)
        dialog.open()
        self._leaving = dialog

    def release(self) -> None:
        """Close without asking: after the right PIN, or when the application quits."""
        self._may_close = True
        self.close()


def open_kiosk(
    backend: Backend,
    report_error: Callable[[BaseException], None],
    activity_id: uuid.UUID,
    parent: QWidget | None = None,
    *,
    fullscreen: bool = True,
) -> KioskWindow:
    """Open the kiosk for ``activity_id`` on the screen of ``parent`` (full screen unless told)."""
    kiosk = KioskWindow(backend, report_error, activity_id, parent)
    if parent is not None and parent.screen() is not None:
        kiosk.setGeometry(parent.screen().geometry())
    if fullscreen:
        kiosk.showFullScreen()
    else:
        kiosk.show()
    kiosk.activateWindow()
    return kiosk
