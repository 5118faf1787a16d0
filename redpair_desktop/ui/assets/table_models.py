"""The tables of the 线路巡视 tab and the patrol window: the lines (station, poles, 公变/专变),
a line's patrols (date, patroller, status, defects) and every asset of a patrol (杆号, name,
kind and capacity, 正常 or the defects in red), the last filtered to 只看缺陷 on request."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from redpair_desktop.domain.assets.codes import AssetState
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import N_, _, join_items
from redpair_desktop.ui.widgets.row_table import Index, R, RowTableModel

if TYPE_CHECKING:
    from redpair_desktop.services.assets.listing import LineRow, PatrolRow
    from redpair_desktop.services.assets.patrols import PatrolAsset

DEFECT_COLOUR = QColor("#c62828")


class LineColumn(IntEnum):
    LINE = 0
    STATION = 1
    SERVES = 2
    POLES = 3
    PUBLIC = 4
    DEDICATED = 5


class PatrolColumn(IntEnum):
    DATE = 0
    PATROLLER = 1
    STATUS = 2
    DEFECTS = 3


class AssetColumn(IntEnum):
    NUMBER = 0
    NAME = 1
    KIND = 2
    STATE = 3
    DEFECTS = 4


LINE_HEADERS = {
    LineColumn.LINE: N_("线路"),
    LineColumn.STATION: N_("管护供电所"),
    LineColumn.SERVES: N_("供电区域"),
    LineColumn.POLES: N_("杆塔（基）"),
    LineColumn.PUBLIC: N_("公变（台）"),
    LineColumn.DEDICATED: N_("专变（台）"),
}
PATROL_HEADERS = {
    PatrolColumn.DATE: N_("巡视日期"),
    PatrolColumn.PATROLLER: N_("巡视人"),
    PatrolColumn.STATUS: N_("状态"),
    PatrolColumn.DEFECTS: N_("缺陷（处）"),
}
ASSET_HEADERS = {AssetColumn.NUMBER: N_("杆号/编号"), AssetColumn.NAME: N_("设备"),
                 AssetColumn.KIND: N_("类型"), AssetColumn.STATE: N_("状态"),
                 AssetColumn.DEFECTS: N_("缺陷与说明")}  # fmt: skip
LINE_CELLS: dict[LineColumn, Callable[[LineRow], Any]] = {
    LineColumn.LINE: lambda row: row.name,
    LineColumn.STATION: lambda row: row.station,
    LineColumn.SERVES: lambda row: row.serves,
    LineColumn.POLES: lambda row: row.poles,
    LineColumn.PUBLIC: lambda row: row.public_transformers,
    LineColumn.DEDICATED: lambda row: row.dedicated_transformers,
}
PATROL_CELLS: dict[PatrolColumn, Callable[[PatrolRow], Any]] = {
    PatrolColumn.DATE: lambda row: row.patrolled_on.isoformat(),
    PatrolColumn.PATROLLER: lambda row: row.patroller,
    PatrolColumn.STATUS: lambda row: label(row.status),
    PatrolColumn.DEFECTS: lambda row: row.defects,
}


def kind_text(asset: PatrolAsset) -> str:
    kind = label(asset.kind)
    return f"{kind} {asset.capacity_kva} kVA" if asset.capacity_kva else kind


def defects_text(asset: PatrolAsset) -> str:
    """``鸟窝：横担处有鸟窝、拉线松弛``."""
    return join_items(
        _("{type}：{note}", type=label(d.type), note=d.note) if d.note else label(d.type)
        for d in asset.defects
    )


ASSET_CELLS: dict[AssetColumn, Callable[[PatrolAsset], Any]] = {
    AssetColumn.NUMBER: lambda asset: asset.number,
    AssetColumn.NAME: lambda asset: asset.name,
    AssetColumn.KIND: kind_text,
    AssetColumn.STATE: lambda asset: label(asset.state),
    AssetColumn.DEFECTS: defects_text,
}


class PlainTableModel(RowTableModel[R]):
    """Rows shown as they come, each cell from its column's function."""

    def __init__(self, columns: type[IntEnum], headers: dict, cells: dict, parent: Any = None):
        super().__init__(columns, headers, parent)
        self._cells = cells

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.shown_row(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[self._columns(index.column())](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(
            self._cells[self._columns(index.column())](row), int
        ):
            return Qt.AlignmentFlag.AlignCenter
        return None


def line_model(parent: Any = None) -> PlainTableModel[LineRow]:
    return PlainTableModel(LineColumn, LINE_HEADERS, LINE_CELLS, parent)


def patrol_list_model(parent: Any = None) -> PlainTableModel[PatrolRow]:
    return PlainTableModel(PatrolColumn, PATROL_HEADERS, PATROL_CELLS, parent)


class AssetTableModel(PlainTableModel["PatrolAsset"]):
    """Every asset of the patrol, or only those with a defect; defects in red."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(AssetColumn, ASSET_HEADERS, ASSET_CELLS, parent)
        self._all: list[PatrolAsset] = []
        self.defects_only = False

    def set_assets(self, assets: Sequence[PatrolAsset]) -> None:
        self._all = list(assets)
        self._refilter()

    def set_defects_only(self, defects_only: bool) -> None:
        self.defects_only = defects_only
        self._refilter()

    def all_assets(self) -> list[PatrolAsset]:
        return list(self._all)

    def _refilter(self) -> None:
        shown = [a for a in self._all if not self.defects_only or a.state is AssetState.DEFECT]
        self.set_rows(shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        asset = self.shown_row(index)
        if role == Qt.ItemDataRole.ForegroundRole and asset is not None:
            return DEFECT_COLOUR if asset.state is AssetState.DEFECT else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == AssetColumn.NUMBER:
            return Qt.AlignmentFlag.AlignCenter
        return super().data(index, role)
