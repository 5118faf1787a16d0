"""Checklist templates and their versions, inspections with the frozen checklist they used,
their answers, photos and sign-offs. Who wrote each row and when are its Tracked stamps."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from redpair_desktop.db.base import Base, SoftDeletable, Tracked


class InspectionTemplate(Tracked, Base):
    """A checklist by its stable key (``office``, ``patrol_10kv`` …); its words are versions."""

    __tablename__ = "inspection_template"

    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    built_in: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class TemplateVersion(Tracked, Base):
    """One version of a template's words (canonical JSON and its SHA-256). A version an
    inspection used is never changed: an edit makes the next version."""

    __tablename__ = "template_version"
    __table_args__ = (
        UniqueConstraint("template_id", "version", name="uq_template_version_template_version"),
    )

    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspection_template.id"))
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)  # domain.inspections.template canonical JSON
    sha256: Mapped[str] = mapped_column(String(64))


class Inspection(Tracked, SoftDeletable, Base):
    """One inspection of a station: the checklist it used (frozen), when and by whom. A
    completed inspection never changes; a correction is a new row with ``version`` + 1 and
    ``corrects_id`` naming the version it replaces."""

    __tablename__ = "inspection"

    station_branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"), index=True)
    pairing_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("pairing.id"), default=None)
    held_on: Mapped[date] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(200))
    inspectors: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names
    checklist: Mapped[str] = mapped_column(Text)  # domain.inspections.checklist canonical JSON
    checklist_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # InspectionStatus
    version: Mapped[int] = mapped_column(Integer, default=1)
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("inspection.id"), default=None, index=True
    )
    follows_id: Mapped[uuid.UUID | None] = mapped_column(  # the last visit it was started from
        ForeignKey("inspection.id"), default=None
    )
    score: Mapped[float | None] = mapped_column(Float, default=None)  # percent, when completed
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    backfilled: Mapped[bool] = mapped_column(default=False)  # 补录 from a paper checklist


class InspectionPart(Tracked, Base):
    """Which template versions an inspection covers, in order."""

    __tablename__ = "inspection_part"
    __table_args__ = (
        UniqueConstraint(
            "inspection_id", "template_version_id", name="uq_inspection_part_inspection_id"
        ),
    )

    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspection.id"))
    template_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("template_version.id"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class InspectionAnswer(Tracked, Base):
    """The answer to one item of an inspection (changed in place while a draft)."""

    __tablename__ = "inspection_answer"
    __table_args__ = (
        UniqueConstraint("inspection_id", "item_key", name="uq_inspection_answer_inspection_id"),
    )

    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspection.id"))
    item_key: Mapped[str] = mapped_column(String(64))
    response: Mapped[str] = mapped_column(String(32))
    comment: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime]


class InspectionPhoto(Tracked, SoftDeletable, Base):
    """A photo of an item: the original kept byte for byte, an upright display copy and a
    thumbnail under the data folder (``services/images.py``; paths relative to it)."""

    __tablename__ = "inspection_photo"

    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspection.id"), index=True)
    item_key: Mapped[str] = mapped_column(String(64))
    caption: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    original_path: Mapped[str] = mapped_column(String(255))
    display_path: Mapped[str] = mapped_column(String(255))
    thumbnail_path: Mapped[str] = mapped_column(String(255))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)


class InspectionSignoff(Tracked, Base):
    """The inspector's or the inspected representative's signature, bound to the SHA-256 of
    the answers signed: a tamper-evident record, not a CA-certified signature."""

    __tablename__ = "inspection_signoff"
    __table_args__ = (
        UniqueConstraint("inspection_id", "role", name="uq_inspection_signoff_inspection_id"),
    )

    inspection_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspection.id"))
    role: Mapped[str] = mapped_column(String(16))  # SignoffRole
    signer: Mapped[str] = mapped_column(String(64))
    answers_sha256: Mapped[str] = mapped_column(String(64))
    strokes: Mapped[bytes] = mapped_column(LargeBinary)  # domain.signatures.encode
    image_png: Mapped[bytes] = mapped_column(LargeBinary)
    signature_sha256: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime]
    device: Mapped[str] = mapped_column(String(16))  # DeviceKind
    device_name: Mapped[str] = mapped_column(String(128))
