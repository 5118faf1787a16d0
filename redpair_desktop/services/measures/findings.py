"""Findings (问题清单): raised by a failed checklist item when its inspection is completed, by a
patrol defect, or ad hoc; listed per station."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.assets.models import Asset, Patrol, PatrolDefect
from redpair_desktop.db.database import Database
from redpair_desktop.db.measures.models import Finding
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.assets.codes import DefectType
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.measures.codes import FindingCategory, FindingSource
from redpair_desktop.i18n import _

MAX_DESCRIPTION = 1000


@dataclass(frozen=True)
class FindingRow:
    id: uuid.UUID
    source: FindingSource
    category: FindingCategory
    description: str
    station: str  # the station branch's short name
    station_branch_id: uuid.UUID
    found_on: date
    inspection_id: uuid.UUID | None
    item_key: str | None


def add_finding(
    db: Database,
    station_branch_id: uuid.UUID,
    category: FindingCategory,
    description: str,
    found_on: date,
) -> uuid.UUID:
    """An ad hoc finding at a station (no checklist item behind it)."""
    with db.write() as session:
        if session.get(Branch, station_branch_id) is None:
            raise UserError(_("找不到编号为 {id} 的党支部。", id=station_branch_id))
        row = new_finding(
            session, FindingSource.AD_HOC, category, description, station_branch_id, found_on
        )
        return row.id


def finding_from_defect(
    db: Database,
    defect_id: uuid.UUID,
    category: FindingCategory = FindingCategory.SAFETY_HAZARD,
    description: str | None = None,
) -> uuid.UUID:
    """A finding for a patrol defect (one per defect), described as ``defect_description``
    says unless ``description`` is given."""
    with db.write() as session:
        defect = _defect(session, defect_id)
        if session.scalars(select(Finding.id).where(Finding.patrol_defect_id == defect_id)).first():
            raise UserError(_("这条缺陷已列入问题清单。"))
        asset, patrol = (
            session.get_one(Asset, defect.asset_id),
            session.get_one(Patrol, defect.patrol_id),
        )
        row = new_finding(
            session,
            FindingSource.PATROL,
            category,
            _defect_text(asset, defect) if description is None else description,
            asset.station_branch_id,
            patrol.patrolled_on,
        )
        row.patrol_defect_id = defect_id
        return row.id


def defect_description(db: Database, defect_id: uuid.UUID) -> str:
    """``内冲线37号杆：鸟窝，横担处有鸟窝…``: what a finding from the defect says at first."""
    with db.read() as session:
        defect = _defect(session, defect_id)
        return _defect_text(session.get_one(Asset, defect.asset_id), defect)


def _defect(session: Session, defect_id: uuid.UUID) -> PatrolDefect:
    defect = session.get(PatrolDefect, defect_id)
    if defect is None or defect.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的缺陷记录。", id=defect_id))
    return defect


def _defect_text(asset: Asset, defect: PatrolDefect) -> str:
    note = f"，{defect.note}" if defect.note else ""
    return f"{asset.name}：{label(DefectType(defect.defect_type))}{note}"


def new_finding(
    session: Session,
    source: FindingSource,
    category: FindingCategory,
    description: str,
    station_branch_id: uuid.UUID,
    found_on: date,
) -> Finding:
    """Inside an open write session: record a finding (the description checked)."""
    description = description.strip()
    if not description or len(description) > MAX_DESCRIPTION:
        raise UserError(_("问题描述不能为空，最多 {limit} 个字。", limit=MAX_DESCRIPTION))
    row = Finding(
        source=source.value,
        category=category.value,
        description=description,
        station_branch_id=station_branch_id,
        found_on=found_on,
    )
    session.add(row)
    session.flush()
    return row


def list_findings(db: Database, station_branch_id: uuid.UUID | None = None) -> list[FindingRow]:
    query = (
        select(Finding, Branch.short_name)
        .join(Branch, Branch.id == Finding.station_branch_id)
        .where(Finding.deleted_at.is_(None))
        .order_by(Finding.found_on.desc(), Finding.id)
    )
    if station_branch_id is not None:
        query = query.where(Finding.station_branch_id == station_branch_id)
    with db.read() as session:
        return [finding_row(row, station) for row, station in session.execute(query)]


def get_finding(session: Session, finding_id: uuid.UUID) -> Finding:
    row = session.get(Finding, finding_id)
    if row is None or row.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的问题。", id=finding_id))
    return row


def finding_row(row: Finding, station: str) -> FindingRow:
    return FindingRow(
        id=row.id,
        source=FindingSource(row.source),
        category=FindingCategory(row.category),
        description=row.description,
        station=station,
        station_branch_id=row.station_branch_id,
        found_on=row.found_on,
        inspection_id=row.inspection_id,
        item_key=row.item_key,
    )
