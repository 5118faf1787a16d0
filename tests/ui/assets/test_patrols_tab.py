"""The 线路巡视 tab: the lines register and its patrols, a new patrol opened by keyboard (a
missing patroller refused, nothing stored) into its window, where an asset's history now spans
both patrols; the printout previewed; the tab inside 检查与巡视 of the real window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from redpair_desktop.ui.assets.new_patrol_dialog import NewPatrolDialog
from redpair_desktop.ui.assets.patrol_window import PatrolWindow
from redpair_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.ui.assets.test_patrol_window import active, jump
from tests.ui.conftest import type_chinese


def test_the_lines_register_and_the_patrols_of_the_line(tab):
    row = tab.lines_model.row_at(0)
    assert (row.name, row.station, row.serves) == ("10 kV 内冲线", "大坪供电所党支部", "通城瑶族村")
    assert (row.poles, row.public_transformers, row.dedicated_transformers) == (128, 4, 4)
    patrol = tab.patrols_model.row_at(0)
    assert (patrol.patrolled_on, patrol.defects) == (date(2024, 3, 26), 2)
    assert tab.patrols_model.index(0, 2).data() == "巡视中"


def test_a_new_patrol_opens_its_window_and_the_history_spans_both(qtbot, tab):
    active(qtbot, tab)
    qtbot.keyClick(tab.lines, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, NewPatrolDialog) and tab.dialog.isVisible())
    dialog = tab.dialog
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "请填写巡视人" in dialog.message.text())
    assert tab.window_ is None
    type_chinese(dialog.patroller, "王强")
    qtbot.keyClick(dialog.patroller, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.window_ is not None and tab.window_.loaded)
    window = tab.window_
    qtbot.addWidget(window)
    assert "王强" in window.heading.text() and "缺陷 0 处" in window.heading.text()
    jump(qtbot, window, "37")
    qtbot.waitUntil(lambda: window.pane.history.topLevelItemCount() == 2)
    newest, older = (window.pane.history.topLevelItem(n) for n in range(2))
    assert (newest.text(1), newest.text(2)) == ("王强", "正常")
    assert (older.text(2), older.text(3)) == ("缺陷", "鸟窝（横担处有鸟窝，需停电择机清除）")
    qtbot.waitUntil(lambda: tab.patrols_model.rowCount() == 2)
    assert tab.selected_patrol().patroller == "王强"


def test_the_patrol_record_is_previewed(qtbot, tab):
    active(qtbot, tab)
    tab.patrols.setFocus()
    qtbot.keyClick(tab.patrols, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(tab.preview, PdfPreviewDialog))
    qtbot.waitUntil(lambda: len(tab.preview.sizes) == 3, timeout=10000)
    assert tab.preview.windowTitle() == "巡视记录"
    tab.preview.close()


def test_the_tab_is_part_of_inspections_and_patrols(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    application.window.select_section("inspections")
    tabs = application.window.pages.currentWidget().findChild(QTabWidget, "inspectionTabs")
    titles = [tabs.tabText(n) for n in range(tabs.count())]
    assert "线路巡视" in titles
    tabs.setCurrentIndex(titles.index("线路巡视"))
    patrols = tabs.currentWidget()
    qtbot.waitUntil(lambda: patrols.loaded and patrols.patrols_model.rowCount() == 1)


def test_opening_an_open_patrol_again_raises_its_window_not_a_second_copy(qtbot, tab):
    active(qtbot, tab)
    tab.patrols.setFocus()
    qtbot.keyClick(tab.patrols, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.window_ is not None and tab.window_.loaded)
    first = tab.window_
    qtbot.addWidget(first)
    active(qtbot, tab)
    tab.patrols.setFocus()
    qtbot.keyClick(tab.patrols, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), PatrolWindow))
    shown = [w for w in tab.findChildren(PatrolWindow) if w.isVisible()]
    assert shown == [first] and first.isActiveWindow()  # a second copy would go stale
