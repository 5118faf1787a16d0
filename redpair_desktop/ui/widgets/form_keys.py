"""The keys a structured form keeps for itself (add, move and remove its parts) while the focus
is in one of its text boxes, which would otherwise take Ctrl+Delete or Ctrl+Up for editing."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit

FORM_KEYS = ("Ctrl+Return", "Ctrl+Enter", "Ctrl+Shift+Return", "Ctrl+Shift+Enter",
             "Ctrl+Up", "Ctrl+Down", "Ctrl+Del")  # fmt: skip


def is_form_key(event: QEvent) -> bool:
    """``event`` asks a text box to keep one of the form's keys (a shortcut override)."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    pressed = QKeySequence(event.keyCombination())
    return any(pressed == QKeySequence(key) for key in FORM_KEYS)


class FormLineEdit(QLineEdit):
    """A line of a form; leaves the form's keys to the form."""

    def event(self, event: QEvent) -> bool:
        return False if is_form_key(event) else super().event(event)
