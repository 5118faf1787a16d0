"""What is in the database, and whether it is healthy.

The counts are SQL texts run either way in: ``database_info`` through SQLAlchemy (SQLite or
PostgreSQL), ``peek_info`` on an up-to-date SQLite file directly, so ``redpair info`` answers
without loading SQLAlchemy and every model (as ``peek_org_tree`` does for the window)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from redpair_desktop.db.schema import SCHEMA_HEAD, schema_number
from redpair_desktop.db.sqlite_peek import peek_rows
from redpair_desktop.domain.enums import UnitKind

if TYPE_CHECKING:
    from redpair_desktop.db.database import Database

COUNTS_SQL = (  # stations, branches, members on a current roster, pairings; live rows only
    "SELECT COUNT(*) FROM org_unit WHERE deleted_at IS NULL "
    f"AND kind = '{UnitKind.SUPPLY_STATION.value}'",
    "SELECT COUNT(*) FROM party_branch WHERE deleted_at IS NULL",
    "SELECT COUNT(DISTINCT person.id) FROM person JOIN membership "
    "ON membership.person_id = person.id WHERE person.deleted_at IS NULL "
    "AND membership.deleted_at IS NULL AND membership.ended_on IS NULL",
    "SELECT COUNT(*) FROM pairing WHERE deleted_at IS NULL",
)


@dataclass(frozen=True)
class DatabaseInfo:
    schema_version: int
    stations: int
    branches: int
    members: int
    pairings: int


def database_info(db: Database) -> DatabaseInfo:
    """Counts of live records; ``members`` are the people on a current branch roster."""
    from sqlalchemy import text

    with db.read() as session:
        counts = [session.scalar(text(sql)) or 0 for sql in COUNTS_SQL]
    return DatabaseInfo(schema_number(db.schema_revision()), *counts)


def peek_info(database_path: Path) -> DatabaseInfo | None:
    """``database_info`` of an up-to-date, undamaged SQLite file, or None (then open it fully,
    which says what is wrong)."""
    rows = peek_rows(database_path, ["PRAGMA quick_check", *COUNTS_SQL])
    if rows is None or rows[0] != [("ok",)]:
        return None
    return DatabaseInfo(schema_number(SCHEMA_HEAD), *(result[0][0] for result in rows[1:]))


@dataclass(frozen=True)
class CheckReport:
    path: Path | None
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database) -> CheckReport:
    return CheckReport(path=db.path, problems=db.integrity_problems())
