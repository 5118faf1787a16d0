"""Writing many roster records at once: SQLAlchemy Core inserts and updates, each row stamped
and logged by the same ``db.audit.Stamper`` as an ORM write, in the caller's transaction.

Used by the Excel import, where 50,000 ORM objects would be several times slower.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select, update
from sqlalchemy.orm import Session

from redpair_desktop.db.audit import Stamper, WriteContext
from redpair_desktop.db.change_log import ChangeLogEntry
from redpair_desktop.db.org.models import Branch, OrgUnit
from redpair_desktop.db.rosters.models import Membership, Person
from redpair_desktop.domain.enums import ChangeAction, EndReason
from redpair_desktop.domain.pinyin_keys import name_keys
from redpair_desktop.domain.rosters.fields import MEMBERSHIP, PERSON, stored_values
from redpair_desktop.domain.rosters.record import RosterRecord
from redpair_desktop.services.rosters.matching import StoredPeople

PERSON_TABLE: Table = Person.__table__
MEMBERSHIP_TABLE: Table = Membership.__table__
CHUNK = 500


@dataclass(frozen=True)
class BranchRef:
    id: uuid.UUID
    seal_name: str
    unit_name: str


def branch_lookup(session: Session) -> dict[str, BranchRef]:
    """Live branches by seal name and by short name."""
    rows = session.execute(
        select(Branch.id, Branch.seal_name, Branch.short_name, OrgUnit.name)
        .join(OrgUnit, OrgUnit.id == Branch.unit_id)
        .where(Branch.deleted_at.is_(None))
    ).all()
    lookup: dict[str, BranchRef] = {}
    for branch_id, seal_name, short_name, unit_name in rows:
        ref = BranchRef(branch_id, seal_name, unit_name)
        lookup[seal_name] = lookup[short_name] = ref
    return lookup


class RosterWriter:
    """Collects inserts and updates for one transaction, then writes them in bulk."""

    def __init__(
        self,
        session: Session,
        context: WriteContext,
        today: date,
        stored: StoredPeople | None = None,
    ) -> None:
        self.session = session
        self.stamper = Stamper(context)
        self.today = today
        self.stored = stored if stored is not None else StoredPeople.load(session)
        self.inserts: dict[Table, list[dict]] = {PERSON_TABLE: [], MEMBERSHIP_TABLE: []}
        self.updates: dict[Table, list[tuple[uuid.UUID, dict]]] = {
            PERSON_TABLE: [],
            MEMBERSHIP_TABLE: [],
        }
        self.log: list[dict] = []

    def add(
        self, record: RosterRecord, branch: BranchRef, person_id: uuid.UUID | None = None
    ) -> None:
        """Stage one record: a new person (``person_id`` None), or an update of the stored
        person ``person_id`` (see ``matching``). A stored ID number is never changed here."""
        if person_id is None:
            person_id = self._insert(PERSON_TABLE, _person_values(record))
            self._insert(MEMBERSHIP_TABLE, self._membership(record, branch, person_id, None))
            return
        person = _given(_person_values(record))
        person.pop("id_number", None)
        self.updates[PERSON_TABLE].append((person_id, person))
        current = self.stored.current_membership.get(person_id)
        if current and current[1] == branch.id:
            values = _given(self._membership(record, branch, person_id, None))
            self.updates[MEMBERSHIP_TABLE].append((current[0], values))
            return
        if current:  # the file puts them in another branch: a transfer, as of today
            ended = {"ended_on": self.today, "end_reason": EndReason.TRANSFERRED.value}
            self.updates[MEMBERSHIP_TABLE].append((current[0], ended))
        self._insert(MEMBERSHIP_TABLE, self._membership(record, branch, person_id, self.today))

    def _membership(
        self,
        record: RosterRecord,
        branch: BranchRef,
        person_id: uuid.UUID,
        started_on: date | None,
    ) -> dict:
        values = stored_values(record, MEMBERSHIP, branch.unit_name)
        values.update(person_id=person_id, branch_id=branch.id, started_on=started_on)
        return values

    def _insert(self, table: Table, values: dict) -> uuid.UUID:
        row: dict[str, Any] = dict.fromkeys(table.columns.keys())
        row.update(values)
        row.update(self.stamper.new_row())
        self.inserts[table].append(row)
        self.log.append(self.stamper.log_entry(table.name, row, ChangeAction.INSERT))
        return row["id"]

    def flush(self) -> None:
        """Updates first: a transfer ends the old roster entry before the new one starts (the
        database allows one current entry per person)."""
        connection = self.session.connection()
        for table, changes in self.updates.items():
            self._apply_updates(table, changes)
        for table, rows in self.inserts.items():
            _bulk_insert(connection, table, rows)
        _bulk_insert(connection, ChangeLogEntry.__table__, self.log)

    def _apply_updates(self, table: Table, changes: list[tuple[uuid.UUID, dict]]) -> None:
        """Write only rows whose values really change, each stamped and logged."""
        connection = self.session.connection()
        wanted: dict[uuid.UUID, dict] = {}
        for row_id, values in changes:  # a transfer ends an entry an update also touched
            wanted.setdefault(row_id, {}).update(values)
        changed: list[dict] = []
        for chunk in _chunks(list(wanted)):
            for current in connection.execute(table.select().where(table.c.id.in_(chunk))):
                row = dict(current._mapping)
                new_values = wanted[row["id"]]
                if all(row.get(key) == value for key, value in new_values.items()):
                    continue
                row.update(new_values)
                row.update(self.stamper.changed_row())
                changed.append(row)
                self.log.append(self.stamper.log_entry(table.name, row, ChangeAction.UPDATE))
        if not changed:
            return
        fixed = ("id", "created_at", "created_by", "created_device")
        columns = [c.key for c in table.columns if c.key not in fixed]
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({c: bindparam(c) for c in columns})
        )
        for chunk in _chunks(changed):
            connection.execute(
                statement, [{"row_id": row["id"], **{c: row[c] for c in columns}} for row in chunk]
            )


def _person_values(record: RosterRecord) -> dict:
    values = stored_values(record, PERSON)
    values["name_initials"], values["name_pinyin"] = name_keys(record.name)
    return values


def _bulk_insert(connection: Connection, table: Table, rows: list[dict]) -> None:
    """INSERT many full rows through the driver's executemany.

    The values are converted once per column with the column types' own bind processors (the
    conversions SQLAlchemy would apply), then sent as plain tuples: SQLAlchemy's per-row
    parameter handling costs about as much as the import's whole validation.
    """
    if not rows:
        return
    dialect = connection.dialect
    columns = list(table.columns)
    statement = table.insert().values({c.key: bindparam(c.key) for c in columns})
    compiled = statement.compile(dialect=dialect)
    if not compiled.positional:  # a named paramstyle (PostgreSQL drivers): let SQLAlchemy bind
        for chunk in _chunks(rows):
            connection.execute(table.insert(), chunk)
        return
    assert compiled.positiontup is not None  # set for every positional paramstyle
    order = [table.c[name] for name in compiled.positiontup]
    converters = [column.type.bind_processor(dialect) for column in order]
    keys = [column.key for column in order]
    parameters = [
        tuple(
            value if convert is None or value is None else convert(value)
            for convert, value in zip(converters, map(row.__getitem__, keys), strict=True)
        )
        for row in rows
    ]
    for chunk in _chunks(parameters):
        connection.exec_driver_sql(compiled.string, list(chunk))


def _given(values: dict) -> dict:
    """An update changes what the file gives; an empty cell keeps what is stored."""
    return {key: value for key, value in values.items() if value is not None}


def _chunks(items: Sequence) -> Iterable[Sequence]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
