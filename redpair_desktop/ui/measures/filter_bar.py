"""The measures board's filters: the status, the station, a search line (措施, 问题 or a branch)
and 只看逾期 — the same set as ``measure list --overdue``. ``changed`` carries the filter."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from redpair_desktop.domain.labels import label
from redpair_desktop.domain.measures.codes import MeasureStatus
from redpair_desktop.i18n import _
from redpair_desktop.ui.measures.table_models import MeasureFilter


class MeasureFilterBar(QWidget):
    changed = Signal(object)  # the MeasureFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox(objectName="measureStatusFilter")
        self.status.addItem(_("全部状态"), None)
        for status in MeasureStatus:
            self.status.addItem(label(status), status)
        self.station = QComboBox(objectName="measureStationFilter")
        self.station.addItem(_("全部供电所"), None)
        self.search = QLineEdit(objectName="measureSearch")
        self.search.setPlaceholderText(_("搜索措施、问题或党支部"))
        self.search.setClearButtonEnabled(True)
        self.overdue = QCheckBox(_("只看逾期"), objectName="measureOverdueOnly")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.station)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.overdue)
        self.status.currentIndexChanged.connect(self._emit)
        self.station.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(self._emit)
        self.overdue.toggled.connect(self._emit)

    def set_stations(self, stations: Iterable[tuple[uuid.UUID, str]]) -> None:
        """The stations the measures are for; the chosen one stays chosen."""
        chosen = self.station.currentData()  # findData cannot match a UUID: by position
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItem(_("全部供电所"), None)
        known = sorted(dict(stations).items(), key=lambda item: item[1])
        for station_id, name in known:
            self.station.addItem(name, station_id)
        ids = [None, *(station_id for station_id, _name in known)]
        self.station.setCurrentIndex(ids.index(chosen) if chosen in ids else 0)
        self.station.blockSignals(False)

    def current(self) -> MeasureFilter:
        status = self.status.currentData()  # a StrEnum comes back from Qt as its str
        return MeasureFilter(
            status=MeasureStatus(status) if status else None,
            station=self.station.currentData(),
            text=self.search.text(),
            overdue_only=self.overdue.isChecked(),
        )

    def _emit(self) -> None:
        self.changed.emit(self.current())
