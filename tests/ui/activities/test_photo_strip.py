"""照片 on the activities page: a picture pasted with Ctrl+V becomes a thumbnail, is stored
(reopened database), and an empty clipboard gets a message instead of a row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage

from tests.ui.activities.test_page import open_activities, select_reference


def _photo_count(workspace_dir) -> int:
    from redpair_desktop.services.activities.photos import photos
    from redpair_desktop.services.activities.sheets import activity_id
    from redpair_desktop.services.workspace import open_workspace

    workspace = open_workspace(workspace_dir)
    try:
        return len(photos(workspace.db, activity_id(workspace.db, "demo")))
    finally:
        workspace.close()


def _strip(qtbot, page):
    strip = page.photos
    page.tabs.setCurrentWidget(strip)
    qtbot.waitUntil(lambda: strip.isEnabled() and strip.isVisible())
    strip.list.setFocus()
    qtbot.waitUntil(strip.list.hasFocus)
    return strip


def test_a_pasted_picture_is_stored_and_shown(qtbot, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    select_reference(qtbot, page)
    strip = _strip(qtbot, page)
    before = strip.list.count()
    QGuiApplication.clipboard().setText("只有文字")
    qtbot.keyClick(strip.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "剪贴板里没有图片" in strip.message.text())
    assert strip.list.count() == before
    picture = QImage(640, 480, QImage.Format.Format_RGB32)
    picture.fill(QColor("darkred"))
    QGuiApplication.clipboard().setImage(picture)
    qtbot.keyClick(strip.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: strip.list.count() == before + 1, timeout=15000)
    icon = strip.list.item(before).icon()
    assert not icon.isNull()
    assert _photo_count(demo_data_dir) == before + 1
    assert not any((demo_data_dir / "pasted").iterdir())
