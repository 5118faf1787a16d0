"""Findings (问题清单) and the assistance measures (帮扶措施) that answer them, with every
progress, 督办, verification and re-opening entry. Who wrote each row and when are its stamps."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from redpair_desktop.db.base import Base, SoftDeletable, Tracked


class Finding(Tracked, SoftDeletable, Base):
    """A problem found at a station: from a failed checklist item, a patrol defect or ad hoc."""

    __tablename__ = "finding"

    source: Mapped[str] = mapped_column(String(16))  # FindingSource
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("inspection.id"), default=None, index=True
    )
    item_key: Mapped[str | None] = mapped_column(String(64), default=None)
    patrol_defect_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("patrol_defect.id"), default=None
    )
    category: Mapped[str] = mapped_column(String(32))  # FindingCategory
    description: Mapped[str] = mapped_column(Text)
    station_branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"), index=True)
    found_on: Mapped[date]


class Measure(Tracked, SoftDeletable, Base):
    """An assistance measure: owned by the lead (HQ/urban) branch, the station co-owning it."""

    __tablename__ = "measure"

    finding_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("finding.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    owner_branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"))
    co_owner_branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"))
    due_on: Mapped[date] = mapped_column(index=True)
    priority: Mapped[str] = mapped_column(String(16))  # Priority
    status: Mapped[str] = mapped_column(String(32))  # MeasureStatus


class MeasureEntry(Tracked, Base):
    """One entry of a measure's log: progress with evidence, 督办, submission, a verification at
    a visit (``inspection_id``), closing or re-opening; ``status`` is the status after it."""

    __tablename__ = "measure_entry"

    measure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("measure.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # MeasureEntryKind
    text: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(32))  # MeasureStatus after the entry
    inspection_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("inspection.id"), default=None
    )
    photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    photo_path: Mapped[str | None] = mapped_column(String(255), default=None)  # the original
