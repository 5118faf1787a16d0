"""Pledge texts (versioned; the reference text “党员身边无违章” is version 1) and signing the pledge
of an activity on the pad: each signature is bound to the SHA-256 of the words signed.

A signature drawn on screen is a tamper-evident record, not a CA-certified 可靠电子签名.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redpair_desktop.db.activities.models import Activity, Attendee, PledgeSignature, PledgeText
from redpair_desktop.db.database import Database
from redpair_desktop.domain.activities import pledge
from redpair_desktop.domain.activities.codes import (
    AttendanceEventKind,
    AttendanceStatus,
    EntryMethod,
)
from redpair_desktop.domain.errors import IntegrityProblem, UserError
from redpair_desktop.domain.signatures import DeviceKind, Signature, encode, to_png
from redpair_desktop.i18n import _
from redpair_desktop.services.activities.records import (
    add_event,
    clock_time,
    get_activity,
    get_attendee,
    now,
)

DEVICE_NAME_LENGTH = 128


@dataclass(frozen=True)
class PledgeTextRow:
    id: uuid.UUID
    version: int
    title: str
    text: str
    sha256: str
    saved_at: datetime  # aware UTC


@dataclass(frozen=True)
class SignatureRow:
    attendee_id: uuid.UUID
    name: str
    signed_at: datetime  # aware UTC
    image_png: bytes  # domain.signatures.to_png
    signature_sha256: str
    text_sha256: str  # the pledge text signed
    device: DeviceKind
    device_name: str
    backfilled: bool


# --- pledge texts ---------------------------------------------------------------------------


def pledge_texts(db: Database) -> list[PledgeTextRow]:
    """Every stored pledge text, newest version first (the default one once an activity exists)."""
    with db.read() as session:
        rows = session.scalars(select(PledgeText).order_by(PledgeText.version.desc()))
        return [_text_row(row) for row in rows]


def add_pledge_text(db: Database, title: str, text: str) -> PledgeTextRow:
    """Store new pledge words as the next version; words already stored give that version."""
    with db.write() as session:
        return _text_row(store_pledge_text(session, pledge.PledgeText(title, text)))


def activity_pledge(db: Database, activity_id: uuid.UUID) -> PledgeTextRow:
    """The pledge text members sign at this activity (checked against its hash)."""
    with db.read() as session:
        return _text_row(pledge_of(session, get_activity(session, activity_id)))


def set_activity_pledge(db: Database, activity_id: uuid.UUID, pledge_text_id: uuid.UUID) -> None:
    """Choose the pledge text of an activity; refused once anyone has signed it."""
    with db.write() as session:
        activity = get_activity(session, activity_id)
        if session.get(PledgeText, pledge_text_id) is None:
            raise UserError(_("找不到编号为 {id} 的承诺文本。", id=pledge_text_id))
        if _signature_count(session, activity_id):
            raise UserError(_("已有人在本次活动的承诺上签名，不能再更换承诺文本。"))
        activity.pledge_text_id = pledge_text_id


def store_pledge_text(session: Session, words: pledge.PledgeText) -> PledgeText:
    """The stored version of these words, added as the next version if they are new."""
    title, text = pledge.normalized(words.title), pledge.normalized(words.text)
    if not title or not text:
        raise UserError(_("承诺文本的标题和内容都不能为空。"))
    if len(title) > pledge.MAX_TITLE or len(text) > pledge.MAX_TEXT:
        raise UserError(_("承诺标题最多 {title} 个字，内容最多 {text} 个字。",
                          title=pledge.MAX_TITLE, text=pledge.MAX_TEXT))  # fmt: skip
    digest = pledge.text_sha256(text)
    existing = session.scalars(select(PledgeText).where(PledgeText.sha256 == digest)).first()
    if existing is not None:
        return existing
    latest = session.scalar(select(func.max(PledgeText.version))) or 0
    row = PledgeText(version=latest + 1, title=title, text=text, sha256=digest)
    session.add(row)
    session.flush()
    return row


def latest_pledge_text(session: Session) -> PledgeText:
    """The newest pledge text; the reference text is stored as version 1 when there is none."""
    latest = session.scalars(select(PledgeText).order_by(PledgeText.version.desc())).first()
    return latest or store_pledge_text(session, pledge.DEFAULT_PLEDGE)


def pledge_of(session: Session, activity: Activity) -> PledgeText:
    """The activity's pledge text, refused as damaged if its words no longer fit their hash."""
    row = session.get(PledgeText, activity.pledge_text_id) if activity.pledge_text_id else None
    if row is None:
        raise UserError(_("本次活动没有承诺文本。"))
    if pledge.text_sha256(row.text) != row.sha256:
        raise IntegrityProblem(_("承诺文本第 {version} 版与其哈希值不符，可能已被改动。",
                                 version=row.version))  # fmt: skip
    return row


# --- signing --------------------------------------------------------------------------------


def sign_pledge(
    db: Database,
    activity_id: uuid.UUID,
    attendee_id: uuid.UUID,
    signature: Signature,
    device: str,
    *,
    shown_sha256: str | None = None,
) -> SignatureRow:
    """Store an attendee's signature under the activity's pledge, bound to its text's SHA-256;
    ``device`` names the device signed on (the kiosk's). Someone not yet checked in is checked in
    (method kiosk). Refused with a ``UserError``, nothing stored: too little ink, a person not on
    the list, a second signature, or words other than ``shown_sha256`` (the words shown)."""
    if not signature.has_enough_ink:
        raise UserError(_("签名太短或太小，没有保存。请在签名板上完整签写姓名。"))
    device = " ".join(device.split()) or db.device
    with db.write() as session:
        attendee = get_attendee(session, activity_id, attendee_id)
        words = pledge_of(session, get_activity(session, activity_id))
        if shown_sha256 is not None and shown_sha256 != words.sha256:
            raise UserError(_("承诺文本已更换，签名没有保存。请重新阅读承诺后再签名。"))
        _refuse_second(session, attendee)
        return _row(attendee, _store(session, attendee, words, signature, device))


def signatures(db: Database, activity_id: uuid.UUID) -> list[SignatureRow]:
    """The activity's pledge signatures in the order they were made."""
    with db.read() as session:
        get_activity(session, activity_id)
        rows = session.execute(
            select(PledgeSignature, Attendee)
            .join(Attendee, Attendee.id == PledgeSignature.attendee_id)
            .where(PledgeSignature.activity_id == activity_id)
            .order_by(PledgeSignature.signed_at, PledgeSignature.id)
        ).all()
        return [_row(attendee, signature) for signature, attendee in rows]


def store_signature(
    session: Session, attendee: Attendee, signature: Signature, device: str
) -> PledgeSignature:
    """Inside an open write session (the demo's): sign for ``attendee`` without the checks of
    ``sign_pledge`` beyond the one signature per attendee."""
    _refuse_second(session, attendee)
    words = pledge_of(session, get_activity(session, attendee.activity_id))
    return _store(session, attendee, words, signature, device)


def _store(
    session: Session, attendee: Attendee, words: PledgeText, signature: Signature, device: str
) -> PledgeSignature:
    moment = now(session)
    if attendee.status != AttendanceStatus.PRESENT:
        attendee.status, attendee.reason = AttendanceStatus.PRESENT.value, ""
        attendee.method, attendee.checked_in_at = EntryMethod.KIOSK.value, moment
        add_event(session, attendee, AttendanceEventKind.CHECK_IN, EntryMethod.KIOSK)
    row = PledgeSignature(
        attendee_id=attendee.id,
        activity_id=attendee.activity_id,
        pledge_text_id=words.id,
        text_sha256=words.sha256,
        strokes=encode(signature),
        image_png=to_png(signature),
        signature_sha256=signature.sha256,
        signed_at=moment,
        device=signature.device.value,
        device_name=" ".join(device.split())[:DEVICE_NAME_LENGTH],
    )
    session.add(row)
    add_event(session, attendee, AttendanceEventKind.SIGNED, detail=words.sha256)
    return row


def _refuse_second(session: Session, attendee: Attendee) -> None:
    earlier = session.scalars(
        select(PledgeSignature.signed_at).where(PledgeSignature.attendee_id == attendee.id)
    ).first()
    if earlier is not None:
        raise UserError(_("{name} 已于 {time} 签名，每人只签一次。",
                          name=attendee.name, time=clock_time(earlier)))  # fmt: skip


def _signature_count(session: Session, activity_id: uuid.UUID) -> int:
    query = select(func.count()).where(PledgeSignature.activity_id == activity_id)
    return session.scalar(query) or 0


def _text_row(row: PledgeText) -> PledgeTextRow:
    return PledgeTextRow(row.id, row.version, row.title, row.text, row.sha256, row.created_at)


def _row(attendee: Attendee, row: PledgeSignature) -> SignatureRow:
    return SignatureRow(
        attendee_id=attendee.id,
        name=attendee.name,
        signed_at=row.signed_at,
        image_png=row.image_png,
        signature_sha256=row.signature_sha256,
        text_sha256=row.text_sha256,
        device=DeviceKind(row.device),
        device_name=row.device_name,
        backfilled=row.backfilled,
    )
