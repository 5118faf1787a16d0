"""Stamps every written row and appends a change-log entry for it, in the same transaction.

One ``Stamper`` does both, for ORM writes (the session hooks below) and for bulk Core writes
(``services.rosters.writer``) alike, so every change is stamped and logged the same way.

A session opened by ``Database.write`` carries a ``WriteContext`` in ``session.info``; the hooks
read it. A session without one (``Database.read``) refuses to flush anything, so every write has
to go through a service that opened a write session.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from redpair_desktop.db.base import SoftDeletable, Tracked
from redpair_desktop.db.change_log import ChangeLogEntry
from redpair_desktop.db.rosters.models import Person
from redpair_desktop.domain.enums import ChangeAction
from redpair_desktop.domain.ids import IdFactory, new_id
from redpair_desktop.domain.pinyin_keys import name_keys

WRITE_CONTEXT = "redpair.write_context"
PENDING_LOG = "redpair.pending_log"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class WriteContext:
    actor: str
    device: str
    id_factory: IdFactory = new_id
    clock: Callable[[], datetime] = field(default=_utc_now)


class ReadOnlySessionError(RuntimeError):
    """A read session was asked to write: a programming error, not a user's."""


class Stamper:
    """Who, when and on which device, for every row of one flush or one bulk write."""

    def __init__(self, context: WriteContext) -> None:
        self.context = context
        self.now = context.clock()
        self._updated = {
            "updated_at": self.now,
            "updated_by": context.actor,
            "updated_device": context.device,
        }
        self._created = {
            "created_at": self.now,
            "created_by": context.actor,
            "created_device": context.device,
            **self._updated,
        }

    def new_row(self, row_id: uuid.UUID | None = None) -> dict[str, Any]:
        """The stamps of an inserted row, with a fresh id unless it has one."""
        return {"id": row_id or self.context.id_factory(), **self._created}

    def changed_row(self) -> dict[str, Any]:
        """The stamps of an updated row."""
        return dict(self._updated)

    def log_entry(self, entity: str, values: dict[str, Any], action: ChangeAction) -> dict:
        """The change-log row for a written row given as all its column values."""
        return {
            "id": new_id(),
            "at": self.now,
            "actor": self.context.actor,
            "device": self.context.device,
            "entity": entity,
            "entity_id": values["id"],
            "action": action.value,
            "content_hash": values_hash(values),
        }


def row_values(row: Tracked) -> dict[str, Any]:
    """An ORM row's column values by key, as a bulk write holds them."""
    return {column.key: getattr(row, column.key) for column in inspect(type(row)).column_attrs}


def content_hash(row: Tracked) -> str:
    """SHA-256 of the row's column values as canonical JSON (sorted keys, ISO dates)."""
    return values_hash(row_values(row))


def values_hash(values: dict[str, Any]) -> str:
    """The same hash for a row given as a dict of all its columns (bulk writes)."""
    plain = {}
    for key, value in values.items():  # a loop, not a helper per value: bulk imports hash a lot
        convert = _TO_JSON.get(type(value))
        plain[key] = value if convert is None else convert(value)
    canonical = json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# A bulk write stamps thousands of rows with the same moment: format it once.
_TO_JSON: dict[type, Callable[[Any], str]] = {
    uuid.UUID: str,
    datetime: lru_cache(maxsize=16)(datetime.isoformat),
    date: date.isoformat,
    bytes: lambda data: hashlib.sha256(data).hexdigest(),  # signature strokes and images
}


def _fill_name_keys(row: Tracked) -> None:
    """People are found by pinyin initials; the keys follow the name on every write."""
    if isinstance(row, Person) and (row.name_initials is None or _name_changed(row)):
        row.name_initials, row.name_pinyin = name_keys(row.name)


def _name_changed(row: Person) -> bool:
    return bool(inspect(row).attrs.name.history.added)


def _set(row: Tracked, values: dict[str, Any]) -> None:
    for key, value in values.items():
        setattr(row, key, value)


def _action_for_dirty(row: Tracked) -> ChangeAction:
    if isinstance(row, SoftDeletable):
        history = inspect(row).attrs.deleted_at.history
        if history.added and history.added[0] is not None:
            return ChangeAction.DELETE
    return ChangeAction.UPDATE


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context: object, instances: object) -> None:
    context: WriteContext | None = session.info.get(WRITE_CONTEXT)
    if context is None:
        if session.new or session.dirty or session.deleted:
            raise ReadOnlySessionError("writes must go through Database.write()")
        return
    stamper = Stamper(context)
    pending: list[tuple[Tracked, ChangeAction]] = []
    for row in session.new:
        if isinstance(row, Tracked):
            _fill_name_keys(row)
            _set(row, stamper.new_row(row.id))
            pending.append((row, ChangeAction.INSERT))
    for row in session.dirty:
        if isinstance(row, Tracked) and session.is_modified(row, include_collections=False):
            _fill_name_keys(row)
            _set(row, stamper.changed_row())
            pending.append((row, _action_for_dirty(row)))
    for row in session.deleted:
        if isinstance(row, Tracked):
            pending.append((row, ChangeAction.DELETE))
    session.info[PENDING_LOG] = (stamper, pending)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context: object) -> None:
    stamper, pending = session.info.pop(PENDING_LOG, (None, []))
    if not pending:
        return
    entries = [
        stamper.log_entry(row.__tablename__, row_values(row), action) for row, action in pending
    ]
    session.connection().execute(ChangeLogEntry.__table__.insert(), entries)
