"""照片: the activity's photos as a strip of thumbnails with their captions. 添加照片… picks a
JPEG or PNG (checked, converted and stored on the worker; a file that is not a photo, or is too
large, is refused with a message), Enter or 说明… edits the caption, Delete removes one after
asking (its files are kept)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.ui.activities import ops
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions
from redpair_desktop.ui.widgets.confirm import confirm
from redpair_desktop.ui.widgets.photo_source import ask_photo

THUMBNAIL = QSize(160, 120)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PhotoStrip(QWidget):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self.backend, self.report_error = backend, report_error
        self.activity_id: uuid.UUID | None = None
        self.caption_dialog: QInputDialog | None = None
        self.list = QListWidget(objectName="photoList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMBNAIL)
        self.list.setGridSize(QSize(THUMBNAIL.width() + 24, THUMBNAIL.height() + 48))
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self.edit_caption())
        self.list.currentItemChanged.connect(lambda *_items: self._on_current_changed())
        self.message = error_label("photoMessage")
        self.actions_bar = ActionBar()
        self.actions = add_actions(self, self.actions_bar, "photo", (
            ("add", _("添加照片…"), self.add_photo, ["Ctrl+Shift+O"]),
            ("caption", _("说明…"), self.edit_caption, []),
            ("remove", _("移除照片…"), self.remove_photo, [Qt.Key.Key_Delete]),
        ))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        note = _("原图按原样保存；显示和缩略图已按拍摄方向摆正。")
        layout.addWidget(QLabel(note, wordWrap=True))
        self._on_current_changed()

    def show_activity(self, activity_id: uuid.UUID | None) -> None:
        self.activity_id = activity_id
        self.message.clear()
        self.setEnabled(activity_id is not None)
        self.list.clear()
        self.reload()

    def reload(self) -> None:
        activity_id = self.activity_id
        if activity_id is not None:
            self.backend.call(
                lambda ws: ops.photos(ws, activity_id),
                lambda photos: self._on_loaded(activity_id, photos),
                self._on_failed,
            )

    def _on_loaded(self, activity_id: uuid.UUID, photos: list[ops.Photo]) -> None:
        if activity_id != self.activity_id:
            return
        current = self.current_photo_id()
        self.list.clear()
        for photo in photos:
            pixmap = QPixmap()
            pixmap.loadFromData(photo.thumbnail)
            item = QListWidgetItem(QIcon(pixmap), photo.row.caption or _("（无说明）"))
            item.setData(ID_ROLE, photo.row.id)
            item.setToolTip(photo.row.caption)
            self.list.addItem(item)
            if photo.row.id == current:
                self.list.setCurrentItem(item)
        self._on_current_changed()

    def current_photo_id(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _on_current_changed(self) -> None:
        chosen = self.list.currentItem() is not None
        self.actions["caption"].setEnabled(chosen)
        self.actions["remove"].setEnabled(chosen)

    def add_photo(self) -> None:
        activity_id = self.activity_id
        if activity_id is None:
            return
        path = ask_photo(self, _("选择活动照片"))
        if path is not None:
            self.message.setText(_("正在添加照片…"))
            self.backend.call(
                lambda ws: ops.add_photo(ws, activity_id, path, ""),
                lambda _none: self._on_changed(),
                self._on_failed,
            )

    def edit_caption(self) -> None:
        item, photo_id = self.list.currentItem(), self.current_photo_id()
        if item is None or photo_id is None:
            return
        dialog = QInputDialog(self, objectName="captionDialog")
        dialog.setWindowTitle(_("照片说明"))
        dialog.setLabelText(_("说明："))
        dialog.setTextValue(item.toolTip())
        dialog.textValueSelected.connect(
            lambda caption: self.backend.call(
                lambda ws: ops.set_caption(ws, photo_id, caption),
                lambda _none: self._on_changed(),
                self._on_failed,
            )
        )
        self.caption_dialog = dialog
        dialog.open()

    def remove_photo(self) -> None:
        photo_id = self.current_photo_id()
        if photo_id is None:
            return
        self.remove_question = confirm(
            self,
            name="removePhoto",
            title=_("移除照片"),
            text=_("从本次活动中移除这张照片？"),
            details=_("照片文件保留在数据目录中，移除记录在案。"),
            action=_("移除照片"),
            on_confirmed=lambda: self.backend.call(
                lambda ws: ops.remove_photo(ws, photo_id),
                lambda _none: self._on_changed(),
                self._on_failed,
            ),
        )

    def _on_changed(self) -> None:
        self.message.clear()
        self.reload()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.message.setText(error.message)
        else:
            self.message.clear()
            self.report_error(error)
