"""检查表模板 driven by keyboard in the real window: editing the used built-in 办公环境 saves
version 2 while the inspection made on version 1 keeps its items; a new template with a
section and two items; a copy of a template under new keys; invalid words refused with the
message naming what is wrong, nothing saved; unsaved changes asked about on close."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from redpair_desktop.domain.inspections.builtin import OFFICE
from redpair_desktop.domain.inspections.draft import InspectionStart
from redpair_desktop.services.inspections.listing import list_inspections
from redpair_desktop.services.inspections.runs import start_inspection
from redpair_desktop.services.inspections.templates import list_templates, template
from redpair_desktop.services.inspections.view import inspection
from redpair_desktop.services.workspace import open_workspace
from tests.ui.conftest import type_chinese, wait_idle

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
ADDED = "，每日清扫"
BUILT_IN = ["办公环境", "日常管理", "后勤安全", "党建阵地与台账", "10 kV 线路巡视"]


def open_tab(qtbot, application):
    application.window.select_section("inspections")
    page = application.window.pages.currentWidget()
    tabs = [page.tabs.widget(index) for index in range(page.tabs.count())]
    tab = next(widget for widget in tabs if widget.objectName() == "templatesTab")
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded)
    activate(qtbot, tab)
    return tab


def activate(qtbot, widget) -> None:
    """Keys reach the window that is active (a dialog just opened, or back from one)."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def cells(table) -> list[tuple[str, ...]]:
    return [
        tuple(table.item(row, column).text() for column in range(table.columnCount()))
        for row in range(table.rowCount())
    ]


def names(tab) -> list[str]:
    return [row[0] for row in cells(tab.table)]


def open_by_key(qtbot, tab, name: str, key=Qt.Key.Key_Return, modifiers=NO_MODIFIER):
    tab.table.setFocus()
    tab.table.selectRow(names(tab).index(name))
    before = tab.editor
    qtbot.keyClick(tab.table, key, modifiers)
    qtbot.waitUntil(lambda: tab.editor is not before and tab.editor.isVisible())
    qtbot.waitUntil(lambda: tab.editor.loaded is not None)
    activate(qtbot, tab.editor)
    return tab.editor


def new_template(qtbot, tab):
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: tab.editor is not None and tab.editor.isVisible())
    activate(qtbot, tab.editor)
    return tab.editor


def question(qtbot, parent, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, name) is not None)
    box = parent.findChild(QMessageBox, name)
    qtbot.waitUntil(box.isVisible)
    return box


def toggle(qtbot, box) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def save(qtbot, editor, widget, message: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: message in editor.message.text() + editor.error.text(), timeout=15000)


def reopened(qtbot, application, data_dir):
    wait_idle(qtbot, application)
    application.window.close()
    return open_workspace(data_dir)


def test_editing_used_office_saves_version_2_and_the_inspection_keeps_version_1(
    qtbot, open_app, demo_data_dir
):
    application = open_app(demo_data_dir)
    tab = open_tab(qtbot, application)
    assert names(tab)[:5] == [
        "办公环境",
        "日常管理",
        "后勤安全",
        "党建阵地与台账",
        "10 kV 线路巡视",
    ]
    office = cells(tab.table)[0]
    assert (office[1], office[2], office[3]) == ("第 1 版", "10", "1 次")
    editor = open_by_key(qtbot, tab, "办公环境")
    assert "第 1 版已用于 1 次检查" in editor.facts.text()
    text = editor.form.sections[0].items[0].text
    text.end(False)
    type_chinese(text, ADDED)
    assert editor.has_changes()
    save(qtbot, editor, text, "版本 1 已被 1 次检查使用，已另存为版本 2；已有检查不受影响。")
    assert not editor.has_changes()
    qtbot.waitUntil(lambda: cells(tab.table)[0][1] == "第 2 版")
    qtbot.waitUntil(lambda: [(r[0], r[4]) for r in cells(tab.version_table)]
                    == [("第 2 版", "0 次"), ("第 1 版", "1 次")])  # fmt: skip
    save(qtbot, editor, text, "内容没有变化，仍是版本 2。")
    wait_idle(qtbot, application)  # the list and versions reloaded after the save
    editor.buttons["close"].click()
    qtbot.waitUntil(lambda: not editor.isVisible())
    activate(qtbot, tab)
    tab.version_table.setFocus()
    tab.version_table.selectRow(1)
    qtbot.keyClick(tab.version_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.editor is not editor and tab.editor.loaded is not None)
    old = tab.editor
    assert old.read_only and not old.buttons["save"].isEnabled()
    assert "第 1 版是旧版本" in old.facts.text()
    assert old.form.sections[0].items[0].text.text() == OFFICE.sections[0].items[0].text
    old.reject()

    workspace = reopened(qtbot, application, demo_data_dir)
    (made,) = [row for row in list_inspections(workspace.db) if "办公环境" in row.template]
    frozen = [state.item for state in inspection(workspace.db, made.id).items]
    assert frozen[0] == OFFICE.sections[0].items[0]
    assert [item.text for item in frozen if item.key.startswith("office.")] == [
        item.text for item in OFFICE.items()
    ]
    station = inspection(workspace.db, made.id).station_branch_id
    later = start_inspection(workspace.db, InspectionStart(station, date(2024, 9, 1), ("office",)))
    assert (
        inspection(workspace.db, later).items[0].item.text
        == OFFICE.sections[0].items[0].text + ADDED
    )
    workspace.close()


def test_a_new_template_with_a_section_and_two_items(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    tab = open_tab(qtbot, application)
    editor = new_template(qtbot, tab)
    assert "新检查表" in editor.facts.text()
    type_chinese(editor.name, "安全工器具")
    section = editor.form.sections[0]
    type_chinese(section.title, "绝缘工器具")
    type_chinese(section.items[0].text, "绝缘手套在试验周期内")
    qtbot.keyClick(section.items[0].text, Qt.Key.Key_Return, CTRL)  # adds an item after it
    assert len(section.items) == 2 and section.items[1].text.hasFocus()
    type_chinese(section.items[1].text, "验电器自检正常")
    qtbot.keyClick(section.items[1].text, Qt.Key.Key_Tab)  # 必查
    qtbot.keyClick(section.items[1].mandatory, Qt.Key.Key_Space)
    qtbot.keyClick(section.items[1].mandatory, Qt.Key.Key_Tab)  # 权重
    qtbot.keyClick(section.items[1].weight, Qt.Key.Key_Up)
    save(qtbot, editor, editor.name, "已保存为版本 1。")
    qtbot.waitUntil(lambda: "安全工器具" in names(tab))
    row = cells(tab.table)[names(tab).index("安全工器具")]
    assert (row[1], row[2], row[3], row[5]) == ("第 1 版", "2", "0 次", "自建")

    workspace = reopened(qtbot, application, demo_data_dir)
    words = template(workspace.db, editor.key)
    assert [s.title for s in words.sections] == ["绝缘工器具"]
    first, second = words.sections[0].items
    assert (first.text, first.mandatory, first.weight) == ("绝缘手套在试验周期内", True, 1)
    assert (second.text, second.mandatory, second.weight) == ("验电器自检正常", False, 2)
    assert [r.label for r in words.responses.responses] == ["符合", "基本符合", "不符合", "不适用"]
    workspace.close()


def test_a_copy_takes_the_words_under_new_keys(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    tab = open_tab(qtbot, application)
    editor = open_by_key(qtbot, tab, "后勤安全", Qt.Key.Key_N, CTRL | SHIFT)
    assert editor.name.text() == "后勤安全（副本）"
    editor.form.sections[0].items[0].text.setFocus()
    qtbot.keyClick(editor.form.sections[0].items[0].text, Qt.Key.Key_Down, CTRL)  # moves it
    save(qtbot, editor, editor.name, "已保存为版本 1。")
    qtbot.waitUntil(lambda: "后勤安全（副本）" in names(tab))

    workspace = reopened(qtbot, application, demo_data_dir)
    original, copy = template(workspace.db, "logistics"), template(workspace.db, editor.key)
    texts = [item.text for item in original.sections[0].items]
    assert [item.text for item in copy.sections[0].items] == [texts[1], texts[0], *texts[2:]]
    assert not {i.key for i in original.items()} & {i.key for i in copy.items()}
    visit = list_inspections(workspace.db)[0]
    station = inspection(workspace.db, visit.id).station_branch_id
    both = InspectionStart(station, date(2024, 9, 1), ("logistics", editor.key))
    made = inspection(workspace.db, start_inspection(workspace.db, both))  # one inspection, both
    assert len(made.items) == 2 * len(list(original.items()))
    workspace.close()


def test_invalid_words_are_refused_with_the_message_and_nothing_is_saved(
    qtbot, open_app, demo_data_dir
):
    application = open_app(demo_data_dir)
    tab = open_tab(qtbot, application)
    editor = new_template(qtbot, tab)
    type_chinese(editor.name, "安全工器具")
    type_chinese(editor.form.sections[0].title, "绝缘工器具")
    save(qtbot, editor, editor.name, "分项“绝缘工器具”第 1 项：内容不能为空。")
    assert editor.form.sections[0].items[0].text.hasFocus()  # where the message points
    type_chinese(editor.form.sections[0].items[0].text, "绝缘手套在试验周期内")
    fails = [row.fails for row in editor.responses.rows]
    toggle(qtbot, fails[2])  # 不符合 no longer fails
    save(qtbot, editor, editor.name, "选项中至少要有一个判为不合格的选项（如“不符合”）。")
    for box in fails[:3]:  # 不符合 fails again, 符合 and 基本符合 too: nothing passes
        toggle(qtbot, box)
    save(qtbot, editor, editor.name, "选项中至少要有一个合格且计分的选项（如“符合”）。")
    assert editor.has_changes()

    qtbot.keyClick(editor.name, Qt.Key.Key_Escape)  # 关闭 asks: the words are not saved
    box = question(qtbot, editor, "discardTemplate")
    box.findChild(QPushButton, "discardTemplateButton").click()
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert names(tab) == BUILT_IN

    workspace = reopened(qtbot, application, demo_data_dir)
    assert [row.name for row in list_templates(workspace.db)] == BUILT_IN
    workspace.close()


def test_removing_an_item_asks_first(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    tab = open_tab(qtbot, application)
    editor = open_by_key(qtbot, tab, "日常管理")
    section = editor.form.sections[1]
    doomed = section.items[0].text.text()
    section.items[0].text.setFocus()
    qtbot.keyClick(section.items[0].text, Qt.Key.Key_Delete, CTRL)
    box = question(qtbot, editor.form, "removeTemplatePart")
    assert doomed in box.text()
    assert len(section.items) == 5  # nothing removed before the answer
    box.findChild(QPushButton, "removeTemplatePartButton").click()
    qtbot.waitUntil(lambda: len(section.items) == 4)
    assert doomed not in [item.text.text() for item in section.items]
    assert [item.numeral.text() for item in section.items] == ["2.1", "2.2", "2.3", "2.4"]
    qtbot.keyClick(section.items[0].text, Qt.Key.Key_Return, CTRL | SHIFT)  # a new section
    assert len(editor.form.sections) == 3 and editor.form.sections[2].title.hasFocus()
