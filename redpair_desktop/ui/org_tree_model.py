"""The organisation tree as a Qt item model: units, with their Party branches as children."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from redpair_desktop.domain.labels import label

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.org_tree import OrgTree

BRANCH_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BRANCH_COLOR = QColor("#b71c1c")  # Party red, for the branches among the units


class OrgTreeModel(QStandardItemModel):
    def __init__(self, tree: OrgTree) -> None:
        super().__init__()
        items: dict[uuid.UUID, QStandardItem] = {}
        names = {unit.id: unit.name for unit in tree.units}
        for unit in tree.units:
            item = QStandardItem(_display_name(unit.name, names.get(unit.parent_id)))
            item.setEditable(False)
            item.setToolTip(label(unit.kind))
            parent = items.get(unit.parent_id) if unit.parent_id else None
            (parent or self.invisibleRootItem()).appendRow(item)
            items[unit.id] = item
        bold = QFont()
        bold.setBold(True)
        for branch in tree.branches:
            unit_item = items.get(branch.unit_id)
            if unit_item is None:
                continue
            item = QStandardItem(branch.short_name)
            item.setEditable(False)
            item.setData(branch.id, BRANCH_ID_ROLE)
            item.setToolTip(label(branch.kind))
            item.setForeground(QBrush(BRANCH_COLOR))
            item.setFont(bold)
            unit_item.insertRow(0, [item])  # the single-item overload inserts an empty row

    def branch_id(self, index: QModelIndex) -> uuid.UUID | None:
        """The branch at ``index``, or None where a unit is."""
        return index.data(BRANCH_ID_ROLE)


def _display_name(name: str, parent_name: str | None) -> str:
    """“国网通城县供电公司大坪供电所” under “国网通城县供电公司” reads “大坪供电所”."""
    if parent_name and name.startswith(parent_name) and len(name) > len(parent_name):
        return name[len(parent_name) :]
    return name
