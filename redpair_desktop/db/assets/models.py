"""The asset register (10 kV lines, their poles and transformers) and line patrols with the
defects marked on them. Who wrote each row and when are its Tracked stamps."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redpair_desktop.db.base import Base, SoftDeletable, Tracked


class Asset(Tracked, SoftDeletable, Base):
    """A line, or a pole or transformer on a line (``line_id``), kept by a station's branch."""

    __tablename__ = "asset"
    __table_args__ = (UniqueConstraint("line_id", "number", name="uq_asset_line_id"),)

    kind: Mapped[str] = mapped_column(String(32))  # AssetKind
    name: Mapped[str] = mapped_column(String(100))  # 10 kV 内冲线, 内冲线1号杆, 内冲村1号公变
    number: Mapped[str] = mapped_column(String(32))  # pole 1 … 128, transformer G1/Z1 …
    line_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("asset.id"), default=None, index=True
    )
    capacity_kva: Mapped[int | None] = mapped_column(Integer, default=None)
    station_branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"), index=True)
    serves: Mapped[str] = mapped_column(String(100), default="")  # 通城瑶族村
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Patrol(Tracked, Base):
    """One patrol over a line: every asset on it is 正常 unless a defect was marked."""

    __tablename__ = "patrol"

    line_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("asset.id"), index=True)
    patrolled_on: Mapped[date]
    patroller: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # PatrolStatus
    notes: Mapped[str] = mapped_column(Text, default="")


class PatrolDefect(Tracked, SoftDeletable, Base):
    """A defect marked on an asset during a patrol, with a note and an optional photo
    (stored by ``services/images.py``; paths relative to the data folder)."""

    __tablename__ = "patrol_defect"

    patrol_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patrol.id"), index=True)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("asset.id"), index=True)
    defect_type: Mapped[str] = mapped_column(String(32))  # DefectType
    note: Mapped[str] = mapped_column(Text, default="")
    photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    photo_path: Mapped[str | None] = mapped_column(String(255), default=None)  # the original
