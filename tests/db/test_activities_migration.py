"""0007: a database of schema 0006 gains the activities tables; the records it held stay."""

from __future__ import annotations

import sqlite3
from datetime import date

from alembic import command
from sqlalchemy import create_engine

from redpair_desktop.db.migrate import alembic_config
from redpair_desktop.db.schema import SCHEMA_HEAD
from redpair_desktop.domain.activities.codes import ActivityType
from redpair_desktop.domain.activities.draft import ActivityDraft
from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.services.activities.activities import create_activity, list_activities
from redpair_desktop.services.agreements.builder import pairing_id
from redpair_desktop.services.workspace import open_workspace

TABLES = {
    "activity", "activity_photo", "attendee", "attendance_event", "pledge_text",
    "pledge_signature", "run_sheet_tick",
}  # fmt: skip


def test_a_0006_database_is_migrated_and_takes_activities(demo_data_dir):
    path = demo_data_dir / DATABASE_FILE
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    engine.dispose()
    with sqlite3.connect(path) as old:
        tables = {row[0] for row in old.execute("SELECT name FROM sqlite_master")}
        people = old.execute("SELECT count(*) FROM person").fetchone()[0]
    assert not TABLES & tables

    workspace = open_workspace(demo_data_dir)
    assert workspace.db.schema_revision() == SCHEMA_HEAD
    assert list_activities(workspace.db) == []
    pairing = pairing_id(workspace.db, "demo")
    draft = ActivityDraft(ActivityType.JOINT_PARTY_LESSON, date(2024, 5, 1), pairing, "联合党课")
    made = create_activity(workspace.db, draft)
    (row,) = list_activities(workspace.db)
    workspace.close()
    assert (row.id, row.expected) == (made, 22)
    with sqlite3.connect(path) as new:
        assert new.execute("SELECT count(*) FROM person").fetchone()[0] == people
