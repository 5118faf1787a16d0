"""The organisation tree's edit actions: new unit, new branch, rename, move, retire, and the
branch's own information (secretary, duties, goal).

The bar shows the first five as buttons (reachable with Tab); ``actions_for_menu`` gives all six
for the tree's context menu, and their shortcuts work wherever the bar's owner adds them.
Every form is non-blocking (``open()``); the change runs on the database worker, and the bar
announces ``tree_changed`` with the id to select once the tree is reloaded (or
``branch_info_changed`` with the branch's id). A refusal (say, a branch that still has
members) reaches the user through ``report_error`` with its reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from redpair_desktop.domain.enums import BranchKind, UnitKind
from redpair_desktop.i18n import _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.org import ops
from redpair_desktop.ui.org.edit_dialogs import (
    BranchDialog,
    BranchInfoDialog,
    MoveDialog,
    UnitDialog,
)
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.confirm import confirm

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.org.branch_info import BranchInfo
    from redpair_desktop.services.org.tree import OrgTree, UnitNode
    from redpair_desktop.ui.org.tree_model import TreeNode

# The branch kind a new branch most likely has, from the kind of its unit.
BRANCH_KIND_FOR_UNIT = {
    UnitKind.HQ_DEPARTMENT: BranchKind.HQ_DEPARTMENT,
    UnitKind.URBAN_UNIT: BranchKind.URBAN_UNIT,
    UnitKind.SUPPLY_STATION: BranchKind.SUPPLY_STATION,
}


# Shortcuts, active while the focus is in the widget the actions are added to (the tree's pane).
SHORTCUTS = {
    "newUnitAction": "Ctrl+Shift+U",
    "newBranchAction": "Ctrl+Shift+N",
    "renameAction": "F2",
    "moveAction": "Ctrl+M",
    "retireAction": "Del",
    "branchInfoAction": "Ctrl+E",
}


class OrgEditBar(ActionBar):
    tree_changed = Signal(object)  # the uuid.UUID to select after the reload, or None
    branch_info_changed = Signal(object)  # the uuid.UUID of the branch whose information changed

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        current_node: Callable[[], TreeNode | None],
        current_tree: Callable[[], OrgTree | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orgEditBar")
        self.backend = backend
        self._report_error = report_error
        self._current_node = current_node
        self._current_tree = current_tree
        self.dialog: QDialog | None = None  # the open form or confirmation, kept alive
        self.new_unit_action = self._action("newUnitAction", _("新建单位"), self.new_unit)
        self.new_branch_action = self._action("newBranchAction", _("新建党支部"), self.new_branch)
        self.rename_action = self._action("renameAction", _("重命名"), self.rename)
        self.move_action = self._action("moveAction", _("移动到…"), self.move)
        self.retire_action = self._action("retireAction", _("撤销建制…"), self.retire)
        self.branch_info_action = self._action(
            "branchInfoAction", _("编辑支部信息…"), self.edit_branch_info, on_bar=False
        )
        self.update_actions()

    def _action(
        self, name: str, text: str, slot: Callable[[], None], *, on_bar: bool = True
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(SHORTCUTS[name]))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.rstrip('…')} ({shortcut})")
        action.triggered.connect(slot)
        if on_bar:
            self.addAction(action)
        return action

    def actions_for_menu(self) -> list[QAction]:
        """Every edit action, for the tree's context menu (and for shortcuts in the tree)."""
        return [
            self.new_unit_action,
            self.new_branch_action,
            self.rename_action,
            self.move_action,
            self.branch_info_action,
            self.retire_action,
        ]

    def update_actions(self) -> None:
        """Enable what applies to the selected node; call it when the selection changes."""
        node, tree = self._current_node(), self._current_tree()
        home = self._home_unit(node, tree)
        is_top = home is not None and not node.is_branch and home.parent_id is None
        self.new_unit_action.setEnabled(home is not None)
        self.new_branch_action.setEnabled(home is not None)
        self.rename_action.setEnabled(node is not None)
        self.move_action.setEnabled(home is not None and not is_top)
        self.retire_action.setEnabled(node is not None and not is_top)
        self.branch_info_action.setEnabled(node is not None and node.is_branch)

    # --- the actions --------------------------------------------------------------------

    def new_unit(self) -> None:
        home = self._home_unit(self._current_node(), self._current_tree())
        if home is None:
            return
        dialog = UnitDialog(_("新建单位"), kind=_child_unit_kind(home.kind), parent=self)

        def submit() -> None:
            name, kind, parent_id = dialog.name(), dialog.kind(), home.id
            self._run(lambda ws: ops.create_unit(ws, parent_id, name, kind))

        self._open(dialog, submit)

    def new_branch(self) -> None:
        home = self._home_unit(self._current_node(), self._current_tree())
        if home is None:
            return
        kind = BRANCH_KIND_FOR_UNIT.get(home.kind)
        dialog = BranchDialog(_("新建党支部"), kind=kind, parent=self)

        def submit() -> None:
            seal, short, kind, unit_id = (
                dialog.seal_name(),
                dialog.short_name(),
                dialog.kind(),
                home.id,
            )
            self._run(lambda ws: ops.create_branch(ws, unit_id, seal, short, kind))

        self._open(dialog, submit)

    def rename(self) -> None:
        node = self._current_node()
        if node is None:
            return
        if node.is_branch:  # the seal name is not in the tree: read it first
            self.backend.call(
                lambda ws: ops.branch_summary(ws, node.id),
                lambda summary: self._rename_branch(node.id, summary),
                self._report_error,
            )
            return
        dialog = UnitDialog(_("重命名单位"), name=node.name, with_kind=False, parent=self)

        def submit() -> None:
            name, unit_id = dialog.name(), node.id
            self._run(lambda ws: ops.rename_unit(ws, unit_id, name), unit_id)

        self._open(dialog, submit)

    def _rename_branch(self, branch_id: uuid.UUID, summary) -> None:
        dialog = BranchDialog(
            _("重命名党支部"),
            seal_name=summary.seal_name,
            short_name=summary.short_name,
            with_kind=False,
            parent=self,
        )

        def submit() -> None:
            seal, short = dialog.seal_name(), dialog.short_name()
            self._run(
                lambda ws: ops.rename_branch(ws, branch_id, seal, short),
                branch_id,
            )

        self._open(dialog, submit)

    def move(self) -> None:
        node, tree = self._current_node(), self._current_tree()
        home = self._home_unit(node, tree)
        if home is None:
            return
        current = home.id if node.is_branch else home.parent_id
        dialog = MoveDialog(tree, node.id, node.name, current_unit_id=current, parent=self)

        def submit() -> None:
            target, node_id = dialog.target_id(), node.id
            if target is None:
                return
            move = ops.move_branch if node.is_branch else ops.move_unit
            self._run(lambda ws: move(ws, node_id, target), node_id)

        self._open(dialog, submit)

    def edit_branch_info(self) -> None:
        node = self._current_node()
        if node is None or not node.is_branch:
            return
        self.backend.call(
            lambda ws: ops.branch_info(ws, node.id), self._open_branch_info, self._report_error
        )

    def _open_branch_info(self, info: BranchInfo) -> None:
        dialog = BranchInfoDialog(info, parent=self)

        def submit() -> None:
            branch_id = info.branch_id
            secretary, description, goal = (
                dialog.secretary_id(),
                dialog.description(),
                dialog.goal(),
            )
            self.backend.call(
                lambda ws: ops.save_branch_info(ws, branch_id, secretary, description, goal),
                lambda _result: self.branch_info_changed.emit(branch_id),
                self._report_error,
            )

        self._open(dialog, submit)

    def retire(self) -> None:
        node = self._current_node()
        if node is None:
            return
        home = self._home_unit(node, self._current_tree())
        after = None if home is None else (home.id if node.is_branch else home.parent_id)
        retire = ops.retire_branch if node.is_branch else ops.retire_unit
        node_id = node.id
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = confirm(
            self,
            name="retireConfirm",
            title=_("撤销党支部") if node.is_branch else _("撤销单位"),
            text=_("撤销“{name}”？", name=node.name),
            details=_("撤销后它不再出现在组织树中，历史记录仍然保留。"),
            action=_("撤销该党支部") if node.is_branch else _("撤销该单位"),
            on_confirmed=lambda: self._run(lambda ws: retire(ws, node_id), after),
        )

    # --- plumbing -----------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        dialog.accepted.connect(on_accepted)
        self._show(dialog)

    def _show(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def _run(self, call, select_id: uuid.UUID | None = None) -> None:
        """Run a change on the worker; select ``select_id`` (or the new row's id) afterwards."""
        self.backend.call(
            call,
            lambda result: self.tree_changed.emit(result if select_id is None else select_id),
            self._report_error,
        )

    @staticmethod
    def _home_unit(node: TreeNode | None, tree: OrgTree | None) -> UnitNode | None:
        """The selected unit, or the unit the selected branch belongs to."""
        if node is None or tree is None:
            return None
        unit_id = node.id
        if node.is_branch:
            unit_id = next((b.unit_id for b in tree.branches if b.id == node.id), None)
        return next((unit for unit in tree.units if unit.id == unit_id), None)


def _child_unit_kind(kind: UnitKind) -> UnitKind:
    """The kind a new unit under ``kind`` most likely has."""
    if kind is UnitKind.COUNTY_COMPANY:
        return UnitKind.SUPPLY_STATION
    return UnitKind.HQ_DEPARTMENT if kind is UnitKind.COMPANY else kind
