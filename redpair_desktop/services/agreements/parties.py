"""What an agreement takes from its pairing: both parties by full seal name with their
secretaries, the facts the template is filled with, and the document built from words."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.agreements.document import (
    AgreementDocument,
    Clause,
    Party,
    canonical_text,
    content_hash,
)
from redpair_desktop.domain.agreements.template import AgreementFacts
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _

UNRECORDED = 0  # the version number of a draft not yet recorded


@dataclass(frozen=True)
class PairingParts:
    pairing_id: uuid.UUID
    parties: tuple[Party, Party]  # the pairing's current seal names and secretaries
    facts: AgreementFacts


def pairing_parts(pairing: Pairing) -> PairingParts:
    lead, station = pairing.lead_branch, pairing.station_branch
    parties = (
        Party("甲方", lead.seal_name, _secretary(lead)),
        Party("乙方", station.seal_name, _secretary(station)),
    )
    facts = AgreementFacts(
        lead_short_name=lead.short_name,
        station_short_name=station.short_name,
        lead_secretary=parties[0].secretary,
        station_secretary=parties[1].secretary,
        started_on=pairing.started_on,
        ended_on=pairing.ended_on,
    )
    return PairingParts(pairing.id, parties, facts)


def parts_of(session: Session, pairing_id: uuid.UUID) -> PairingParts:
    pairing = session.get(Pairing, pairing_id)
    if pairing is None or pairing.deleted_at is not None:
        raise UserError(_("找不到编号为 {id} 的结对。", id=str(pairing_id)))
    return pairing_parts(pairing)


def compose(
    parts: PairingParts,
    title: str,
    parties: tuple[Party, Party],
    preamble: str,
    clauses: tuple[Clause, ...],
) -> AgreementDocument:
    """The document of these words for the pairing, not yet recorded (version 0, the
    pairing's id as its record id), its content hash computed from the words."""
    return AgreementDocument(
        parties=parties,
        preamble=preamble,
        clauses=clauses,
        started_on=parts.facts.started_on,
        ended_on=parts.facts.ended_on,
        copies=parts.facts.copies,
        record_id=parts.pairing_id,  # until recorded
        version=UNRECORDED,
        content_hash=content_hash(canonical_text(title, parties, preamble, clauses)),
        signed_on=parts.facts.started_on,
        title=title,
        pairing_id=parts.pairing_id,
    )


def _secretary(branch: Branch) -> str:
    if branch.secretary is None:
        raise UserError(
            _("“{branch}”还没有书记，协议书无法列出签字人。请先在党支部信息中指定书记。",
              branch=branch.short_name)
        )  # fmt: skip
    return branch.secretary.name
