"""The roster as a Qt table model over a ``RosterSnapshot``: only indices move.

Search, column filters and sorting work on the snapshot's column lists and a cached sort order
per column, never through a proxy model over every row, so 100,000 people filter in
milliseconds. The model shows the rows in ``visible`` (snapshot indices).
"""

from __future__ import annotations

import operator
from array import array
from itertools import compress, repeat
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from redpair_desktop.domain.rosters.fields import ROSTER_FIELDS
from redpair_desktop.i18n import _
from redpair_desktop.services.rosters.search import count_flags, matching, search_text

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from collections.abc import Sequence

    from redpair_desktop.services.rosters.query import RosterSnapshot

COLUMNS = ROSTER_FIELDS
NAME_COLUMN = [f.key for f in COLUMNS].index("name")
LAST = "\U0010ffff"  # empty values sort last
HEADER_PADDING = 36  # the section's margins and the sort indicator
VALUE_DIGITS = {"name": 8, "birth_date": 12, "joined_on": 12, "confirmed_on": 12,
                "id_number": 20, "education": 12, "employer": 18, "position": 10,
                "phone": 13, "branch": 14}  # fmt: skip
DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
Index = QModelIndex | QPersistentModelIndex


class RosterTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.snapshot: RosterSnapshot | None = None
        self.visible: Sequence[int] = []  # an order (array) or a filtered list of it
        self._search = ""
        self._column_filter: tuple[int | None, str] = (None, "")
        self._sort: tuple[int | None, Qt.SortOrder] = (NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self._orders: dict[tuple[int | None, bool], array] = {}
        self._last_search: tuple[str, Sequence[int], list[int]] | None = None  # text, order, result
        self._flags = b""
        self._counted: tuple[Sequence[int] | None, tuple[int, int, int, int]] = (None, (0, 0, 0, 0))
        self._yes, self._no = _("是"), _("否")

    # --- data in --------------------------------------------------------------------------

    def set_snapshot(self, snapshot: RosterSnapshot) -> None:
        self.snapshot = snapshot
        self._orders.clear()
        self._last_search = None
        self._index = snapshot.search_index
        self._flags = snapshot.flags
        self._refresh()

    def set_search(self, text: str) -> None:
        self._search = search_text(text)
        self._refresh()

    def set_column_filter(self, column: int | None, text: str) -> None:
        self._column_filter = (column, text.strip().lower())
        self._refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._refresh()

    # --- what the view asks ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.visible[index.row()]
        return self.display_value(row, COLUMNS[index.column()].key)

    def multiData(self, index: Index, roles: QModelRoleDataSpan) -> None:
        """What the view's delegate asks for: one call a cell, not one per role (~9). Only the
        text is set; every other role keeps Qt's default."""
        if not index.isValid():
            return
        for role_data in roles:
            if role_data.role() == DISPLAY_ROLE:
                row = self.visible[index.row()]
                role_data.setData(self.display_value(row, COLUMNS[index.column()].key))
                return

    def display_value(self, row: int, key: str) -> str:
        snapshot = self.snapshot
        if key == "branch":
            return snapshot.branch_short_names[row]
        value = snapshot.columns[key][row]
        if isinstance(value, bool):
            return self._yes if value else self._no
        if key in ("category", "status", "gender") and value:
            return _(value)
        return "" if value is None else str(value)

    def membership_id(self, row: int) -> str:
        return self.snapshot.membership_ids[self.visible[row]]

    def counts(self) -> tuple[int, int, int, int]:
        """(rows shown, staff, Party members, supply-service members), derived, never typed."""
        if self._counted[0] is not self.visible:
            self._counted = (self.visible, self._count(self.visible))
        return self._counted[1]

    def _count(self, rows: Sequence[int]) -> tuple[int, int, int, int]:
        return count_flags(self._flags, rows)

    # --- filtering and sorting ------------------------------------------------------------

    def _refresh(self) -> None:
        self.beginResetModel()
        self.visible = self._filtered(self._ordered()) if self.snapshot else []
        self.endResetModel()

    def _ordered(self) -> array:
        """All rows in the current sort order; computed once per column and direction."""
        column, order = self._sort
        key = (column, order == Qt.SortOrder.AscendingOrder)
        if key not in self._orders:
            if column is None:
                self._orders[key] = array("l", range(len(self.snapshot)))
            elif (column, not key[1]) in self._orders:
                self._orders[key] = self._orders[(column, not key[1])][::-1]
            else:
                ascending = _sort_order(self.snapshot, COLUMNS[column].key)
                self._orders[key] = ascending if key[1] else ascending[::-1]
        return self._orders[key]

    def _filtered(self, rows: Sequence[int]) -> Sequence[int]:
        if self._search:
            rows = self._searched(rows)
        column, text = self._column_filter
        if column is not None and text:
            key = COLUMNS[column].key
            shown = [self.display_value(i, key).lower() for i in range(len(self.snapshot))]
            rows = matching(rows, shown, text)
        return rows

    def _searched(self, order: Sequence[int]) -> list[int]:
        """Typing on narrows the previous result instead of scanning every row again."""
        text, keys = self._search, self.snapshot.search_keys
        last = self._last_search
        narrow = last is not None and len(last[2]) * 8 <= len(keys)
        if narrow and last[1] is order and text.startswith(last[0]):
            narrowed = last[2]
            hits = map(operator.contains, map(keys.__getitem__, narrowed), repeat(text))
            found = list(compress(narrowed, hits))
        else:
            found = self._index.search(order, text)
        self._last_search = (text, order, found)
        return found


def fit_columns_to_headers(view: QTableView) -> None:
    """Each column as wide as its header's text in this language, sort arrow included, and at
    least as wide as its values need (dates, ID numbers): the header, not 100,000 rows, decides."""
    header = view.horizontalHeader()
    metrics = QFontMetrics(header.font())
    digits = metrics.horizontalAdvance("0")
    for column, roster_field in enumerate(COLUMNS):
        text = metrics.horizontalAdvance(_(roster_field.header)) + HEADER_PADDING
        header.resizeSection(column, max(text, digits * VALUE_DIGITS.get(roster_field.key, 6)))


def _sort_order(snapshot: RosterSnapshot, key: str) -> array:
    """Row indices in ascending order, in an array: filtering reads them in that order, and
    plain machine integers are read far faster than int objects scattered in memory."""
    if key == "name":
        return snapshot.name_order  # by pinyin, computed with the snapshot on the worker
    if key == "branch":
        keys = snapshot.branch_short_names
    else:
        keys = [LAST if v is None else str(v) for v in snapshot.columns[key]]
    return array("l", sorted(range(len(keys)), key=keys.__getitem__))
