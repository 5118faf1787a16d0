"""Rosters: one current roster entry per person (a partial unique index).

An import before this version could merge two namesakes (same name, birth date and branch)
into one person with two current roster entries. Each such extra entry gets its own person
again, a copy without the ID number (the import had overwritten it; the person editor fills it
in), logged in the change log, so that no entry is lost and the index can be built.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from redpair_desktop.db.audit import Stamper, WriteContext
from redpair_desktop.db.base import Base
from redpair_desktop.domain.enums import ChangeAction

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CURRENT = "ended_on IS NULL AND deleted_at IS NULL"


def upgrade() -> None:
    _split_merged_people()
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(
            "uq_membership_person_current",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text(CURRENT),
            postgresql_where=sa.text(CURRENT),
        )


def _split_merged_people() -> None:
    connection = op.get_bind()
    extra = connection.execute(
        sa.text(
            f"SELECT id FROM membership m WHERE {CURRENT} AND EXISTS ("
            f"SELECT 1 FROM membership o WHERE o.person_id = m.person_id AND o.{CURRENT} "
            "AND (o.created_at < m.created_at OR (o.created_at = m.created_at AND o.id < m.id)))"
        )
    ).scalars()
    extra = list(extra)
    if not extra:
        return
    person, membership = _table(connection, "person"), _table(connection, "membership")
    change_log = _table(connection, "change_log")
    stamper = Stamper(WriteContext(actor="schema 0003", device="migration"))
    for raw_id in extra:
        moved = connection.execute(membership.select().where(sa.text("id = :id")), {"id": raw_id})
        moved = dict(moved.one()._mapping)
        original = connection.execute(person.select().where(person.c.id == moved["person_id"]))
        copy = {**original.one()._mapping, "id_number": None, **stamper.new_row()}
        connection.execute(person.insert().values(copy))
        moved.update(person_id=copy["id"], **stamper.changed_row())
        connection.execute(membership.update().where(membership.c.id == moved["id"]).values(moved))
        connection.execute(
            change_log.insert(),
            [
                stamper.log_entry("person", copy, ChangeAction.INSERT),
                stamper.log_entry("membership", moved, ChangeAction.UPDATE),
            ],
        )


def _table(connection: sa.Connection, name: str) -> sa.Table:
    """The table as it is at this revision, with the models' column types (UUIDs, UTC) where
    the models still have the column."""
    reflected = sa.Table(name, sa.MetaData(), autoload_with=connection)
    model = Base.metadata.tables[name]
    columns = [
        sa.Column(column.key, model.c.get(column.key, column).type) for column in reflected.columns
    ]
    return sa.Table(name, sa.MetaData(), *columns)


def downgrade() -> None:
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index("uq_membership_person_current")
