"""尚不能完成: what still stands between the draft and its sign-off, one row per item (a
mandatory item unanswered, a failed answer without its comment or photo); Enter or a click on
a row goes to that item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.i18n import _
from redpair_desktop.ui.inspections.item_list import KEY_ROLE, needs_something
from redpair_desktop.ui.inspections.item_pane import needs_text

if TYPE_CHECKING:
    from redpair_desktop.services.inspections.view import InspectionView, ItemState


def missing_text(number: int, state: ItemState) -> str:
    why = needs_text(state) if state.response is not None else _("必查项，尚未作答。")
    return f"{number}. {state.item.text} — {why}"


def missing_items(view: InspectionView) -> list[tuple[int, ItemState]]:
    return [(n, s) for n, s in enumerate(view.items, 1) if needs_something(s)]


class MissingDialog(QDialog):
    chosen = Signal(str)  # the item key to go to

    def __init__(self, view: InspectionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingDialog")
        self.setWindowTitle(_("还不能完成检查"))
        missing = missing_items(view)
        intro = _("还有 {count} 项需要处理。选中一项按 Enter（或单击）前往：", count=len(missing))
        self.list = QListWidget(objectName="missingList")
        self.list.setWordWrap(True)
        for number, state in missing:
            row = QListWidgetItem(missing_text(number, state))
            row.setData(KEY_ROLE, state.item.key)
            self.list.addItem(row)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._go)
        self.list.itemClicked.connect(self._go)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(intro, wordWrap=True))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 400)

    def _go(self, row: QListWidgetItem) -> None:
        self.chosen.emit(row.data(KEY_ROLE))
        self.accept()


def is_ready(view: InspectionView) -> bool:
    return not missing_items(view)
