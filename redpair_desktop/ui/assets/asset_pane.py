"""The patrol window's side pane for the selected asset: the photos of its defects in this
patrol (thumbnails read on the worker) and its history across every patrol of the line (date,
patroller, state, defects), newest first."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.assets.codes import AssetState
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.assets.table_models import DEFECT_COLOUR

if TYPE_CHECKING:
    from redpair_desktop.services.assets.patrols import HistoryEntry, PatrolAsset

THUMBNAIL = QSize(120, 90)


class AssetPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assetPane")
        self.asset_id: uuid.UUID | None = None
        self.title = QLabel(objectName="assetTitle", wordWrap=True)
        self.photos = QListWidget(objectName="defectPhotos")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(THUMBNAIL)
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(True)
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setMaximumHeight(THUMBNAIL.height() + 44)
        self.history = QTreeWidget(objectName="assetHistory")
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([_("巡视日期"), _("巡视人"), _("状态"), _("缺陷")])
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(QLabel(_("缺陷照片")))
        layout.addWidget(self.photos)
        layout.addWidget(QLabel(_("历次巡视")))
        layout.addWidget(self.history, 1)
        self.show_asset(None, {})

    def show_asset(self, asset: PatrolAsset | None, thumbnails: dict[uuid.UUID, bytes]) -> None:
        """The asset's photos now; its history follows with ``show_history``."""
        changed = (asset.asset_id if asset else None) != self.asset_id
        self.asset_id = asset.asset_id if asset else None
        self.title.setText(asset.name if asset else _("请选择一基杆塔或一台变压器。"))
        self.photos.clear()
        for defect in asset.defects if asset else ():
            data = thumbnails.get(defect.id)
            if data is not None:
                pixmap = QPixmap()
                pixmap.loadFromData(data)
                self.photos.addItem(QListWidgetItem(QIcon(pixmap), label(defect.type)))
        if changed:
            self.history.clear()

    def show_history(self, asset_id: uuid.UUID, entries: list[HistoryEntry]) -> None:
        if asset_id != self.asset_id:
            return  # another asset was selected meanwhile
        self.history.clear()
        for entry in entries:
            defects = _("、").join(
                f"{label(d.type)}（{d.note}）" if d.note else label(d.type) for d in entry.defects
            )
            item = QTreeWidgetItem([entry.patrolled_on.isoformat(), entry.patroller,
                                    label(entry.state), defects])  # fmt: skip
            if entry.state is AssetState.DEFECT:
                for column in (2, 3):
                    item.setForeground(column, QColor(DEFECT_COLOUR))
            self.history.addTopLevelItem(item)
