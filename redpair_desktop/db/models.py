"""The data model, first part: organisation, rosters, pairings and the change log.

Later capabilities add their own modules beside this one, each with its Alembic migration.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redpair_desktop.db.base import Base, SoftDeletable, Tracked

NOT_DELETED = text("deleted_at IS NULL")
# Partial unique indexes are declared for SQLite here; migrations create them for PostgreSQL
# too. (Naming a ``postgresql_where`` here would load the whole PostgreSQL dialect, ~80 ms, at
# every start.)


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


class Person(Tracked, SoftDeletable, Base):
    """Someone on a roster, with the facts that belong to the person, not to a branch."""

    __tablename__ = "person"
    __table_args__ = (
        Index(
            "uq_person_id_number_live",
            "id_number",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND id_number IS NOT NULL"),
        ),
    )

    name: Mapped[str] = mapped_column(String(64), index=True)
    name_initials: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    name_pinyin: Mapped[str | None] = mapped_column(String(400), default=None)
    gender: Mapped[str | None] = mapped_column(String(8), default=None)
    ethnicity: Mapped[str | None] = mapped_column(String(32), default=None)
    birth_date: Mapped[date | None] = mapped_column(default=None)
    id_number: Mapped[str | None] = mapped_column(String(18), default=None)
    education: Mapped[str | None] = mapped_column(String(32), default=None)
    phone: Mapped[str | None] = mapped_column(String(32), default=None, index=True)
    category: Mapped[str] = mapped_column(String(32))
    joined_party_on: Mapped[date | None] = mapped_column(default=None)
    confirmed_on: Mapped[date | None] = mapped_column(default=None)


class Membership(Tracked, SoftDeletable, Base):
    """A person on a branch's roster from ``started_on`` (转入) until ``ended_on`` (转出)."""

    __tablename__ = "membership"
    __table_args__ = (Index("ix_membership_branch_current", "branch_id", "ended_on"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"))
    party_post: Mapped[str | None] = mapped_column(String(32), default=None)
    employer: Mapped[str | None] = mapped_column(String(128), default=None)
    position: Mapped[str | None] = mapped_column(String(64), default=None)
    supply_service: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16))
    started_on: Mapped[date | None] = mapped_column(default=None)
    ended_on: Mapped[date | None] = mapped_column(default=None)
    end_reason: Mapped[str | None] = mapped_column(String(16), default=None)  # EndReason

    person: Mapped[Person] = relationship()
    branch: Mapped[Branch] = relationship()


class Pairing(Tracked, SoftDeletable, Base):
    """A lead branch (HQ department or urban unit) paired with a supply-station branch."""

    __tablename__ = "pairing"

    lead_branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"), index=True)
    station_branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("party_branch.id"), index=True)
    started_on: Mapped[date]
    ended_on: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(16))
    lead_liaison_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), default=None)
    station_liaison_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id"), default=None
    )

    lead_branch: Mapped[Branch] = relationship(foreign_keys=[lead_branch_id])
    station_branch: Mapped[Branch] = relationship(foreign_keys=[station_branch_id])
    lead_liaison: Mapped[Person | None] = relationship(foreign_keys=[lead_liaison_id])
    station_liaison: Mapped[Person | None] = relationship(foreign_keys=[station_liaison_id])


class ChangeLogEntry(Base):
    """One line of the append-only change log; database triggers refuse updates and deletes."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))
    device: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID]
    action: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64))
