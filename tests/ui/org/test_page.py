"""The organisation tab as a user meets it: branch information, partners, the tree's menu,
search and shortcuts, the first-run page; and the tree model checked by qtmodeltester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from redpair_desktop.services.org.branches import load_org_tree
from redpair_desktop.services.workspace import open_workspace
from redpair_desktop.ui.org.edit_dialogs import BranchDialog, BranchInfoDialog
from redpair_desktop.ui.org.tree_model import OrgTreeModel
from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_main_window import select_branch

pytestmark = pytest.mark.gui

DAPING = "大坪供电所党支部"
MENU_TEXTS = ["新建单位", "新建党支部", "重命名", "移动到…", "编辑支部信息…", "", "撤销建制…"]


def focus_tree(qtbot, application) -> None:
    """Give the tree the keyboard focus in an active window, as a user's click does."""
    window, tree = application.window, application.window.org_page.tree
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)


def open_branch_info(qtbot, page) -> BranchInfoDialog:
    qtbot.mouseClick(page.panel.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.edit_bar.dialog, BranchInfoDialog), timeout=10000)
    return page.edit_bar.dialog


def test_the_branch_form_saves_and_the_page_shows_it(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    page = application.window.org_page
    select_branch(qtbot, application, DAPING)
    assert page.panel.goal.text() == "（未填写）"
    dialog = open_branch_info(qtbot, page)
    combo = dialog.secretary_combo
    assert combo.currentText() == "陈振波" and combo.count() == 1 + 15
    combo.setCurrentIndex(next(i for i in range(1, combo.count()) if combo.itemText(i) != "陈振波"))
    new_secretary = combo.currentText()
    type_chinese(dialog.goal_edit, "客户满意率百分之百")
    dialog.description_edit.clear()
    type_chinese(dialog.description_edit, "负责大坪乡的供电服务")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panel.goal.text() == "客户满意率百分之百", timeout=10000)
    assert page.panel.secretary.text() == new_secretary
    assert page.panel.description.text() == "负责大坪乡的供电服务"
    assert application.reporter.last_dialog is None


def test_the_station_page_shows_its_lead_partner(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    select_branch(qtbot, application, DAPING)
    text = application.window.org_page.panel.partners.text()
    assert text.startswith("综合服务中心党支部（牵头方）") and "进行中" in text
    select_branch(qtbot, application, "综合服务中心党支部")
    assert "大坪供电所党支部（供电所）" in application.window.org_page.panel.partners.text()


def menu_texts(page) -> list[str]:
    return [action.text() for action in page.context_menu.actions()]


@pytest.mark.qt_log_ignore("This plugin does not support (grabbing the keyboard|raise)")
def test_right_click_and_the_menu_key_open_the_edit_menu(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    page = application.window.org_page
    tree = page.tree
    index = tree.model().findItems(DAPING, Qt.MatchFlag.MatchRecursive)[0].index()
    tree.scrollTo(index)
    point = tree.visualRect(index).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, tree.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(tree.viewport(), event)
    qtbot.waitUntil(lambda: page.context_menu is not None and page.context_menu.isVisible())
    assert menu_texts(page) == MENU_TEXTS
    assert page.current_node().name == DAPING  # the row under the mouse is selected
    assert all(action.isEnabled() for action in page.context_menu.actions())
    page.context_menu.close()

    tree.setCurrentIndex(tree.model().index(0, 0))  # the company
    focus_tree(qtbot, application)
    # the Menu key, as the platform delivers it: a keyboard context-menu event to the focus
    keyboard = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(), QPoint())
    QApplication.sendEvent(tree, keyboard)
    qtbot.waitUntil(lambda: page.context_menu.isVisible())
    enabled = [a.isEnabled() for a in page.context_menu.actions() if a.text()]
    assert enabled == [True, True, True, False, False, False]  # the top unit stays put
    page.context_menu.close()


def test_search_filters_the_tree_and_enter_selects(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    page = application.window.org_page
    focus_tree(qtbot, application)
    qtbot.keyClick(page.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClicks(page.search, "dapinggongdiansuodang")  # 大坪供电所党支部
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.panel.title.text() == DAPING, timeout=10000)
    assert page.tree.hasFocus()
    model, tree = page.model, page.tree
    county = page.tree.currentIndex().parent().parent()
    assert tree.isExpanded(county)
    shown = [model.index(row, 0, county).data() for row in range(model.rowCount(county))]
    visible = [name for row, name in enumerate(shown) if not tree.isRowHidden(row, county)]
    assert visible == ["大坪供电所"]
    page.search.clear()
    assert not any(tree.isRowHidden(row, county) for row in range(model.rowCount(county)))


def test_f2_renames_and_del_asks_first_from_the_tree(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    page = application.window.org_page
    select_branch(qtbot, application, DAPING)
    focus_tree(qtbot, application)
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(page.edit_bar.dialog, BranchDialog), timeout=10000)
    page.edit_bar.dialog.reject()
    focus_tree(qtbot, application)
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    box = page.edit_bar.dialog
    assert box.objectName() == "retireConfirm" and box.isVisible()
    assert box.defaultButton().text() in ("Cancel", "取消")
    box.reject()
    wait_idle(qtbot, application)
    assert page.panel.title.text() == DAPING  # nothing retired


def test_the_toolbar_buttons_take_the_keyboard_focus(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    bar = application.window.org_page.edit_bar
    buttons = [bar.widgetForAction(action) for action in bar.actions()]
    assert len(buttons) == 5
    assert all(button.focusPolicy() & Qt.FocusPolicy.TabFocus for button in buttons)
    assert bar.retire_action.toolTip() == "撤销建制 (Del)"


def test_first_run_hints_the_name_and_enter_starts(qtbot, open_app, data_dir):
    application = open_app(data_dir)
    page = application.window.org_page.first_run
    assert page.company_name.text() == ""
    assert "国网咸宁供电公司" in page.company_name.placeholderText()
    type_chinese(page.company_name, "国网测试供电公司")
    with qtbot.waitSignal(application.window.tree_shown, timeout=10000):
        qtbot.keyClick(page.company_name, Qt.Key.Key_Return)
    org = application.window.org_page
    assert org.model.item(0).text() == "国网测试供电公司"
    assert org.current_node().name == "国网测试供电公司"  # where the first branch goes
    assert "还没有党支部" in org.panel.hint.text() and org.panel.hint.isVisible()
    assert org.edit_bar.new_branch_action.isEnabled()


def test_first_run_shows_progress_while_the_demo_loads(qtbot, open_app, data_dir):
    application = open_app(data_dir)
    page = application.window.org_page.first_run
    with qtbot.waitSignal(application.window.tree_shown, timeout=20000):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
        assert page.demo_progress.isVisible()
        assert not page.demo_button.isEnabled() and not page.empty_button.isEnabled()
    assert not page.demo_progress.isVisible()


def test_the_tree_model_passes_qtmodeltester(qtmodeltester, demo_data_dir):
    workspace = open_workspace(demo_data_dir)
    try:
        model = OrgTreeModel(load_org_tree(workspace.db))
    finally:
        workspace.close()
    qtmodeltester.check(model, force_py=True)


def test_the_transfer_target_is_typed_and_picked_by_keyboard(qtbot, open_app, demo_data_dir):
    from tests.ui.rosters.test_panel import names, open_roster

    application = open_app(demo_data_dir)
    panel = open_roster(qtbot, application, DAPING)
    panel.table.selectRow(names(panel).index("陈振波"))
    panel.buttons["transfer"].trigger()
    dialog = panel.dialog
    picker = dialog.target
    qtbot.waitUntil(lambda: len(picker.pickable_ids()) == 112, timeout=10000)
    qtbot.keyClicks(picker.filter_edit, "zhfwzx")
    assert picker.visible_texts() == ["综合服务中心党支部"]
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    assert "陈振波" not in names(panel)
    assert not dialog.isVisible()
