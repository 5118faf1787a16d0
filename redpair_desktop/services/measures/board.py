"""The measures as a list (with ``overdue`` as of a day: past due and not 已完成) and one measure
with its whole log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from redpair_desktop.db.database import Database
from redpair_desktop.db.measures.models import Finding, Measure, MeasureEntry
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.measures.codes import (
    FindingCategory,
    MeasureEntryKind,
    MeasureStatus,
    Priority,
)
from redpair_desktop.domain.measures.transitions import is_overdue
from redpair_desktop.services.images import thumbnail_path
from redpair_desktop.services.measures.measures import get_measure


@dataclass(frozen=True)
class MeasureRow:
    id: uuid.UUID
    title: str
    finding_id: uuid.UUID
    finding: str  # the finding's description
    category: FindingCategory
    owner: str  # the lead branch's short name
    co_owner: str  # the station branch's short name
    station_branch_id: uuid.UUID  # the co-owner
    due_on: date
    priority: Priority
    status: MeasureStatus
    overdue: bool
    last_entry: LastEntry | None


@dataclass(frozen=True)
class LastEntry:
    kind: MeasureEntryKind
    text: str
    at: datetime  # aware UTC


@dataclass(frozen=True)
class EntryRow:
    kind: MeasureEntryKind
    text: str
    author: str
    status: MeasureStatus  # after the entry
    at: datetime  # aware UTC
    by: str
    inspection_id: uuid.UUID | None
    photo_path: str | None
    thumbnail_path: str | None  # relative to the data folder, like ``photo_path``


def list_measures(
    db: Database, *, today: date | None = None, overdue_only: bool = False
) -> list[MeasureRow]:
    """Every measure, soonest due first (overdue ones only if asked)."""
    today = today or date.today()
    owner, co_owner = aliased(Branch), aliased(Branch)
    query = (
        select(Measure, Finding, owner.short_name, co_owner.short_name)
        .join(Finding, Finding.id == Measure.finding_id)
        .join(owner, owner.id == Measure.owner_branch_id)
        .join(co_owner, co_owner.id == Measure.co_owner_branch_id)
        .where(Measure.deleted_at.is_(None))
        .order_by(Measure.due_on, Measure.id)
    )
    with db.read() as session:
        last = _last_entries(session)
        rows = [_row(*found, today, last.get(found[0].id)) for found in session.execute(query)]
    return [row for row in rows if row.overdue] if overdue_only else rows


def measure_log(db: Database, measure_id: uuid.UUID) -> list[EntryRow]:
    """The measure's entries in the order they were made."""
    with db.read() as session:
        get_measure(session, measure_id)
        query = (
            select(MeasureEntry)
            .where(MeasureEntry.measure_id == measure_id)
            .order_by(MeasureEntry.created_at, MeasureEntry.id)
        )
        return [
            EntryRow(
                MeasureEntryKind(e.kind),
                e.text,
                e.author,
                MeasureStatus(e.status),
                e.created_at,
                e.created_by,
                e.inspection_id,
                e.photo_path,
                thumbnail_path(e.photo_sha256) if e.photo_sha256 else None,
            )
            for e in session.scalars(query)
        ]


def _last_entries(session: Session) -> dict[uuid.UUID, LastEntry]:
    """Each measure's newest entry."""
    query = select(MeasureEntry).order_by(MeasureEntry.created_at, MeasureEntry.id)
    return {
        e.measure_id: LastEntry(MeasureEntryKind(e.kind), e.text, e.created_at)
        for e in session.scalars(query)
    }


def _row(
    row: Measure,
    finding: Finding,
    owner: str,
    co_owner: str,
    today: date,
    last: LastEntry | None,
) -> MeasureRow:
    status = MeasureStatus(row.status)
    return MeasureRow(
        id=row.id,
        title=row.title,
        finding_id=finding.id,
        finding=finding.description,
        category=FindingCategory(finding.category),
        owner=owner,
        co_owner=co_owner,
        station_branch_id=row.co_owner_branch_id,
        due_on=row.due_on,
        priority=Priority(row.priority),
        status=status,
        overdue=is_overdue(status, row.due_on, today),
        last_entry=last,
    )
