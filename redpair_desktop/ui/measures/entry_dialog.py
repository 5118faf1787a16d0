"""One entry of a measure's log: 记录进展 (with an optional evidence photo, imported with
Ctrl+Shift+I or pasted with Ctrl+V), 督办, 提交验证, 未完成结项 and 重新打开 — the text, whether it
is required (the service refuses an empty one, in its own words) and who writes it. A photo
is only read and stored on the worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from redpair_desktop.i18n import _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.measures import ops
from redpair_desktop.ui.measures.op_dialog import OpDialog, note_box
from redpair_desktop.ui.widgets.photo_source import ask_photo, clipboard_image, pastes_a_picture

if TYPE_CHECKING:
    from redpair_desktop.services.workspace import Workspace

PREVIEW_EDGE = 160  # px: the pasted image shown in the form
# (workspace, text, author, photo) → the change; the photo only where the entry takes one
Write = Callable[["Workspace", str, str, "ops.Photo | None"], object]


class EntryDialog(OpDialog):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        write: Write,
        *,
        name: str,
        title: str,
        action: str,
        prompt: str,
        required: bool,
        author: str = "",
        with_photo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(backend, report_error, name=name, title=title, action=action,
                         parent=parent)  # fmt: skip
        self.write = write
        self.photo: ops.Photo | None = None
        self.text = note_box("entryText", prompt)
        self.author = QLineEdit(author, objectName="entryAuthor")
        self.author.setPlaceholderText(_("姓名或党支部"))
        self.form.addRow(_("内容") if required else _("说明（可不填）"), self.text)
        self.form.addRow(_("记录人"), self.author)
        if with_photo:
            self.form.addRow(_("佐证照片"), self._photo_row())
        self.resize(540, 360 if with_photo else 280)
        self.text.setFocus()

    def _photo_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.photo_label = QLabel(_("（无）"), objectName="entryPhoto", wordWrap=True)
        self.photo_label.setMinimumWidth(PREVIEW_EDGE)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.import_button = self._button(_("导入照片…"), "Ctrl+Shift+I", self.import_photo)
        self.paste_button = self._button(_("粘贴图片"), "Ctrl+V", self.paste_photo)
        self.clear_button = self._button(_("不附照片"), "", self.clear_photo)
        for part in (self.photo_label, self.import_button, self.paste_button, self.clear_button):
            line.addWidget(part, 0, Qt.AlignmentFlag.AlignTop)
        line.addStretch(1)
        QShortcut(QKeySequence("Ctrl+Shift+I"), self, activated=self.import_photo)
        for box in (self.text, self.author):  # Ctrl+V with an image on the clipboard
            box.installEventFilter(self)
        self._show_photo()
        return row

    def _button(self, text: str, keys: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, autoDefault=False)
        if keys:
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text} ({shown})")
        button.clicked.connect(slot)
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if pastes_a_picture(event):
            self.paste_photo()
            return True
        return super().eventFilter(watched, event)

    def import_photo(self) -> None:
        path = ask_photo(self, _("选择佐证照片"))
        if path is not None:
            self.photo = path
            self._show_photo()

    def paste_photo(self) -> None:
        image = clipboard_image()
        if image is None:
            self.refuse(_("剪贴板里没有图片。"))
            return
        self.photo = image
        self._show_photo()

    def clear_photo(self) -> None:
        self.photo = None
        self._show_photo()

    def _show_photo(self) -> None:
        self.message.clear()
        self.clear_button.setEnabled(self.photo is not None)
        if self.photo is None:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(_("（无）"))
        elif isinstance(self.photo, QImage):
            pixmap = QPixmap.fromImage(self.photo).scaled(
                PREVIEW_EDGE, PREVIEW_EDGE, Qt.AspectRatioMode.KeepAspectRatio
            )
            self.photo_label.setPixmap(pixmap)
        else:
            self.photo_label.setText(_("已选：{name}", name=self.photo.name))

    def submit(self) -> None:
        text, author, photo = self.text.toPlainText(), self.author.text(), self.photo
        write = self.write
        self.run(lambda ws: write(ws, text, author, photo))
