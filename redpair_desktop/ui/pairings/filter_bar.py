"""The registry's filters: status (or a flag), partner type, start year, and a search line that
matches branch names and their pinyin. ``changed`` carries the filter as a whole."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from redpair_desktop.domain.enums import PairingStatus
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.pairings.filters import PairingFilter
from redpair_desktop.domain.pairings.labels import flag_label, partner_type_label
from redpair_desktop.domain.pairings.rules import PairingFlag, PartnerType
from redpair_desktop.i18n import _


class PairingFilterBar(QWidget):
    changed = Signal(object)  # the PairingFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Choices by position: Qt would hand a StrEnum back as a plain str.
        self._statuses: list[PairingStatus | PairingFlag | None] = [
            None,
            *PairingStatus,
            *PairingFlag,
        ]
        self.status = QComboBox(objectName="pairingStatusFilter")
        self.status.addItems([_choice_label(choice) for choice in self._statuses])
        self._partners: list[PartnerType | None] = [None, *PartnerType]
        self.partner = QComboBox(objectName="pairingPartnerFilter")
        self.partner.addItem(_("全部牵头方"))
        self.partner.addItems([partner_type_label(partner) for partner in PartnerType])
        self.year = QComboBox(objectName="pairingYearFilter")
        self.year.addItem(_("全部年度"), None)
        self.search = QLineEdit(objectName="pairingSearch")
        self.search.setPlaceholderText(_("搜索党支部名称或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status, self.partner, self.year):
            layout.addWidget(widget)
            widget.currentIndexChanged.connect(self._emit)
        layout.addWidget(self.search, 1)
        self.search.textChanged.connect(self._emit)

    def set_years(self, years: Iterable[int]) -> None:
        """Offer the years the registry holds, keeping the chosen one if it is still there."""
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(_("全部年度"), None)
        for year in sorted(set(years), reverse=True):
            self.year.addItem(_("{year} 年", year=year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)

    def current(self) -> PairingFilter:
        choice = self._statuses[self.status.currentIndex()]
        return PairingFilter(
            status=choice if isinstance(choice, PairingStatus) else None,
            flag=choice if isinstance(choice, PairingFlag) else None,
            partner_type=self._partners[self.partner.currentIndex()],
            year=self.year.currentData(),
            text=self.search.text(),
        )

    def _emit(self) -> None:
        self.changed.emit(self.current())


def _choice_label(choice: PairingStatus | PairingFlag | None) -> str:
    if choice is None:
        return _("全部状态")
    return label(choice) if isinstance(choice, PairingStatus) else flag_label(choice)
