"""The whole words of an agreement version (title, parties, preamble), the signatures drawn on
screen and the signing's event log.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STAMPS = ("created", "updated")


def _tracked_columns() -> list[sa.Column]:
    columns = [sa.Column("id", sa.Uuid(), nullable=False)]
    for stamp in STAMPS:
        columns += [
            sa.Column(f"{stamp}_at", sa.DateTime(), nullable=False),
            sa.Column(f"{stamp}_by", sa.String(length=64), nullable=False),
            sa.Column(f"{stamp}_device", sa.String(length=64), nullable=False),
        ]
    return columns


def _version_key(table: str) -> list:
    return [
        sa.ForeignKeyConstraint(
            ["agreement_version_id"],
            ["agreement_version.id"],
            name=op.f(f"fk_{table}_agreement_version_id_agreement_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    with op.batch_alter_table("agreement_version", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("parties", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("preamble", sa.Text(), nullable=True))

    op.create_table(
        "agreement_signature",
        sa.Column("agreement_version_id", sa.Uuid(), nullable=False),
        sa.Column("party", sa.String(length=8), nullable=False),
        sa.Column("signer", sa.String(length=64), nullable=False),
        sa.Column("signer_role", sa.String(length=32), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("device", sa.String(length=16), nullable=False),
        sa.Column("device_name", sa.String(length=128), nullable=False),
        sa.Column("strokes", sa.LargeBinary(), nullable=False),
        sa.Column("image_png", sa.LargeBinary(), nullable=False),
        sa.Column("signature_sha256", sa.String(length=64), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        *_tracked_columns(),
        *_version_key("agreement_signature"),
        sa.UniqueConstraint(
            "agreement_version_id",
            "party",
            name=op.f("uq_agreement_signature_agreement_version_id"),
        ),
    )
    op.create_table(
        "agreement_event",
        sa.Column("agreement_version_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        *_tracked_columns(),
        *_version_key("agreement_event"),
    )
    for table in ("agreement_signature", "agreement_event"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(
                batch_op.f(f"ix_{table}_agreement_version_id"), ["agreement_version_id"]
            )


def downgrade() -> None:
    for table in ("agreement_event", "agreement_signature"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_agreement_version_id"))
        op.drop_table(table)
    with op.batch_alter_table("agreement_version", schema=None) as batch_op:
        batch_op.drop_column("preamble")
        batch_op.drop_column("parties")
        batch_op.drop_column("title")
