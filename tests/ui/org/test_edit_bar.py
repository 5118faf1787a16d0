"""The organisation edit bar against a real backend on the demo database."""

from __future__ import annotations

import uuid
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPushButton
from sqlalchemy import select

from redpair_desktop.db.org.models import Branch, OrgUnit
from redpair_desktop.domain.enums import BranchKind, UnitKind
from redpair_desktop.services.org import editing
from redpair_desktop.services.org.branches import find_branch, load_org_tree
from redpair_desktop.services.workspace import open_workspace
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.operations import DbRunner
from redpair_desktop.ui.org.edit_bar import OrgEditBar
from redpair_desktop.ui.org.edit_dialogs import BranchDialog, MoveDialog, UnitDialog
from redpair_desktop.ui.org.tree_model import TreeNode
from redpair_desktop.ui.widgets.org_picker import OrgPicker
from tests.ui.conftest import type_chinese

pytestmark = pytest.mark.gui

COUNTY = "国网通城县供电公司"
OTHER_COUNTY = "国网咸宁市咸安区供电公司"
DAPING_UNIT = "国网通城县供电公司大坪供电所"
DAPING = "大坪供电所党支部"


@contextmanager
def database(data_dir):
    workspace = open_workspace(data_dir)
    try:
        yield workspace.db
    finally:
        workspace.close()


def unit_id(data_dir, name: str) -> uuid.UUID:
    with database(data_dir) as db, db.read() as session:
        return session.scalars(
            select(OrgUnit.id).where(OrgUnit.name == name, OrgUnit.deleted_at.is_(None))
        ).one()


def branch_id(data_dir, name: str) -> uuid.UUID:
    with database(data_dir) as db, db.read() as session:
        return find_branch(session, name).id


class Harness:
    """An edit bar on a real backend, with a selection the test sets."""

    def __init__(self, data_dir) -> None:
        with database(data_dir) as db:
            self.tree = load_org_tree(db)
        self.unexpected: list[BaseException] = []
        self.reported: list[BaseException] = []
        self.node: TreeNode | None = None
        self.backend = Backend(DbRunner(self.unexpected.append), data_dir)
        self.bar = OrgEditBar(
            self.backend, self.reported.append, lambda: self.node, lambda: self.tree
        )

    def select(self, kind: str, node_id: uuid.UUID, name: str) -> None:
        self.node = TreeNode(kind, node_id, name)
        self.bar.update_actions()


@pytest.fixture
def harness(qtbot, demo_data_dir):
    harness = Harness(demo_data_dir)
    qtbot.addWidget(harness.bar)
    harness.bar.show()
    yield harness
    harness.backend.close()
    assert not harness.unexpected


def click_ok(qtbot, harness: Harness, dialog) -> object:
    with qtbot.waitSignal(harness.bar.tree_changed, timeout=15000) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert harness.reported == []
    return blocker.args[0]


def confirm_retire(qtbot, harness: Harness) -> None:
    harness.bar.retire_action.trigger()
    box = harness.bar.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "retireConfirm"
    assert box.isVisible()
    button = box.findChild(QPushButton, "retireConfirmButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_unit_goes_under_the_selected_unit(qtbot, harness, demo_data_dir):
    county = unit_id(demo_data_dir, COUNTY)
    harness.select("unit", county, COUNTY)
    harness.bar.new_unit_action.trigger()
    dialog = harness.bar.dialog
    assert isinstance(dialog, UnitDialog) and dialog.isVisible()
    assert dialog.findChild(QComboBox, "unitKindCombo").currentData() == UnitKind.SUPPLY_STATION
    assert not dialog.ok_button.isEnabled()  # nothing typed yet
    type_chinese(dialog.findChild(QLineEdit, "unitNameEdit"), "国网通城县供电公司新城供电所")
    new_id = click_ok(qtbot, harness, dialog)
    harness.backend.close()

    with database(demo_data_dir) as db, db.read() as session:
        unit = session.get(OrgUnit, new_id)
        assert (unit.name, unit.kind, unit.parent_id) == (
            "国网通城县供电公司新城供电所",
            "supply_station",
            county,
        )


def test_a_new_branch_goes_under_the_selected_branchs_unit(qtbot, harness, demo_data_dir):
    daping_unit = unit_id(demo_data_dir, DAPING_UNIT)
    harness.select("branch", branch_id(demo_data_dir, DAPING), DAPING)
    harness.bar.new_branch_action.trigger()
    dialog = harness.bar.dialog
    assert isinstance(dialog, BranchDialog)
    kind_combo = dialog.findChild(QComboBox, "branchKindCombo")
    assert kind_combo.currentData() == BranchKind.SUPPLY_STATION
    type_chinese(dialog.findChild(QLineEdit, "sealNameEdit"), "中共通城县大坪供电所第二支部委员会")
    type_chinese(dialog.findChild(QLineEdit, "shortNameEdit"), "大坪第二党支部")
    new_id = click_ok(qtbot, harness, dialog)
    harness.backend.close()

    with database(demo_data_dir) as db, db.read() as session:
        branch = find_branch(session, "大坪第二党支部")
        assert branch.id == new_id
        assert (branch.unit_id, branch.seal_name) == (
            daping_unit,
            "中共通城县大坪供电所第二支部委员会",
        )


def test_renaming_a_branch_starts_from_its_current_names(qtbot, harness, demo_data_dir):
    daping = branch_id(demo_data_dir, DAPING)
    harness.select("branch", daping, DAPING)
    harness.bar.rename_action.trigger()
    qtbot.waitUntil(lambda: isinstance(harness.bar.dialog, BranchDialog), timeout=15000)
    dialog = harness.bar.dialog
    assert dialog.findChild(QComboBox, "branchKindCombo") is None
    assert dialog.seal_name() == "中共国网通城县供电公司大坪供电所支部委员会"
    short = dialog.findChild(QLineEdit, "shortNameEdit")
    assert short.text() == DAPING
    short.clear()
    type_chinese(short, "大坪党支部")
    assert click_ok(qtbot, harness, dialog) == daping
    harness.backend.close()

    with database(demo_data_dir) as db, db.read() as session:
        assert find_branch(session, "大坪党支部").id == daping
        assert find_branch(session, DAPING) is None


def test_moving_a_unit_offers_every_unit_but_its_own_subtree(qtbot, harness, demo_data_dir):
    county, station = unit_id(demo_data_dir, COUNTY), unit_id(demo_data_dir, DAPING_UNIT)
    other = unit_id(demo_data_dir, OTHER_COUNTY)
    harness.select("unit", station, DAPING_UNIT)
    harness.bar.move_action.trigger()
    dialog = harness.bar.dialog
    assert isinstance(dialog, MoveDialog)
    picker = dialog.findChild(OrgPicker, "moveTargetPicker")
    assert picker.current_value() == county  # starts at the present parent
    assert station not in dialog.target_ids()
    assert len(dialog.target_ids()) == 1 + 18 + 18 + 6 + 66 - 1
    assert picker.text_of(dialog.target_ids()[0]) == "国网咸宁供电公司"
    assert (picker.text_of(county), picker.depth_of(county)) == (COUNTY, 1)  # one level in
    dialog.select_target(other)
    assert click_ok(qtbot, harness, dialog) == station
    harness.backend.close()

    with database(demo_data_dir) as db, db.read() as session:
        assert session.get(OrgUnit, station).parent_id == other


def test_retiring_an_empty_unit_after_confirmation(qtbot, harness, demo_data_dir):
    county = unit_id(demo_data_dir, COUNTY)
    with database(demo_data_dir) as db:
        empty = editing.create_unit(db, county, "临时工作组", UnitKind.URBAN_UNIT)
    harness.select("unit", empty, "临时工作组")
    with qtbot.waitSignal(harness.bar.tree_changed, timeout=15000) as blocker:
        confirm_retire(qtbot, harness)
    assert blocker.args == [None]  # the unit is not in the tree the bar knows about
    assert harness.reported == []
    harness.backend.close()

    with database(demo_data_dir) as db, db.read() as session:
        assert session.get(OrgUnit, empty).deleted_at is not None


def test_retiring_daping_is_refused_with_the_reason(qtbot, harness, demo_data_dir):
    daping = branch_id(demo_data_dir, DAPING)
    harness.select("branch", daping, DAPING)
    changed: list[object] = []
    harness.bar.tree_changed.connect(changed.append)
    confirm_retire(qtbot, harness)
    qtbot.waitUntil(lambda: bool(harness.reported), timeout=15000)
    (error,) = harness.reported
    assert "还有 15 人" in error.message and "转出或移除" in error.message
    assert changed == []
    harness.backend.close()

    with database(demo_data_dir) as db, db.read() as session:
        assert session.get(Branch, daping).deleted_at is None


def test_cancelling_the_confirmation_retires_nothing(qtbot, harness, demo_data_dir):
    harness.select("branch", branch_id(demo_data_dir, DAPING), DAPING)
    harness.bar.retire_action.trigger()
    box = harness.bar.dialog
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not box.isVisible()
    assert harness.backend.runner.pending == 0


def test_actions_follow_the_selection(harness, demo_data_dir):
    bar = harness.bar
    actions = [
        bar.new_unit_action,
        bar.new_branch_action,
        bar.rename_action,
        bar.move_action,
        bar.retire_action,
    ]
    assert [a.objectName() for a in actions] == [
        "newUnitAction",
        "newBranchAction",
        "renameAction",
        "moveAction",
        "retireAction",
    ]
    assert [a.text() for a in actions] == [
        "新建单位",
        "新建党支部",
        "重命名",
        "移动到…",
        "撤销建制…",
    ]
    assert not any(a.isEnabled() for a in actions)  # nothing selected

    with database(demo_data_dir) as db:
        top = load_org_tree(db).units[0]
    harness.select("unit", top.id, top.name)
    assert [a.isEnabled() for a in actions] == [True, True, True, False, False]

    harness.select("branch", branch_id(demo_data_dir, DAPING), DAPING)
    assert all(a.isEnabled() for a in actions)
