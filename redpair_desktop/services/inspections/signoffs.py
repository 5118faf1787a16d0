"""Signing off an inspection on the signature pad: the inspector and the inspected station's
representative, each once, bound to the SHA-256 of the answers signed. Signing is refused
while the inspection could not be completed; after a signature the answers no longer change."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.audit import WRITE_CONTEXT
from redpair_desktop.db.database import Database
from redpair_desktop.db.inspections.models import Inspection, InspectionSignoff
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.codes import SignoffRole
from redpair_desktop.domain.inspections.completion import answers_sha256, problems
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.signatures import DeviceKind, Signature, encode, to_png
from redpair_desktop.i18n import _
from redpair_desktop.services.inspections.records import answer_facts, checklist_of, get_draft

DEVICE_NAME_LENGTH = 128
MAX_SIGNER = 64


@dataclass(frozen=True)
class SignoffRow:
    role: SignoffRole
    signer: str
    signed_at: datetime  # aware UTC
    image_png: bytes
    signature_sha256: str
    answers_sha256: str
    device: DeviceKind
    device_name: str


def sign_off(
    db: Database,
    inspection_id: uuid.UUID,
    role: SignoffRole,
    signer: str,
    signature: Signature,
    device: str = "",
) -> SignoffRow:
    """Store one sign-off (``UserError``, nothing stored: too little ink, no name, a second
    signature for the role, or an inspection that is not ready)."""
    signer = " ".join(signer.split())
    if not signer or len(signer) > MAX_SIGNER:
        raise UserError(_("请填写签字人姓名（最多 {limit} 个字）。", limit=MAX_SIGNER))
    if not signature.has_enough_ink:
        raise UserError(_("签名太短或太小，没有保存。请在签名板上完整签写姓名。"))
    device = " ".join(device.split()) or db.device
    with db.write() as session:
        return _row(
            store_signoff(
                session, get_draft(session, inspection_id), role, signer, signature, device
            )
        )


def store_signoff(
    session: Session,
    row: Inspection,
    role: SignoffRole,
    signer: str,
    signature: Signature,
    device: str,
) -> InspectionSignoff:
    """Inside an open write session (the demo's): the checks of ``sign_off`` on the record."""
    facts = answer_facts(session, row.id)
    found = problems(checklist_of(row), facts)
    if found:
        raise UserError(_("检查尚未填完，不能签字：") + " ".join(found))
    earlier = signoffs_of(session, row.id).get(role)
    if earlier is not None:
        raise UserError(_("{role}已由 {signer} 签字。", role=label(role), signer=earlier.signer))
    signoff = InspectionSignoff(
        inspection_id=row.id,
        role=role.value,
        signer=signer,
        answers_sha256=answers_sha256(facts),
        strokes=encode(signature),
        image_png=to_png(signature),
        signature_sha256=signature.sha256,
        signed_at=session.info[WRITE_CONTEXT].clock(),
        device=signature.device.value,
        device_name=device[:DEVICE_NAME_LENGTH],
    )
    session.add(signoff)
    session.flush()
    return signoff


def signoffs_of(session: Session, inspection_id: uuid.UUID) -> dict[SignoffRole, InspectionSignoff]:
    query = select(InspectionSignoff).where(InspectionSignoff.inspection_id == inspection_id)
    return {SignoffRole(row.role): row for row in session.scalars(query)}


def signoff_rows(session: Session, inspection_id: uuid.UUID) -> tuple[SignoffRow, ...]:
    found = signoffs_of(session, inspection_id)
    return tuple(_row(found[role]) for role in SignoffRole if role in found)


def _row(row: InspectionSignoff) -> SignoffRow:
    return SignoffRow(
        role=SignoffRole(row.role),
        signer=row.signer,
        signed_at=row.signed_at,
        image_png=row.image_png,
        signature_sha256=row.signature_sha256,
        answers_sha256=row.answers_sha256,
        device=DeviceKind(row.device),
        device_name=row.device_name,
    )
