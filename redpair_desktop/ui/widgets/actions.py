"""Actions with their keys, made the one way the screens make them: a button in the
action bar, the keys scoped to the widget that holds them (never firing on another page)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

ActionSpec = tuple[str, str, Callable[[], object], Sequence[object]]  # key, text, slot, keys


def add_actions(
    owner: QWidget, bar: QWidget, prefix: str, specs: Iterable[ActionSpec]
) -> dict[str, QAction]:
    """One action per spec, shown in ``bar``, named ``{prefix}_{key}``."""
    actions = {}
    for key, text, slot, keys in specs:
        action = bar.addAction(text)
        action.setObjectName(f"{prefix}_{key}")
        action.triggered.connect(slot)
        add_shortcut(owner, action, keys)
        actions[key] = action
    return actions


def add_shortcut(owner: QWidget, action: QAction, keys: Sequence[object]) -> None:
    if keys:
        action.setShortcuts([QKeySequence(key) for key in keys])  # type: ignore[arg-type]
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        owner.addAction(action)
        shown = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{action.text()} ({shown})")
