"""Finding an inspection and its facts inside one session."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.inspections.models import (
    Inspection,
    InspectionAnswer,
    InspectionPhoto,
    InspectionSignoff,
)
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.enums import BranchKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.checklist import Checklist, checklist_from_json
from redpair_desktop.domain.inspections.codes import InspectionStatus
from redpair_desktop.domain.inspections.completion import AnswerFacts
from redpair_desktop.i18n import _


def get_inspection(session: Session, inspection_id: uuid.UUID) -> Inspection:
    row = session.get(Inspection, inspection_id)
    if row is None or row.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的检查。", id=inspection_id))
    return row


def get_draft(session: Session, inspection_id: uuid.UUID) -> Inspection:
    """The inspection, refused once completed (a completed inspection never changes)."""
    row = get_inspection(session, inspection_id)
    if row.status == InspectionStatus.COMPLETED:
        raise UserError(_("这次检查已完成，不能再修改。如需更正，请建立更正版本。"))
    return row


def editable(session: Session, inspection_id: uuid.UUID) -> Inspection:
    """A draft nobody has signed yet: its answers and photos may change."""
    row = get_draft(session, inspection_id)
    signed = session.scalars(
        select(InspectionSignoff.signer).where(InspectionSignoff.inspection_id == row.id)
    ).first()
    if signed is not None:
        raise UserError(_("{signer} 已签字确认，答案不能再改。", signer=signed))
    return row


def get_station(session: Session, branch_id: uuid.UUID) -> Branch:
    branch = session.get(Branch, branch_id)
    if branch is None or branch.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的党支部。", id=branch_id))
    if branch.kind != BranchKind.SUPPLY_STATION:
        raise UserError(_("“{name}”不是基层供电所党支部，不能作为检查对象。",
                          name=branch.short_name))  # fmt: skip
    return branch


def checklist_of(row: Inspection) -> Checklist:
    return checklist_from_json(row.checklist)


def inspectors_of(row: Inspection) -> tuple[str, ...]:
    return tuple(json.loads(row.inspectors))


def answer_rows(session: Session, inspection_id: uuid.UUID) -> dict[str, InspectionAnswer]:
    query = select(InspectionAnswer).where(InspectionAnswer.inspection_id == inspection_id)
    return {row.item_key: row for row in session.scalars(query)}


def photo_rows(session: Session, inspection_id: uuid.UUID) -> dict[str, list[InspectionPhoto]]:
    query = (
        select(InspectionPhoto)
        .where(InspectionPhoto.inspection_id == inspection_id, InspectionPhoto.deleted_at.is_(None))
        .order_by(InspectionPhoto.id)
    )
    found: dict[str, list[InspectionPhoto]] = defaultdict(list)
    for row in session.scalars(query):
        found[row.item_key].append(row)
    return found


def answer_facts(session: Session, inspection_id: uuid.UUID) -> dict[str, AnswerFacts]:
    photos = photo_rows(session, inspection_id)
    return {
        key: AnswerFacts(row.response, row.comment, tuple(p.sha256 for p in photos.get(key, [])))
        for key, row in answer_rows(session, inspection_id).items()
    }


def chain_ids(session: Session, row: Inspection) -> list[uuid.UUID]:
    """This version and every version it corrects, newest first."""
    ids = [row.id]
    while row.corrects_id is not None:
        row = get_inspection(session, row.corrects_id)
        ids.append(row.id)
    return ids
