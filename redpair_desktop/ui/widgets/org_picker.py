"""A searchable picker over the organisation: type part of a name, a short name or the pinyin
initials (``dp`` finds 大坪); the matches show under their units. Down/Up move through the
matches while the cursor stays in the filter line, Enter picks, Escape clears the filter.

``branch_entries`` and ``unit_entries`` turn an ``OrgTree`` into the picker's entries.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from redpair_desktop.domain.pinyin_keys import matches
from redpair_desktop.domain.pinyin_keys import search_key as pinyin_search_key

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.org.tree import OrgTree

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
HEADING_COLOR = QColor("#616161")


@dataclass(frozen=True)
class PickerEntry:
    """One row: a pickable choice, or a heading (``value`` None) that groups the rows below it."""

    id: uuid.UUID
    parent_id: uuid.UUID | None  # the heading or entry it sits under
    text: str
    value: object | None
    names: tuple[str, ...]  # what typing may match, also by pinyin: short and unit names
    plain_names: tuple[str, ...] = ()  # matched as written only (a seal name: 中共…委员会,
    # whose pinyin would make every short query match every branch); the first is the tooltip


def search_key(names: Iterable[str], plain_names: Iterable[str] = ()) -> str:
    """Each name, its pinyin initials and its full pinyin, then the plain names, one per line."""
    return "\n".join([pinyin_search_key(names), *(name.lower() for name in plain_names)])


def unit_display_name(name: str, parent_name: str | None) -> str:
    """“国网通城县供电公司大坪供电所” under “国网通城县供电公司” reads “大坪供电所”."""
    if parent_name and name.startswith(parent_name) and len(name) > len(parent_name):
        return name[len(parent_name) :]
    return name


class OrgPicker(QWidget):
    picked = Signal(object)  # the chosen entry's value: Enter, or a double-click
    current_changed = Signal(object)  # the value under the cursor, None on a heading or nothing

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orgPicker")
        self.filter_edit = QLineEdit(objectName="pickerFilter")
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.installEventFilter(self)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.view = QTreeView(objectName="pickerResults")
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMinimumHeight(12 * self.view.fontMetrics().height())
        self.model = QStandardItemModel(self)
        self.view.setModel(self.model)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.activated.connect(self._pick)
        self._items: dict[uuid.UUID, QStandardItem] = {}
        self._keys: dict[uuid.UUID, str] = {}
        self._visible: set[uuid.UUID] = set()
        self._matched: set[uuid.UUID] = set()  # visible for themselves, not only as context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.filter_edit)

    # --- contents -----------------------------------------------------------------------

    def set_entries(self, entries: Iterable[PickerEntry]) -> None:
        self.model.clear()
        self._items.clear()
        self._keys.clear()
        for entry in entries:
            item = _item(entry)
            parent = self._items.get(entry.parent_id) if entry.parent_id else None
            (parent or self.model.invisibleRootItem()).appendRow(item)
            self._items[entry.id] = item
            self._keys[entry.id] = search_key(entry.names, entry.plain_names)
        self._apply_filter(self.filter_edit.text())

    def pickable_ids(self) -> list[uuid.UUID]:
        """Every choice, in order, whatever the filter shows."""
        return [i for i, item in self._items.items() if _entry(item).value is not None]

    def visible_texts(self) -> list[str]:
        """The choices the filter leaves on screen (matches and the units above them)."""
        return [_entry(self._items[i]).text for i in self.pickable_ids() if self._shown(i)]

    def matched_ids(self) -> list[uuid.UUID]:
        """The choices that match the filter, in order: where Down, Up and typing go."""
        return [i for i in self.pickable_ids() if i in self._matched]

    def text_of(self, entry_id: uuid.UUID) -> str:
        return self._items[entry_id].text()

    def depth_of(self, entry_id: uuid.UUID) -> int:
        depth, index = 0, self._items[entry_id].index().parent()
        while index.isValid():
            depth, index = depth + 1, index.parent()
        return depth

    # --- the choice ---------------------------------------------------------------------

    def current_entry(self) -> PickerEntry | None:
        index = self.view.currentIndex()
        entry = _entry(self.model.itemFromIndex(index)) if index.isValid() else None
        return entry if entry is not None and entry.value is not None else None

    def current_value(self) -> object | None:
        entry = self.current_entry()
        return None if entry is None else entry.value

    def set_current(self, entry_id: uuid.UUID | None) -> None:
        item = self._items.get(entry_id) if entry_id else None
        if item is not None:
            self.view.setCurrentIndex(item.index())
            self.view.scrollTo(item.index(), QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- filtering and keys -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            return self._on_filter_key(event)
        return super().eventFilter(watched, event)

    def _on_filter_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._step(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick(self.view.currentIndex())
            return True
        if key == Qt.Key.Key_Escape and self.filter_edit.text():
            self.filter_edit.clear()
            return True
        return False

    def _step(self, direction: int) -> None:
        shown = self.matched_ids()
        if not shown:
            return
        current = self.current_entry()
        if current is None or current.id not in shown:
            target = shown[0] if direction > 0 else shown[-1]
        else:
            position = shown.index(current.id) + direction
            target = shown[max(0, min(position, len(shown) - 1))]
        self.set_current(target)

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self._apply_filter(text)
        current = self.current_entry()
        if text.strip() or current is None or current.id not in self._matched:
            shown = self.matched_ids()
            if shown:
                self.set_current(shown[0])
            else:
                self.view.setCurrentIndex(QModelIndex())

    def _apply_filter(self, text: str) -> None:
        """Show the matches, the headings above them, and everything under a matching heading."""
        query = text.strip()
        self._visible, self._matched = set(), set()
        root = self.model.invisibleRootItem()
        for row in range(root.rowCount()):
            self._filter_item(root.child(row), query, ancestor_matched=not query)
        self.view.expandAll()

    def _filter_item(self, item: QStandardItem, query: str, ancestor_matched: bool) -> bool:
        entry = _entry(item)
        matched = ancestor_matched or matches(self._keys[entry.id], query)
        shown = matched
        for row in range(item.rowCount()):
            shown = self._filter_item(item.child(row), query, matched) or shown
        index = item.index()
        self.view.setRowHidden(index.row(), index.parent(), not shown)
        if shown:
            self._visible.add(entry.id)
        if matched:
            self._matched.add(entry.id)
        return shown

    def _shown(self, entry_id: uuid.UUID) -> bool:
        return entry_id in self._visible

    def _pick(self, index: QModelIndex) -> None:
        entry = _entry(self.model.itemFromIndex(index)) if index.isValid() else None
        if entry is not None and entry.value is not None:
            self.picked.emit(entry.value)

    def _on_view_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.current_value())


def _item(entry: PickerEntry) -> QStandardItem:
    item = QStandardItem(entry.text)
    item.setEditable(False)
    item.setData(entry, ENTRY_ROLE)
    if entry.value is None:  # a heading: there to group, not to pick
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setForeground(QBrush(HEADING_COLOR))
        bold = QFont()
        bold.setBold(True)
        item.setFont(bold)
    if entry.plain_names:
        item.setToolTip(entry.plain_names[0])
    return item


def _entry(item: QStandardItem | None) -> PickerEntry | None:
    return None if item is None else item.data(ENTRY_ROLE)


# --- entries from the organisation tree -------------------------------------------------------


def unit_entries(tree: OrgTree, excluded: Collection[uuid.UUID] = ()) -> list[PickerEntry]:
    """Every unit but ``excluded`` as a choice (its id), nested as in the tree."""
    names = {unit.id: unit.name for unit in tree.units}
    return [
        PickerEntry(
            unit.id,
            unit.parent_id,
            unit_display_name(unit.name, names.get(unit.parent_id)),
            unit.id,
            (unit.name,),
        )
        for unit in tree.units
        if unit.id not in excluded
    ]


def branch_entries(
    tree: OrgTree, value: Callable[[object], object], offered: Callable[[object], bool]
) -> list[PickerEntry]:
    """The ``offered`` branches (``value(branch)`` is what picking one returns), each under the
    unit above its own unit: stations under their county company, departments under the
    company. A heading matches by its unit's name, so typing 通城 lists 通城's stations."""
    units = {unit.id: unit for unit in tree.units}
    grouped: dict[uuid.UUID, list[PickerEntry]] = {}
    for branch in tree.branches:
        unit = units.get(branch.unit_id)
        if unit is None or not offered(branch):
            continue
        group = unit.parent_id if unit.parent_id in units else unit.id
        names = (branch.short_name, unit.name)
        entry = PickerEntry(
            branch.id, group, branch.short_name, value(branch), names, (branch.seal_name,)
        )
        grouped.setdefault(group, []).append(entry)
    entries: list[PickerEntry] = []
    for unit in tree.units:  # groups in tree order
        if unit.id in grouped:
            entries.append(PickerEntry(unit.id, None, unit.name, None, (unit.name,)))
            entries.extend(grouped[unit.id])
    return entries
