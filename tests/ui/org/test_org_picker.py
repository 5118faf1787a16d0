"""The searchable organisation picker, driven by the keyboard as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from redpair_desktop.services.org.branches import load_org_tree
from redpair_desktop.services.workspace import open_workspace
from redpair_desktop.ui.org.edit_dialogs import subtree_ids
from redpair_desktop.ui.widgets.org_picker import OrgPicker, branch_entries, unit_entries
from tests.ui.conftest import type_chinese

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def tree(demo_template):
    workspace = open_workspace(demo_template.parent)
    try:
        return load_org_tree(workspace.db)
    finally:
        workspace.close()


@pytest.fixture
def branch_picker(qtbot, tree):
    picker = OrgPicker("filter")
    picker.set_entries(branch_entries(tree, lambda b: b.seal_name, lambda b: True))
    qtbot.addWidget(picker)
    picker.show()
    return picker


def test_branches_are_grouped_under_their_units_in_tree_order(branch_picker, tree):
    assert len(branch_picker.pickable_ids()) == len(tree.branches) == 112
    model = branch_picker.model
    headings = [model.item(row).text() for row in range(model.rowCount())]
    assert headings[0] == "国网咸宁供电公司"
    assert "国网通城县供电公司" in headings and len(headings) == 1 + 6
    assert branch_picker.current_value() is None  # a heading is never a choice


def test_pinyin_initials_then_enter_picks_the_seal_name(qtbot, branch_picker):
    qtbot.keyClicks(branch_picker.filter_edit, "dp")
    assert "大坪供电所党支部" in branch_picker.visible_texts()
    assert len(branch_picker.visible_texts()) < 10
    while branch_picker.current_entry().text != "大坪供电所党支部":
        qtbot.keyClick(branch_picker.filter_edit, Qt.Key.Key_Down)
    with qtbot.waitSignal(branch_picker.picked) as picked:
        qtbot.keyClick(branch_picker.filter_edit, Qt.Key.Key_Return)
    assert picked.args == ["中共国网通城县供电公司大坪供电所支部委员会"]


def test_full_pinyin_and_words_narrow_to_one(qtbot, branch_picker):
    qtbot.keyClicks(branch_picker.filter_edit, "tongcheng daping")
    assert branch_picker.visible_texts() == ["大坪供电所党支部"]
    assert branch_picker.current_entry().text == "大坪供电所党支部"  # the first match is ready
    qtbot.keyClick(branch_picker.filter_edit, Qt.Key.Key_Escape)
    assert branch_picker.filter_edit.text() == ""
    assert len(branch_picker.visible_texts()) == 112


def test_a_chinese_name_and_down_up_move_between_matches(qtbot, branch_picker):
    type_chinese(branch_picker.filter_edit, "综合服务")
    assert branch_picker.visible_texts() == ["综合服务中心党支部"]
    branch_picker.filter_edit.clear()
    type_chinese(branch_picker.filter_edit, "通城")
    shown = branch_picker.visible_texts()
    assert len(shown) > 3 and "大坪供电所党支部" in shown
    qtbot.keyClick(branch_picker.filter_edit, Qt.Key.Key_Down)
    assert branch_picker.current_entry().text == shown[1]
    qtbot.keyClick(branch_picker.filter_edit, Qt.Key.Key_Up)
    qtbot.keyClick(branch_picker.filter_edit, Qt.Key.Key_Up)  # stays on the first
    assert branch_picker.current_entry().text == shown[0]


def test_nothing_matches_nothing_is_picked(qtbot, branch_picker):
    qtbot.keyClicks(branch_picker.filter_edit, "zzzz")
    assert branch_picker.visible_texts() == []
    assert branch_picker.current_value() is None
    with qtbot.assertNotEmitted(branch_picker.picked):
        qtbot.keyClick(branch_picker.filter_edit, Qt.Key.Key_Return)


def test_units_nest_as_in_the_tree_without_the_excluded(qtbot, tree):
    county = next(u for u in tree.units if u.name == "国网通城县供电公司")
    picker = OrgPicker("filter")
    qtbot.addWidget(picker)
    picker.set_entries(unit_entries(tree, subtree_ids(tree, county.id)))
    picker.show()
    assert county.id not in picker.pickable_ids()
    assert len(picker.pickable_ids()) == len(tree.units) - 1 - 11  # the county, its stations
    type_chinese(picker.filter_edit, "大坪")
    assert picker.visible_texts() == []
    picker.filter_edit.clear()
    qtbot.keyClicks(picker.filter_edit, "wenquan")
    # the match, with the units above it for context; the cursor is on the match
    assert picker.visible_texts() == ["国网咸宁供电公司", "国网咸宁市咸安区供电公司", "温泉供电所"]
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Down)  # the only match: stays
    station = picker.current_value()
    assert picker.matched_ids() == [station]
    assert picker.depth_of(station) == 2 and picker.text_of(station) == "温泉供电所"
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Enter)
    assert picked.args == [station]
