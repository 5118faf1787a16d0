"""The inspection list: the newest version of every inspection, with its score and how many
findings it raised (over all its versions)."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from redpair_desktop.db.database import Database
from redpair_desktop.db.inspections.models import Inspection
from redpair_desktop.db.measures.models import Finding
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.inspections.codes import InspectionStatus
from redpair_desktop.services.inspections.records import checklist_of


@dataclass(frozen=True)
class InspectionRow:
    id: uuid.UUID
    title: str
    template: str  # the checklists it covers: 办公环境、日常管理、后勤安全
    station: str
    station_branch_id: uuid.UUID
    held_on: date
    status: InspectionStatus
    version: int
    score: float | None  # percent, once completed
    findings: int
    backfilled: bool  # 补录 from a paper checklist


def list_inspections(
    db: Database, station_branch_id: uuid.UUID | None = None
) -> list[InspectionRow]:
    """Newest first; a corrected inspection shows as its newest version."""
    query = (
        select(Inspection, Branch.short_name)
        .join(Branch, Branch.id == Inspection.station_branch_id)
        .where(Inspection.deleted_at.is_(None))
        .order_by(Inspection.held_on.desc(), Inspection.id.desc())
    )
    if station_branch_id is not None:
        query = query.where(Inspection.station_branch_id == station_branch_id)
    with db.read() as session:
        rows = session.execute(query).all()
        counts: Counter[uuid.UUID] = Counter()
        for inspection_id, count in session.execute(
            select(Finding.inspection_id, func.count())
            .where(Finding.inspection_id.is_not(None), Finding.deleted_at.is_(None))
            .group_by(Finding.inspection_id)
        ):
            if inspection_id is not None:
                counts[inspection_id] = count
        by_id = {row.id: row for row, _station in rows}
        corrected = {row.corrects_id for row, _station in rows if row.corrects_id}
        return [
            _row(row, station, sum(counts[i] for i in _chain(row, by_id)))
            for row, station in rows
            if row.id not in corrected
        ]


def _chain(row: Inspection, by_id: dict[uuid.UUID, Inspection]) -> list[uuid.UUID]:
    ids = [row.id]
    while row.corrects_id is not None and row.corrects_id in by_id:
        row = by_id[row.corrects_id]
        ids.append(row.id)
    return ids


def _row(row: Inspection, station: str, findings: int) -> InspectionRow:
    return InspectionRow(
        id=row.id,
        title=row.title,
        template=checklist_of(row).title,
        station=station,
        station_branch_id=row.station_branch_id,
        held_on=row.held_on,
        status=InspectionStatus(row.status),
        version=row.version,
        score=row.score,
        findings=findings,
        backfilled=row.backfilled,
    )
