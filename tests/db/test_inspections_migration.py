"""0008: a database of schema 0007 gains the inspections, assets and measures tables; the
records it held stay, and the new features work on it."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date

from alembic import command
from sqlalchemy import create_engine

from redpair_desktop.db.migrate import alembic_config
from redpair_desktop.db.schema import SCHEMA_HEAD
from redpair_desktop.domain.inspections.draft import InspectionStart
from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.services.assets.register import add_line, list_assets
from redpair_desktop.services.inspections.listing import list_inspections
from redpair_desktop.services.inspections.runs import start_inspection
from redpair_desktop.services.workspace import open_workspace

TABLES = {
    "inspection_template", "template_version", "inspection", "inspection_part",
    "inspection_answer", "inspection_photo", "inspection_signoff", "asset", "patrol",
    "patrol_defect", "finding", "measure", "measure_entry",
}  # fmt: skip


def test_a_0007_database_is_migrated_and_takes_inspections(demo_data_dir):
    path = demo_data_dir / DATABASE_FILE
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    engine.dispose()
    with sqlite3.connect(path) as old:
        tables = {row[0] for row in old.execute("SELECT name FROM sqlite_master")}
        signatures = old.execute("SELECT count(*) FROM pledge_signature").fetchone()[0]
        station = old.execute(
            "SELECT id FROM party_branch WHERE short_name = '大坪供电所党支部'"
        ).fetchone()[0]
    assert not TABLES & tables and signatures == 17

    workspace = open_workspace(demo_data_dir)
    assert workspace.db.schema_revision() == SCHEMA_HEAD == "0008"
    assert list_inspections(workspace.db) == [] and list_assets(workspace.db) == []
    station_id = uuid.UUID(hex=station)
    made = start_inspection(
        workspace.db, InspectionStart(station_id, date(2025, 3, 1), ("office",))
    )
    add_line(workspace.db, "10 kV 内冲线", station_id, poles=128)
    (row,) = list_inspections(workspace.db)
    poles = len(list_assets(workspace.db, line="内冲线"))
    workspace.close()
    assert row.id == made and poles == 129
    with sqlite3.connect(path) as new:
        assert new.execute("SELECT count(*) FROM pledge_signature").fetchone()[0] == signatures
