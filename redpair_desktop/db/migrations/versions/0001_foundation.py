"""Foundation: organisation units, branches, people, memberships, pairings, change log.

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    """The key, stamps and soft-delete mark every withdrawable record carries."""
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_device", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_device", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "org_unit",
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["org_unit.id"], name=op.f("fk_org_unit_parent_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_unit")),
    )
    with op.batch_alter_table("org_unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_org_unit_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "person",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("gender", sa.String(length=8), nullable=True),
        sa.Column("ethnicity", sa.String(length=32), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("education", sa.String(length=32), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("joined_party_on", sa.Date(), nullable=True),
        sa.Column("confirmed_on", sa.Date(), nullable=True),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_name"), ["name"], unique=False)
        batch_op.create_index(
            "uq_person_id_number_live",
            ["id_number"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL AND id_number IS NOT NULL"),
            postgresql_where=sa.text("deleted_at IS NULL AND id_number IS NOT NULL"),
        )

    op.create_table(
        "party_branch",
        sa.Column("seal_name", sa.String(length=128), nullable=False),
        sa.Column("short_name", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("secretary_id", sa.Uuid(), nullable=True),
        sa.Column("goal", sa.Text(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["secretary_id"], ["person.id"], name=op.f("fk_party_branch_secretary_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_party_branch_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_branch")),
    )
    with op.batch_alter_table("party_branch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_branch_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(
            "uq_party_branch_seal_name_live",
            ["seal_name"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "uq_party_branch_short_name_live",
            ["short_name"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.create_table(
        "membership",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("branch_id", sa.Uuid(), nullable=False),
        sa.Column("party_post", sa.String(length=32), nullable=True),
        sa.Column("employer", sa.String(length=128), nullable=True),
        sa.Column("position", sa.String(length=64), nullable=True),
        sa.Column("supply_service", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["party_branch.id"], name=op.f("fk_membership_branch_id_party_branch")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_membership_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(
            "ix_membership_branch_current", ["branch_id", "ended_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_membership_person_id"), ["person_id"], unique=False)

    op.create_table(
        "pairing",
        sa.Column("lead_branch_id", sa.Uuid(), nullable=False),
        sa.Column("station_branch_id", sa.Uuid(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("lead_liaison_id", sa.Uuid(), nullable=True),
        sa.Column("station_liaison_id", sa.Uuid(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["lead_branch_id"],
            ["party_branch.id"],
            name=op.f("fk_pairing_lead_branch_id_party_branch"),
        ),
        sa.ForeignKeyConstraint(
            ["lead_liaison_id"], ["person.id"], name=op.f("fk_pairing_lead_liaison_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["station_branch_id"],
            ["party_branch.id"],
            name=op.f("fk_pairing_station_branch_id_party_branch"),
        ),
        sa.ForeignKeyConstraint(
            ["station_liaison_id"], ["person.id"], name=op.f("fk_pairing_station_liaison_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing")),
    )
    with op.batch_alter_table("pairing", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pairing_lead_branch_id"), ["lead_branch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_pairing_station_branch_id"), ["station_branch_id"], unique=False
        )

    _make_change_log_append_only()


def _make_change_log_append_only() -> None:
    """The change log is evidence: the database itself refuses to rewrite it."""
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION change_log_refuse() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'change_log is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON change_log "
            "FOR EACH ROW EXECUTE FUNCTION change_log_refuse()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER change_log_no_{verb.lower()} BEFORE {verb} ON change_log "
            "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END"
        )


def downgrade() -> None:
    for table in ("pairing", "membership", "party_branch", "person", "org_unit", "change_log"):
        op.drop_table(table)
