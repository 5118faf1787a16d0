"""The 检查 tab on the demo data: the list and its filters, a new inspection from the dialog (by
keyboard: Ctrl+N, the station by its pinyin initials, a checklist ticked), 沿用上次检查 and 补录,
the printouts in the preview and the row menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from redpair_desktop.ui.inspections.new_dialog import NewInspectionDialog, inspector_names
from redpair_desktop.ui.inspections.table_model import Column
from tests.ui.conftest import type_chinese
from tests.ui.inspections.driving import inspections_tab, view_of

pytestmark = pytest.mark.gui


def cells(tab, column: Column) -> list[str]:
    model = tab.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def open_dialog(qtbot, tab) -> NewInspectionDialog:
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.dialog
    assert isinstance(dialog, NewInspectionDialog)
    qtbot.waitUntil(lambda: bool(dialog.template_boxes), timeout=15000)
    return dialog


def pick_daping(qtbot, dialog) -> None:
    type_chinese(dialog.station.filter_edit, "大坪")
    qtbot.keyClick(dialog.station.filter_edit, Qt.Key.Key_Return)
    assert dialog.station.text_of(dialog.station.current_entry().id) == "大坪供电所党支部"
    assert dialog.held_on.hasFocus()


def test_the_demo_inspections_are_listed_and_filtered(qtbot, demo_app):
    tab = inspections_tab(qtbot, demo_app)
    assert cells(tab, Column.TITLE) == ["回访检查", "“党建+安全”现场检查"]
    assert cells(tab, Column.STATUS) == ["已完成", "已完成"]
    assert cells(tab, Column.TEMPLATES)[1] == "办公环境、日常管理、后勤安全"
    assert cells(tab, Column.FINDINGS)[1] == "2"
    assert cells(tab, Column.STATION) == ["大坪供电所党支部"] * 2
    type_chinese(tab.search, "回访")
    assert cells(tab, Column.TITLE) == ["回访检查"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "djaq")  # 党建+安全 by its initials
    assert cells(tab, Column.TITLE) == ["“党建+安全”现场检查"]
    tab.search.clear()
    assert tab.station.itemText(1) == "大坪供电所党支部"
    tab.station.setCurrentIndex(1)
    assert tab.model.rowCount() == 2


def test_a_new_inspection_is_made_by_keyboard_and_opens_its_run(qtbot, demo_app):
    tab = inspections_tab(qtbot, demo_app)
    dialog = open_dialog(qtbot, tab)
    assert dialog.station.current_value() == tab.selected_row().station_branch_id  # 大坪
    qtbot.keyClicks(dialog.station.filter_edit, "zzzz")  # matches no station
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "请选择受检的供电所党支部" in dialog.error.text()
    dialog.station.filter_edit.clear()
    pick_daping(qtbot, dialog)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "请至少勾选一张检查表" in dialog.error.text()
    type_chinese(dialog.inspectors, "王检查、李专责")
    dialog.template_boxes["logistics"].setChecked(True)
    dialog.backfilled.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.windows) == 1, timeout=15000)
    ((inspection_id, window),) = tab.windows.items()
    qtbot.waitUntil(lambda: window.view is not None, timeout=15000)
    assert window.view.title == "后勤安全" and window.view.inspectors == ("王检查", "李专责")
    assert "补录" in window.header.text() and window.items.hasFocus()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=15000)
    assert tab.selected_id() == inspection_id
    row = tab.model.row_of(inspection_id)
    assert tab.model.index(row, Column.STATUS).data() == "草稿 · 补录"


def test_following_the_last_inspection_shows_its_answers(qtbot, demo_app):
    tab = inspections_tab(qtbot, demo_app)
    dialog = open_dialog(qtbot, tab)
    pick_daping(qtbot, dialog)
    dialog.from_last.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.windows) == 1, timeout=15000)
    ((inspection_id, window),) = tab.windows.items()
    qtbot.waitUntil(lambda: window.view is not None, timeout=15000)
    assert window.view.checklist.title == "日常管理"  # the return visit's checklist
    window.items.select_key("daily.1.2")
    assert window.pane.last.isVisible()
    assert window.pane.last.text().startswith("上次：基本符合 · 2024-06-20")
    assert "沿用 2024-06-20 的检查" in window.header.text()
    assert view_of(qtbot, demo_app, inspection_id).follows_id is not None


def test_following_needs_a_completed_inspection_of_the_station(qtbot, demo_app):
    tab = inspections_tab(qtbot, demo_app)
    dialog = open_dialog(qtbot, tab)
    type_chinese(dialog.station.filter_edit, "马港")
    qtbot.keyClick(dialog.station.filter_edit, Qt.Key.Key_Return)
    dialog.from_last.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "还没有已完成的检查" in dialog.error.text(), timeout=15000)
    assert dialog.isVisible() and not tab.windows


@pytest.mark.parametrize(
    ("keys", "title"), [("Ctrl+P", "检查记录"), ("Ctrl+Shift+P", "空白检查表")]
)
def test_the_printouts_open_in_the_preview(qtbot, demo_app, keys, title):
    tab = inspections_tab(qtbot, demo_app)
    tab.select(tab.model.row_at(1).id)
    tab.table.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier
    if "Shift" in keys:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tab.table, Qt.Key.Key_P, modifiers)
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.isVisible(), timeout=20000)
    assert tab.preview.windowTitle().startswith(title)


@pytest.mark.qt_log_ignore("This plugin does not support (grabbing the keyboard|raise)")
def test_the_row_menu_holds_every_action(qtbot, demo_app):
    tab = inspections_tab(qtbot, demo_app)
    tab.select(tab.model.row_at(0).id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: getattr(tab, "row_menu", None) is not None)
    texts = [a.text() for a in tab.row_menu.actions() if a.text()]
    assert texts == ["打开", "新建检查…", "打印检查记录…", "空白检查表…", "更正…"]
    assert all(a.isEnabled() for a in tab.row_menu.actions())
    tab.row_menu.close()


def test_inspector_names_are_split_on_separators():
    assert inspector_names(" 王检查、李专责，张三; ") == ("王检查", "李专责", "张三")
    assert inspector_names("") == ()
