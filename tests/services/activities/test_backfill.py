"""补录 from the paper list: marked, with who entered it and when; never over an entry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from redpair_desktop.db.audit import WriteContext
from redpair_desktop.domain.activities.codes import AttendanceStatus, EntryMethod
from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.activities.attendance import (
    add_guest,
    attendance_log,
    check_in_attendee,
    counts,
    expected_list,
)
from redpair_desktop.services.activities.backfill import backfill
from redpair_desktop.services.activities.sheets import sheet

MOMENT = datetime(2024, 3, 27, 2, 30, tzinfo=UTC)


def test_a_paper_entry_is_marked_with_who_and_when(demo_workspace, activity_id, monkeypatch):
    db = demo_workspace.db
    clerk = WriteContext(actor="liaison", device="pc-1", clock=lambda: MOMENT)
    real_write = db.write
    monkeypatch.setattr(db, "write", lambda context=None: real_write(context or clerk))
    a, b = expected_list(db, activity_id)[:2]
    entered = backfill(
        db, activity_id, a.id, AttendanceStatus.PRESENT, entered_from="签到表第 1 页"
    )
    backfill(db, activity_id, b.id, AttendanceStatus.EXCUSED, "病假")
    guest = add_guest(db, activity_id, "李明", "党委党建部", backfilled=True)
    assert (entered.backfilled, entered.method, entered.checked_in_at) == (
        True,
        EntryMethod.PAPER,
        None,
    )
    assert (entered.entered_by, entered.entered_at) == ("liaison", MOMENT)
    assert guest.backfilled
    (event, *_rest) = attendance_log(db, activity_id)
    assert (event.kind, event.by, event.at) == ("backfill", "liaison", MOMENT)
    assert "签到表第 1 页" in event.detail
    tally = counts(db, activity_id)
    assert (tally.present, tally.excused) == (1, 1)
    entries = {e.name: e for e in sheet(db, str(activity_id)).entries}
    assert entries[a.name].backfilled and entries[b.name].reason == "病假"


def test_a_paper_entry_never_overwrites_one_made_at_the_event(demo_workspace, activity_id):
    db = demo_workspace.db
    person = expected_list(db, activity_id)[0]
    check_in_attendee(db, activity_id, person.id)
    with pytest.raises(UserError, match="不必重复签到"):
        backfill(db, activity_id, person.id, AttendanceStatus.ABSENT)
    with pytest.raises(UserError, match="实到、请假或缺席"):
        backfill(db, activity_id, person.id, AttendanceStatus.EXPECTED)
    assert expected_list(db, activity_id)[0].backfilled is False
