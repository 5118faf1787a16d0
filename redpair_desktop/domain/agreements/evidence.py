"""How an agreement version was signed on screen, as plain data for the evidence page: who
signed for each party, when, on what device, the signature itself (strokes and image) with its
SHA-256, the SHA-256 of the words signed, and the event log of the signing.

This is a tamper-evident record, not a CA-certified 可靠电子签名 (``signatures.honesty_notice``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from redpair_desktop.domain.dates import chinese_date
from redpair_desktop.domain.signatures import DeviceKind
from redpair_desktop.i18n import N_

PARTIES = (N_("甲方"), N_("乙方"))  # stored as written; shown through ``_``
SECRETARY_ROLE = N_("党支部书记")  # the role a party's secretary signs in


class EventKind(StrEnum):
    """One step of the signing, as stored; ``EVENT_LABELS`` says it in words."""

    STARTED = "signing_started"
    FIRST_PARTY_SIGNED = "first_party_signed"  # detail: the signer
    SECOND_PARTY_SIGNED = "second_party_signed"
    COMPLETED = "signing_completed"


EVENT_LABELS: dict[str, str] = {  # by stored kind
    EventKind.STARTED: N_("签字开始"),
    EventKind.FIRST_PARTY_SIGNED: N_("甲方签字"),
    EventKind.SECOND_PARTY_SIGNED: N_("乙方签字"),
    EventKind.COMPLETED: N_("签字完成"),
}
SIGNED_EVENTS = dict(zip(PARTIES, (EventKind.FIRST_PARTY_SIGNED, EventKind.SECOND_PARTY_SIGNED),
                         strict=True))  # fmt: skip

DEVICE_LABELS = {
    DeviceKind.MOUSE: N_("鼠标"),
    DeviceKind.PEN: N_("手写笔"),
    DeviceKind.TOUCH: N_("触摸屏"),
    DeviceKind.MIXED: N_("多种设备"),
}


@dataclass(frozen=True)
class EvidenceSignature:
    party: str  # 甲方 / 乙方
    signer: str
    signer_role: str  # 党支部书记
    signed_at: datetime  # aware, UTC
    device: DeviceKind
    device_name: str
    image_png: bytes
    strokes: bytes  # ``signatures.encode``
    signature_sha256: str
    text_sha256: str  # the content hash of the words this signature was given for


@dataclass(frozen=True)
class EvidenceEvent:
    at: datetime  # aware, UTC
    who: str  # who was at the keyboard (the recording user)
    kind: str  # an ``EventKind`` value
    detail: str = ""


@dataclass(frozen=True)
class Evidence:
    record_id: uuid.UUID
    version: int
    text_sha256: str  # the version's content hash: the words that were signed
    signatures: tuple[EvidenceSignature, ...]  # in party order
    events: tuple[EvidenceEvent, ...]  # in the order they happened

    @property
    def is_complete(self) -> bool:
        return {s.party for s in self.signatures} == set(PARTIES)

    def signature_of(self, party: str) -> EvidenceSignature | None:
        return next((s for s in self.signatures if s.party == party), None)


def local_time(moment: datetime) -> str:
    """``2024年3月26日 9:05:03`` in the computer's time zone: no zero padding in the date."""
    local = moment.astimezone()
    return f"{chinese_date(local.date())} {local.hour}:{local.minute:02d}:{local.second:02d}"
