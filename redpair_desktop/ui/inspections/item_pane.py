"""The run's right side: the current item — its text, guidance, 必查/weight, the response
buttons with their keys, the last visit's answer beside it, what a failed answer still needs,
the comment box and the item's photos as thumbnails. The pane only shows; the run window
stores what is done here."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.widgets.action_bar import ActionBar

if TYPE_CHECKING:
    from redpair_desktop.domain.inspections.template import Response
    from redpair_desktop.services.inspections.view import ItemState

THUMBNAIL = QSize(120, 90)
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COMMENT_LINES = 4
COMMENT_HINT = N_("说明（判为不合格时必填）— Ctrl+M 到此处，Esc 回到列表")
ANSWER_MIN_WIDTH = 96  # px: a one-word answer's button as wide as its neighbours


def response_keys(responses: tuple[Response, ...]) -> list[str]:
    """The key of each response: its own shortcut, else its place (1, 2, 3 …)."""
    return [r.shortcut or str(place) for place, r in enumerate(responses, 1)]


def last_text(state: ItemState) -> str:
    last = state.last
    if last is None:
        return ""
    text = _("上次：{answer} · {date}", answer=last.response.label, date=last.held_on.isoformat())
    return f"{text}　{last.comment}" if last.comment else text


def needs_text(state: ItemState) -> str:
    if state.needs_comment and state.needs_photo:
        return _("判为“{answer}”：必须填写说明并添加照片，否则不能完成检查。",
                 answer=state.response.label if state.response else "")  # fmt: skip
    if state.needs_comment:
        return _("还需填写说明（判为不合格的项必须说明）。")
    if state.needs_photo:
        return _("还需添加照片（判为不合格的项必须拍照）。")
    return ""


class ItemPane(QWidget):
    answered = Signal(str)  # the response key of the button clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runItemPane")
        self.state: ItemState | None = None
        self.place = QLabel(objectName="runItemPlace", wordWrap=True)
        self.place.setStyleSheet("color: palette(placeholder-text);")
        self.text = QLabel(objectName="runItemText", wordWrap=True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.text.setFont(font)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance = QLabel(objectName="runItemGuidance", wordWrap=True)
        self.meta = QLabel(objectName="runItemMeta")
        self.buttons_box = QWidget(objectName="runAnswers")
        self.buttons_row = QHBoxLayout(self.buttons_box)
        self.buttons_row.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        self._responses: tuple[Response, ...] = ()
        self.last = QLabel(objectName="runItemLast", wordWrap=True)
        self.last.setStyleSheet("color: #455a64; font-style: italic;")
        self.needs = error_label("runItemNeeds")
        self.comment = QPlainTextEdit(objectName="runItemComment")
        self.comment.setTabChangesFocus(True)
        line = self.comment.fontMetrics().lineSpacing()
        self.comment.setFixedHeight(COMMENT_LINES * line + 16)
        self.photo_bar = ActionBar()
        self.photo_bar.setObjectName("runPhotoActions")
        self.photos = QListWidget(objectName="runItemPhotos")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(THUMBNAIL)
        self.photos.setGridSize(QSize(THUMBNAIL.width() + 16, THUMBNAIL.height() + 16))
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setFixedHeight(THUMBNAIL.height() + 40)
        self.photos.setAccessibleName(_("本项照片"))
        self._build_layout()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.place)
        layout.addWidget(self.text)
        layout.addWidget(self.guidance)
        layout.addWidget(self.meta)
        answers = QHBoxLayout()
        answers.addWidget(self.buttons_box)
        answers.addStretch(1)
        layout.addLayout(answers)
        layout.addWidget(self.last)
        layout.addWidget(self.needs)
        layout.addWidget(QLabel(_("说明")))
        layout.addWidget(self.comment)
        photos = QHBoxLayout()
        photos.addWidget(QLabel(_("照片")))
        photos.addWidget(self.photo_bar, 1)
        layout.addLayout(photos)
        layout.addWidget(self.photos)
        layout.addStretch(1)

    def show_item(
        self,
        state: ItemState,
        responses: tuple[Response, ...],
        thumbnails: dict[uuid.UUID, bytes],
        *,
        same_item: bool,
        editable: bool,
    ) -> None:
        """Show ``state``; the comment box keeps what is being typed when it is the item
        already shown (``same_item``)."""
        self.state = state
        self.place.setText(f"{state.part} · {state.section}")
        self.text.setText(state.item.text)
        self.guidance.setText(state.item.guidance)
        self.guidance.setVisible(bool(state.item.guidance))
        kind = _("必查项") if state.item.mandatory else _("选查项")
        self.meta.setText(_("{kind} · 权重 {weight}", kind=kind, weight=state.item.weight))
        self._show_buttons(responses, state.response, editable)
        self.last.setText(last_text(state))
        self.last.setVisible(state.last is not None)
        self.needs.setText(needs_text(state))
        self.needs.setVisible(bool(self.needs.text()))
        if not same_item:
            self.comment.blockSignals(True)  # shown, not typed: nothing to store
            self.comment.setPlainText(state.comment)
            self.comment.blockSignals(False)
        self.comment.setReadOnly(not editable or state.response is None)
        self.comment.setPlaceholderText(_(COMMENT_HINT) if editable else _("（未填写说明）"))
        self._show_photos(state, thumbnails)

    def _show_buttons(
        self, responses: tuple[Response, ...], chosen: Response | None, editable: bool
    ) -> None:
        if responses != self._responses:
            self._make_buttons(responses)
        for button, response in zip(self.buttons, responses, strict=True):
            button.setChecked(chosen is not None and chosen.key == response.key)
            button.setEnabled(editable)

    def _make_buttons(self, responses: tuple[Response, ...]) -> None:
        self._responses = responses
        while self.buttons:
            button = self.buttons.pop()
            self.buttons_row.removeWidget(button)
            button.deleteLater()
        for key, response in zip(response_keys(responses), responses, strict=True):
            button = QPushButton(f"{key}  {response.label}")
            button.setObjectName(f"runAnswer_{response.key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys answer from the list
            button.setCheckable(True)
            button.setMinimumWidth(ANSWER_MIN_WIDTH)
            button.setToolTip(_("{answer}（{key}）", answer=response.label, key=key))
            button.setStyleSheet(f"QPushButton:checked {{ border: 2px solid {response.colour};"
                                 f" font-weight: bold; color: {response.colour}; }}")  # fmt: skip
            button.clicked.connect(lambda _checked=False, k=response.key: self.answered.emit(k))
            self.buttons_row.addWidget(button)
            self.buttons.append(button)

    def _show_photos(self, state: ItemState, thumbnails: dict[uuid.UUID, bytes]) -> None:
        current = self.current_photo_id()
        self.photos.clear()
        for photo in state.photos:
            pixmap = QPixmap()
            pixmap.loadFromData(thumbnails.get(photo.id, b""))
            item = QListWidgetItem(QIcon(pixmap), "")
            item.setData(PHOTO_ID_ROLE, photo.id)
            item.setToolTip(photo.caption or _("照片 {width}×{height}", width=photo.width,
                                               height=photo.height))  # fmt: skip
            self.photos.addItem(item)
            if photo.id == current:
                self.photos.setCurrentItem(item)

    def current_photo_id(self) -> uuid.UUID | None:
        item = self.photos.currentItem()
        return item.data(PHOTO_ID_ROLE) if item is not None else None
