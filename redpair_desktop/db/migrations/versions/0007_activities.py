"""Activities: ceremonies and joint activities with their photos, the expected list and every
attendance event, versioned pledge texts, pledge signatures and the run-sheet's ticks.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

STAMPS = ("created", "updated")
# table → its indexed columns (ix_<table>_<column>)
INDEXES = {
    "activity": ("held_on", "pairing_id"),
    "activity_photo": ("activity_id",),
    "attendee": ("activity_id",),
    "attendance_event": ("activity_id", "attendee_id"),
    "pledge_signature": ("activity_id",),
}


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


def upgrade() -> None:
    op.create_table(
        "pledge_text",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        *_tracked_columns(),
        *_key("pledge_text"),
        sa.UniqueConstraint("sha256", name=op.f("uq_pledge_text_sha256")),
        sa.UniqueConstraint("version", name=op.f("uq_pledge_text_version")),
    )
    op.create_table(
        "activity",
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=128), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("pairing_id", sa.Uuid(), nullable=False),
        sa.Column("hosts", sa.Text(), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("pledge_text_id", sa.Uuid(), nullable=True),
        *_tracked_columns(soft_delete=True),
        *_key("activity", ("pairing_id", "pairing"), ("pledge_text_id", "pledge_text")),
    )
    op.create_table(
        "activity_photo",
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_path", sa.String(length=255), nullable=False),
        sa.Column("display_path", sa.String(length=255), nullable=False),
        sa.Column("thumbnail_path", sa.String(length=255), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        *_tracked_columns(soft_delete=True),
        *_key("activity_photo", ("activity_id", "activity")),
    )
    op.create_table(
        "attendee",
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("is_guest", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=True),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("badge_code", sa.String(length=16), nullable=False),
        sa.Column("backfilled", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_tracked_columns(),
        *_key("attendee", ("activity_id", "activity"), ("person_id", "person")),
        sa.UniqueConstraint("activity_id", "badge_code", name="uq_attendee_activity_badge"),
        sa.UniqueConstraint("activity_id", "person_id", name="uq_attendee_activity_person"),
    )
    op.create_table(
        "run_sheet_tick",
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("ticked", sa.Boolean(), nullable=False),
        *_tracked_columns(),
        *_key("run_sheet_tick", ("activity_id", "activity")),
    )
    op.create_table(
        "attendance_event",
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("attendee_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        *_tracked_columns(),
        *_key("attendance_event", ("activity_id", "activity"), ("attendee_id", "attendee")),
    )
    op.create_table(
        "pledge_signature",
        sa.Column("attendee_id", sa.Uuid(), nullable=False),
        sa.Column("activity_id", sa.Uuid(), nullable=False),
        sa.Column("pledge_text_id", sa.Uuid(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("strokes", sa.LargeBinary(), nullable=False),
        sa.Column("image_png", sa.LargeBinary(), nullable=False),
        sa.Column("signature_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("device", sa.String(length=16), nullable=False),
        sa.Column("device_name", sa.String(length=128), nullable=False),
        sa.Column("backfilled", sa.Boolean(), nullable=False),
        *_tracked_columns(),
        *_key(
            "pledge_signature",
            ("activity_id", "activity"),
            ("attendee_id", "attendee"),
            ("pledge_text_id", "pledge_text"),
        ),
        sa.UniqueConstraint("attendee_id", name=op.f("uq_pledge_signature_attendee_id")),
    )
    for table, columns in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column])
    with op.batch_alter_table("run_sheet_tick", schema=None) as batch_op:
        batch_op.create_index("uq_run_sheet_tick_step", ["activity_id", "step"], unique=True)


def downgrade() -> None:
    for table in (
        "pledge_signature",
        "attendance_event",
        "run_sheet_tick",
        "attendee",
        "activity_photo",
        "activity",
        "pledge_text",
    ):
        op.drop_table(table)  # its indexes go with it
