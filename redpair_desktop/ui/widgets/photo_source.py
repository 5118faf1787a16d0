"""Where a photo comes from in the window: a JPEG or PNG picked from disk, or an image pasted
from the clipboard (Ctrl+V: a screenshot, or a photo copied in a viewer; in a text box only
when the clipboard holds no text).

A pasted image is grabbed on the GUI thread (the clipboard lives there) and written as a PNG on
the worker by ``pasted_file``; either way the service receives a path and checks it like any
photo (size limits, damaged files, decompression bombs)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _

PASTED_FOLDER = "pasted"  # under the data folder; each file is removed once stored


def photo_filter() -> str:
    return _("照片 (*.jpg *.jpeg *.png)")


def ask_photo(parent: QWidget, title: str) -> Path | None:
    from redpair_desktop.ui.widgets.file_dialogs import ask_open_path

    return ask_open_path(parent, title, photo_filter())


def clipboard_image() -> QImage | None:
    """The image on the clipboard, or None when it holds none (GUI thread)."""
    image = QGuiApplication.clipboard().image()
    return None if image.isNull() else image


def pastes_a_picture(event: QEvent) -> bool:
    """Ctrl+V in a text box that should add the clipboard's picture as the photo: only when
    the clipboard holds no text (a cell copied from Excel holds both, and pastes as text)."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    mime = QGuiApplication.clipboard().mimeData()
    pasting = event.matches(QKeySequence.StandardKey.Paste)
    return pasting and mime is not None and mime.hasImage() and not mime.hasText()


@contextmanager
def pasted_file(image: QImage, data_dir: Path) -> Iterator[Path]:
    """A pasted image written as a PNG under the data folder for the service to store
    (worker thread); the file is removed when the block ends."""
    folder = data_dir / PASTED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{_('粘贴的图片')}-{uuid.uuid4().hex[:8]}.png"
    try:
        if not image.save(str(path), "PNG"):
            raise UserError(_("无法把粘贴的图片写入“{path}”。请检查磁盘空间后再试。", path=folder))
        yield path
    finally:
        path.unlink(missing_ok=True)
