"""An inspection as its printout draws it (``domain/inspections/printouts.InspectionSheet``):
``demo`` names the demo's reference “党建+安全” inspection of 大坪供电所 on the ceremony day."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.inspections.models import Inspection
from redpair_desktop.db.measures.models import Finding
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.printouts import (
    InspectionSheet,
    SheetAnswer,
    SheetFinding,
    SheetItem,
    SheetSection,
    SheetSignoff,
)
from redpair_desktop.domain.inspections.template import Response
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.measures.codes import FindingCategory
from redpair_desktop.i18n import _
from redpair_desktop.services.inspections.records import chain_ids, get_inspection
from redpair_desktop.services.inspections.view import InspectionView, ItemState, inspection_view

DEMO = "demo"
REFERENCE_STATION = "大坪供电所党支部"
REFERENCE_TITLE = "“党建+安全”现场检查"


def inspection_sheet(db: Database, ref: str) -> InspectionSheet:
    """The sheet of the inspection with id ``ref``, or of the demo's reference one (``demo``)."""
    with db.read() as session:
        row = get_inspection(session, find_inspection(session, ref))
        return _sheet(session, row, inspection_view(session, row))


def find_inspection(session: Session, ref: str) -> uuid.UUID:
    if ref != DEMO:
        try:
            return uuid.UUID(ref)
        except ValueError:
            raise UserError(
                _("“{value}”不是检查编号。请给出检查编号，或 demo。", value=ref)
            ) from None
    found = session.scalars(
        select(Inspection.id)
        .join(Branch, Branch.id == Inspection.station_branch_id)
        .where(
            Branch.short_name == REFERENCE_STATION,
            Inspection.title == REFERENCE_TITLE,
            Inspection.deleted_at.is_(None),
        )
        .order_by(Inspection.held_on, Inspection.version.desc())
    ).first()
    if found is None:
        raise UserError(_("找不到演示数据中的参考检查（{station}）。请先运行 redpair demo。",
                          station=REFERENCE_STATION))  # fmt: skip
    return found


def _sheet(session: Session, row: Inspection, view: InspectionView) -> InspectionSheet:
    sections = []
    for part, section in view.checklist.sections():
        states = [s for s in view.items if s.item in section.items]
        percent = next(s.percent for s in view.score.sections if s.key == section.key)
        sections.append(SheetSection(part.name, section.title, tuple(map(_item, states)), percent))
    last_visit = next((s.last.held_on for s in view.items if s.last), None)
    responses = dict.fromkeys(r.label for p in view.checklist.parts for r in p.responses.responses)
    return InspectionSheet(
        inspection_id=view.id,
        title=view.title,
        checklist=view.checklist.title,
        checklist_sha256=view.checklist.sha256,
        station=view.station,
        held_on=view.held_on,
        inspectors=view.inspectors,
        status=label(view.status),
        version=view.version,
        backfilled=view.backfilled,
        responses=tuple(responses),
        flagged=tuple(_item(s) for s in view.items if s.failed),
        findings=_findings(session, row),
        sections=tuple(sections),
        score=view.score.percent,
        last_visit=last_visit,
        signoffs=tuple(
            SheetSignoff(label(s.role), s.signer, s.signed_at, s.image_png, s.signature_sha256)
            for s in view.signoffs
        ),
    )


def _item(state: ItemState) -> SheetItem:
    last = state.last
    return SheetItem(
        key=state.item.key,
        text=state.item.text,
        mandatory=state.item.mandatory,
        weight=state.item.weight,
        answer=_answer(state.response, state.comment),
        last=_answer(last.response, last.comment) if last else None,
        photos=tuple(photo.thumbnail_path for photo in state.photos),
    )


def _answer(response: Response | None, comment: str) -> SheetAnswer | None:
    if response is None:
        return None
    return SheetAnswer(response.label, response.colour, response.fails, comment)


def _findings(session: Session, row: Inspection) -> tuple[SheetFinding, ...]:
    query = (
        select(Finding)
        .where(Finding.inspection_id.in_(chain_ids(session, row)), Finding.deleted_at.is_(None))
        .order_by(Finding.id)
    )
    return tuple(
        SheetFinding(f.item_key, label(FindingCategory(f.category)), f.description)
        for f in session.scalars(query)
    )
