"""``redpair info`` both ways in: the counts read straight from an up-to-date SQLite file are
the ones SQLAlchemy reads, and the file is read directly only when nothing is wrong with it."""

from __future__ import annotations

import sqlite3

from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.services.info import database_info, peek_info
from redpair_desktop.services.workspace import open_workspace
from tests.cli.test_cli import damage


def test_the_file_read_directly_gives_the_counts_sqlalchemy_gives(demo_data_dir):
    workspace = open_workspace(demo_data_dir)
    try:
        through_sqlalchemy = database_info(workspace.db)
    finally:
        workspace.close()
    assert peek_info(demo_data_dir / DATABASE_FILE) == through_sqlalchemy
    assert through_sqlalchemy.pairings == 46 and through_sqlalchemy.members > 1000


def test_a_file_to_migrate_damaged_or_not_a_database_is_left_to_the_full_open(
    demo_data_dir, tmp_path
):
    path = demo_data_dir / DATABASE_FILE
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0007'")
    assert peek_info(path) is None
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0008'")
    assert peek_info(path) is not None
    damage(path)
    assert peek_info(path) is None
    text = tmp_path / "notes.sqlite3"
    text.write_text("不是数据库", encoding="utf-8")
    assert peek_info(text) is None
    assert peek_info(tmp_path / "none.sqlite3") is None
