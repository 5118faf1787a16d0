"""0004: the date-computed pairing codes become 已签约, 'ended' becomes 终止 — and back."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from redpair_desktop.db.migrate import alembic_config
from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.services.workspace import open_workspace


def test_old_pairing_codes_are_mapped_when_migrated(demo_data_dir):
    engine = create_engine(f"sqlite:///{demo_data_dir / DATABASE_FILE}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
        old = dict(
            connection.execute(text("SELECT status, count(*) FROM pairing GROUP BY 1")).all()
        )
        ids = connection.execute(text("SELECT id FROM pairing ORDER BY started_on")).scalars().all()
        connection.execute(
            text("UPDATE pairing SET status = 'ended' WHERE id = :id"), {"id": ids[0]}
        )
    engine.dispose()
    # Downgraded as of today: the demo's 筹备 one and any later start read planned, the rest
    # active or completed by their dates; its 终止 one reads ended.
    assert set(old) <= {"planned", "active", "completed", "ended"}
    assert old["ended"] == 1 and old["completed"] > 0

    workspace = open_workspace(demo_data_dir)  # upgrades to 0004
    with workspace.db.read() as session:
        rows = session.execute(
            text("SELECT id, status, terminated_on, ended_on FROM pairing")
        ).all()
    workspace.close()
    statuses = {row.id: row for row in rows}
    assert {row.status for row in rows} == {"signed", "terminated"}
    first = statuses[ids[0]]
    assert (first.status, first.terminated_on) == ("terminated", first.ended_on)
    assert sum(row.status == "terminated" for row in rows) == 2
