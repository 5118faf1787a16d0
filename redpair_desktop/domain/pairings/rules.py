"""How a pairing's shown status, flags and partner type follow from what is stored and the dates.

Stored is what people decided: 筹备 (preparing), 已签约 (signed) or 终止 (terminated). A signed
pairing is 已签约 before its start date, 进行中 from its start to its end date (the end date is
its last day) and 到期 after it. Codes stored before schema 0004 as 进行中 or 到期 read the same
way as 已签约.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from redpair_desktop.domain.enums import BranchKind, PairingStatus

ENDING_SOON_DAYS = 60
STORED_CHOICES = (PairingStatus.PREPARING, PairingStatus.SIGNED)  # what a form offers
OPEN_STATUSES = (PairingStatus.PREPARING, PairingStatus.SIGNED, PairingStatus.ACTIVE)  # as shown


class PartnerType(StrEnum):
    """Which side of the programme the lead branch comes from."""

    HQ_DEPARTMENT = "hq_department"  # 本部部门
    URBAN_UNIT = "urban_unit"  # 城区支部单位


class PairingFlag(StrEnum):
    ENDING_SOON = "ending_soon"  # 临近到期: ends within ENDING_SOON_DAYS
    NOT_RENEWED = "not_renewed"  # 到期未续签: expired, and no later pairing of the same two


@dataclass(frozen=True)
class Term:
    """The facts of one pairing that its status and the checks against others depend on."""

    lead_id: uuid.UUID
    station_id: uuid.UUID
    started_on: date
    ended_on: date | None
    stored: PairingStatus

    def same_branches(self, other: Term) -> bool:
        return (self.lead_id, self.station_id) == (other.lead_id, other.station_id)


def partner_type(lead_kind: BranchKind) -> PartnerType:
    """本部部门 for an HQ department's branch, 城区支部单位 for an urban unit's."""
    if not lead_kind.can_lead_pairing:
        raise ValueError(f"a {lead_kind} branch cannot lead a pairing")
    return PartnerType(str(lead_kind))


def status_on(
    stored: PairingStatus, started_on: date, ended_on: date | None, today: date
) -> PairingStatus:
    """The status shown on ``today``: 筹备 and 终止 as stored, a signed pairing by its dates."""
    if stored in (PairingStatus.PREPARING, PairingStatus.TERMINATED):
        return stored
    if today < started_on:
        return PairingStatus.SIGNED
    if ended_on is not None and today > ended_on:
        return PairingStatus.EXPIRED
    return PairingStatus.ACTIVE


def is_renewed(term: Term, others: Iterable[Term]) -> bool:
    """A later pairing of the same lead and station, not terminated, follows this one."""
    return any(
        other.same_branches(term)
        and other.started_on > term.started_on
        and other.stored is not PairingStatus.TERMINATED
        for other in others
    )


def flags_on(term: Term, today: date, renewed: bool) -> tuple[PairingFlag, ...]:
    status = status_on(term.stored, term.started_on, term.ended_on, today)
    if status is PairingStatus.EXPIRED and not renewed:
        return (PairingFlag.NOT_RENEWED,)
    if (
        status is PairingStatus.ACTIVE
        and term.ended_on is not None
        and (term.ended_on - today).days <= ENDING_SOON_DAYS
    ):
        return (PairingFlag.ENDING_SOON,)
    return ()


def first_overlap(term: Term, others: Iterable[Term]) -> Term | None:
    """Another open (not terminated) pairing of the same two branches whose dates overlap.

    A renewal may start on the day the previous pairing ends; a terminated one clashes with none."""
    if term.stored is PairingStatus.TERMINATED:
        return None
    for other in others:
        if (
            other.same_branches(term)
            and other.stored is not PairingStatus.TERMINATED
            and other.started_on < (term.ended_on or date.max)
            and term.started_on < (other.ended_on or date.max)
        ):
            return other
    return None
