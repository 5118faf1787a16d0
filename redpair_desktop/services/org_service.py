"""The organisation tree and Party branches."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.models import Branch, OrgUnit, Person
from redpair_desktop.domain.branch_rules import is_valid_seal_name
from redpair_desktop.domain.enums import BranchKind, UnitKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.roster_service import RosterCounts, roster_counts


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


@dataclass(frozen=True)
class OrgTree:
    """Units in tree order (parents before children) and the branches hanging off them."""

    units: list[UnitNode]
    branches: list[BranchItem]

    @property
    def is_empty(self) -> bool:
        return not self.units


@dataclass(frozen=True)
class BranchSummary:
    id: uuid.UUID
    seal_name: str
    short_name: str
    kind: BranchKind
    unit_name: str
    unit_description: str | None
    secretary_name: str | None
    goal: str | None
    counts: RosterCounts


def load_org_tree(db: Database) -> OrgTree:
    with db.read() as session:
        unit_rows = session.execute(
            select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.name, OrgUnit.kind)
            .where(OrgUnit.deleted_at.is_(None))
            .order_by(OrgUnit.sort_order, OrgUnit.name)
        ).all()
        branch_rows = session.execute(
            select(Branch.id, Branch.unit_id, Branch.short_name, Branch.kind)
            .where(Branch.deleted_at.is_(None))
            .order_by(Branch.short_name)
        ).all()
    units = _parents_first(
        [UnitNode(r.id, r.parent_id, r.name, UnitKind(r.kind)) for r in unit_rows]
    )
    branches = [BranchItem(r.id, r.unit_id, r.short_name, BranchKind(r.kind)) for r in branch_rows]
    return OrgTree(units=units, branches=branches)


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


def branch_summary(db: Database, branch_id: uuid.UUID) -> BranchSummary:
    with db.read() as session:
        branch = session.get(Branch, branch_id)
        if branch is None or branch.deleted_at is not None:
            raise UserError(_("找不到该党支部，它可能已被撤销。"))
        secretary = session.get(Person, branch.secretary_id) if branch.secretary_id else None
        return BranchSummary(
            id=branch.id,
            seal_name=branch.seal_name,
            short_name=branch.short_name,
            kind=BranchKind(branch.kind),
            unit_name=branch.unit.name,
            unit_description=branch.unit.description,
            secretary_name=secretary.name if secretary else None,
            goal=branch.goal,
            counts=roster_counts(session, branch.id),
        )


def find_branch(session: Session, name: str) -> Branch | None:
    """A live branch by its full seal name or its short name."""
    return session.scalars(
        select(Branch).where(
            Branch.deleted_at.is_(None),
            (Branch.seal_name == name) | (Branch.short_name == name),
        )
    ).first()


def add_unit(
    session: Session,
    *,
    name: str,
    kind: UnitKind,
    parent: OrgUnit | None = None,
    sort_order: int = 0,
    description: str | None = None,
) -> OrgUnit:
    unit = OrgUnit(
        name=name, kind=str(kind), parent=parent, sort_order=sort_order, description=description
    )
    session.add(unit)
    return unit


def add_branch(
    session: Session,
    *,
    seal_name: str,
    short_name: str,
    kind: BranchKind,
    unit: OrgUnit,
    goal: str | None = None,
) -> Branch:
    """Add a branch inside an open write session, refusing a malformed or duplicate name."""
    if not is_valid_seal_name(seal_name):
        raise UserError(
            _(
                "党支部全称“{name}”不规范：应以“中共”开头、以“支部委员会”或“委员会”结尾。",
                name=seal_name,
            )
        )
    if find_branch(session, seal_name) or find_branch(session, short_name):
        raise UserError(_("已有同名党支部“{name}”。", name=short_name))
    branch = Branch(
        seal_name=seal_name, short_name=short_name, kind=str(kind), unit=unit, goal=goal
    )
    session.add(branch)
    return branch


def create_company(db: Database, name: str) -> uuid.UUID:
    """Start an empty database with its top unit (the first-run page's “start empty”)."""
    name = name.strip()
    if not name:
        raise UserError(_("请填写公司名称。"))
    with db.write() as session:
        if session.scalar(select(OrgUnit.id).where(OrgUnit.parent_id.is_(None)).limit(1)):
            raise UserError(_("数据库中已有单位，不能再创建顶层公司。"))
        unit = add_unit(session, name=name, kind=UnitKind.COMPANY)
        session.flush()
        return unit.id
