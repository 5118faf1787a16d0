"""The 检查表模板 tab: its row menu opens from the keyboard with the tab's actions, each
showing its key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from tests.ui.inspections.test_template_editor import open_tab


@pytest.mark.qt_log_ignore("This plugin does not support (grabbing the keyboard|raise)")
def test_the_menu_key_offers_the_actions_with_their_keys(qtbot, open_app, demo_data_dir):
    tab = open_tab(qtbot, open_app(demo_data_dir))
    tab.table.setFocus()
    tab.table.selectRow(1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: tab.findChild(QMenu, "templateRowMenu") is not None)
    menu = tab.findChild(QMenu, "templateRowMenu")
    qtbot.waitUntil(menu.isVisible)
    assert [action.text() for action in menu.actions()] == [
        "编辑…", "以此为底稿新建…", "新建模板…",
    ]  # fmt: skip
    keys = [QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            for key in ("Enter", "Ctrl+Shift+N", "Ctrl+N")]  # fmt: skip
    assert [action.toolTip() for action in menu.actions()] == [
        f"{action.text()} ({key})" for action, key in zip(menu.actions(), keys, strict=True)
    ]
    menu.close()
    assert tab.versions_title.text() == "“日常管理”的版本"
    qtbot.waitUntil(lambda: tab.version_table.rowCount() == 1)
    assert tab.version_table.item(0, 4).text() == "2 次"  # the reference and the return visit
