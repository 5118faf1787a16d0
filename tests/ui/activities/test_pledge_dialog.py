"""承诺文本 on the demo database: the reference text is version 1; new words typed on its basis
are saved as version 2, which the list shows and the activity form offers (and chooses when they
were saved from its 管理… button); the same words again stay version 1; empty words are refused
beside the button and nothing is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from redpair_desktop.domain.activities.pledge import DEFAULT_TEXT, DEFAULT_TITLE, text_sha256
from tests.ui.activities.driving import run
from tests.ui.activities.test_page import open_activities, select_reference
from tests.ui.conftest import type_chinese

NEW_TITLE = "安全承诺"
NEW_TEXT = "我承诺：安全第一，遵章守纪，互相提醒，不安全不作业。"
EMPTY_REFUSED = "承诺文本的标题和内容都不能为空。"


def open_from_page(qtbot, page):
    button = page.actions_bar.widgetForAction(page.actions["pledges"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pledge_dialog is not None and page.pledge_dialog.isVisible())
    dialog = page.pledge_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=15000)
    return dialog


def cells(dialog, row: int) -> list[str]:
    return [dialog.table.item(row, column).text() for column in range(dialog.table.columnCount())]


def start_from_selected(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.text.toPlainText() != "")


def type_new_words(dialog, title: str, text: str) -> None:
    dialog.title.clear()
    type_chinese(dialog.title, title)
    dialog.text.clear()
    type_chinese(dialog.text, text)


def press_save(qtbot, dialog) -> None:
    """Ctrl+S in the active dialog."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def stored_versions(qtbot, application) -> list[int]:
    def versions(workspace):
        from redpair_desktop.services.activities.pledges import pledge_texts

        return [text.version for text in pledge_texts(workspace.db)]

    return run(qtbot, application, versions)


def test_the_reference_text_is_version_1_shown_whole_and_read_only(qtbot, demo_app):
    dialog = open_from_page(qtbot, open_activities(qtbot, demo_app))
    assert dialog.table.rowCount() == 1
    version, title, beginning, digest, _saved = cells(dialog, 0)
    assert (version, title, digest) == ("1", DEFAULT_TITLE, text_sha256(DEFAULT_TEXT)[:12])
    assert DEFAULT_TEXT.startswith(beginning.rstrip("…")) and beginning.endswith("…")
    assert dialog.shown.toPlainText() == DEFAULT_TEXT
    assert dialog.shown.isReadOnly()
    start_from_selected(qtbot, dialog)
    assert (dialog.title.text(), dialog.text.toPlainText()) == (DEFAULT_TITLE, DEFAULT_TEXT)


def test_new_words_become_version_2_which_the_activity_form_offers(qtbot, demo_app):
    page = open_activities(qtbot, demo_app)
    dialog = open_from_page(qtbot, page)
    start_from_selected(qtbot, dialog)
    type_new_words(dialog, NEW_TITLE, NEW_TEXT)
    press_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert cells(dialog, 0)[:2] == ["2", NEW_TITLE]
    assert cells(dialog, 1)[:2] == ["1", DEFAULT_TITLE]
    assert dialog.message.text() == "已保存为第 2 版。"
    assert dialog.selected_text().version == 2
    assert dialog.shown.toPlainText() == NEW_TEXT
    dialog.close()
    select_reference(qtbot, page)
    page.edit_selected()
    form = page.dialog
    qtbot.waitUntil(lambda: form.pledge.count() == 2, timeout=15000)
    offered = [form.pledge.itemText(i) for i in range(form.pledge.count())]
    assert offered == [f"第 2 版：{NEW_TITLE}", f"第 1 版：{DEFAULT_TITLE}"]
    assert stored_versions(qtbot, demo_app) == [2, 1]


def test_the_version_saved_from_the_activity_form_is_chosen_there(qtbot, demo_app):
    page = open_activities(qtbot, demo_app)
    page.new_activity()
    form = page.dialog
    qtbot.waitUntil(lambda: form.pledge.count() == 1, timeout=15000)
    qtbot.mouseClick(form.manage_pledges, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.pledge_dialog is not None and form.pledge_dialog.isVisible())
    dialog = form.pledge_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=15000)
    type_new_words(dialog, NEW_TITLE, NEW_TEXT)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.pledge.count() == 2, timeout=15000)
    qtbot.waitUntil(lambda: form.pledge.currentText() == f"第 2 版：{NEW_TITLE}")
    type_new_words(dialog, DEFAULT_TITLE, DEFAULT_TEXT)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.pledge.currentText() == f"第 1 版：{DEFAULT_TITLE}")
    assert form.pledge.count() == 2


def test_the_same_words_stay_version_1(qtbot, demo_app):
    dialog = open_from_page(qtbot, open_activities(qtbot, demo_app))
    start_from_selected(qtbot, dialog)
    type_new_words(dialog, "另一个标题", " " + DEFAULT_TEXT + "\n")
    press_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=15000)
    assert dialog.message.text() == f"这段承诺内容已是第 1 版（{DEFAULT_TITLE}），没有新增版本。"
    assert dialog.table.rowCount() == 1
    assert stored_versions(qtbot, demo_app) == [1]


def test_empty_words_are_refused_beside_the_button(qtbot, demo_app):
    dialog = open_from_page(qtbot, open_activities(qtbot, demo_app))
    start_from_selected(qtbot, dialog)
    dialog.text.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() == EMPTY_REFUSED, timeout=15000)
    assert dialog.message.text() == ""
    start_from_selected(qtbot, dialog)
    dialog.title.clear()
    dialog.error.clear()
    press_save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error.text() == EMPTY_REFUSED, timeout=15000)
    assert stored_versions(qtbot, demo_app) == [1]
