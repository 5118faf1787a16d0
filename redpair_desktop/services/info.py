"""What is in the database, and whether it is healthy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, func, select

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch, OrgUnit
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.db.schema import schema_number
from redpair_desktop.domain.enums import UnitKind
from redpair_desktop.services.rosters.members import on_roster


@dataclass(frozen=True)
class DatabaseInfo:
    schema_version: int
    stations: int
    branches: int
    members: int
    pairings: int


def database_info(db: Database) -> DatabaseInfo:
    """Counts of live records; ``members`` are the people on a current branch roster."""
    with db.read() as session:

        def count(statement: Select[int]) -> int:
            return session.scalar(statement) or 0

        members = count(
            select(func.count(func.distinct(Person.id)))
            .join(Membership, Membership.person_id == Person.id)
            .where(Person.deleted_at.is_(None), on_roster())
        )
        return DatabaseInfo(
            schema_version=schema_number(db.schema_revision()),
            stations=count(
                select(func.count()).where(
                    OrgUnit.kind == str(UnitKind.SUPPLY_STATION), OrgUnit.deleted_at.is_(None)
                )
            ),
            branches=count(select(func.count()).where(Branch.deleted_at.is_(None))),
            members=members,
            pairings=count(select(func.count()).where(Pairing.deleted_at.is_(None))),
        )


@dataclass(frozen=True)
class CheckReport:
    path: Path | None
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database) -> CheckReport:
    return CheckReport(path=db.path, problems=db.integrity_problems())
