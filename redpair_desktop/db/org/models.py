"""The organisation: the unit tree and its Party branches."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redpair_desktop.db.base import NOT_DELETED, Base, SoftDeletable, Tracked

if TYPE_CHECKING:
    from redpair_desktop.db.rosters.models import Person


class OrgUnit(Tracked, SoftDeletable, Base):
    """A node of the unit tree: company, HQ department, urban unit, county company, station."""

    __tablename__ = "org_unit"

    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    description: Mapped[str | None] = mapped_column(Text, default=None)

    parent: Mapped[OrgUnit | None] = relationship(remote_side="OrgUnit.id")


class Branch(Tracked, SoftDeletable, Base):
    """A Party branch (党支部) with the name on its seal (中共……支部委员会)."""

    __tablename__ = "party_branch"
    __table_args__ = (
        Index(
            "uq_party_branch_seal_name_live",
            "seal_name",
            unique=True,
            sqlite_where=NOT_DELETED,
        ),
        Index(
            "uq_party_branch_short_name_live",
            "short_name",
            unique=True,
            sqlite_where=NOT_DELETED,
        ),
    )

    seal_name: Mapped[str] = mapped_column(String(128))
    short_name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("org_unit.id"), index=True)
    secretary_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), default=None)
    goal: Mapped[str | None] = mapped_column(Text, default=None)

    unit: Mapped[OrgUnit] = relationship()
    secretary: Mapped[Person | None] = relationship()
