"""Agreement versions (the words of one agreement, by content hash, and how it was signed), the
scans of signed paper originals, the signatures drawn on screen and the signing's event log."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redpair_desktop.db.base import Base, Tracked


class AgreementVersion(Tracked, Base):
    """One version of a pairing's agreement. Its words never change once stored; only its
    status moves from draft to signed."""

    __tablename__ = "agreement_version"
    __table_args__ = (UniqueConstraint("pairing_id", "version"),)

    pairing_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pairing.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    clauses: Mapped[str] = mapped_column(Text)  # canonical JSON
    # The rest of the words, so the version prints as it was stored (None: recorded before
    # schema 0006, when they came from the pairing and the template).
    title: Mapped[str | None] = mapped_column(String(120), default=None)
    parties: Mapped[str | None] = mapped_column(Text, default=None)  # canonical JSON
    preamble: Mapped[str | None] = mapped_column(Text, default=None)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(24))  # AgreementStatus
    signed_at: Mapped[datetime | None] = mapped_column(default=None)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), default=None)


class AgreementScan(Tracked, Base):
    """A scan of a signed paper original; who imported it and when are the created stamps."""

    __tablename__ = "agreement_scan"

    agreement_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreement_version.id"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64))
    page_count: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))  # pdf / png / jpg
    size: Mapped[int] = mapped_column(Integer)
    stored_path: Mapped[str] = mapped_column(String(255))  # relative to the data folder


class AgreementSignature(Tracked, Base):
    """A secretary's signature drawn on screen for one party of a version: a tamper-evident
    record, not a CA-certified signature. Who recorded it and when are the created stamps."""

    __tablename__ = "agreement_signature"
    __table_args__ = (UniqueConstraint("agreement_version_id", "party"),)

    agreement_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreement_version.id"), index=True
    )
    party: Mapped[str] = mapped_column(String(8))  # 甲方 / 乙方
    signer: Mapped[str] = mapped_column(String(64))
    signer_role: Mapped[str] = mapped_column(String(32))
    signed_at: Mapped[datetime]
    device: Mapped[str] = mapped_column(String(16))  # DeviceKind
    device_name: Mapped[str] = mapped_column(String(128))
    strokes: Mapped[bytes] = mapped_column(LargeBinary)  # domain.signatures.encode
    image_png: Mapped[bytes] = mapped_column(LargeBinary)
    signature_sha256: Mapped[str] = mapped_column(String(64))
    text_sha256: Mapped[str] = mapped_column(String(64))  # the version's content hash


class AgreementEvent(Tracked, Base):
    """One step of an agreement version's signing, kept in order: the event log of the
    evidence page. When and by whom are the created stamps."""

    __tablename__ = "agreement_event"

    agreement_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreement_version.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
