"""Rosters: pinyin search keys for names, an index on phones, why a membership ended.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from redpair_desktop.domain.pinyin_keys import name_keys

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("membership") as batch_op:
        batch_op.add_column(sa.Column("end_reason", sa.String(length=16), nullable=True))
    with op.batch_alter_table("person") as batch_op:
        batch_op.add_column(sa.Column("name_initials", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("name_pinyin", sa.String(length=400), nullable=True))
        batch_op.create_index("ix_person_name_initials", ["name_initials"], unique=False)
        batch_op.create_index("ix_person_phone", ["phone"], unique=False)
    _fill_name_keys()


def _fill_name_keys() -> None:
    """Existing people get their keys here; new ones get them from the roster services."""
    connection = op.get_bind()
    people = connection.execute(sa.text("SELECT id, name FROM person")).all()
    if not people:
        return
    update = sa.text(
        "UPDATE person SET name_initials = :initials, name_pinyin = :pinyin WHERE id = :id"
    )
    rows = []
    for person_id, name in people:
        initials, pinyin = name_keys(name)
        rows.append({"id": person_id, "initials": initials, "pinyin": pinyin})
    connection.execute(update, rows)


def downgrade() -> None:
    with op.batch_alter_table("person") as batch_op:
        batch_op.drop_index("ix_person_phone")
        batch_op.drop_index("ix_person_name_initials")
        batch_op.drop_column("name_pinyin")
        batch_op.drop_column("name_initials")
    with op.batch_alter_table("membership") as batch_op:
        batch_op.drop_column("end_reason")
