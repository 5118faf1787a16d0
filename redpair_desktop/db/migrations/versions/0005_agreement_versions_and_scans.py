"""Agreement versions (by pairing and number, with their content hash and how they were
signed) and the scans of signed paper originals.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement_version",
        sa.Column("pairing_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("clauses", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_device", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_device", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["pairing_id"], ["pairing.id"], name=op.f("fk_agreement_version_pairing_id_pairing")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_version")),
        sa.UniqueConstraint("pairing_id", "version", name=op.f("uq_agreement_version_pairing_id")),
    )
    with op.batch_alter_table("agreement_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_version_content_hash"), ["content_hash"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_version_pairing_id"), ["pairing_id"], unique=False
        )

    op.create_table(
        "agreement_scan",
        sa.Column("agreement_version_id", sa.Uuid(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("stored_path", sa.String(length=255), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_device", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_device", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_version_id"],
            ["agreement_version.id"],
            name=op.f("fk_agreement_scan_agreement_version_id_agreement_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_scan")),
    )
    with op.batch_alter_table("agreement_scan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_scan_agreement_version_id"),
            ["agreement_version_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("agreement_scan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_scan_agreement_version_id"))

    op.drop_table("agreement_scan")
    with op.batch_alter_table("agreement_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_version_pairing_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_version_content_hash"))

    op.drop_table("agreement_version")
