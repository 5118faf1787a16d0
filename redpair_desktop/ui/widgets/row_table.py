"""A table model over plain rows, one record a row: the columns are an ``IntEnum`` with a
translatable header each. Subclasses say what a cell holds in ``data``; the row bookkeeping,
the headers and (``FilteredTableModel``) the rows a filter keeps are here once."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
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


class RowFilter(Protocol):
    def accepts(self, row: Any) -> bool: ...


class FilteredTableModel(RowTableModel[R]):
    """Keeps every row it is given and shows those its filter accepts (``accepts`` may look at
    another part of a row, ``arranged`` may sort them)."""

    def __init__(
        self,
        columns: type[IntEnum],
        headers: Mapping[Any, str],
        where: RowFilter,
        parent: Any = None,
    ) -> None:
        super().__init__(columns, headers, parent)
        self._all: list[R] = []
        self._filter = where

    def set_rows(self, rows: Sequence[R]) -> None:
        self._all = list(rows)
        self._refresh()

    def set_filter(self, where: RowFilter) -> None:
        self._filter = where
        self._refresh()

    def all_rows(self) -> list[R]:
        return list(self._all)

    def accepts(self, row: R) -> bool:
        return self._filter.accepts(row)

    def arranged(self, rows: list[R]) -> list[R]:
        return rows

    def _refresh(self) -> None:
        self.beginResetModel()
        self._rows = self.arranged([row for row in self._all if self.accepts(row)])
        self.endResetModel()
