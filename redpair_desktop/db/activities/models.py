"""Activities (ceremonies and joint activities), their photos, who was expected and who came,
every attendance event, the pledge texts and the pledge signatures, and the run-sheet's ticks.
Who wrote each row and when are its Tracked stamps."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redpair_desktop.db.base import Base, SoftDeletable, Tracked


class PledgeText(Tracked, Base):
    """One version of a pledge's words; stored once, never changed (signatures quote its hash)."""

    __tablename__ = "pledge_text"

    version: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)  # NFC
    sha256: Mapped[str] = mapped_column(String(64), unique=True)


class Activity(Tracked, SoftDeletable, Base):
    """A ceremony or joint activity of a pairing's two branches."""

    __tablename__ = "activity"

    type: Mapped[str] = mapped_column(String(32))  # ActivityType
    held_on: Mapped[date] = mapped_column(index=True)
    place: Mapped[str] = mapped_column(String(128), default="")
    title: Mapped[str] = mapped_column(String(200))
    pairing_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pairing.id"), index=True)
    hosts: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names
    agenda: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    pledge_text_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("pledge_text.id"), default=None
    )


class ActivityPhoto(Tracked, SoftDeletable, Base):
    """A photo of an activity: the original kept byte for byte, an upright display copy and a
    thumbnail, all stored under the data folder (paths relative to it)."""

    __tablename__ = "activity_photo"

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), index=True)
    caption: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64))  # of the original
    original_path: Mapped[str] = mapped_column(String(255))
    display_path: Mapped[str] = mapped_column(String(255))
    thumbnail_path: Mapped[str] = mapped_column(String(255))
    width: Mapped[int] = mapped_column(Integer)  # upright, in pixels
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)  # bytes of the original


class Attendee(Tracked, Base):
    """Someone on an activity's list: a member from a roster (``person_id``) or a guest."""

    __tablename__ = "attendee"
    __table_args__ = (
        UniqueConstraint("activity_id", "person_id", name="uq_attendee_activity_person"),
        UniqueConstraint("activity_id", "badge_code", name="uq_attendee_activity_badge"),
    )

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), default=None)
    name: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(128))  # the branch's short name, or a guest's unit
    role: Mapped[str] = mapped_column(String(32))  # MemberCategory, or "guest"
    is_guest: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16))  # AttendanceStatus
    reason: Mapped[str] = mapped_column(String(200), default="")
    method: Mapped[str | None] = mapped_column(String(16), default=None)  # EntryMethod
    checked_in_at: Mapped[datetime | None] = mapped_column(default=None)
    badge_code: Mapped[str] = mapped_column(String(16))
    backfilled: Mapped[bool] = mapped_column(default=False)  # 补录
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class AttendanceEvent(Tracked, Base):
    """One attendance event (check-in, 请假, 缺席, undo, 补录, signature …), kept in order."""

    __tablename__ = "attendance_event"

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), index=True)
    attendee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("attendee.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # AttendanceEventKind
    method: Mapped[str | None] = mapped_column(String(16), default=None)  # EntryMethod
    detail: Mapped[str] = mapped_column(Text, default="")


class PledgeSignature(Tracked, Base):
    """An attendee's signature under the pledge, bound to the words' SHA-256: a tamper-evident
    record, not a CA-certified signature."""

    __tablename__ = "pledge_signature"

    attendee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("attendee.id"), unique=True)
    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), index=True)
    pledge_text_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pledge_text.id"))
    text_sha256: Mapped[str] = mapped_column(String(64))
    strokes: Mapped[bytes] = mapped_column(LargeBinary)  # domain.signatures.encode
    image_png: Mapped[bytes] = mapped_column(LargeBinary)
    signature_sha256: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime]
    device: Mapped[str] = mapped_column(String(16))  # DeviceKind
    device_name: Mapped[str] = mapped_column(String(128))
    backfilled: Mapped[bool] = mapped_column(default=False)


class RunSheetTick(Tracked, Base):
    """One step of an activity's run-sheet, ticked or not (each change is in the change log)."""

    __tablename__ = "run_sheet_tick"
    __table_args__ = (Index("uq_run_sheet_tick_step", "activity_id", "step", unique=True),)

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"))
    step: Mapped[str] = mapped_column(String(32))  # RunSheetStep
    ticked: Mapped[bool] = mapped_column(default=True)
