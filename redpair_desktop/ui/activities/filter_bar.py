"""The activity list's filters: the type, the pairing, and a search line matching the title or
the place (also by pinyin). ``changed`` carries the filter as a whole."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from redpair_desktop.domain.activities.codes import ActivityType
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.activities.table_model import ActivityFilter


class ActivityFilterBar(QWidget):
    changed = Signal(object)  # the ActivityFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._types: list[ActivityType | None] = [None, *ActivityType]  # by position
        self.type = QComboBox(objectName="activityTypeFilter")
        self.type.addItems([_("全部类型"), *(label(kind) for kind in ActivityType)])
        self._pairings: list[uuid.UUID | None] = [None]
        self.pairing = QComboBox(objectName="activityPairingFilter")
        self.pairing.addItem(_("全部结对"))
        self.search = QLineEdit(objectName="activitySearch")
        self.search.setPlaceholderText(_("搜索标题、地点或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.type)
        layout.addWidget(self.pairing, 1)
        layout.addWidget(self.search, 1)
        self.type.currentIndexChanged.connect(self._emit)
        self.pairing.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(self._emit)

    def set_pairings(self, pairings: Iterable[tuple[uuid.UUID, str]]) -> None:
        """The pairings the activities belong to; the chosen one stays chosen."""
        chosen = self._pairings[max(self.pairing.currentIndex(), 0)]
        known = sorted(dict(pairings).items(), key=lambda item: item[1])
        self.pairing.blockSignals(True)
        self.pairing.clear()
        self.pairing.addItem(_("全部结对"))
        self.pairing.addItems([text for _id, text in known])
        self._pairings = [None, *(pairing_id for pairing_id, _text in known)]
        at = self._pairings.index(chosen) if chosen in self._pairings else 0
        self.pairing.setCurrentIndex(at)
        self.pairing.blockSignals(False)

    def current(self) -> ActivityFilter:
        return ActivityFilter(
            type=self._types[max(self.type.currentIndex(), 0)],
            pairing_id=self._pairings[max(self.pairing.currentIndex(), 0)],
            text=self.search.text().strip(),
        )

    def _emit(self) -> None:
        self.changed.emit(self.current())
