"""Who is expected at an activity and who came: the list (both branches' Party members, then
guests), check-in by name, pinyin or badge, 请假 and 缺席 with a reason, undo, and the counts.
Every change is an event in the attendance log; the attendee row holds the current state."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redpair_desktop.db.activities.models import (
    Activity,
    AttendanceEvent,
    Attendee,
    PledgeSignature,
)
from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.domain.activities.badges import badge_code
from redpair_desktop.domain.activities.codes import (
    AttendanceEventKind,
    AttendanceStatus,
    EntryMethod,
)
from redpair_desktop.domain.activities.matching import Query, matching, read_query
from redpair_desktop.domain.activities.printouts import Counts
from redpair_desktop.domain.enums import MemberCategory, MemberStatus
from redpair_desktop.domain.errors import AmbiguousEntry, Choice, UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.pinyin_keys import name_sort_key
from redpair_desktop.i18n import _, join_items
from redpair_desktop.services.activities.records import (
    add_event,
    clock_time,
    get_activity,
    get_attendee,
    new_row_id,
    now,
)
from redpair_desktop.services.rosters.members import PARTY_CATEGORIES, on_roster

GUEST_ROLE = "guest"
GUEST_ORDER = 1_000_000  # guests sort after every member
MAX_REASON = 200


@dataclass(frozen=True)
class AttendeeRow:
    id: uuid.UUID
    activity_id: uuid.UUID
    person_id: uuid.UUID | None  # None for a guest
    name: str
    unit: str  # the member's branch (short name), or the guest's unit
    role: str  # 正式党员 / 预备党员 / 来宾 …, translated
    is_guest: bool
    status: AttendanceStatus
    reason: str
    method: EntryMethod | None  # how the current status was entered
    checked_in_at: datetime | None  # aware UTC; None for 补录 (the paper has no time)
    badge_code: str
    backfilled: bool  # 补录
    signed: bool  # has signed the pledge
    entered_by: str  # who last changed the entry, and when
    entered_at: datetime


@dataclass(frozen=True)
class EventRow:
    at: datetime
    by: str
    attendee_id: uuid.UUID
    name: str
    kind: AttendanceEventKind
    method: EntryMethod | None
    detail: str


@dataclass(frozen=True)
class LiveStatus:
    """What the projector shows: the counts and the latest signers, newest first."""

    counts: Counts
    latest_signers: tuple[str, ...]


# --- the list -------------------------------------------------------------------------------


def expected_list(db: Database, activity_id: uuid.UUID) -> list[AttendeeRow]:
    """The activity's list in roster order (lead branch, then station, by pinyin), guests last."""
    with db.read() as session:
        get_activity(session, activity_id)
        return _rows(session, activity_id)


def add_guest(
    db: Database,
    activity_id: uuid.UUID,
    name: str,
    unit: str,
    role: str = "",
    *,
    backfilled: bool = False,
) -> AttendeeRow:
    """Put a guest (列席, e.g. from 党建部) on the list; ``backfilled``: from the paper list."""
    name, unit, role = (" ".join(value.split()) for value in (name, unit, role))
    if not name:
        raise UserError(_("请填写来宾姓名。"))
    if len(name) > 64 or len(unit) > 128 or len(role) > 32:
        raise UserError(_("来宾姓名最多 64 个字，单位最多 128 个字，身份最多 32 个字。"))
    with db.write() as session:
        activity = get_activity(session, activity_id)
        order = GUEST_ORDER + _guest_count(session, activity_id)
        guest = _new_attendee(
            session, activity, None, name, unit, role or GUEST_ROLE, order, guest=True
        )
        guest.backfilled = backfilled
        session.add(guest)
        session.flush()
        add_event(session, guest, AttendanceEventKind.GUEST_ADDED, detail=unit)
        return row_of(session, guest)


def put_members_on_list(session: Session, activity: Activity, branches: Iterable[Branch]) -> None:
    """Each branch's current Party members (停用 entries left out), branch by branch, by pinyin."""
    order = 0
    for branch in branches:
        members = session.execute(
            select(Person.id, Person.name, Person.category)
            .join(Membership, Membership.person_id == Person.id)
            .where(
                Membership.branch_id == branch.id,
                on_roster(),
                Membership.status != MemberStatus.INACTIVE.value,
                Person.deleted_at.is_(None),
                Person.category.in_(PARTY_CATEGORIES),
            )
        ).all()
        for person_id, name, category in sorted(members, key=lambda m: name_sort_key(m.name)):
            session.add(
                _new_attendee(
                    session, activity, person_id, name, branch.short_name, category, order
                )
            )
            order += 1
    session.flush()


# --- check-in -------------------------------------------------------------------------------


def check_in(db: Database, activity_id: uuid.UUID, text: str) -> AttendeeRow:
    """Check in the one attendee ``text`` names: an exact name, pinyin initials (``czb``) or full
    pinyin, or a badge code (``RP1-…``). Refused with a ``UserError``, nothing written: nobody
    fits, a badge code that is not valid, someone already checked in; several fit →
    ``AmbiguousEntry`` listing them with their branch (pick one with ``check_in_attendee``)."""
    query = read_query(text)
    with db.write() as session:
        get_activity(session, activity_id)
        attendee = _the_one(session, activity_id, query, text)
        _check_in(session, attendee, query.method, text.strip())
        return row_of(session, attendee)


def check_in_attendee(
    db: Database,
    activity_id: uuid.UUID,
    attendee_id: uuid.UUID,
    method: EntryMethod = EntryMethod.LIST,
) -> AttendeeRow:
    """Check in an attendee picked from the list (or at the kiosk); a second time is refused."""
    with db.write() as session:
        attendee = get_attendee(session, activity_id, attendee_id)
        _check_in(session, attendee, method)
        return row_of(session, attendee)


def mark_excused(
    db: Database, activity_id: uuid.UUID, attendee_id: uuid.UUID, reason: str
) -> AttendeeRow:
    """请假, with its reason (required)."""
    if not reason.strip():
        raise UserError(_("请填写请假原因。"))
    return _mark(db, activity_id, attendee_id, AttendanceStatus.EXCUSED, reason)


def mark_absent(
    db: Database, activity_id: uuid.UUID, attendee_id: uuid.UUID, reason: str = ""
) -> AttendeeRow:
    """缺席, with a reason if one is known."""
    return _mark(db, activity_id, attendee_id, AttendanceStatus.ABSENT, reason)


def undo(db: Database, activity_id: uuid.UUID, attendee_id: uuid.UUID) -> AttendeeRow:
    """Take back the attendee's check-in, 请假 or 缺席 (the log keeps both); refused once the
    attendee has signed the pledge, or when nothing is recorded."""
    with db.write() as session:
        attendee = get_attendee(session, activity_id, attendee_id)
        if attendee.status == AttendanceStatus.EXPECTED:
            raise UserError(
                _("{name} 还没有签到、请假或缺席的记录，无需撤销。", name=attendee.name)
            )
        if _has_signed(session, attendee):
            raise UserError(_("{name} 已在承诺上签名，不能撤销签到。", name=attendee.name))
        undone = attendee.status
        set_status(attendee, AttendanceStatus.EXPECTED)
        add_event(session, attendee, AttendanceEventKind.UNDO, detail=undone)
        return row_of(session, attendee)


def set_status(
    attendee: Attendee,
    status: AttendanceStatus,
    reason: str = "",
    method: EntryMethod | None = None,
    at: datetime | None = None,
) -> None:
    """The attendee's current state (the caller logs the event)."""
    attendee.status = status.value
    attendee.reason = reason
    attendee.method = method.value if method else None
    attendee.checked_in_at = at


def refuse_recorded(attendee: Attendee) -> None:
    """A status is recorded already: it must be undone before another is entered."""
    if attendee.status == AttendanceStatus.PRESENT:
        raise UserError(_already_in(attendee))
    if attendee.status != AttendanceStatus.EXPECTED:
        status = label(AttendanceStatus(attendee.status))
        raise UserError(_("{name} 已记为{status}；如需更改，请先撤销。",
                          name=attendee.name, status=status))  # fmt: skip


# --- counts and the log ---------------------------------------------------------------------


def counts(db: Database, activity_id: uuid.UUID) -> Counts:
    """应到/实到/请假/缺席 of the members (guests are listed but not counted)."""
    with db.read() as session:
        get_activity(session, activity_id)
        return count_of(session, activity_id)


def live_status(db: Database, activity_id: uuid.UUID, latest: int = 5) -> LiveStatus:
    """The counts and the ``latest`` signers' names: two small queries, for the projector."""
    with db.read() as session:
        names = session.scalars(
            select(Attendee.name)
            .join(PledgeSignature, PledgeSignature.attendee_id == Attendee.id)
            .where(PledgeSignature.activity_id == activity_id)
            .order_by(PledgeSignature.signed_at.desc(), PledgeSignature.id.desc())
            .limit(latest)
        )
        return LiveStatus(count_of(session, activity_id), tuple(names))


def attendance_log(db: Database, activity_id: uuid.UUID) -> list[EventRow]:
    """Every attendance event of the activity, oldest first."""
    with db.read() as session:
        get_activity(session, activity_id)
        rows = session.execute(
            select(AttendanceEvent, Attendee.name)
            .join(Attendee, Attendee.id == AttendanceEvent.attendee_id)
            .where(AttendanceEvent.activity_id == activity_id)
            .order_by(AttendanceEvent.created_at, AttendanceEvent.id)
        ).all()
        return [
            EventRow(
                e.created_at,
                e.created_by,
                e.attendee_id,
                name,
                AttendanceEventKind(e.kind),
                EntryMethod(e.method) if e.method else None,
                e.detail,
            )
            for e, name in rows
        ]


def count_of(session: Session, activity_id: uuid.UUID) -> Counts:
    status = dict(
        session.execute(
            select(Attendee.status, func.count())
            .where(Attendee.activity_id == activity_id, Attendee.is_guest.is_(False))
            .group_by(Attendee.status)
        ).all()
    )
    return Counts(
        expected=sum(status.values()),
        present=status.get(AttendanceStatus.PRESENT.value, 0),
        excused=status.get(AttendanceStatus.EXCUSED.value, 0),
        absent=status.get(AttendanceStatus.ABSENT.value, 0),
    )


def role_label(attendee: Attendee) -> str:
    if attendee.is_guest:
        return _("来宾") if attendee.role == GUEST_ROLE else attendee.role
    return label(MemberCategory(attendee.role))


# --- inside one session ---------------------------------------------------------------------


def _the_one(session: Session, activity_id: uuid.UUID, query: Query, text: str) -> Attendee:
    if not query.valid:
        raise UserError(_("“{code}”不是有效的胸牌码（可能扫描不完整）。请重新扫描，或输入姓名。",
                          code=text.strip()))  # fmt: skip
    attendees = session.scalars(
        select(Attendee)
        .where(Attendee.activity_id == activity_id)
        .order_by(Attendee.is_guest, Attendee.sort_order)
    ).all()
    found = matching(attendees, query)
    if not found:
        raise UserError(_nobody(query, text.strip()))
    if len(found) > 1:
        choices = tuple(Choice(a.id, a.name, a.unit) for a in found)
        people = join_items(f"{c.name}（{c.unit}）" for c in choices)
        raise AmbiguousEntry(
            _("“{text}”对应 {count} 人：{people}。请输入完整姓名，或扫描胸牌。",
              text=text.strip(), count=len(found), people=people),
            choices,
        )  # fmt: skip
    return found[0]


def _nobody(query: Query, text: str) -> str:
    if query.method is EntryMethod.BADGE:
        return _("胸牌码“{code}”不属于本次活动名单上的任何人。", code=text)
    if not query.key:
        return _("请输入姓名、拼音首字母，或扫描胸牌。")
    return _("名单上没有与“{text}”相符的人。请核对姓名或拼音，或把来宾加入名单。", text=text)


def _check_in(session: Session, attendee: Attendee, method: EntryMethod, detail: str = "") -> None:
    if attendee.status == AttendanceStatus.PRESENT:
        raise UserError(_already_in(attendee))
    set_status(attendee, AttendanceStatus.PRESENT, method=method, at=now(session))
    add_event(session, attendee, AttendanceEventKind.CHECK_IN, method, detail)


def _already_in(attendee: Attendee) -> str:
    if attendee.checked_in_at is None:  # 补录
        return _("{name} 已签到（补录），不必重复签到。", name=attendee.name)
    return _("{name} 已于 {time} 签到，不必重复签到。",
             name=attendee.name, time=clock_time(attendee.checked_in_at))  # fmt: skip


def _mark(
    db: Database,
    activity_id: uuid.UUID,
    attendee_id: uuid.UUID,
    status: AttendanceStatus,
    reason: str,
) -> AttendeeRow:
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON:
        raise UserError(_("原因最多 {limit} 个字。", limit=MAX_REASON))
    with db.write() as session:
        attendee = get_attendee(session, activity_id, attendee_id)
        if attendee.status == AttendanceStatus.PRESENT:
            raise UserError(_("{name} 已签到；如需改为{status}，请先撤销签到。",
                              name=attendee.name, status=label(status)))  # fmt: skip
        set_status(attendee, status, reason, EntryMethod.LIST)
        kind = AttendanceEventKind(status.value)  # excused / absent
        add_event(session, attendee, kind, EntryMethod.LIST, reason)
        return row_of(session, attendee)


def _new_attendee(
    session: Session,
    activity: Activity,
    person_id: uuid.UUID | None,
    name: str,
    unit: str,
    role: str,
    order: int,
    *,
    guest: bool = False,
) -> Attendee:
    attendee_id = new_row_id(session)  # given now: the badge code derives from it
    return Attendee(
        id=attendee_id,
        activity_id=activity.id,
        person_id=person_id,
        name=name,
        unit=unit,
        role=role,
        is_guest=guest,
        status=AttendanceStatus.EXPECTED.value,
        badge_code=badge_code(attendee_id),
        sort_order=order,
    )


def _guest_count(session: Session, activity_id: uuid.UUID) -> int:
    query = select(func.count()).where(Attendee.activity_id == activity_id, Attendee.is_guest)
    return session.scalar(query) or 0


def _has_signed(session: Session, attendee: Attendee) -> bool:
    query = select(PledgeSignature.id).where(PledgeSignature.attendee_id == attendee.id)
    return session.scalar(query) is not None


def _rows(session: Session, activity_id: uuid.UUID) -> list[AttendeeRow]:
    signed = set(
        session.scalars(
            select(PledgeSignature.attendee_id).where(PledgeSignature.activity_id == activity_id)
        )
    )
    attendees = session.scalars(
        select(Attendee)
        .where(Attendee.activity_id == activity_id)
        .order_by(Attendee.is_guest, Attendee.sort_order, Attendee.id)
    )
    return [_as_row(a, a.id in signed) for a in attendees]


def row_of(session: Session, attendee: Attendee) -> AttendeeRow:
    session.flush()  # the stamps of this change
    return _as_row(attendee, _has_signed(session, attendee))


def _as_row(attendee: Attendee, signed: bool) -> AttendeeRow:
    return AttendeeRow(
        id=attendee.id,
        activity_id=attendee.activity_id,
        person_id=attendee.person_id,
        name=attendee.name,
        unit=attendee.unit,
        role=role_label(attendee),
        is_guest=attendee.is_guest,
        status=AttendanceStatus(attendee.status),
        reason=attendee.reason,
        method=EntryMethod(attendee.method) if attendee.method else None,
        checked_in_at=attendee.checked_in_at,
        badge_code=attendee.badge_code,
        backfilled=attendee.backfilled,
        signed=signed,
        entered_by=attendee.updated_by,
        entered_at=attendee.updated_at,
    )
