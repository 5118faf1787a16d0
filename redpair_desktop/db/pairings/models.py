"""The pairing registry."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redpair_desktop.db.base import Base, SoftDeletable, Tracked

if TYPE_CHECKING:
    from redpair_desktop.db.org.models import Branch
    from redpair_desktop.db.rosters.models import Person


class Pairing(Tracked, SoftDeletable, Base):
    """A lead branch (HQ department or urban unit) paired with a supply-station branch."""

    __tablename__ = "pairing"

    lead_branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"), index=True)
    station_branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"), index=True)
    started_on: Mapped[date]
    ended_on: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(16))  # PairingStatus: stored, not as shown
    terminated_on: Mapped[date | None] = mapped_column(default=None)  # 终止 on this day
    notes: Mapped[str | None] = mapped_column(Text, default=None)
    lead_liaison_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), default=None)
    station_liaison_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id"), default=None
    )

    lead_branch: Mapped[Branch] = relationship(foreign_keys=[lead_branch_id])
    station_branch: Mapped[Branch] = relationship(foreign_keys=[station_branch_id])
    lead_liaison: Mapped[Person | None] = relationship(foreign_keys=[lead_liaison_id])
    station_liaison: Mapped[Person | None] = relationship(foreign_keys=[station_liaison_id])
