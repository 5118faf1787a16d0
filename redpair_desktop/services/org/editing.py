"""Editing the organisation tree: units and Party branches added, renamed, moved and retired.

Each function owns its transaction; the write session stamps the rows and appends the change
log. Retiring is a soft delete (``deleted_at``), refused while anything still depends on the row.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch, OrgUnit
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.db.rosters.models import Membership
from redpair_desktop.domain.enums import BranchKind, PairingStatus, UnitKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.org.rules import is_valid_seal_name
from redpair_desktop.domain.pairings.rules import OPEN_STATUSES, status_on
from redpair_desktop.i18n import _
from redpair_desktop.services.org.branches import add_branch, add_unit

MAX_UNIT_NAME = 128
MAX_SEAL_NAME = 128
MAX_SHORT_NAME = 64


# --- units --------------------------------------------------------------------------------


def create_unit(db: Database, parent_id: uuid.UUID, name: str, kind: UnitKind) -> uuid.UUID:
    name = _unit_name(name)
    if UnitKind(kind) is UnitKind.COMPANY:
        raise UserError(_("只能有一个顶层公司；新单位请选择其他类型。"))
    with db.write() as session:
        parent = _target_unit(session, parent_id)
        last = session.scalar(
            select(func.max(OrgUnit.sort_order)).where(OrgUnit.parent_id == parent.id)
        )
        unit = add_unit(session, name=name, kind=kind, parent=parent, sort_order=(last or 0) + 1)
        session.flush()
        return unit.id


def rename_unit(db: Database, unit_id: uuid.UUID, name: str) -> None:
    name = _unit_name(name)
    with db.write() as session:
        _live_unit(session, unit_id).name = name


def move_unit(db: Database, unit_id: uuid.UUID, new_parent_id: uuid.UUID) -> None:
    with db.write() as session:
        unit = _live_unit(session, unit_id)
        if unit.parent_id is None:
            raise UserError(_("不能移动顶层公司“{name}”。", name=unit.name))
        parent = _target_unit(session, new_parent_id)
        ancestor: OrgUnit | None = parent
        while ancestor is not None:
            if ancestor.id == unit.id:
                raise UserError(_("不能把“{name}”移到它自己或它的下级单位之下。", name=unit.name))
            ancestor = ancestor.parent
        unit.parent = parent


def retire_unit(db: Database, unit_id: uuid.UUID) -> None:
    with db.write() as session:
        unit = _live_unit(session, unit_id)
        if unit.parent_id is None:
            raise UserError(_("不能撤销顶层公司“{name}”。", name=unit.name))
        units = session.scalar(
            select(func.count(OrgUnit.id)).where(
                OrgUnit.parent_id == unit.id, OrgUnit.deleted_at.is_(None)
            )
        )
        branches = session.scalar(
            select(func.count(Branch.id)).where(
                Branch.unit_id == unit.id, Branch.deleted_at.is_(None)
            )
        )
        if units or branches:
            raise UserError(
                _(
                    "“{name}”下还有 {units} 个下级单位、{branches} 个党支部，"
                    "请先将它们移走或撤销，再撤销该单位。",
                    name=unit.name,
                    units=units,
                    branches=branches,
                )
            )
        unit.deleted_at = datetime.now(UTC)


# --- branches -----------------------------------------------------------------------------


def create_branch(
    db: Database, unit_id: uuid.UUID, seal_name: str, short_name: str, kind: BranchKind
) -> uuid.UUID:
    seal_name, short_name = _branch_names(seal_name, short_name)
    with db.write() as session:
        unit = _target_unit(session, unit_id)
        _refuse_name_clashes(session, seal_name, short_name, None)
        branch = add_branch(
            session, seal_name=seal_name, short_name=short_name, kind=BranchKind(kind), unit=unit
        )
        session.flush()
        return branch.id


def rename_branch(db: Database, branch_id: uuid.UUID, seal_name: str, short_name: str) -> None:
    seal_name, short_name = _branch_names(seal_name, short_name)
    if not is_valid_seal_name(seal_name):
        raise UserError(
            _(
                "党支部全称“{name}”不规范：应以“中共”开头、以“支部委员会”或“委员会”结尾。",
                name=seal_name,
            )
        )
    with db.write() as session:
        branch = live_branch(session, branch_id)
        _refuse_name_clashes(session, seal_name, short_name, branch.id)
        branch.seal_name, branch.short_name = seal_name, short_name


def move_branch(db: Database, branch_id: uuid.UUID, unit_id: uuid.UUID) -> None:
    with db.write() as session:
        branch = live_branch(session, branch_id)
        branch.unit = _target_unit(session, unit_id)


def retire_branch(db: Database, branch_id: uuid.UUID) -> None:
    with db.write() as session:
        branch = live_branch(session, branch_id)
        members = session.scalar(
            select(func.count(Membership.id)).where(
                Membership.branch_id == branch.id,
                Membership.ended_on.is_(None),
                Membership.deleted_at.is_(None),
            )
        )
        if members:
            raise UserError(
                _(
                    "“{name}”的花名册上还有 {count} 人，请先将他们转出或移除，再撤销该党支部。",
                    name=branch.short_name,
                    count=members,
                )
            )
        _refuse_open_pairing(session, branch)
        branch.deleted_at = datetime.now(UTC)


# --- helpers ------------------------------------------------------------------------------


def _live_unit(session: Session, unit_id: uuid.UUID) -> OrgUnit:
    unit = session.get(OrgUnit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise UserError(_("找不到该单位，它可能已被撤销。"))
    return unit


def _target_unit(session: Session, unit_id: uuid.UUID) -> OrgUnit:
    unit = session.get(OrgUnit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise UserError(_("找不到目标单位，它可能已被撤销。"))
    return unit


def live_branch(session: Session, branch_id: uuid.UUID) -> Branch:
    branch = session.get(Branch, branch_id)
    if branch is None or branch.deleted_at is not None:
        raise UserError(_("找不到该党支部，它可能已被撤销。"))
    return branch


def _unit_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise UserError(_("请填写单位名称。"))
    if len(name) > MAX_UNIT_NAME:
        raise UserError(_("单位名称不能超过 {limit} 个字。", limit=MAX_UNIT_NAME))
    return name


def _branch_names(seal_name: str, short_name: str) -> tuple[str, str]:
    seal_name, short_name = seal_name.strip(), short_name.strip()
    if not seal_name:
        raise UserError(_("请填写党支部全称。"))
    if not short_name:
        raise UserError(_("请填写党支部简称。"))
    if len(seal_name) > MAX_SEAL_NAME:
        raise UserError(_("党支部全称不能超过 {limit} 个字。", limit=MAX_SEAL_NAME))
    if len(short_name) > MAX_SHORT_NAME:
        raise UserError(_("党支部简称不能超过 {limit} 个字。", limit=MAX_SHORT_NAME))
    return seal_name, short_name


def _refuse_name_clashes(
    session: Session, seal_name: str, short_name: str, own_id: uuid.UUID | None
) -> None:
    """Both names unique among the other live branches (either name of theirs)."""
    seal_owner = _branch_named(session, seal_name, own_id)
    if seal_owner is not None:
        raise UserError(
            _("全称“{name}”已被“{other}”使用。", name=seal_name, other=seal_owner.short_name)
        )
    short_owner = _branch_named(session, short_name, own_id)
    if short_owner is not None:
        raise UserError(
            _("简称“{name}”已被“{other}”使用。", name=short_name, other=short_owner.seal_name)
        )


def _branch_named(session: Session, name: str, own_id: uuid.UUID | None) -> Branch | None:
    query = select(Branch).where(
        Branch.deleted_at.is_(None), (Branch.seal_name == name) | (Branch.short_name == name)
    )
    if own_id is not None:
        query = query.where(Branch.id != own_id)
    return session.scalars(query).first()


def _refuse_open_pairing(session: Session, branch: Branch) -> None:
    pairings = session.scalars(
        select(Pairing).where(
            Pairing.deleted_at.is_(None),
            or_(Pairing.lead_branch_id == branch.id, Pairing.station_branch_id == branch.id),
        )
    )
    today = date.today()
    for pairing in pairings:
        status = status_on(
            PairingStatus(pairing.status), pairing.started_on, pairing.ended_on, today
        )
        if status in OPEN_STATUSES:
            is_lead = pairing.lead_branch_id == branch.id
            partner = pairing.station_branch if is_lead else pairing.lead_branch
            raise UserError(
                _(
                    "“{name}”与“{partner}”的结对仍在进行（{status}），不能撤销该党支部；"
                    "请先终止该结对。",
                    name=branch.short_name,
                    partner=partner.short_name,
                    status=label(status),
                )
            )
