"""Pairings: the statuses 筹备/已签约/进行中/到期/终止, a termination date and notes.

Before this version the stored status was computed from the dates when a pairing was
registered (``planned`` before its start, ``active`` until its end, ``completed`` after it), so
each of those three meant the same thing: an agreed pairing whose phase follows its dates. They
all become ``signed`` (已签约), and the status shown (已签约/进行中/到期) is derived from the
dates as of today. ``ended`` (ended early; no version wrote it, but a database might hold it)
becomes ``terminated`` (终止) on its end date, the only date it has.

    planned   -> signed
    active    -> signed
    completed -> signed
    ended     -> terminated

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pairing", schema=None) as batch_op:
        batch_op.add_column(sa.Column("terminated_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=True))
    op.execute(
        "UPDATE pairing SET status = 'terminated', terminated_on = ended_on WHERE status = 'ended'"
    )
    op.execute(
        "UPDATE pairing SET status = 'signed' WHERE status IN ('planned', 'active', 'completed')"
    )


def downgrade() -> None:
    """Back to the date-computed codes of 0003, as of the day of the downgrade."""
    op.execute("UPDATE pairing SET status = 'ended' WHERE status = 'terminated'")
    op.execute(
        "UPDATE pairing SET status = CASE "
        "WHEN status = 'preparing' OR started_on > CURRENT_DATE THEN 'planned' "
        "WHEN ended_on IS NOT NULL AND ended_on <= CURRENT_DATE THEN 'completed' "
        "ELSE 'active' END WHERE status <> 'ended'"
    )
    with op.batch_alter_table("pairing", schema=None) as batch_op:
        batch_op.drop_column("notes")
        batch_op.drop_column("terminated_on")
