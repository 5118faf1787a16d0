"""What the 移出 question shows before a person leaves a roster (the removal itself is
``people.remove_from_roster``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _


@dataclass(frozen=True)
class RemovalFacts:
    name: str
    branch: str  # short name
    started_on: date | None  # the removal may not be dated earlier
    is_secretary: bool  # the person is this branch's 支部书记


def removal_facts(db: Database, membership_id: uuid.UUID) -> RemovalFacts:
    """The person, branch, start date and secretary role of a current roster entry."""
    with db.read() as session:
        row = session.execute(
            select(
                Person.name,
                Branch.short_name,
                Membership.started_on,
                Branch.secretary_id == Person.id,
            )
            .join(Person, Person.id == Membership.person_id)
            .join(Branch, Branch.id == Membership.branch_id)
            .where(
                Membership.id == membership_id,
                Membership.deleted_at.is_(None),
                Membership.ended_on.is_(None),
            )
        ).one_or_none()
    if row is None:
        raise UserError(_("找不到这条花名册记录，它可能已被调转或删除。请刷新后重试。"))
    name, branch, started_on, is_secretary = row
    return RemovalFacts(name, branch, started_on, bool(is_secretary))
