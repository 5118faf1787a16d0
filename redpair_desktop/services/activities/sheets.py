"""An activity as the printouts draw it (``domain/activities/printouts.ActivitySheet``): its
facts, the pledge, every entry of the list with its signature image, and the counts."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.activities.models import Activity, Attendee, PledgeSignature
from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.activities.codes import ActivityType
from redpair_desktop.domain.activities.printouts import ActivitySheet, RollEntry
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.services.activities.attendance import count_of, role_label
from redpair_desktop.services.activities.pledges import pledge_of
from redpair_desktop.services.activities.records import get_activity

DEMO = "demo"
REFERENCE_LEAD = "综合服务中心党支部"
REFERENCE_STATION = "大坪供电所党支部"


def sheet(db: Database, activity_ref: str) -> ActivitySheet:
    """The sheet of the activity with id ``activity_ref``, or of the demo's reference launch
    ceremony when it is ``demo``."""
    with db.read() as session:
        activity = get_activity(session, _find_id(session, activity_ref))
        return _sheet(session, activity)


def activity_id(db: Database, activity_ref: str) -> uuid.UUID:
    """The id of the activity ``activity_ref`` names (an id, or ``demo``)."""
    with db.read() as session:
        return _find_id(session, activity_ref)


def _find_id(session: Session, activity_ref: str) -> uuid.UUID:
    if activity_ref != DEMO:
        try:
            return uuid.UUID(activity_ref)
        except ValueError:
            raise UserError(
                _("“{value}”不是活动编号。请给出活动编号，或 demo。", value=activity_ref)
            ) from None
    found = session.scalars(
        select(Activity.id)
        .join(Pairing, Pairing.id == Activity.pairing_id)
        .where(
            Activity.deleted_at.is_(None),
            Activity.type == ActivityType.LAUNCH_CEREMONY.value,
            Pairing.lead_branch.has(Branch.short_name == REFERENCE_LEAD),
            Pairing.station_branch.has(Branch.short_name == REFERENCE_STATION),
        )
        .order_by(Activity.held_on)
    ).first()
    if found is None:
        raise UserError(
            _("找不到演示数据中的参考启动仪式（{lead}—{station}）。请先运行 redpair demo。",
              lead=REFERENCE_LEAD, station=REFERENCE_STATION)
        )  # fmt: skip
    return found


def _sheet(session: Session, activity: Activity) -> ActivitySheet:
    pairing = session.get(Pairing, activity.pairing_id)
    assert pairing is not None  # a foreign key
    words = pledge_of(session, activity)
    content = "\n".join(part for part in (activity.agenda, activity.notes) if part)
    return ActivitySheet(
        activity_id=activity.id,
        type_label=label(ActivityType(activity.type)),
        title=activity.title,
        held_on=activity.held_on,
        place=activity.place,
        hosts=tuple(json.loads(activity.hosts)),
        branches=(pairing.lead_branch.short_name, pairing.station_branch.short_name),
        pledge_title=words.title,
        pledge_text=words.text,
        pledge_sha256=words.sha256,
        entries=_entries(session, activity.id),
        counts=count_of(session, activity.id),
        content=content,
    )


def _entries(session: Session, activity_id: uuid.UUID) -> tuple[RollEntry, ...]:
    rows = session.execute(
        select(Attendee, PledgeSignature.image_png, PledgeSignature.signed_at)
        .outerjoin(PledgeSignature, PledgeSignature.attendee_id == Attendee.id)
        .where(Attendee.activity_id == activity_id)
        .order_by(Attendee.is_guest, Attendee.sort_order, Attendee.id)
    ).all()
    return tuple(
        RollEntry(
            name=a.name,
            branch=a.unit,
            role=role_label(a),
            status=a.status,
            reason=a.reason,
            signature_png=png,
            signed_at=signed_at,
            backfilled=a.backfilled,
            badge_code=a.badge_code,
            checked_in_at=a.checked_in_at,
        )
        for a, png, signed_at in rows
    )
