"""The pairing registry: which lead branch works with which supply-station branch, each pairing
with its status as shown on a given day, its flags and its partner type."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from redpair_desktop.db.database import Database
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.enums import BranchKind, PairingStatus
from redpair_desktop.domain.pairings.filters import FilterFacts, PairingFilter
from redpair_desktop.domain.pairings.rules import (
    PairingFlag,
    PartnerType,
    Term,
    flags_on,
    is_renewed,
    partner_type,
    status_on,
)
from redpair_desktop.domain.pinyin_keys import search_key


@dataclass(frozen=True)
class PairingRow:
    id: uuid.UUID
    lead_branch: str
    lead_kind: BranchKind
    station_branch: str
    started_on: date
    ended_on: date | None
    status: PairingStatus  # as shown on the day the registry was read
    flags: tuple[PairingFlag, ...]
    stored_status: PairingStatus
    terminated_on: date | None
    lead_liaison: str | None
    station_liaison: str | None
    notes: str | None
    search_key: str  # both branch names and their pinyin (domain/pairings/filters.py)

    @property
    def partner_type(self) -> PartnerType:
        return partner_type(self.lead_kind)

    @property
    def facts(self) -> FilterFacts:
        return FilterFacts(
            self.status, self.flags, self.partner_type, self.started_on, self.search_key
        )


def term_of(pairing: Pairing) -> Term:
    return Term(
        pairing.lead_branch_id,
        pairing.station_branch_id,
        pairing.started_on,
        pairing.ended_on,
        PairingStatus(pairing.status),
    )


def list_pairings(
    db: Database, today: date | None = None, where: PairingFilter | None = None
) -> list[PairingRow]:
    """The registry, newest first, each status as of ``today``, filtered by ``where``."""
    today = today or date.today()
    with db.read() as session:
        pairings = session.scalars(
            select(Pairing)
            .where(Pairing.deleted_at.is_(None))
            .order_by(Pairing.started_on.desc(), Pairing.id)
            .options(
                selectinload(Pairing.lead_branch),
                selectinload(Pairing.station_branch),
                selectinload(Pairing.lead_liaison),
                selectinload(Pairing.station_liaison),
            )
        ).all()
        terms = [term_of(pairing) for pairing in pairings]
        rows = [_row(p, t, terms, today) for p, t in zip(pairings, terms, strict=True)]
    return [row for row in rows if where is None or where.accepts(row.facts)]


def _row(pairing: Pairing, term: Term, terms: list[Term], today: date) -> PairingRow:
    lead, station = pairing.lead_branch, pairing.station_branch
    return PairingRow(
        id=pairing.id,
        lead_branch=lead.short_name,
        lead_kind=BranchKind(lead.kind),
        station_branch=station.short_name,
        started_on=pairing.started_on,
        ended_on=pairing.ended_on,
        status=status_on(term.stored, term.started_on, term.ended_on, today),
        flags=flags_on(term, today, renewed=is_renewed(term, terms)),
        stored_status=term.stored,
        terminated_on=pairing.terminated_on,
        lead_liaison=pairing.lead_liaison.name if pairing.lead_liaison else None,
        station_liaison=pairing.station_liaison.name if pairing.station_liaison else None,
        notes=pairing.notes,
        search_key=search_key((lead.short_name, station.short_name)),
    )
