"""Signing an agreement version on screen, in person: each party's secretary signs on the pad in
front of the host; the signature is stored as strokes and as an image, with its SHA-256 and the
SHA-256 of the words signed, and every step goes into the version's event log. When both parties
have signed, the version is 已签署（屏幕签字）.

A signature drawn on screen is a tamper-evident record, not a CA-certified 可靠电子签名.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.agreements.models import (
    AgreementEvent,
    AgreementSignature,
    AgreementVersion,
)
from redpair_desktop.db.audit import WRITE_CONTEXT
from redpair_desktop.db.database import Database
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.agreements.evidence import (
    PARTIES,
    SIGNED_EVENTS,
    EventKind,
    Evidence,
    EvidenceEvent,
    EvidenceSignature,
)
from redpair_desktop.domain.enums import AgreementStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.signatures import DeviceKind, Signature, encode, to_png
from redpair_desktop.i18n import _

DEVICE_NAME_LENGTH = 128


@dataclass(frozen=True)
class Signer:
    """Who signs for a party of a version: its label, seal name and secretary as written in
    the version's words, and whether that party has signed already."""

    party: str
    seal_name: str
    secretary: str
    signed: bool


@dataclass(frozen=True)
class SigningSheet:
    record_id: uuid.UUID
    version: int
    status: AgreementStatus
    signers: tuple[Signer, ...]


def signing_sheet(db: Database, record_id: uuid.UUID) -> SigningSheet:
    """The parties of version ``record_id`` and which of them have signed on screen."""
    with db.read() as session:
        version = _version(session, record_id)
        signed = set(_signatures(session, record_id))
        signers = tuple(
            Signer(label, seal, secretary, label in signed)
            for label, seal, secretary in _parties(session, version)
        )
        return SigningSheet(version.id, version.version, AgreementStatus(version.status), signers)


def record_signature(
    db: Database,
    record_id: uuid.UUID,
    party: str,
    signer: str,
    signer_role: str,
    signature: Signature,
    device_name: str,
) -> EvidenceSignature:
    """Store ``signer``'s signature for ``party`` of version ``record_id``. Refused with a
    ``UserError``, nothing stored: too little ink, a signer who is not the party's secretary in
    the version's words, a party that has signed, a version signed on paper or complete."""
    if not signature.has_enough_ink:
        raise UserError(_("签名太短或太小，没有保存。请在签名板上完整签写姓名。"))
    with db.write() as session:
        version = _version(session, record_id)
        _check_can_sign(session, version, party, signer)
        if not session.scalar(
            select(AgreementEvent.id).where(AgreementEvent.agreement_version_id == record_id)
        ):
            _add_event(session, record_id, EventKind.STARTED)
        row = AgreementSignature(
            agreement_version_id=record_id,
            party=party,
            signer=signer,
            signer_role=signer_role,
            signed_at=session.info[WRITE_CONTEXT].clock(),
            device=signature.device.value,
            device_name=clean_device_name(device_name) or db.device,
            strokes=encode(signature),
            image_png=to_png(signature),
            signature_sha256=signature.sha256,
            text_sha256=version.content_hash,
        )
        session.add(row)
        _add_event(session, record_id, SIGNED_EVENTS[party], signer)
        session.flush()
        if set(_signatures(session, record_id)) == set(PARTIES):
            version.status = AgreementStatus.SIGNED_ON_SCREEN
            version.signed_at = row.signed_at
            _add_event(session, record_id, EventKind.COMPLETED)
        return _evidence_signature(row)


def log_event(db: Database, record_id: uuid.UUID, kind: EventKind, detail: str = "") -> None:
    """Add one step to version ``record_id``'s event log (stamped with who and when)."""
    with db.write() as session:
        _version(session, record_id)
        _add_event(session, record_id, kind, detail)


def evidence(db: Database, record_id: uuid.UUID) -> Evidence | None:
    """How version ``record_id`` was signed on screen; None when no one has signed it so."""
    with db.read() as session:
        rows = _signatures(session, record_id)
        if not rows:
            return None
        version = _version(session, record_id)
        events = session.scalars(
            select(AgreementEvent)
            .where(AgreementEvent.agreement_version_id == record_id)
            .order_by(AgreementEvent.created_at, AgreementEvent.id)
        )
        return Evidence(
            record_id=version.id,
            version=version.version,
            text_sha256=version.content_hash,
            signatures=tuple(_evidence_signature(rows[p]) for p in PARTIES if p in rows),
            events=tuple(
                EvidenceEvent(e.created_at, e.created_by, e.kind, e.detail) for e in events
            ),
        )


def clean_device_name(name: str) -> str:
    """The device's name on one line, at most ``DEVICE_NAME_LENGTH`` characters."""
    return re.sub(r"\s+", " ", name).strip()[:DEVICE_NAME_LENGTH]


# --- inside one session ---------------------------------------------------------------------


def _version(session: Session, record_id: uuid.UUID) -> AgreementVersion:
    version = session.get(AgreementVersion, record_id)
    if version is None:
        raise UserError(_("找不到编号为 {id} 的协议版本。", id=record_id))
    return version


def _signatures(session: Session, record_id: uuid.UUID) -> dict[str, AgreementSignature]:
    rows = session.scalars(
        select(AgreementSignature).where(AgreementSignature.agreement_version_id == record_id)
    )
    return {row.party: row for row in rows}


def _check_can_sign(session: Session, version: AgreementVersion, party: str, signer: str) -> None:
    if version.status == AgreementStatus.SIGNED_PAPER:
        raise UserError(_("第 {version} 版协议已签署（纸质原件存档），不能再在屏幕上签字。",
                          version=version.version))  # fmt: skip
    if version.status == AgreementStatus.SIGNED_ON_SCREEN:
        raise UserError(_("第 {version} 版协议双方已在屏幕上签字完成。", version=version.version))
    secretaries = {label: secretary for label, _seal, secretary in _parties(session, version)}
    if party not in secretaries:
        raise UserError(_("“{party}”不是协议的签署方（应为甲方或乙方）。", party=party))
    if signer != secretaries[party]:
        raise UserError(
            _("{party}应由协议中写明的书记{secretary}签字，不能由“{signer}”签字。",
              party=party, secretary=secretaries[party], signer=signer)
        )  # fmt: skip
    if party in _signatures(session, version.id):
        raise UserError(_("{party}已经签过字了。", party=party))


def _parties(session: Session, version: AgreementVersion) -> list[tuple[str, str, str]]:
    """(label, seal name, secretary) of each party as the version's words name them; for a
    version recorded before its words were kept (schema 0006), as its pairing names them."""
    if version.parties:
        stored = json.loads(version.parties)
        return [(p["label"], p["seal_name"], p["secretary"]) for p in stored]
    pairing = session.get(Pairing, version.pairing_id)
    if pairing is None:  # a version always belongs to a pairing (foreign key)
        raise UserError(_("找不到编号为 {id} 的协议版本。", id=version.id))
    branches = (pairing.lead_branch, pairing.station_branch)
    return [
        (label, branch.seal_name, branch.secretary.name if branch.secretary else "")
        for label, branch in zip(PARTIES, branches, strict=True)
    ]


def _add_event(session: Session, record_id: uuid.UUID, kind: EventKind, detail: str = "") -> None:
    session.add(AgreementEvent(agreement_version_id=record_id, kind=kind.value, detail=detail))
    session.flush()  # stamped now: the log keeps the order the steps happened in


def _evidence_signature(row: AgreementSignature) -> EvidenceSignature:
    return EvidenceSignature(
        party=row.party,
        signer=row.signer,
        signer_role=row.signer_role,
        signed_at=row.signed_at,
        device=DeviceKind(row.device),
        device_name=row.device_name,
        image_png=row.image_png,
        strokes=row.strokes,
        signature_sha256=row.signature_sha256,
        text_sha256=row.text_sha256,
    )
