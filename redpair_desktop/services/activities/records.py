"""Finding an activity and its attendees inside one session, and writing the attendance log."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from redpair_desktop.db.activities.models import Activity, AttendanceEvent, Attendee
from redpair_desktop.db.audit import WRITE_CONTEXT
from redpair_desktop.domain.activities.codes import AttendanceEventKind, EntryMethod
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _


def get_activity(session: Session, activity_id: uuid.UUID) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的活动。", id=activity_id))
    return activity


def get_attendee(session: Session, activity_id: uuid.UUID, attendee_id: uuid.UUID) -> Attendee:
    """The attendee of this activity; a person not on its list is refused."""
    get_activity(session, activity_id)
    attendee = session.get(Attendee, attendee_id)
    if attendee is None or attendee.activity_id != activity_id:
        raise UserError(_("此人不在本次活动的名单上。请先把他（她）加入名单。"))
    return attendee


def add_event(
    session: Session,
    attendee: Attendee,
    kind: AttendanceEventKind,
    method: EntryMethod | None = None,
    detail: str = "",
) -> None:
    """Append one event to the activity's attendance log (stamped with who and when)."""
    session.add(
        AttendanceEvent(
            activity_id=attendee.activity_id,
            attendee_id=attendee.id,
            kind=kind.value,
            method=method.value if method else None,
            detail=detail,
        )
    )
    session.flush()  # stamped now: the log keeps the order the events happened in


def new_row_id(session: Session) -> uuid.UUID:
    """A fresh id from the write session's id source (seeded for the demo)."""
    return session.info[WRITE_CONTEXT].id_factory()


def now(session: Session) -> datetime:
    """The write session's clock (the moment its next flush is stamped with)."""
    return session.info[WRITE_CONTEXT].clock()


def clock_time(moment: datetime) -> str:
    """``9:02``: the local time of day, as a check-in desk says it."""
    local = moment.astimezone()
    return f"{local.hour}:{local.minute:02d}"
