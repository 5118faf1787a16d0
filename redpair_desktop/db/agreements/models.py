"""Agreement versions (the words of one agreement, by content hash, and how it was signed) and
the scans of signed paper originals."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
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
