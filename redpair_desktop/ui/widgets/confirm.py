"""Questions before a destructive action: non-blocking, the action button named by what it does
(“撤销该党支部”, never a bare 是/确定), and 取消 as the default, so Enter never destroys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(
    parent: QWidget,
    *,
    name: str,
    title: str,
    text: str,
    action: str,
    on_confirmed: Callable[[], None],
    details: str = "",
) -> QMessageBox:
    """Open the question and return it; ``on_confirmed`` runs only after ``action`` is clicked.

    ``name`` is the box's object name; its action button is ``{name}Button``."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName(name)
    if details:
        box.setInformativeText(details)
    confirm_button = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    confirm_button.setObjectName(f"{name}Button")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)  # 取消, from Qt's translation
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    confirm_button.clicked.connect(on_confirmed)
    box.open()
    return box
