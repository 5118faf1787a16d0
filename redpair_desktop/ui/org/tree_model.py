"""The organisation tree as a Qt item model: units, with their Party branches as children."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from redpair_desktop.domain.labels import label
from redpair_desktop.ui.widgets.org_picker import search_key, unit_display_name

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.org.tree import OrgTree

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
BRANCH_COLOR = QColor("#b71c1c")  # Party red, for the branches among the units


@dataclass(frozen=True)
class TreeNode:
    """What a row of the tree stands for."""

    kind: str  # "unit" or "branch"
    id: uuid.UUID
    name: str

    @property
    def is_branch(self) -> bool:
        return self.kind == "branch"


class OrgTreeModel(QStandardItemModel):
    def __init__(self, tree: OrgTree) -> None:
        super().__init__()
        self.tree = tree
        items: dict[uuid.UUID, QStandardItem] = {}
        names = {unit.id: unit.name for unit in tree.units}
        self._search_names: dict[uuid.UUID, tuple[tuple[str, ...], tuple[str, ...]]] = {
            unit.id: ((unit.name,), ()) for unit in tree.units
        }
        self._search_keys: dict[uuid.UUID, str] = {}
        for unit in tree.units:
            item = QStandardItem(unit_display_name(unit.name, names.get(unit.parent_id)))
            item.setEditable(False)
            item.setToolTip(label(unit.kind))
            item.setData(TreeNode("unit", unit.id, unit.name), NODE_ROLE)
            parent = items.get(unit.parent_id) if unit.parent_id else None
            (parent or self.invisibleRootItem()).appendRow(item)
            items[unit.id] = item
        bold = QFont()
        bold.setBold(True)
        for branch in tree.branches:
            unit_item = items.get(branch.unit_id)
            if unit_item is None:
                continue
            self._search_names[branch.id] = ((branch.short_name,), (branch.seal_name,))
            item = QStandardItem(branch.short_name)
            item.setEditable(False)
            item.setData(TreeNode("branch", branch.id, branch.short_name), NODE_ROLE)
            item.setToolTip(label(branch.kind))
            item.setForeground(QBrush(BRANCH_COLOR))
            item.setFont(bold)
            unit_item.insertRow(0, [item])  # the single-item overload inserts an empty row

    def node(self, index: QModelIndex) -> TreeNode | None:
        return index.data(NODE_ROLE) if index.isValid() else None

    def search_key(self, index: QModelIndex) -> str:
        """What a search matches for the row: names and their pinyin (computed when first asked)."""
        node = self.node(index)
        if node is None:
            return ""
        if node.id not in self._search_keys:
            self._search_keys[node.id] = search_key(*self._search_names[node.id])
        return self._search_keys[node.id]

    def branch_id(self, index: QModelIndex) -> uuid.UUID | None:
        """The branch at ``index``, or None where a unit is."""
        node = self.node(index)
        return node.id if node and node.is_branch else None

    def branch_ids_under(self, index: QModelIndex) -> list[uuid.UUID] | None:
        """The branches in the subtree at ``index``; None means every branch (the top unit)."""
        node = self.node(index)
        if node is None or (not node.is_branch and not index.parent().isValid()):
            return None
        found: list[uuid.UUID] = []
        pending = [self.itemFromIndex(index)]
        while pending:
            item = pending.pop()
            item_node = item.data(NODE_ROLE)
            if item_node is not None and item_node.is_branch:
                found.append(item_node.id)
            pending.extend(item.child(row) for row in range(item.rowCount()))
        return found

    def index_of(self, node_id: uuid.UUID) -> QModelIndex:
        """Where the unit or branch with this id is (invalid if absent)."""
        pending = [self.invisibleRootItem()]
        while pending:
            item = pending.pop()
            for row in range(item.rowCount()):
                child = item.child(row)
                child_node = child.data(NODE_ROLE)
                if child_node is not None and child_node.id == node_id:
                    return child.index()
                pending.append(child)
        return QModelIndex()
