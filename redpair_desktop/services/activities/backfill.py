"""补录: statuses entered after the event from the paper sign-in list (the offline fallback).
Each entry is marked as 补录, with who entered it and when (its stamps and its log event)."""

from __future__ import annotations

import uuid

from redpair_desktop.db.database import Database
from redpair_desktop.domain.activities.codes import (
    AttendanceEventKind,
    AttendanceStatus,
    EntryMethod,
)
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.activities.attendance import (
    MAX_REASON,
    AttendeeRow,
    refuse_recorded,
    row_of,
    set_status,
)
from redpair_desktop.services.activities.records import add_event, get_attendee


def backfill(
    db: Database,
    activity_id: uuid.UUID,
    attendee_id: uuid.UUID,
    status: AttendanceStatus,
    reason: str = "",
    entered_from: str = "paper",
) -> AttendeeRow:
    """Enter an attendee's status from the paper list (``entered_from`` says which, e.g.
    "paper" or "签到表第 2 页"). Refused when the attendee already has a status (undo it first:
    a paper entry never overwrites one made at the event)."""
    reason = " ".join(reason.split())
    if status is AttendanceStatus.EXPECTED:
        raise UserError(_("补录需要选择实到、请假或缺席。"))
    if len(reason) > MAX_REASON:
        raise UserError(_("原因最多 {limit} 个字。", limit=MAX_REASON))
    with db.write() as session:
        attendee = get_attendee(session, activity_id, attendee_id)
        refuse_recorded(attendee)
        set_status(attendee, status, reason, EntryMethod.PAPER)
        attendee.backfilled = True
        detail = f"{status.value}: {entered_from}" + (f" ({reason})" if reason else "")
        add_event(session, attendee, AttendanceEventKind.BACKFILL, EntryMethod.PAPER, detail)
        return row_of(session, attendee)
