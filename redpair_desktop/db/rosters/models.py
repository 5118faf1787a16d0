"""Rosters: people and their memberships of branches."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redpair_desktop.db.base import Base, SoftDeletable, Tracked

if TYPE_CHECKING:
    from redpair_desktop.db.org.models import Branch


CURRENT = text("ended_on IS NULL AND deleted_at IS NULL")


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
    __table_args__ = (
        Index("ix_membership_branch_current", "branch_id", "ended_on"),
        Index(  # one current roster entry per person: no code path can count anyone twice
            "uq_membership_person_current",
            "person_id",
            unique=True,
            sqlite_where=CURRENT,
        ),
    )

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
