"""The pairing registry: which lead branch works with which supply-station branch."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.db.rosters.models import Person
from redpair_desktop.domain.enums import BranchKind, PairingStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.pairings.rules import status_on
from redpair_desktop.i18n import _


@dataclass(frozen=True)
class PairingRow:
    id: uuid.UUID
    lead_branch: str
    lead_kind: BranchKind
    station_branch: str
    started_on: date
    ended_on: date | None
    status: PairingStatus


def add_pairing(
    session: Session,
    *,
    lead: Branch,
    station: Branch,
    started_on: date,
    years: int,
    today: date,
    lead_liaison: Person | None = None,
    station_liaison: Person | None = None,
) -> Pairing:
    """Register a pairing inside an open write session; its status follows from the dates."""
    if not BranchKind(lead.kind).can_lead_pairing:
        raise UserError(_("“{name}”是供电所党支部，不能作为结对的牵头方。", name=lead.short_name))
    if BranchKind(station.kind) is not BranchKind.SUPPLY_STATION:
        raise UserError(_("“{name}”不是供电所党支部。", name=station.short_name))
    ends_on = started_on.replace(year=started_on.year + years)
    status = status_on(PairingStatus.ACTIVE, started_on, ends_on, today)
    pairing = Pairing(
        lead_branch=lead,
        station_branch=station,
        started_on=started_on,
        ended_on=ends_on,
        status=str(status),
        lead_liaison=lead_liaison,
        station_liaison=station_liaison,
    )
    session.add(pairing)
    return pairing


def list_pairings(db: Database, today: date | None = None) -> list[PairingRow]:
    """The registry, newest first, each status as of ``today``."""
    today = today or date.today()
    lead, station = aliased(Branch), aliased(Branch)
    with db.read() as session:
        rows = session.execute(
            select(
                Pairing.id,
                lead.short_name,
                lead.kind,
                station.short_name,
                Pairing.started_on,
                Pairing.ended_on,
                Pairing.status,
            )
            .join(lead, lead.id == Pairing.lead_branch_id)
            .join(station, station.id == Pairing.station_branch_id)
            .where(Pairing.deleted_at.is_(None))
            .order_by(Pairing.started_on.desc())
        ).all()
    return [
        PairingRow(r[0], r[1], BranchKind(r[2]), r[3], r[4], r[5], PairingStatus(r[6]))
        for r in rows
    ]
