"""A structured form of groups holding entries — an agreement's clauses and their items, a
checklist's sections and their items — with the same keys everywhere: Ctrl+Enter adds an entry
after the current one, Ctrl+Shift+Enter a group after the current one, Ctrl+Up / Ctrl+Down move
the current entry (the group when the cursor is in its heading), Ctrl+Delete removes it after
asking. Each part carries ↑ ↓ ✕ buttons doing the same.

A form subclasses ``NestedForm`` and says how to make a group and an entry, how to ask before a
removal and what follows a change of shape; a group widget has ``items`` (its entries, in
order), ``column`` (the layout holding them) and ``insert(index, entry)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QToolButton, QVBoxLayout, QWidget

from redpair_desktop.i18n import _


def part_buttons(form: NestedForm, part: QWidget) -> list[QToolButton]:
    """The ↑ ↓ ✕ buttons of a group or an entry."""
    return [
        _tool_button("↑", _("上移（Ctrl+↑）"), "up", lambda: form.move(part, -1)),
        _tool_button("↓", _("下移（Ctrl+↓）"), "down", lambda: form.move(part, 1)),
        _tool_button("✕", _("删除（Ctrl+Delete）"), "remove", lambda: form.ask_remove(part)),
    ]


def _tool_button(text: str, tip: str, name: str, slot: Callable[[], None]) -> QToolButton:
    button = QToolButton(text=text, toolTip=tip, objectName=name, autoRaise=True)
    button.clicked.connect(slot)
    return button


class NestedForm(QWidget):
    """``changed`` fires on every edit, add, removal and move."""

    changed = Signal()
    group_type: type[QWidget]  # the widget of a group
    entry_type: type[QWidget]  # the widget of an entry
    # what each form supplies, as methods:
    add_group: Callable[[int], None]  # a new group at the index, the cursor in it
    add_entry: Callable[[Any, int], None]  # a new entry of the group at the index
    ask_remove: Callable[[QWidget], None]  # ask, then ``remove``
    reshaped: Callable[[], None]  # after an add, a removal or a move
    first_group_by_default = True  # Ctrl+Enter with no group focused adds to the first, else last

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.read_only = False
        self.groups: list[Any] = []
        self.column = QVBoxLayout()
        for keys, slot in (
            (("Ctrl+Return", "Ctrl+Enter"), self._on_add_entry_key),
            (("Ctrl+Shift+Return", "Ctrl+Shift+Enter"), self._on_add_group_key),
            (("Ctrl+Up",), lambda: self._on_move_key(-1)),
            (("Ctrl+Down",), lambda: self._on_move_key(1)),
            (("Ctrl+Del",), self._on_remove_key),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self, slot)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- moving and removing ------------------------------------------------------------

    def insert_group(self, index: int, group: QWidget) -> None:
        self.groups.insert(index, group)
        self.column.insertWidget(index, group)

    def move(self, part: QWidget, step: int) -> None:
        siblings, column = self._place(part)
        index = siblings.index(part)
        target = index + step
        if self.read_only or not 0 <= target < len(siblings):
            return
        siblings.insert(target, siblings.pop(index))
        column.removeWidget(part)
        column.insertWidget(target, part)
        self.reshaped()

    def remove(self, part: QWidget) -> None:
        siblings, column = self._place(part)
        siblings.remove(part)
        column.removeWidget(part)
        part.deleteLater()
        self.reshaped()

    def _place(self, part: QWidget) -> tuple[list[Any], QVBoxLayout]:
        if isinstance(part, self.group_type):
            return self.groups, self.column
        owner = next(group for group in self.groups if part in group.items)
        return owner.items, owner.column

    # --- keys ---------------------------------------------------------------------------

    def current(self) -> tuple[Any | None, Any | None]:
        """The group and the entry the keyboard focus is in (the entry None in a heading)."""
        widget = QApplication.focusWidget()
        entry = None
        while widget is not None and widget is not self:
            if isinstance(widget, self.group_type):
                return widget, entry
            if entry is None and isinstance(widget, self.entry_type):
                entry = widget
            widget = widget.parentWidget()
        return None, None

    def _on_add_entry_key(self) -> None:
        group, entry = self.current()
        if group is None and self.groups:
            group = self.groups[0 if self.first_group_by_default else -1]
        if group is not None:
            self.add_entry(group, group.items.index(entry) + 1 if entry else len(group.items))

    def _on_add_group_key(self) -> None:
        group, _entry = self.current()
        self.add_group(self.groups.index(group) + 1 if group else len(self.groups))

    def _on_move_key(self, step: int) -> None:
        group, entry = self.current()
        part = entry or group
        if part is not None:
            self.move(part, step)

    def _on_remove_key(self) -> None:
        group, entry = self.current()
        part = entry or group
        if part is not None:
            self.ask_remove(part)
