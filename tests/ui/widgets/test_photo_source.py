"""A pasted image reaches the photo service as a real PNG file, which is gone afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from redpair_desktop.services.images import prepare_photo
from redpair_desktop.ui.widgets.photo_source import clipboard_image, pasted_file


def _image() -> QImage:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("darkred"))
    return image


def test_clipboard_without_an_image_gives_none(qapp: QApplication) -> None:
    QGuiApplication.clipboard().setText("不是图片")
    assert clipboard_image() is None


def test_a_pasted_image_is_checked_as_a_photo_and_then_removed(
    qapp: QApplication, tmp_path: Path
) -> None:
    QGuiApplication.clipboard().setImage(_image())
    image = clipboard_image()
    assert image is not None
    with pasted_file(image, tmp_path) as path:
        photo = prepare_photo(path)
        assert (photo.width, photo.height) == (64, 48)
        assert photo.extension == "png"
    assert not path.exists()


def test_ctrl_v_in_a_text_box_takes_the_picture_only_when_no_text_comes_with_it(qapp):
    from PySide6.QtCore import QEvent, QMimeData, Qt
    from PySide6.QtGui import QKeyEvent

    from redpair_desktop.ui.widgets.photo_source import pastes_a_picture

    ctrl_v = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    clipboard.setImage(_image())
    assert pastes_a_picture(ctrl_v)
    both = QMimeData()  # what Excel puts there for a copied cell
    both.setText("拉线松弛")
    both.setImageData(_image())
    clipboard.setMimeData(both)
    assert not pastes_a_picture(ctrl_v)
    clipboard.setText("拉线松弛")
    assert not pastes_a_picture(ctrl_v)
    assert not pastes_a_picture(
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_V, Qt.KeyboardModifier.NoModifier)
    )
