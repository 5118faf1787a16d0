"""A branch's own information: its secretary (支部书记), its unit's duties (单位职责), its goal.

The secretary is chosen from the branch's current roster; the duties are the unit's
``description``, so every branch of a unit shows the same text. One transaction per save; the
write session stamps the rows and logs the change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.org.editing import live_branch
from redpair_desktop.services.rosters.members import on_roster

MAX_TEXT = 2000


@dataclass(frozen=True)
class RosterChoice:
    person_id: uuid.UUID
    name: str


@dataclass(frozen=True)
class BranchInfo:
    branch_id: uuid.UUID
    short_name: str
    unit_name: str
    secretary_id: uuid.UUID | None
    description: str | None
    goal: str | None
    members: tuple[RosterChoice, ...]  # the current roster, in pinyin order


def branch_info(db: Database, branch_id: uuid.UUID) -> BranchInfo:
    with db.read() as session:
        branch = live_branch(session, branch_id)
        return BranchInfo(
            branch_id=branch.id,
            short_name=branch.short_name,
            unit_name=branch.unit.name,
            secretary_id=branch.secretary_id,
            description=branch.unit.description,
            goal=branch.goal,
            members=_current_members(session, branch.id),
        )


def save_branch_info(
    db: Database,
    branch_id: uuid.UUID,
    *,
    secretary_id: uuid.UUID | None,
    description: str,
    goal: str,
) -> None:
    """Store all three or nothing; the secretary must be on the branch's roster today."""
    description_text = _optional_text(description, _("单位职责"))
    goal_text = _optional_text(goal, _("支部目标"))
    with db.write() as session:
        branch = live_branch(session, branch_id)
        if secretary_id is not None:
            members = {choice.person_id for choice in _current_members(session, branch.id)}
            if secretary_id not in members:
                raise UserError(
                    _(
                        "所选的支部书记不在“{branch}”的花名册上，请从本支部的现有人员中选择。",
                        branch=branch.short_name,
                    )
                )
        branch.secretary_id = secretary_id
        branch.goal = goal_text
        branch.unit.description = description_text


def _current_members(session: Session, branch_id: uuid.UUID) -> tuple[RosterChoice, ...]:
    rows = session.execute(
        select(Person.id, Person.name)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.branch_id == branch_id, on_roster(), Person.deleted_at.is_(None))
        .order_by(Person.name_pinyin, Person.name)
    )
    return tuple(RosterChoice(person_id, name) for person_id, name in rows)


def _optional_text(text: str, field: str) -> str | None:
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise UserError(_("{field}不能超过 {limit} 个字。", field=field, limit=MAX_TEXT))
    return text or None
