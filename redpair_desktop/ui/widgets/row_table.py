"""A table model over plain rows, one record a row: the columns are an ``IntEnum`` with a
translatable header each. Subclasses keep their own filters and say what a cell holds in
``data``; the row bookkeeping and the headers are here once."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from enum import IntEnum
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from redpair_desktop.i18n import _

Index = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> uuid.UUID: ...


R = TypeVar("R", bound=HasId)


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self, columns: type[IntEnum], headers: Mapping[Any, str], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._columns, self._headers = columns, headers
        self._rows: list[R] = []

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, row_id: uuid.UUID) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == row_id), None)

    def shown_row(self, index: Index) -> R | None:
        """The row ``index`` points at, None for an index outside the rows."""
        valid = index.isValid() and 0 <= index.row() < len(self._rows)
        return self._rows[index.row()] if valid else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation is Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return _(self._headers[self._columns(section)])
        return None
