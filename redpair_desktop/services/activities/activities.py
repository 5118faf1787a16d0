"""Activities of a pairing: create and edit one, read one, and list them all with their
attendance counts. Creating an activity puts both branches' Party members on its list."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import FunctionFilter
from sqlalchemy.sql.selectable import Subquery

from redpair_desktop.db.activities.models import Activity, Attendee
from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.activities.codes import ActivityType, AttendanceStatus
from redpair_desktop.domain.activities.draft import ActivityDraft
from redpair_desktop.domain.activities.printouts import Counts
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.activities.attendance import put_members_on_list
from redpair_desktop.services.activities.pledges import latest_pledge_text
from redpair_desktop.services.activities.records import get_activity


@dataclass(frozen=True)
class ActivityRow:
    """One line of the activity list. Counts are of members; guests (列席) are counted apart."""

    id: uuid.UUID
    type: ActivityType
    held_on: date
    title: str
    place: str
    pairing_id: uuid.UUID
    pairing: str  # 综合服务中心党支部—大坪供电所党支部
    expected: int
    present: int
    excused: int
    absent: int
    guests: int

    @property
    def counts(self) -> Counts:
        return Counts(self.expected, self.present, self.excused, self.absent)


@dataclass(frozen=True)
class ActivityDetail:
    """An activity as its form shows it."""

    id: uuid.UUID
    draft: ActivityDraft
    branches: tuple[str, str]  # the pairing's lead and station branches (short names)
    pledge_text_id: uuid.UUID | None


def create_activity(db: Database, draft: ActivityDraft) -> uuid.UUID:
    """Record a new activity (``RecordInvalid`` when the draft breaks a rule); its expected list
    holds the current Party members of the pairing's two branches, its pledge the newest text."""
    draft = draft.cleaned()
    with db.write() as session:
        return add_activity(session, draft).id


def add_activity(session: Session, draft: ActivityDraft) -> Activity:
    """``create_activity`` inside an open write session (the demo uses it)."""
    pairing = _pairing(session, draft.pairing_id)
    activity = Activity(pledge_text_id=latest_pledge_text(session).id)
    _fill(activity, draft)
    session.add(activity)
    session.flush()
    branches = [session.get(Branch, i) for i in (pairing.lead_branch_id, pairing.station_branch_id)]
    put_members_on_list(session, activity, [b for b in branches if b is not None])
    return activity


def edit_activity(db: Database, activity_id: uuid.UUID, draft: ActivityDraft) -> None:
    """Change an activity's facts. Its pairing stays: the expected list was built from it."""
    draft = draft.cleaned()
    with db.write() as session:
        activity = get_activity(session, activity_id)
        if draft.pairing_id != activity.pairing_id:
            raise UserError(_("活动所属的结对不能更改；请为另一个结对新建活动。"))
        _fill(activity, draft)


def activity(db: Database, activity_id: uuid.UUID) -> ActivityDetail:
    """The activity's facts as its form shows them."""
    with db.read() as session:
        row = get_activity(session, activity_id)
        pairing = _pairing(session, row.pairing_id)
        return ActivityDetail(
            id=row.id,
            draft=ActivityDraft(
                type=ActivityType(row.type),
                held_on=row.held_on,
                pairing_id=row.pairing_id,
                title=row.title,
                place=row.place,
                hosts=tuple(json.loads(row.hosts)),
                agenda=row.agenda,
                notes=row.notes,
            ),
            branches=(pairing.lead_branch.short_name, pairing.station_branch.short_name),
            pledge_text_id=row.pledge_text_id,
        )


def list_activities(db: Database, pairing_id: uuid.UUID | None = None) -> list[ActivityRow]:
    """Every activity (of one pairing if given), newest first, with its counts: one query."""
    counts = _counts_by_activity()
    lead, station = aliased(Branch), aliased(Branch)
    query = (
        select(
            Activity,
            lead.short_name,
            station.short_name,
            *(func.coalesce(column, 0) for column in counts.c[1:]),
        )
        .join(Pairing, Pairing.id == Activity.pairing_id)
        .join(lead, lead.id == Pairing.lead_branch_id)
        .join(station, station.id == Pairing.station_branch_id)
        .outerjoin(counts, counts.c.activity_id == Activity.id)
        .where(Activity.deleted_at.is_(None))
        .order_by(Activity.held_on.desc(), Activity.id.desc())
    )
    if pairing_id is not None:
        query = query.where(Activity.pairing_id == pairing_id)
    with db.read() as session:
        return [_list_row(*row) for row in session.execute(query)]


def _counts_by_activity() -> Subquery:
    member = Attendee.is_guest.is_(False)

    def with_status(status: AttendanceStatus) -> FunctionFilter:
        return func.count().filter(member, Attendee.status == status.value)

    return (
        select(
            Attendee.activity_id,
            func.count().filter(member).label("expected"),
            with_status(AttendanceStatus.PRESENT).label("present"),
            with_status(AttendanceStatus.EXCUSED).label("excused"),
            with_status(AttendanceStatus.ABSENT).label("absent"),
            func.count().filter(Attendee.is_guest.is_(True)).label("guests"),
        )
        .group_by(Attendee.activity_id)
        .subquery()
    )


def _list_row(
    row: Activity, lead: str, station: str, *counts: int
) -> ActivityRow:  # counts: expected, present, excused, absent, guests
    return ActivityRow(
        row.id,
        ActivityType(row.type),
        row.held_on,
        row.title,
        row.place,
        row.pairing_id,
        f"{lead}—{station}",
        *counts,
    )


def _fill(activity: Activity, draft: ActivityDraft) -> None:
    activity.type = draft.type.value
    activity.held_on = draft.held_on
    activity.pairing_id = draft.pairing_id
    activity.title = draft.title
    activity.place = draft.place
    activity.hosts = json.dumps(list(draft.hosts), ensure_ascii=False)
    activity.agenda = draft.agenda
    activity.notes = draft.notes


def _pairing(session: Session, pairing_id: uuid.UUID) -> Pairing:
    pairing = session.get(Pairing, pairing_id)
    if pairing is None or pairing.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的结对。", id=pairing_id))
    return pairing
