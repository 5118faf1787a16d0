"""Branch rosters: people, their memberships, and the counts derived from them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.domain.enums import MemberCategory, MemberStatus

PARTY_CATEGORIES = [str(c) for c in MemberCategory if c.is_party_member]


@dataclass(frozen=True)
class RosterCounts:
    """Always derived from the roster, never typed in; 停用 entries do not count."""

    staff: int
    party_members: int
    supply_service_members: int


def on_roster():
    """The condition for a membership that is on a branch's roster today (any status)."""
    return and_(Membership.deleted_at.is_(None), Membership.ended_on.is_(None))


def roster_counts(session: Session, branch_id: uuid.UUID) -> RosterCounts:
    is_member = Person.category.in_(PARTY_CATEGORIES)
    row = session.execute(
        select(
            func.count(),
            func.count().filter(is_member),
            func.count().filter(is_member & Membership.supply_service),
        )
        .select_from(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.branch_id == branch_id,
            on_roster(),
            Membership.status != str(MemberStatus.INACTIVE),
            Person.deleted_at.is_(None),
        )
    ).one()
    return RosterCounts(staff=row[0], party_members=row[1], supply_service_members=row[2])


def add_member(
    session: Session,
    branch: Branch,
    *,
    name: str,
    category: MemberCategory,
    gender: str | None = None,
    ethnicity: str | None = None,
    birth_date: date | None = None,
    education: str | None = None,
    joined_party_on: date | None = None,
    confirmed_on: date | None = None,
    party_post: str | None = None,
    position: str | None = None,
    supply_service: bool = False,
    phone: str | None = None,
    started_on: date | None = None,
) -> Person:
    """Put a new person on a branch's roster, inside an open write session."""
    person = Person(
        name=name,
        category=str(category),
        gender=gender,
        ethnicity=ethnicity,
        birth_date=birth_date,
        education=education,
        joined_party_on=joined_party_on,
        confirmed_on=confirmed_on,
        phone=phone,
    )
    session.add(person)
    session.add(
        Membership(
            person=person,
            branch=branch,
            party_post=party_post,
            employer=branch.unit.name,
            position=position,
            supply_service=supply_service,
            status=str(MemberStatus.NORMAL),
            started_on=started_on,
        )
    )
    return person
