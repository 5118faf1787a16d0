"""The start-up tree read (plain sqlite3) agrees with the full read, or steps aside."""

import sqlite3

from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.services.org.branches import load_org_tree
from redpair_desktop.services.org.tree import peek_org_tree


def test_the_peek_reads_the_same_tree_as_the_full_open(demo_workspace):
    peeked = peek_org_tree(demo_workspace.database_path)
    assert peeked is not None
    assert peeked == load_org_tree(demo_workspace.db)
    assert len(peeked.units) == 1 + 18 + 18 + 6 + 66  # company, HQ, urban, counties, stations
    assert peeked.units[0].parent_id is None


def test_the_peek_steps_aside_when_there_is_no_database(tmp_path):
    assert peek_org_tree(tmp_path / DATABASE_FILE) is None


def test_the_peek_steps_aside_for_another_schema_version(demo_data_dir):
    path = demo_data_dir / DATABASE_FILE
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    assert peek_org_tree(path) is None


def test_the_peek_steps_aside_for_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / DATABASE_FILE
    path.write_bytes(b"garbage" * 100)
    assert peek_org_tree(path) is None
