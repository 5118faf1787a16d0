"""The organisation tree as plain data, read with one SQL text for every way in.

``org_service.load_org_tree`` runs the statements through SQLAlchemy (SQLite or PostgreSQL);
``peek_org_tree`` runs them on the SQLite file directly, so the window can show the tree before
SQLAlchemy is imported. Both build the tree with ``tree_from_rows``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from redpair_desktop.db.sqlite_peek import peek_rows
from redpair_desktop.domain.enums import BranchKind, UnitKind

UNITS_SQL = (
    "SELECT id, parent_id, name, kind FROM org_unit WHERE deleted_at IS NULL "
    "ORDER BY sort_order, name"
)
BRANCHES_SQL = (
    "SELECT id, unit_id, short_name, kind, seal_name FROM party_branch WHERE deleted_at IS NULL "
    "ORDER BY short_name"
)


@dataclass(frozen=True)
class UnitNode:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    kind: UnitKind


@dataclass(frozen=True)
class BranchItem:
    id: uuid.UUID
    unit_id: uuid.UUID
    short_name: str
    kind: BranchKind
    seal_name: str


@dataclass(frozen=True)
class OrgTree:
    """Units in tree order (parents before children) and the branches hanging off them."""

    units: list[UnitNode]
    branches: list[BranchItem]

    @property
    def is_empty(self) -> bool:
        return not self.units


def _as_uuid(value: object) -> uuid.UUID:
    """SQLite keeps UUIDs as 32 hex characters, PostgreSQL as native uuids."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def tree_from_rows(unit_rows: Iterable[tuple], branch_rows: Iterable[tuple]) -> OrgTree:
    units = [
        UnitNode(_as_uuid(i), _as_uuid(p) if p else None, name, UnitKind(kind))
        for i, p, name, kind in unit_rows
    ]
    branches = [
        BranchItem(_as_uuid(i), _as_uuid(u), name, BranchKind(kind), seal)
        for i, u, name, kind, seal in branch_rows
    ]
    return OrgTree(units=_parents_first(units), branches=branches)


def _parents_first(units: list[UnitNode]) -> list[UnitNode]:
    children: dict[uuid.UUID | None, list[UnitNode]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    known = {unit.id for unit in units}
    ordered: list[UnitNode] = []
    stack = [u for u in units if u.parent_id is None or u.parent_id not in known][::-1]
    while stack:
        unit = stack.pop()
        ordered.append(unit)
        stack.extend(reversed(children.get(unit.id, [])))
    return ordered


def peek_org_tree(database_path: Path) -> OrgTree | None:
    """The tree straight from an up-to-date SQLite file, or None (then open it fully)."""
    rows = peek_rows(database_path, [UNITS_SQL, BRANCHES_SQL])
    return None if rows is None else tree_from_rows(*rows)
