"""Inspections, assets and measures: checklist templates and their versions, inspections with
their frozen checklist, answers, photos and sign-offs; the asset register (lines, poles,
transformers), patrols and their defects; findings, assistance measures and their entries.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

STAMPS = ("created", "updated")
# table → its indexed columns (ix_<table>_<column>)
INDEXES = {
    "inspection": ("station_branch_id", "held_on", "corrects_id"),
    "inspection_part": ("template_version_id",),
    "inspection_photo": ("inspection_id",),
    "asset": ("line_id", "station_branch_id"),
    "patrol": ("line_id",),
    "patrol_defect": ("patrol_id", "asset_id"),
    "finding": ("inspection_id", "station_branch_id"),
    "measure": ("finding_id", "due_on"),
    "measure_entry": ("measure_id",),
}
TABLES = (
    "inspection_template", "template_version", "inspection", "inspection_part",
    "inspection_answer", "inspection_photo", "inspection_signoff", "asset", "patrol",
    "patrol_defect", "finding", "measure", "measure_entry",
)  # fmt: skip


def _tracked_columns(*, soft_delete: bool = False) -> list[sa.Column]:
    columns = [sa.Column("id", sa.Uuid(), nullable=False)]
    for stamp in STAMPS:
        columns += [
            sa.Column(f"{stamp}_at", sa.DateTime(), nullable=False),
            sa.Column(f"{stamp}_by", sa.String(length=64), nullable=False),
            sa.Column(f"{stamp}_device", sa.String(length=64), nullable=False),
        ]
    if soft_delete:
        columns.append(sa.Column("deleted_at", sa.DateTime(), nullable=True))
    return columns


def _key(table: str, *references: tuple[str, str]) -> list:
    """The primary key and a foreign key for each (column, referenced table)."""
    return [
        *(
            sa.ForeignKeyConstraint(
                [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
            )
            for column, target in references
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def _photo_columns() -> list[sa.Column]:
    return [
        sa.Column("photo_sha256", sa.String(length=64), nullable=True),
        sa.Column("photo_path", sa.String(length=255), nullable=True),
    ]


def upgrade() -> None:
    _inspections()
    _assets()
    _measures()
    for table, columns in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column])


def _inspections() -> None:
    op.create_table(
        "inspection_template",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("built_in", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_tracked_columns(),
        *_key("inspection_template"),
        sa.UniqueConstraint("key", name=op.f("uq_inspection_template_key")),
    )
    op.create_table(
        "template_version",
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        *_tracked_columns(),
        *_key("template_version", ("template_id", "inspection_template")),
        sa.UniqueConstraint("template_id", "version", name="uq_template_version_template_version"),
    )
    op.create_table(
        "inspection",
        sa.Column("station_branch_id", sa.Uuid(), nullable=False),
        sa.Column("pairing_id", sa.Uuid(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("inspectors", sa.Text(), nullable=False),
        sa.Column("checklist", sa.Text(), nullable=False),
        sa.Column("checklist_sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("corrects_id", sa.Uuid(), nullable=True),
        sa.Column("follows_id", sa.Uuid(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("backfilled", sa.Boolean(), nullable=False),
        *_tracked_columns(soft_delete=True),
        *_key(
            "inspection",
            ("corrects_id", "inspection"),
            ("follows_id", "inspection"),
            ("pairing_id", "pairing"),
            ("station_branch_id", "party_branch"),
        ),
    )
    op.create_table(
        "inspection_part",
        sa.Column("inspection_id", sa.Uuid(), nullable=False),
        sa.Column("template_version_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_tracked_columns(),
        *_key(
            "inspection_part",
            ("inspection_id", "inspection"),
            ("template_version_id", "template_version"),
        ),
        sa.UniqueConstraint(
            "inspection_id", "template_version_id", name="uq_inspection_part_inspection_id"
        ),
    )
    op.create_table(
        "inspection_answer",
        sa.Column("inspection_id", sa.Uuid(), nullable=False),
        sa.Column("item_key", sa.String(length=64), nullable=False),
        sa.Column("response", sa.String(length=32), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        *_tracked_columns(),
        *_key("inspection_answer", ("inspection_id", "inspection")),
        sa.UniqueConstraint("inspection_id", "item_key", name="uq_inspection_answer_inspection_id"),
    )
    op.create_table(
        "inspection_photo",
        sa.Column("inspection_id", sa.Uuid(), nullable=False),
        sa.Column("item_key", sa.String(length=64), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_path", sa.String(length=255), nullable=False),
        sa.Column("display_path", sa.String(length=255), nullable=False),
        sa.Column("thumbnail_path", sa.String(length=255), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        *_tracked_columns(soft_delete=True),
        *_key("inspection_photo", ("inspection_id", "inspection")),
    )
    op.create_table(
        "inspection_signoff",
        sa.Column("inspection_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("signer", sa.String(length=64), nullable=False),
        sa.Column("answers_sha256", sa.String(length=64), nullable=False),
        sa.Column("strokes", sa.LargeBinary(), nullable=False),
        sa.Column("image_png", sa.LargeBinary(), nullable=False),
        sa.Column("signature_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("device", sa.String(length=16), nullable=False),
        sa.Column("device_name", sa.String(length=128), nullable=False),
        *_tracked_columns(),
        *_key("inspection_signoff", ("inspection_id", "inspection")),
        sa.UniqueConstraint("inspection_id", "role", name="uq_inspection_signoff_inspection_id"),
    )


def _assets() -> None:
    op.create_table(
        "asset",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("line_id", sa.Uuid(), nullable=True),
        sa.Column("capacity_kva", sa.Integer(), nullable=True),
        sa.Column("station_branch_id", sa.Uuid(), nullable=False),
        sa.Column("serves", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_tracked_columns(soft_delete=True),
        *_key("asset", ("line_id", "asset"), ("station_branch_id", "party_branch")),
        sa.UniqueConstraint("line_id", "number", name="uq_asset_line_id"),
    )
    op.create_table(
        "patrol",
        sa.Column("line_id", sa.Uuid(), nullable=False),
        sa.Column("patrolled_on", sa.Date(), nullable=False),
        sa.Column("patroller", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_tracked_columns(),
        *_key("patrol", ("line_id", "asset")),
    )
    op.create_table(
        "patrol_defect",
        sa.Column("patrol_id", sa.Uuid(), nullable=False),
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("defect_type", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_photo_columns(),
        *_tracked_columns(soft_delete=True),
        *_key("patrol_defect", ("asset_id", "asset"), ("patrol_id", "patrol")),
    )


def _measures() -> None:
    op.create_table(
        "finding",
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("inspection_id", sa.Uuid(), nullable=True),
        sa.Column("item_key", sa.String(length=64), nullable=True),
        sa.Column("patrol_defect_id", sa.Uuid(), nullable=True),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("station_branch_id", sa.Uuid(), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        *_tracked_columns(soft_delete=True),
        *_key(
            "finding",
            ("inspection_id", "inspection"),
            ("patrol_defect_id", "patrol_defect"),
            ("station_branch_id", "party_branch"),
        ),
    )
    op.create_table(
        "measure",
        sa.Column("finding_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("owner_branch_id", sa.Uuid(), nullable=False),
        sa.Column("co_owner_branch_id", sa.Uuid(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        *_tracked_columns(soft_delete=True),
        *_key(
            "measure",
            ("co_owner_branch_id", "party_branch"),
            ("finding_id", "finding"),
            ("owner_branch_id", "party_branch"),
        ),
    )
    op.create_table(
        "measure_entry",
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("inspection_id", sa.Uuid(), nullable=True),
        *_photo_columns(),
        *_tracked_columns(),
        *_key("measure_entry", ("inspection_id", "inspection"), ("measure_id", "measure")),
    )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)  # its indexes go with it
