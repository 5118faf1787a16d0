"""Assistance measures (帮扶措施): made for a finding, owned by the lead (HQ/urban) branch with
the station's branch as co-owner; progress entries with evidence, 督办 entries, submission for
verification, verification at a visit (an inspection of the station on or after the
submission), closing as 未完成 and re-opening. Every change of status follows
``domain/measures/transitions.py``; a refused one writes nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.inspections.models import Inspection
from redpair_desktop.db.measures.models import Measure, MeasureEntry
from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.enums import BranchKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.measures.codes import (
    MeasureAction,
    MeasureEntryKind,
    MeasureStatus,
    Priority,
)
from redpair_desktop.domain.measures.transitions import transition
from redpair_desktop.i18n import _
from redpair_desktop.services.images import prepare_photo, store_prepared
from redpair_desktop.services.measures.findings import get_finding

MAX_TITLE = 200
MAX_TEXT = 2000
_ENTRY_OF = {
    MeasureAction.SUBMIT: MeasureEntryKind.SUBMITTED,
    MeasureAction.VERIFY_PASSED: MeasureEntryKind.VERIFIED,
    MeasureAction.VERIFY_FAILED: MeasureEntryKind.REJECTED,
    MeasureAction.CLOSE_UNDONE: MeasureEntryKind.CLOSED_UNDONE,
    MeasureAction.REOPEN: MeasureEntryKind.REOPENED,
}


@dataclass(frozen=True)
class MeasureDraft:
    finding_id: uuid.UUID
    title: str
    due_on: date
    priority: Priority = Priority.MEDIUM
    owner_branch_id: uuid.UUID | None = None  # None: the lead branch of the station's pairing
    co_owner_branch_id: uuid.UUID | None = None  # None: the finding's station


@dataclass(frozen=True)
class BranchChoice:
    id: uuid.UUID
    name: str  # short name


@dataclass(frozen=True)
class OwnerChoices:
    """Who may own a measure for a finding: the leading branches, the station's pairing lead
    first choice (None without a pairing); the co-owner is the finding's station."""

    owners: tuple[BranchChoice, ...]
    lead: uuid.UUID | None
    station: BranchChoice


@dataclass(frozen=True)
class Visit:
    """An inspection of the measure's station a verification may be made at."""

    id: uuid.UUID
    title: str
    held_on: date


@dataclass(frozen=True)
class Evidence:
    """A photo attached to a progress entry, and where the data folder is."""

    path: Path
    data_dir: Path


def owner_choices(db: Database, finding_id: uuid.UUID) -> OwnerChoices:
    with db.read() as session:
        finding = get_finding(session, finding_id)
        station = _branch(session, finding.station_branch_id)
        query = select(Branch).where(Branch.deleted_at.is_(None)).order_by(Branch.short_name)
        owners = tuple(
            BranchChoice(b.id, b.short_name)
            for b in session.scalars(query)
            if BranchKind(b.kind).can_lead_pairing
        )
        return OwnerChoices(
            owners, _newest_lead(session, station.id), BranchChoice(station.id, station.short_name)
        )


def verification_visits(db: Database, measure_id: uuid.UUID) -> list[Visit]:
    """The inspections of the measure's station held on or after its latest submission,
    newest first (empty when there is none yet)."""
    with db.read() as session:
        row = get_measure(session, measure_id)
        query = (
            select(Inspection)
            .where(
                Inspection.station_branch_id == row.co_owner_branch_id,
                Inspection.deleted_at.is_(None),
            )
            .order_by(Inspection.held_on.desc(), Inspection.id.desc())
        )
        submitted = _submitted_on(session, row)
        return [
            Visit(visit.id, visit.title, visit.held_on)
            for visit in session.scalars(query)
            if submitted is None or visit.held_on >= submitted
        ]


def create_measure(db: Database, draft: MeasureDraft) -> uuid.UUID:
    title = " ".join(draft.title.split())
    if not title or len(title) > MAX_TITLE:
        raise UserError(_("措施内容不能为空，最多 {limit} 个字。", limit=MAX_TITLE))
    with db.write() as session:
        return add_measure(session, draft, title).id


def add_measure(session: Session, draft: MeasureDraft, title: str) -> Measure:
    """``create_measure`` inside an open write session (the demo uses it)."""
    finding = get_finding(session, draft.finding_id)
    co_owner = draft.co_owner_branch_id or finding.station_branch_id
    owner_id = draft.owner_branch_id or _lead_of(session, co_owner)
    owner = _branch(session, owner_id)
    if not BranchKind(owner.kind).can_lead_pairing:
        raise UserError(_("帮扶措施由牵头的本部或城区党支部负责，“{name}”是供电所党支部。",
                          name=owner.short_name))  # fmt: skip
    _branch(session, co_owner)
    row = Measure(
        finding_id=finding.id,
        title=title,
        owner_branch_id=owner.id,
        co_owner_branch_id=co_owner,
        due_on=draft.due_on,
        priority=draft.priority.value,
        status=MeasureStatus.NOT_STARTED.value,
    )
    session.add(row)
    session.flush()
    return row


def add_progress(
    db: Database,
    measure_id: uuid.UUID,
    text: str,
    author: str = "",
    evidence: Evidence | None = None,
) -> None:
    """A progress entry (with an evidence photo if given); a measure not started starts."""
    prepared = prepare_photo(evidence.path) if evidence else None
    with db.write() as session:
        entry = record_progress(session, get_measure(session, measure_id), text, author)
        if prepared is not None and evidence is not None:
            stored = store_prepared(evidence.data_dir, prepared)
            entry.photo_sha256, entry.photo_path = stored.sha256, stored.original_path


def add_supervision(db: Database, measure_id: uuid.UUID, text: str, author: str = "") -> None:
    """A 督办 entry: the lead branch presses for progress; open measures only."""
    with db.write() as session:
        record_supervision(session, get_measure(session, measure_id), text, author)


def submit_for_verification(
    db: Database, measure_id: uuid.UUID, text: str = "", author: str = ""
) -> None:
    with db.write() as session:
        record_action(session, get_measure(session, measure_id), MeasureAction.SUBMIT, text, author)


def verify_measure(
    db: Database,
    measure_id: uuid.UUID,
    inspection_id: uuid.UUID,
    passed: bool,
    text: str = "",
    author: str = "",
) -> MeasureStatus:
    """Verify a submitted measure at a visit: an inspection of its station held on or after
    the submission. Passed → 已完成; not passed → back to 进行中."""
    with db.write() as session:
        row = get_measure(session, measure_id)
        return record_verification(session, row, inspection_id, passed, text, author)


def close_undone(db: Database, measure_id: uuid.UUID, text: str, author: str = "") -> None:
    if not text.strip():
        raise UserError(_("请说明措施未完成的原因。"))
    with db.write() as session:
        row = get_measure(session, measure_id)
        record_action(session, row, MeasureAction.CLOSE_UNDONE, text, author)


def reopen_measure(db: Database, measure_id: uuid.UUID, text: str, author: str = "") -> None:
    if not text.strip():
        raise UserError(_("请说明重新打开的原因。"))
    with db.write() as session:
        record_action(session, get_measure(session, measure_id), MeasureAction.REOPEN, text, author)


# --- inside an open write session (the demo uses these) --------------------------------------


def record_progress(session: Session, row: Measure, text: str, author: str) -> MeasureEntry:
    status = MeasureStatus(row.status)
    if status is MeasureStatus.NOT_STARTED:
        status = transition(status, MeasureAction.START)
    elif status not in (MeasureStatus.IN_PROGRESS, MeasureStatus.AWAITING_VERIFICATION):
        transition(status, MeasureAction.START)  # refused, naming the status
    return _entry(session, row, MeasureEntryKind.PROGRESS, text, author, status)


def record_supervision(session: Session, row: Measure, text: str, author: str) -> MeasureEntry:
    status = MeasureStatus(row.status)
    if status in (MeasureStatus.DONE, MeasureStatus.NOT_DONE):
        raise UserError(_("措施已关闭，不需要督办；如需继续，请先重新打开。"))
    return _entry(session, row, MeasureEntryKind.SUPERVISION, text, author, status)


def record_action(
    session: Session, row: Measure, action: MeasureAction, text: str, author: str
) -> MeasureEntry:
    """Submit, close as 未完成 or re-open (verification has its own: it needs a visit)."""
    status = transition(MeasureStatus(row.status), action)
    return _entry(session, row, _ENTRY_OF[action], text, author, status)


def record_verification(
    session: Session,
    row: Measure,
    inspection_id: uuid.UUID,
    passed: bool,
    text: str,
    author: str,
) -> MeasureStatus:
    action = MeasureAction.VERIFY_PASSED if passed else MeasureAction.VERIFY_FAILED
    status = transition(MeasureStatus(row.status), action)
    _check_visit(session, row, inspection_id)
    entry = _entry(session, row, _ENTRY_OF[action], text, author, status)
    entry.inspection_id = inspection_id
    return status


def get_measure(session: Session, measure_id: uuid.UUID) -> Measure:
    row = session.get(Measure, measure_id)
    if row is None or row.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的帮扶措施。", id=measure_id))
    return row


def _entry(
    session: Session,
    row: Measure,
    kind: MeasureEntryKind,
    text: str,
    author: str,
    status: MeasureStatus,
) -> MeasureEntry:
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise UserError(_("记录最多 {limit} 个字。", limit=MAX_TEXT))
    if kind in (MeasureEntryKind.PROGRESS, MeasureEntryKind.SUPERVISION) and not text:
        raise UserError(_("请填写记录内容。"))
    row.status = status.value
    entry = MeasureEntry(
        measure_id=row.id,
        kind=kind.value,
        text=text,
        author=" ".join(author.split())[:64],
        status=status.value,
    )
    session.add(entry)
    session.flush()
    return entry


def _check_visit(session: Session, row: Measure, inspection_id: uuid.UUID) -> None:
    visit = session.get(Inspection, inspection_id)
    if visit is None or visit.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的检查。", id=inspection_id))
    if visit.station_branch_id != row.co_owner_branch_id:
        raise UserError(_("验证须在对该供电所的检查（回访）中进行。"))
    submitted = _submitted_on(session, row)
    if submitted is not None and visit.held_on < submitted:
        raise UserError(_("这次检查早于措施提请验证的日期，不能用来验证。"))


def _submitted_on(session: Session, row: Measure) -> date | None:
    """The local day of the measure's latest submission for verification."""
    submitted = session.scalars(
        select(MeasureEntry.created_at)
        .where(
            MeasureEntry.measure_id == row.id, MeasureEntry.kind == MeasureEntryKind.SUBMITTED.value
        )
        .order_by(MeasureEntry.created_at.desc())
    ).first()
    return submitted.astimezone().date() if submitted is not None else None


def _newest_lead(session: Session, station_branch_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalars(
        select(Pairing.lead_branch_id)
        .where(Pairing.station_branch_id == station_branch_id, Pairing.deleted_at.is_(None))
        .order_by(Pairing.started_on.desc())
    ).first()


def _lead_of(session: Session, station_branch_id: uuid.UUID) -> uuid.UUID:
    lead = _newest_lead(session, station_branch_id)
    if lead is None:
        raise UserError(_("这个供电所还没有结对的牵头党支部，请指定措施的责任党支部。"))
    return lead


def _branch(session: Session, branch_id: uuid.UUID) -> Branch:
    branch = session.get(Branch, branch_id)
    if branch is None or branch.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的党支部。", id=branch_id))
    return branch
