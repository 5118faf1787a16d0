"""The reference launch ceremony of the demo: both branches' Party members on the list, 综合服务
中心's 17 checked in and signed the pledge, 大坪's present but one excused, the run-sheet ticked.
Each step is stamped at its moment of the ceremony day through the demo's clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.activities.models import Attendee
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.activities.codes import (
    LAUNCH_STEPS,
    ActivityType,
    AttendanceEventKind,
    AttendanceStatus,
    EntryMethod,
)
from redpair_desktop.domain.activities.draft import ActivityDraft
from redpair_desktop.services.activities.activities import add_activity
from redpair_desktop.services.activities.attendance import set_status
from redpair_desktop.services.activities.pledges import store_signature
from redpair_desktop.services.activities.records import add_event, now
from redpair_desktop.services.activities.run_sheet import set_tick
from redpair_desktop.services.demo import facts
from redpair_desktop.services.demo.scribbles import demo_signature

CHINA = timezone(timedelta(hours=8))
KIOSK = "demo-kiosk"


class DemoClock:
    """The demo's write clock: fixed at a moment until moved on."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def add_reference_ceremony(session: Session, pairing: Pairing, clock: DemoClock) -> None:
    session.flush()
    session.expire(pairing, ["lead_branch", "station_branch"])  # set by id: load them
    held_on = pairing.started_on
    back_to = clock.moment
    clock.moment = datetime.combine(held_on, time(*facts.CEREMONY_START), CHINA).astimezone(UTC)
    tick = _ticker(clock)
    activity = add_activity(session, _draft(pairing, held_on))
    attendees = session.scalars(
        select(Attendee).where(Attendee.activity_id == activity.id).order_by(Attendee.sort_order)
    ).all()
    lead = [a for a in attendees if a.unit == pairing.lead_branch.short_name]
    station = [a for a in attendees if a.unit == pairing.station_branch.short_name]
    secretary = pairing.station_branch.secretary_id
    excused = next(a for a in reversed(station) if a.person_id != secretary)
    for attendee in lead + station:
        tick(40)
        if attendee is excused:
            _excuse(session, attendee, facts.CEREMONY_EXCUSED_REASON)
        else:
            _arrive(session, attendee)
    for step in LAUNCH_STEPS[:3]:
        tick(300)
        set_tick(session, activity.id, step, True)
    for attendee in lead:
        tick(25)
        store_signature(session, attendee, demo_signature(attendee.name), KIOSK)
    for step in LAUNCH_STEPS[3:]:
        tick(120)
        set_tick(session, activity.id, step, True)
    session.flush()
    clock.moment = back_to


def _draft(pairing: Pairing, held_on: date) -> ActivityDraft:
    hosts = tuple(
        branch.secretary.name
        for branch in (pairing.lead_branch, pairing.station_branch)
        if branch.secretary
    )
    return ActivityDraft(
        type=ActivityType.LAUNCH_CEREMONY,
        held_on=held_on,
        pairing_id=pairing.id,
        title=facts.CEREMONY_TITLE,
        place=facts.CEREMONY_PLACE,
        hosts=hosts,
        agenda=facts.CEREMONY_AGENDA,
        notes=facts.CEREMONY_NOTES,
    )


def _arrive(session: Session, attendee: Attendee) -> None:
    set_status(attendee, AttendanceStatus.PRESENT, method=EntryMethod.BADGE, at=now(session))
    add_event(
        session, attendee, AttendanceEventKind.CHECK_IN, EntryMethod.BADGE, attendee.badge_code
    )


def _excuse(session: Session, attendee: Attendee, reason: str) -> None:
    set_status(attendee, AttendanceStatus.EXCUSED, reason, EntryMethod.LIST)
    add_event(session, attendee, AttendanceEventKind.EXCUSED, EntryMethod.LIST, reason)


def _ticker(clock: DemoClock) -> Callable[[int], None]:
    def tick(seconds: int) -> None:
        clock.moment += timedelta(seconds=seconds)

    return tick
