"""One person at a time: the editor's load and save, transfers between branches, history."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.domain.enums import (
    REMOVAL_REASONS,
    EndReason,
)
from redpair_desktop.domain.errors import RecordInvalid, UserError
from redpair_desktop.domain.rosters.fields import (
    BRANCH,
    MEMBERSHIP,
    PERSON,
    ROSTER_FIELDS,
    stored_values,
)
from redpair_desktop.domain.rosters.record import RosterRecord, validate_record
from redpair_desktop.i18n import _
from redpair_desktop.services.org.branches import find_branch


@dataclass(frozen=True)
class HistoryEntry:
    branch: str
    started_on: date | None
    ended_on: date | None
    end_reason: EndReason | None


def editor_values(db: Database, membership_id: uuid.UUID) -> dict[str, object]:
    """A roster entry's values by field key, as the editor shows them (ID number in full)."""
    with db.read() as session:
        membership = _live_membership(session, membership_id)
        rows = {PERSON: membership.person, MEMBERSHIP: membership, BRANCH: membership.branch}
        return {f.key: f.shown(getattr(rows[f.source], f.column)) for f in ROSTER_FIELDS}


def save_person(
    db: Database, values: Mapping[str, object], membership_id: uuid.UUID | None = None
) -> uuid.UUID:
    """Create a roster entry (``membership_id`` None) or update one; returns its membership id."""
    record, errors = validate_record(values)
    if record is None:
        raise RecordInvalid(errors)
    with db.write() as session:
        branch = find_branch(session, record.branch)
        if branch is None:
            raise RecordInvalid({"branch": _("找不到党支部“{name}”。", name=record.branch)})
        if membership_id is None:
            _check_id_unique(session, record, None)
            person, membership = Person(), Membership(branch=branch, started_on=date.today())
            membership.person = person
        else:
            membership = _live_membership(session, membership_id)
            person = membership.person
            if membership.branch_id != branch.id:
                raise RecordInvalid(
                    {"branch": _("要把此人调到其他党支部，请使用“调转”，以便记录转出和转入日期。")}
                )
            _check_id_unique(session, record, person.id)
        _apply(record, person, membership, branch)
        session.add_all([person, membership])
        session.flush()
        return membership.id


def _apply(record: RosterRecord, person: Person, membership: Membership, branch: Branch) -> None:
    for row, values in (
        (person, stored_values(record, PERSON)),
        (membership, stored_values(record, MEMBERSHIP, branch.unit.name)),
    ):
        for column, value in values.items():
            setattr(row, column, value)


def _check_id_unique(session: Session, record: RosterRecord, person_id: uuid.UUID | None) -> None:
    if not record.id_number:
        return
    query = select(Person.name).where(
        Person.id_number == record.id_number, Person.deleted_at.is_(None)
    )
    if person_id is not None:
        query = query.where(Person.id != person_id)
    other = session.scalar(query)
    if other is not None:
        raise RecordInvalid({"id_number": _("该公民身份号码已登记在“{name}”名下。", name=other)})


def _live_membership(session: Session, membership_id: uuid.UUID) -> Membership:
    membership = session.get(Membership, membership_id)
    if membership is None or membership.deleted_at or membership.ended_on:
        raise UserError(_("找不到这条花名册记录，它可能已被调转或删除。请刷新后重试。"))
    return membership


def transfer_member(
    db: Database, membership_id: uuid.UUID, target_branch: str, on: date
) -> uuid.UUID:
    """转出 from the current branch and 转入 the target on the same date; returns the new entry."""
    with db.write() as session:
        current = _live_membership(session, membership_id)
        target = find_branch(session, target_branch)
        if target is None:
            raise UserError(_("找不到党支部“{name}”。", name=target_branch))
        if target.id == current.branch_id:
            raise UserError(_("此人已在“{name}”。", name=target.short_name))
        _end(current, on, EndReason.TRANSFERRED)
        moved = Membership(
            person_id=current.person_id,
            branch=target,
            employer=target.unit.name,
            position=current.position,
            supply_service=current.supply_service,
            status=current.status,
            started_on=on,
        )
        session.add(moved)
        session.flush()
        return moved.id


def remove_from_roster(
    db: Database, membership_id: uuid.UUID, on: date, reason: EndReason = EndReason.LEFT
) -> None:
    """移出: the person leaves the branch's roster as of ``on`` for ``reason`` (one of
    ``REMOVAL_REASONS``: retired, left the system, deceased, other). The entry is ended, not
    deleted: the history keeps it with its date and reason, and the counts drop."""
    if reason not in REMOVAL_REASONS:
        raise ValueError(f"not a reason to remove someone from a roster: {reason!r}")
    with db.write() as session:
        _end(_live_membership(session, membership_id), on, reason)


def _end(membership: Membership, on: date, reason: EndReason) -> None:
    """End a roster entry (转出 or 移出), never before it began."""
    if membership.started_on and on < membership.started_on:
        raise UserError(
            _(
                "日期不能早于此人转入现党支部的日期 {date}。",
                date=membership.started_on.isoformat(),
            )
        )
    membership.ended_on = on
    membership.end_reason = reason.value


def person_history(db: Database, membership_id: uuid.UUID) -> list[HistoryEntry]:
    """Every branch the person of this entry has been on, oldest first, 转入/转出 dates included."""
    with db.read() as session:
        person_id = session.scalar(
            select(Membership.person_id).where(Membership.id == membership_id)
        )
        rows = session.execute(
            select(
                Branch.short_name, Membership.started_on, Membership.ended_on, Membership.end_reason
            )
            .join(Branch, Branch.id == Membership.branch_id)
            .where(Membership.person_id == person_id, Membership.deleted_at.is_(None))
            .order_by(Membership.started_on.is_(None).desc(), Membership.started_on)
        ).all()
    return [
        HistoryEntry(name, start, end, EndReason(reason) if reason else None)
        for name, start, end, reason in rows
    ]
