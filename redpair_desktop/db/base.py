"""Declarative base and the columns every record carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import DateTime, MetaData, String, Table, TypeDecorator, Uuid, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Stores UTC without an offset (SQLite has none) and hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use datetime.now(UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {uuid.UUID: Uuid(as_uuid=True), datetime: UtcDateTime()}  # noqa: RUF012
    if TYPE_CHECKING:  # every model maps one table (SQLAlchemy types it as any FromClause)
        __table__: ClassVar[Table]


class Tracked:
    """A UUIDv7 key and who changed the row, when and on which device.

    The values are filled in by the write session (see ``db.audit``), never by hand.
    """

    if TYPE_CHECKING:  # mixed into models only
        __tablename__: str

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64))
    created_device: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_device: Mapped[str] = mapped_column(String(64))


class SoftDeletable:
    """Records that may be withdrawn keep their row; ``deleted_at`` marks the withdrawal."""

    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


NOT_DELETED = text("deleted_at IS NULL")
# Partial unique indexes are declared for SQLite in the models; migrations create them for
# PostgreSQL too. (Naming a ``postgresql_where`` in a model would load the whole PostgreSQL
# dialect, ~80 ms, at every start.)
