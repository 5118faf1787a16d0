"""The run's left column: every item under its section (part · section, with the section's score
so far), each row with a status glyph — ○ to answer, ● answered (in the answer's colour), ⚠ a
failed answer still without its comment or photo, ✗ a failed answer with both — its answer,
then its text (cut short at the column's edge; the pane shows it whole).
Section rows are headings: the cursor (↑/↓, PgUp/PgDn) moves over the items only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.inspections.view import InspectionView, ItemState

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
HEADING_COLOUR = QColor("#37474f")
TODO_COLOUR = QColor("#616161")
WARNING_COLOUR = QColor("#c62828")


def needs_something(state: ItemState) -> bool:
    """Unanswered and mandatory, or failed without its comment or photo."""
    unanswered = state.response is None and state.item.mandatory
    return unanswered or state.needs_comment or state.needs_photo


def glyph(state: ItemState) -> str:
    if state.response is None:
        return "○"
    if state.failed:
        return "⚠" if state.needs_comment or state.needs_photo else "✗"
    return "●"


def section_heading(view: InspectionView, index: int, part: str) -> str:
    section = view.score.sections[index]
    title = f"{part} · {section.title}"
    score = "—" if section.percent is None else f"{section.percent:g}"
    return _("{title}　{answered}/{items} · 得分 {score}", title=title,
             answered=section.answered, items=section.items, score=score)  # fmt: skip


class ItemList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runItems")
        self.setAccessibleName(_("检查项"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # the pane shows the whole text
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._rows: dict[str, QListWidgetItem] = {}
        self._keys: list[str] = []  # in checklist order
        self._headings: list[QListWidgetItem] = []  # one per section

    def show_run(self, view: InspectionView) -> None:
        """Fill the rows anew (the first time) or update them in place, keeping the cursor."""
        if list(self._rows) != [state.item.key for state in view.items]:
            self._build(view)
        headings = self._headings
        for index, (part, _section) in enumerate(view.checklist.sections()):
            headings[index].setText(section_heading(view, index, part.name))
        for number, state in enumerate(view.items, 1):
            self._show_state(self._rows[state.item.key], number, state)

    def _build(self, view: InspectionView) -> None:
        self.clear()
        self._rows.clear()
        self._headings.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        states = iter(view.items)
        for _part, section in view.checklist.sections():
            heading = QListWidgetItem(section.title)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setFont(bold)
            heading.setForeground(QBrush(HEADING_COLOUR))
            self.addItem(heading)
            self._headings.append(heading)
            for _item in section.items:
                state = next(states)
                row = QListWidgetItem()
                row.setData(KEY_ROLE, state.item.key)
                self.addItem(row)
                self._rows[state.item.key] = row
        self._keys = list(self._rows)

    def _show_state(self, row: QListWidgetItem, number: int, state: ItemState) -> None:
        answer = state.response.label if state.response else _("未答")
        star = "★" if state.item.mandatory else ""
        row.setText(f"{glyph(state)} {number}. {answer}｜{star}{state.item.text}")
        row.setToolTip(state.item.text)
        if state.response is None:
            colour = TODO_COLOUR
        elif state.needs_comment or state.needs_photo:
            colour = WARNING_COLOUR
        else:
            colour = QColor(state.response.colour)
        row.setForeground(QBrush(colour))

    # --- the cursor ---------------------------------------------------------------------

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def select_key(self, key: str | None) -> None:
        row = self._rows.get(key) if key else None
        if row is not None:
            self.setCurrentItem(row)
            self.scrollToItem(row)

    def key_after(self, key: str) -> str | None:
        index = self._keys.index(key)
        return self._keys[index + 1] if index + 1 < len(self._keys) else None

    def keys_from(self, key: str | None) -> list[str]:
        """Every key, starting after ``key`` and wrapping round to it."""
        if key is None or key not in self._keys:
            return list(self._keys)
        index = self._keys.index(key) + 1
        return self._keys[index:] + self._keys[:index]
