"""Registering, editing and terminating pairings: one transaction each, through the write
session (stamped and change-logged). Nothing is written when a check fails."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.db.rosters.models import Membership
from redpair_desktop.domain.enums import BranchKind, PairingStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.pairings.draft import PairingDraft
from redpair_desktop.domain.pairings.rules import STORED_CHOICES, Term, first_overlap
from redpair_desktop.i18n import _
from redpair_desktop.services.org.editing import live_branch
from redpair_desktop.services.pairings.registry import term_of
from redpair_desktop.services.rosters.members import on_roster

MAX_NOTES = 2000


def create_pairing(db: Database, draft: PairingDraft) -> uuid.UUID:
    with db.write() as session:
        pairing = add_pairing(session, draft)
        session.flush()
        return pairing.id


def edit_pairing(db: Database, pairing_id: uuid.UUID, draft: PairingDraft) -> None:
    """Store the draft; a terminated pairing stays terminated."""
    with db.write() as session:
        pairing = _live_pairing(session, pairing_id)
        if pairing.status == PairingStatus.TERMINATED:
            draft = replace(draft, status=PairingStatus.TERMINATED)
        else:
            _check_status(draft)
        _check(session, draft, own_id=pairing.id)
        _apply(pairing, draft)


def terminate_pairing(db: Database, pairing_id: uuid.UUID, on: date) -> None:
    """终止 on ``on``: between the start and the end date."""
    with db.write() as session:
        pairing = _live_pairing(session, pairing_id)
        if pairing.status == PairingStatus.TERMINATED:
            raise UserError(_("该结对已经终止。"))
        if on < pairing.started_on:
            raise UserError(_("终止日期不能早于开始日期 {start}。", start=pairing.started_on))
        if pairing.ended_on is not None and on > pairing.ended_on:
            raise UserError(_("该结对已于 {end} 到期，无需终止。", end=pairing.ended_on))
        pairing.status = str(PairingStatus.TERMINATED)
        pairing.terminated_on = on


def pairing_draft(db: Database, pairing_id: uuid.UUID) -> PairingDraft:
    """The stored pairing as the form shows it."""
    with db.read() as session:
        pairing = _live_pairing(session, pairing_id)
        return PairingDraft(
            lead_branch_id=pairing.lead_branch_id,
            station_branch_id=pairing.station_branch_id,
            started_on=pairing.started_on,
            ended_on=pairing.ended_on,
            status=PairingStatus(pairing.status),
            lead_liaison_id=pairing.lead_liaison_id,
            station_liaison_id=pairing.station_liaison_id,
            notes=pairing.notes or "",
        )


def add_pairing(session: Session, draft: PairingDraft) -> Pairing:
    """Register a pairing inside an open write session, after the same checks as the form."""
    _check_status(draft)
    _check(session, draft, own_id=None)
    pairing = Pairing()
    _apply(pairing, draft)
    session.add(pairing)
    return pairing


# --- checks -------------------------------------------------------------------------------


def _check(session: Session, draft: PairingDraft, own_id: uuid.UUID | None) -> None:
    lead = live_branch(session, draft.lead_branch_id)
    station = live_branch(session, draft.station_branch_id)
    if not BranchKind(lead.kind).can_lead_pairing:
        raise UserError(_("“{name}”是供电所党支部，不能作为结对的牵头方。", name=lead.short_name))
    if BranchKind(station.kind) is not BranchKind.SUPPLY_STATION:
        raise UserError(_("“{name}”不是供电所党支部。", name=station.short_name))
    _check_dates(draft)
    _check_liaison(session, draft.lead_liaison_id, lead)
    _check_liaison(session, draft.station_liaison_id, station)
    if len(draft.notes.strip()) > MAX_NOTES:
        raise UserError(_("备注不能超过 {limit} 个字。", limit=MAX_NOTES))
    _refuse_overlap(session, draft, own_id, lead, station)


def _check_status(draft: PairingDraft) -> None:
    if draft.status not in STORED_CHOICES:
        raise UserError(_("结对状态只能登记为筹备或已签约；终止请使用“终止结对”。"))


def _check_dates(draft: PairingDraft) -> None:
    if draft.ended_on is None:
        raise UserError(_("请填写结束日期。"))
    if draft.ended_on <= draft.started_on:
        raise UserError(_("结束日期必须晚于开始日期。"))


def _check_liaison(session: Session, person_id: uuid.UUID | None, branch: Branch) -> None:
    if person_id is None:
        return
    on_branch = session.scalar(
        select(Membership.id).where(
            Membership.person_id == person_id, Membership.branch_id == branch.id, on_roster()
        )
    )
    if on_branch is None:
        raise UserError(
            _(
                "所选联络员不在“{branch}”的花名册上，请从该支部的现有人员中选择。",
                branch=branch.short_name,
            )
        )


def _refuse_overlap(
    session: Session, draft: PairingDraft, own_id: uuid.UUID | None, lead: Branch, station: Branch
) -> None:
    others = session.scalars(
        select(Pairing).where(
            Pairing.deleted_at.is_(None),
            Pairing.lead_branch_id == lead.id,
            Pairing.station_branch_id == station.id,
            Pairing.id != own_id if own_id is not None else Pairing.id.is_not(None),
        )
    ).all()
    term = Term(lead.id, station.id, draft.started_on, draft.ended_on, draft.status)
    clash = first_overlap(term, [term_of(other) for other in others])
    if clash is not None:
        raise UserError(
            _(
                "“{lead}”与“{station}”已有一段结对（{start} 至 {end}），日期与之重叠。",
                lead=lead.short_name,
                station=station.short_name,
                start=clash.started_on,
                end=clash.ended_on or _("至今"),
            )
        )


def _live_pairing(session: Session, pairing_id: uuid.UUID) -> Pairing:
    pairing = session.get(Pairing, pairing_id)
    if pairing is None or pairing.deleted_at is not None:
        raise UserError(_("找不到该结对，它可能已被删除。"))
    return pairing


def _apply(pairing: Pairing, draft: PairingDraft) -> None:
    pairing.lead_branch_id = draft.lead_branch_id
    pairing.station_branch_id = draft.station_branch_id
    pairing.started_on = draft.started_on
    pairing.ended_on = draft.ended_on
    pairing.status = str(draft.status)
    pairing.lead_liaison_id = draft.lead_liaison_id
    pairing.station_liaison_id = draft.station_liaison_id
    pairing.notes = draft.notes.strip() or None
