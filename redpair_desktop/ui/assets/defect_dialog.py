"""The defect form of the patrol window: the asset, the defect types its kind allows (each with
its number key: pressing it chooses the type and moves to the note), the note, and a photo
imported (Ctrl+Shift+I) or pasted (Ctrl+V with an image on the clipboard; text pastes into the
note as usual). Enter confirms. The form stays open until the defect is stored: a refusal (a
file that is not a photo, a note too long) is shown in it and nothing is stored."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.assets.codes import AssetKind, DefectType, defect_types
from redpair_desktop.domain.errors import user_message
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.assets.ops import DefectChoice, Photo
from redpair_desktop.ui.widgets.photo_source import ask_photo, clipboard_image, pastes_a_picture

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1
IMPORT_KEYS = "Ctrl+Shift+I"


class DefectDialog(QDialog):
    confirmed = Signal(object)  # DefectChoice; the window stores it, then calls ``done_saving``

    def __init__(
        self,
        asset_number: str,
        asset_name: str,
        kind: AssetKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("defectDialog")
        self.setWindowTitle(_("记录缺陷：{asset}", asset=asset_name))
        self.asset_number, self.asset_name = asset_number, asset_name
        self.photo: Photo | None = None
        self.types = QListWidget(objectName="defectTypes")
        for key, defect in enumerate(defect_types(kind), start=1):
            item = QListWidgetItem(f"{key}  {label(defect)}")
            item.setData(TYPE_ROLE, defect)
            self.types.addItem(item)
        self.types.setCurrentRow(0)
        self.types.installEventFilter(self)
        self.note = QLineEdit(objectName="defectNote", placeholderText=_("缺陷情况，可不填"))
        self.note.installEventFilter(self)
        self.photo_text = QLabel(_("无照片"), objectName="defectPhoto")
        self.message = error_label("defectMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            _("记录缺陷"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("defectSave")
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        self.save_button.setDefault(True)  # once in the dialog: Enter stores the defect
        shortcut = QShortcut(QKeySequence(IMPORT_KEYS), self)
        shortcut.activated.connect(self.import_photo)
        self.types.setFocus()

    def _build_layout(self) -> None:
        import_button = QPushButton(_("导入照片…"), objectName="defectImport")
        import_button.setToolTip(f"{import_button.text()} ({IMPORT_KEYS})")
        import_button.clicked.connect(self.import_photo)
        paste_button = QPushButton(_("粘贴照片"), objectName="defectPaste")
        paste_button.setToolTip(_("粘贴剪贴板中的图片（在说明框中按 Ctrl+V）"))
        paste_button.clicked.connect(self.paste_photo)
        clear_button = QPushButton(_("不要照片"), objectName="defectNoPhoto")
        clear_button.clicked.connect(lambda: self._set_photo(None, _("无照片")))
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_text)
        for button in (import_button, paste_button, clear_button):
            button.setAutoDefault(False)  # Enter in the note stores, never picks a photo
            photo_row.addWidget(button)
        photo_row.addStretch(1)
        form = QFormLayout()
        form.addRow(_("设备"), QLabel(self.asset_name, objectName="defectAsset"))
        form.addRow(_("缺陷类型（按数字键选择）"), self.types)
        form.addRow(_("说明"), self.note)
        form.addRow(_("照片"), photo_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        rows = self.types.sizeHintForRow(0) * self.types.count()
        self.types.setFixedHeight(rows + 2 * self.types.frameWidth() + 4)  # every type, no scroll

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.types and self._choose_by_key(event.text()):
                return True
            if watched is self.note and pastes_a_picture(event):
                image = clipboard_image()
                if image is not None:
                    self._set_photo(image, _("粘贴的图片"))
                    return True
        return super().eventFilter(watched, event)

    def _choose_by_key(self, text: str) -> bool:
        """A number key chooses that type and moves on to the note."""
        if not text.isdigit() or not 1 <= int(text) <= self.types.count():
            return False
        self.types.setCurrentRow(int(text) - 1)
        self.note.setFocus()
        return True

    def chosen_type(self) -> DefectType:
        item = self.types.currentItem() or self.types.item(0)
        return DefectType(item.data(TYPE_ROLE))  # Qt gives the code back as a plain str

    def import_photo(self) -> None:
        path = ask_photo(self, _("选择缺陷照片"))
        if path is not None:
            self._set_photo(path, path.name)

    def paste_photo(self) -> None:
        image = clipboard_image()
        if image is None:
            self.message.setText(_("剪贴板中没有图片。"))
            return
        self._set_photo(image, _("粘贴的图片"))

    def _set_photo(self, photo: Photo | None, text: str) -> None:
        self.photo = photo
        self.photo_text.setText(text)
        self.message.clear()

    def confirm(self) -> None:
        self.message.clear()
        self.save_button.setEnabled(False)
        choice = DefectChoice(self.asset_number, self.chosen_type(), self.note.text(), self.photo)
        self.confirmed.emit(choice)

    def reject(self) -> None:
        if self.save_button.isEnabled():  # not while storing: its answer has to be seen
            super().reject()

    def done_saving(self, error: BaseException | None) -> None:
        """The window's answer: stored (close), or refused (say why, keep everything)."""
        self.save_button.setEnabled(True)
        if error is None:
            self.accept()
        else:
            self.message.setText(user_message(error))
