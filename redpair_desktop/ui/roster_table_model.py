"""The roster as a Qt table model over a ``RosterSnapshot``: only indices move.

Search, column filters and sorting work on the snapshot's column lists and a cached sort order
per column, never through a proxy model over every row, so 100,000 people filter in
milliseconds. The model shows the rows in ``visible`` (snapshot indices).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from redpair_desktop.domain.enums import MemberCategory, MemberStatus
from redpair_desktop.domain.roster_fields import CATEGORY_HEADERS, ROSTER_FIELDS, STATUS_HEADERS
from redpair_desktop.i18n import _

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.roster_query import RosterSnapshot

COLUMNS = ROSTER_FIELDS
LAST = "\U0010ffff"  # empty values sort last
STAFF, PARTY, SUPPLY = 1, 2, 4
PARTY_LABELS = {CATEGORY_HEADERS[c] for c in MemberCategory if c.is_party_member}
INACTIVE_LABEL = STATUS_HEADERS[MemberStatus.INACTIVE]
Index = QModelIndex | QPersistentModelIndex


class RosterTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.snapshot: RosterSnapshot | None = None
        self.visible: list[int] = []
        self._search = ""
        self._column_filter: tuple[int | None, str] = (None, "")
        self._sort: tuple[int | None, Qt.SortOrder] = (None, Qt.SortOrder.AscendingOrder)
        self._orders: dict[int, list[int]] = {}
        self._flags: list[int] = []
        self._yes, self._no = _("是"), _("否")

    # --- data in --------------------------------------------------------------------------

    def set_snapshot(self, snapshot: RosterSnapshot) -> None:
        self.snapshot = snapshot
        self._orders.clear()
        self._flags = _row_flags(snapshot)
        self._refresh()

    def set_search(self, text: str) -> None:
        self._search = text.strip().lower()
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
        flags = Counter(map(self._flags.__getitem__, self.visible))
        staff = sum(n for f, n in flags.items() if f & STAFF)
        party = sum(n for f, n in flags.items() if f & STAFF and f & PARTY)
        supply = sum(n for f, n in flags.items() if f & STAFF and f & SUPPLY)
        return len(self.visible), staff, party, supply

    # --- filtering and sorting ------------------------------------------------------------

    def _refresh(self) -> None:
        self.beginResetModel()
        self.visible = self._filtered(self._ordered()) if self.snapshot else []
        self.endResetModel()

    def _ordered(self) -> list[int]:
        column, order = self._sort
        if column is None:
            return list(range(len(self.snapshot)))
        if column not in self._orders:
            self._orders[column] = _sort_order(self.snapshot, COLUMNS[column].key)
        ascending = self._orders[column]
        return ascending if order == Qt.SortOrder.AscendingOrder else ascending[::-1]

    def _filtered(self, rows: list[int]) -> list[int]:
        if self._search:
            keys, text = self.snapshot.search_keys, self._search
            rows = [i for i in rows if text in keys[i]]
        column, text = self._column_filter
        if column is not None and text:
            key = COLUMNS[column].key
            rows = [i for i in rows if text in self.display_value(i, key).lower()]
        return rows


def _sort_order(snapshot: RosterSnapshot, key: str) -> list[int]:
    if key == "name":
        keys = snapshot.name_sort_keys
    elif key == "branch":
        keys = snapshot.branch_short_names
    else:
        keys = [LAST if v is None else str(v) for v in snapshot.columns[key]]
    return sorted(range(len(keys)), key=keys.__getitem__)


def _row_flags(snapshot: RosterSnapshot) -> list[int]:
    categories, statuses = snapshot.columns["category"], snapshot.columns["status"]
    supply = snapshot.columns["supply_service"]
    return [
        (STAFF if statuses[i] != INACTIVE_LABEL else 0)
        | (PARTY if categories[i] in PARTY_LABELS else 0)
        | (SUPPLY if supply[i] and categories[i] in PARTY_LABELS else 0)
        for i in range(len(categories))
    ]
