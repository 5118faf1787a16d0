"""One signer's part of a signing dialog (an agreement's parties, an inspection's sign-off):
what the owner puts in ``header``, then the shared signature pad with 清除 / 撤销 / 确认签字, a
message line, and — once stored — the stored signature and its facts in the pad's place; the
honest-signature notice that heads such a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.signatures import honesty_notice
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.widgets.signature_pad import SignaturePad

SHOWN_SIGNATURE_HEIGHT = 56  # px: the stored image, once signed


def notice_label(name: str) -> QLabel:
    """The honest-signature notice, framed so that it is read first."""
    notice = QLabel(honesty_notice(), objectName=name, wordWrap=True)
    notice.setStyleSheet(
        "font-weight: bold; padding: 8px; border: 1px solid #c9a227; background: #fff8dc;"
        " color: #5a4500;"
    )
    return notice


def stored_pixmap(png: bytes) -> QPixmap:
    """A stored signature's PNG at the height it is shown."""
    image = QPixmap()
    image.loadFromData(png, "PNG")
    return image.scaledToHeight(
        min(SHOWN_SIGNATURE_HEIGHT, max(image.height(), 1)),
        Qt.TransformationMode.SmoothTransformation,
    )


class SigningBox(QGroupBox):
    """``prefix`` names the parts for tests and styles (``{prefix}Confirm``, ``…Message``,
    ``…StoredImage``, ``…Stored``); ``confirm_button`` is the owner's to connect."""

    def __init__(self, title: str, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.is_signed = False
        self.header = QVBoxLayout()
        self.pad = SignaturePad()
        self.pad.changed.connect(lambda: self.say(""))
        self.clear_button = QPushButton(_("清除"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button = QPushButton(_("撤销"))
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.confirm_button = QPushButton(_("确认签字"), objectName=f"{prefix}Confirm")
        for button in (self.clear_button, self.undo_button, self.confirm_button):
            button.setAutoDefault(False)  # Enter in a field of the dialog signs nothing
        self.message = error_label(f"{prefix}Message")
        self.stored_image = QLabel(objectName=f"{prefix}StoredImage")
        self.stored = QLabel(objectName=f"{prefix}Stored", wordWrap=True)
        self.stored.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        result = QHBoxLayout()
        result.addWidget(self.stored_image)
        result.addWidget(self.stored, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(result)
        for widget in (self.message, self.stored_image, self.stored):
            widget.hide()

    def pad_widgets(self) -> tuple[QWidget, ...]:
        return (self.pad, self.clear_button, self.undo_button, self.confirm_button)

    def set_active(self, active: bool) -> None:
        """Only the signer whose turn it is can sign; the other's pad waits, greyed."""
        for widget in self.pad_widgets():
            widget.setEnabled(active)
        if active:
            self.pad.setFocus()

    def show_stored(self, image: QPixmap, text: str) -> None:
        """What was stored takes the pad's place."""
        self.is_signed = True
        for widget in self.pad_widgets():
            widget.hide()
        self.say("")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.stored_image.setPixmap(image)
        self.stored.setText(text)
        self.stored_image.show()
        self.stored.show()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
