"""Who a roster row is: a stored person, someone an earlier row of the file already is, or new.

An ID number is identity: a row with one is the stored person with that number, else a new
person, never a namesake. Only a row without an ID number is matched by name + birth date +
branch, and only when exactly one person fits; Chinese names collide too often to guess among
several. Nothing here writes.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _

NameKey = tuple[str | None, date | None, uuid.UUID | None]  # name, birth date, branch id


class RowIdentity(Protocol):
    """What a row says about who it is (a ``RosterRecord`` or the valid part of a bad row)."""

    @property
    def name(self) -> str | None: ...
    @property
    def birth_date(self) -> date | None: ...
    @property
    def id_number(self) -> str | None: ...


class MatchRefused(UserError):
    """The row cannot be told apart from another; ``field`` is the field to correct."""

    def __init__(self, field_key: str, message: str) -> None:
        super().__init__(message)
        self.field = field_key


@dataclass
class StoredPeople:
    """The stored people an import can match, and their current roster entries."""

    by_id_number: dict[str, uuid.UUID] = field(default_factory=dict)
    by_name: dict[NameKey, list[uuid.UUID]] = field(default_factory=lambda: defaultdict(list))
    current_membership: dict[uuid.UUID, tuple[uuid.UUID, uuid.UUID]] = field(
        default_factory=dict
    )  # person → (membership, branch)

    @classmethod
    def load(cls, session: Session) -> StoredPeople:
        stored = cls()
        for person_id, id_number in session.execute(
            select(Person.id, Person.id_number).where(
                Person.deleted_at.is_(None), Person.id_number.is_not(None)
            )
        ):
            stored.by_id_number[cast(str, id_number)] = person_id  # NULLs filtered above
        for person_id, name, birth, membership_id, branch_id in session.execute(
            select(Person.id, Person.name, Person.birth_date, Membership.id, Membership.branch_id)
            .join(Membership, Membership.person_id == Person.id)
            .where(
                Person.deleted_at.is_(None),
                Membership.deleted_at.is_(None),
                Membership.ended_on.is_(None),
            )
        ):
            stored.by_name[(name, birth, branch_id)].append(person_id)
            stored.current_membership[person_id] = (membership_id, branch_id)
        return stored


class PersonMatcher:
    """Matches the rows of one file in order; each person may be named by one row only."""

    def __init__(self, stored: StoredPeople) -> None:
        self.stored = stored
        self._row_of: dict[object, int] = {}  # person (stored id, or a new row's number) → row
        self._file_ids: dict[str, int] = {}  # ID number → the row that gave it
        self._file_names: dict[NameKey, list[object]] = defaultdict(list)

    def match(self, number: int, row: RowIdentity, branch_id: uuid.UUID | None) -> uuid.UUID | None:
        """The stored person row ``number`` is, or None for a new person. Raises
        ``MatchRefused`` when an earlier row names the same person, or several people fit.
        ``branch_id`` None (an unknown branch) still checks the ID number against other rows."""
        key = (row.name, row.birth_date, branch_id)
        if row.id_number:
            person = self._by_id_number(number, row.id_number)
        else:
            person = self._by_name(number, key)
        self._file_names[key].append(person)
        return person if isinstance(person, uuid.UUID) else None

    def _by_id_number(self, number: int, id_number: str) -> object:
        first = self._file_ids.setdefault(id_number, number)
        if first != number:
            raise MatchRefused("id_number", _("公民身份号码与第 {row} 行重复。", row=first))
        person = self.stored.by_id_number.get(id_number, number)
        first = self._row_of.setdefault(person, number)
        if first != number:
            raise MatchRefused(
                "id_number", _("此公民身份号码的主人已由第 {row} 行（未填号码）对应。", row=first)
            )
        return person

    def _by_name(self, number: int, key: NameKey) -> object:
        candidates = set(self.stored.by_name.get(key, ())) | set(self._file_names.get(key, ()))
        if len(candidates) > 1:
            raise MatchRefused(
                "name",
                _(
                    "有 {count} 人的姓名、出生日期和党支部都与此行相同，无法确定是哪一位。"
                    "请填写公民身份号码。",
                    count=len(candidates),
                ),
            )
        person = next(iter(candidates), number)
        first = self._row_of.setdefault(person, number)
        if first != number:
            raise MatchRefused(
                "name",
                _(
                    "与第 {row} 行的姓名、出生日期和党支部都相同，同一人只能出现一次；"
                    "若是另一人，请填写公民身份号码。",
                    row=first,
                ),
            )
        return person
