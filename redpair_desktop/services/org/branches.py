"""The organisation tree and Party branches."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch, OrgUnit
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.db.rosters.models import Person
from redpair_desktop.domain.enums import BranchKind, PairingStatus, UnitKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.org.rules import is_valid_seal_name
from redpair_desktop.domain.pairings.rules import status_on
from redpair_desktop.i18n import _
from redpair_desktop.services.org.tree import BRANCHES_SQL, UNITS_SQL, OrgTree, tree_from_rows
from redpair_desktop.services.rosters.members import RosterCounts, roster_counts


@dataclass(frozen=True)
class PairingPartner:
    """The branch on the other side of one of this branch's pairings."""

    name: str  # the partner's short name
    partner_leads: bool  # True when the partner is the lead branch (this one is the station)
    started_on: date
    ended_on: date | None
    status: PairingStatus  # as of today


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
    partners: tuple[PairingPartner, ...]


def load_org_tree(db: Database) -> OrgTree:
    with db.read() as session:
        units = session.execute(text(UNITS_SQL)).all()
        branches = session.execute(text(BRANCHES_SQL)).all()
    return tree_from_rows(units, branches)


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
            partners=pairing_partners(session, branch.id, date.today()),
        )


def pairing_partners(
    session: Session, branch_id: uuid.UUID, today: date
) -> tuple[PairingPartner, ...]:
    """The live pairings of a branch, newest first, each seen from this branch's side."""
    pairings = session.scalars(
        select(Pairing)
        .where(
            Pairing.deleted_at.is_(None),
            or_(Pairing.lead_branch_id == branch_id, Pairing.station_branch_id == branch_id),
        )
        .order_by(Pairing.started_on.desc())
    )
    return tuple(_partner(pairing, branch_id, today) for pairing in pairings)


def _partner(pairing: Pairing, branch_id: uuid.UUID, today: date) -> PairingPartner:
    partner_leads = pairing.station_branch_id == branch_id
    partner = pairing.lead_branch if partner_leads else pairing.station_branch
    return PairingPartner(
        name=partner.short_name,
        partner_leads=partner_leads,
        started_on=pairing.started_on,
        ended_on=pairing.ended_on,
        status=status_on(
            PairingStatus(pairing.status), pairing.started_on, pairing.ended_on, today
        ),
    )


def branch_seal_names(db: Database) -> list[str]:
    """Every live branch's seal name, in name order (for drop-down lists)."""
    with db.read() as session:
        return list(
            session.scalars(
                select(Branch.seal_name)
                .where(Branch.deleted_at.is_(None))
                .order_by(Branch.seal_name)
            )
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
