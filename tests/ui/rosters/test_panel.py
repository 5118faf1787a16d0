"""The roster as a branch secretary uses it: search, filter, sort, edit, transfer, import."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from redpair_desktop.domain.rosters.fields import ROSTER_FIELDS
from tests.conftest import valid_id
from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_main_window import card_values, select_branch


def open_roster(qtbot, application, branch: str):
    select_branch(qtbot, application, branch)
    page = application.window.org_page
    with qtbot.waitSignal(page.roster.loaded, timeout=10000):
        page.show_roster()
    return page.roster


def column_of(key: str) -> int:
    return [f.key for f in ROSTER_FIELDS].index(key)


def names(panel) -> list[str]:
    model = panel.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_roster_of_a_branch_and_its_counts(qtbot, open_app, demo_data_dir):
    panel = open_roster(qtbot, open_app(demo_data_dir), "大坪供电所党支部")
    assert panel.model.rowCount() == 15
    assert "陈振波" in names(panel)
    assert "职工 15 人，党员 5 人，供服党员 4 人" in panel.counts.text()


def test_search_by_pinyin_initials_and_by_phone(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    panel = open_roster(qtbot, application, "大坪供电所党支部")
    qtbot.keyClicks(panel.search, "czb")
    assert names(panel) == ["陈振波"]
    phone = panel.model.index(0, column_of("phone")).data()
    panel.search.clear()
    qtbot.keyClicks(panel.search, phone[-6:])
    assert "陈振波" in names(panel)
    panel.search.clear()
    assert panel.model.rowCount() == 15


def test_the_whole_company_roster_filters_by_column_and_sorts(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    page = application.window.org_page
    tree = page.tree
    tree.setCurrentIndex(tree.model().index(0, 0))  # the company: every branch
    with qtbot.waitSignal(page.roster.loaded, timeout=10000):
        page.show_roster()
    panel = page.roster
    total = panel.model.rowCount()
    assert total > 1000
    panel.filter_column.setCurrentIndex(panel.filter_column.findText("人员类别"))
    type_chinese(panel.filter_text, "预备")
    assert 0 < panel.model.rowCount() < total
    header = panel.table.horizontalHeader()
    birth = column_of("birth_date")
    click = QPoint(header.sectionViewportPosition(birth) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    dates = [panel.model.index(r, birth).data() for r in range(panel.model.rowCount())]
    assert dates == sorted(dates)
    assert all("预备" in panel.model.index(r, column_of("category")).data() for r in range(5))


def test_the_editor_refuses_a_bad_id_and_accepts_a_good_one(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    panel = open_roster(qtbot, application, "大坪供电所党支部")
    panel.buttons["add"].trigger()
    dialog = panel.dialog
    type_chinese(dialog.inputs["name"], "孙八")
    dialog.inputs["category"].setCurrentIndex(dialog.inputs["category"].findData("群众"))
    qtbot.keyClicks(dialog.id_edit, "421281199001011239")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "校验" in dialog.errors["id_number"].text()
    dialog.id_edit.clear()
    qtbot.keyClicks(dialog.id_edit, valid_id("42128119900101123"))
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "孙八" in names(panel)
    wait_idle(qtbot, application)  # the counts come from a job queued after the reload
    assert card_values(application)[0] == "16"


def test_a_transfer_moves_the_person_and_the_counts(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    panel = open_roster(qtbot, application, "大坪供电所党支部")
    row = names(panel).index("陈振波")
    panel.table.selectRow(row)
    panel.buttons["transfer"].trigger()
    dialog = panel.dialog
    qtbot.waitUntil(lambda: bool(dialog.target.pickable_ids()), timeout=10000)
    type_chinese(dialog.target.filter_edit, "综合服务中心党支部")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "陈振波" not in names(panel)
    wait_idle(qtbot, application)
    assert card_values(application) == ("14", "4", "4")


def test_removing_someone_asks_first_then_updates_the_counts(qtbot, open_app, demo_data_dir):
    from PySide6.QtWidgets import QMessageBox

    application = open_app(demo_data_dir)
    panel = open_roster(qtbot, application, "大坪供电所党支部")
    panel.table.selectRow(names(panel).index("陈振波"))
    panel.buttons["remove"].trigger()
    box = panel.dialog
    assert "陈振波" in box.text()
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert "陈振波" not in names(panel)
    wait_idle(qtbot, application)
    assert card_values(application)[:2] == ("14", "4")
