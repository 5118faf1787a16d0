"""投影: the pledge in large type, the live count 应到/实到/请假/缺席 and the latest signers, on the
second screen (the one the main window is not on), full screen.

It follows ``live.activity_events().changed``: each change of its activity reads
``attendance.live_status`` on the worker (two small queries), so a check-in or a signature shows
within one round trip; changes arriving meanwhile are read once more when it returns. With a
single screen it opens as a window on it, with a note. Esc closes it: it is the operator's
screen, not the members'."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.activities import live, ops
from redpair_desktop.ui.backend import Backend

if TYPE_CHECKING:
    from redpair_desktop.services.activities.attendance import LiveStatus

COUNTS = (
    ("expected", N_("应到")),
    ("present", N_("实到")),
    ("excused", N_("请假")),
    ("absent", N_("缺席")),
)
NAME_GAP = "　　"  # two ideographic spaces between the latest signers' names
_CENTRE = Qt.AlignmentFlag.AlignCenter
BACKGROUND = "#a8141b"  # Party red; white type reads from the back of the hall


class ProjectorWindow(QWidget):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        activity_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectorWindow")
        self.setWindowTitle(_("投影"))
        self.setStyleSheet(f"QWidget#projectorWindow {{ background: {BACKGROUND}; }}"
                           " QLabel { color: white; }")  # fmt: skip
        self.backend, self.report_error, self.activity_id = backend, report_error, activity_id
        self._reading = self._read_again = False
        self.note = QLabel(objectName="projectorNote", wordWrap=True, alignment=_CENTRE)
        self.note.hide()
        self.heading = QLabel(objectName="projectorHeading", wordWrap=True, alignment=_CENTRE)
        self.pledge_title = QLabel(objectName="projectorPledgeTitle", alignment=_CENTRE)
        self.pledge_text = QLabel(objectName="projectorPledgeText", wordWrap=True)
        self.counts = {key: QLabel("–", objectName=f"projector_{key}", alignment=_CENTRE)
                       for key, _caption in COUNTS}  # fmt: skip
        self.captions = [QLabel(_(caption), alignment=_CENTRE) for _key, caption in COUNTS]
        self.latest_caption = QLabel(_("最新签名"), alignment=_CENTRE)
        self.latest = QLabel(objectName="projectorLatest", alignment=_CENTRE)
        self.setLayout(self._layout())
        self._listening = True
        live.activity_events().changed.connect(self._on_changed)
        backend.call(lambda ws: ops.kiosk_sheet(ws, activity_id), self._on_sheet, report_error)
        self.refresh()

    def _layout(self) -> QVBoxLayout:
        tiles = QGridLayout()
        for column, (key, _caption) in enumerate(COUNTS):
            tiles.addWidget(self.counts[key], 0, column)
            tiles.addWidget(self.captions[column], 1, column)
        layout = QVBoxLayout()
        layout.addWidget(self.note)
        layout.addWidget(self.heading)
        layout.addStretch(1)
        layout.addWidget(self.pledge_title)
        layout.addWidget(self.pledge_text)
        layout.addStretch(1)
        layout.addLayout(tiles)
        layout.addStretch(1)
        layout.addWidget(self.latest_caption)
        layout.addWidget(self.latest)
        layout.addStretch(1)
        return layout

    def show_single_screen_note(self) -> None:
        self.note.setText(_("只找到一块屏幕：投影画面以窗口显示。接上投影仪或第二块屏幕后，"
                            "关闭此窗口再打开投影。"))  # fmt: skip
        self.note.show()

    # --- following the activity ---------------------------------------------------------

    def refresh(self) -> None:
        """Read the counts and the latest signers (once more after a read already under way)."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self.backend.call(
            lambda ws: ops.live_status(ws, self.activity_id), self._on_status, self._on_failed
        )

    def _on_changed(self, activity_id: uuid.UUID) -> None:
        if activity_id == self.activity_id:
            self.refresh()

    def _on_status(self, status: LiveStatus) -> None:
        self._reading = False
        for key, _caption in COUNTS:
            self.counts[key].setText(str(getattr(status.counts, key)))
        self.latest.setText(NAME_GAP.join(status.latest_signers) or _("（尚无人签名）"))
        self._scale_type(self.width(), self.height())
        if self._read_again:
            self._read_again = False
            self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        self._reading = self._read_again = False
        self.report_error(error)

    def _on_sheet(self, sheet: ops.KioskSheet) -> None:
        self.heading.setText(sheet.title)
        self.pledge_title.setText(sheet.pledge.title)
        self.pledge_text.setText(sheet.pledge.text)
        self._scale_type(self.width(), self.height())

    # --- the screen ---------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_type(event.size().width(), event.size().height())

    def _scale_type(self, width: int, height: int) -> None:
        """Type as large as the screen allows: a long pledge text, or long names, get smaller
        type, so that nothing is cut off on a 4:3 projector either."""
        margin = round(width / 16)
        inner = width - 2 * margin
        characters = max(1, len(self.pledge_text.text()))
        text = min(height / 22, (inner * height * 0.28 / characters) ** 0.5)
        names = min(height / 18, inner * 0.9 / max(1, len(self.latest.text())))
        sizes = {self.heading: height / 30, self.pledge_title: height / 9,
                 self.pledge_text: text, self.latest_caption: height / 30,
                 self.latest: names, self.note: height / 40}  # fmt: skip
        sizes |= {label: height / 8 for label in self.counts.values()}
        sizes |= {label: height / 28 for label in self.captions}
        for widget, size in sizes.items():
            font = widget.font()
            font.setPixelSize(max(12, round(size)))
            font.setBold(widget is self.pledge_title or widget in self.counts.values())
            widget.setFont(font)
        if layout := self.layout():
            layout.setContentsMargins(margin, margin // 3, margin, margin // 3)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._listening:
            self._listening = False
            live.activity_events().changed.disconnect(self._on_changed)
        super().closeEvent(event)


def projector_screen(main: QWidget | None) -> QScreen | None:
    """The screen that is not the main window's (the projector), None with a single screen."""
    own = main.screen() if main is not None else QGuiApplication.primaryScreen()
    others = [screen for screen in QGuiApplication.screens() if screen is not own]
    return others[0] if others else None


def open_projector(
    backend: Backend,
    report_error: Callable[[BaseException], None],
    activity_id: uuid.UUID,
    parent: QWidget | None = None,
    *,
    fullscreen: bool = True,
) -> ProjectorWindow:
    """The projector view on the second screen, full screen; with one screen, a window on it."""
    window = ProjectorWindow(backend, report_error, activity_id, parent)
    screen = projector_screen(parent)
    if screen is None:
        window.show_single_screen_note()
        window.resize(1024, 768)
        window.show()
        return window
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    if fullscreen:
        window.showFullScreen()
    else:
        window.show()
    return window
