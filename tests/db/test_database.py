"""The database file: created, reopened, refused when damaged, newer or foreign."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from redpair_desktop.db.audit import ReadOnlySessionError, content_hash
from redpair_desktop.db.change_log import ChangeLogEntry
from redpair_desktop.db.migrate import head_revision
from redpair_desktop.db.org.models import OrgUnit
from redpair_desktop.db.schema import SCHEMA_HEAD
from redpair_desktop.domain.enums import UnitKind
from redpair_desktop.domain.errors import IntegrityProblem, NewerSchemaError, UserError
from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.services.org.branches import add_unit, create_company
from redpair_desktop.services.workspace import open_workspace


def test_schema_head_constant_matches_the_newest_migration():
    assert head_revision() == SCHEMA_HEAD


def test_new_database_uses_wal_full_sync_and_foreign_keys(workspace):
    with workspace.db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000
    assert workspace.db.schema_revision() == SCHEMA_HEAD


def test_written_rows_survive_closing_and_reopening(data_dir):
    workspace = open_workspace(data_dir)
    company_id = create_company(workspace.db, "国网咸宁供电公司")
    workspace.close()

    reopened = open_workspace(data_dir)
    with reopened.db.read() as session:
        unit = session.get(OrgUnit, company_id)
        assert unit.name == "国网咸宁供电公司"
        assert unit.kind == UnitKind.COMPANY
        assert unit.id.version == 7
        assert unit.created_by == reopened.db.actor
        assert unit.created_device == reopened.db.device
    reopened.close()


def test_every_write_appends_a_change_log_entry_with_the_content_hash(workspace):
    company_id = create_company(workspace.db, "国网咸宁供电公司")
    with workspace.db.write() as session:
        session.get(OrgUnit, company_id).description = "公司本部"
    with workspace.db.read() as session:
        entries = session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.entity_id == company_id)
        ).all()
        unit = session.get(OrgUnit, company_id)
        assert [e.action for e in entries] == ["insert", "update"]
        assert entries[-1].content_hash == content_hash(unit)
        assert entries[0].content_hash != entries[-1].content_hash


def test_the_change_log_refuses_updates_and_deletes(workspace):
    create_company(workspace.db, "国网咸宁供电公司")
    for statement in ("UPDATE change_log SET actor = 'someone else'", "DELETE FROM change_log"):
        with workspace.db.engine.begin() as connection, pytest.raises(Exception, match="append"):
            connection.execute(text(statement))


def test_a_read_session_cannot_write(workspace):
    with pytest.raises(ReadOnlySessionError), workspace.db.read() as session:
        add_unit(session, name="不该写入", kind=UnitKind.COMPANY)
        session.flush()


def test_a_failed_write_leaves_nothing_behind(workspace):
    with pytest.raises(IntegrityError), workspace.db.write() as session:
        add_unit(session, name="甲", kind=UnitKind.COMPANY)
        session.flush()
        session.execute(text("INSERT INTO org_unit (id) VALUES (NULL)"))
    with workspace.db.read() as session:
        assert session.scalars(select(OrgUnit)).all() == []
        assert session.scalars(select(ChangeLogEntry)).all() == []


def test_a_database_from_a_newer_version_is_refused_and_left_alone(data_dir):
    open_workspace(data_dir).close()
    path = data_dir / DATABASE_FILE
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="较新版本"):
        open_workspace(data_dir)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(data_dir):
    data_dir.mkdir()
    path = data_dir / DATABASE_FILE
    path.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 100)
    with pytest.raises(IntegrityProblem, match="已损坏"):
        open_workspace(data_dir)
    assert path.read_bytes().startswith(b"PK")


def test_damaged_pages_are_found_at_open(demo_data_dir):
    path = demo_data_dir / DATABASE_FILE
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, page * 40, page):
        data[offset : offset + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))
    with pytest.raises(IntegrityProblem):
        open_workspace(demo_data_dir)


def test_another_programs_database_is_refused(data_dir):
    data_dir.mkdir()
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
    with pytest.raises(UserError, match="其他程序"):
        open_workspace(data_dir)


def test_backup_copies_the_whole_database(demo_workspace, tmp_path):
    backup = demo_workspace.db.backup_to(tmp_path / "backups", reason="test")
    with sqlite3.connect(backup) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stations = connection.execute(
            "SELECT count(*) FROM org_unit WHERE kind = 'supply_station'"
        ).fetchone()[0]
    assert stations == 66


def test_the_migrations_build_exactly_what_the_models_declare(workspace):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from redpair_desktop.db.base import Base

    with workspace.db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_an_older_database_is_backed_up_then_migrated(data_dir):
    from alembic import command
    from sqlalchemy import create_engine

    from redpair_desktop.db.migrate import alembic_config

    data_dir.mkdir()
    path = data_dir / DATABASE_FILE
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO person (id, name, category, created_at, created_by, created_device,"
                " updated_at, updated_by, updated_device) VALUES"
                " ('0197aaaa000070008000000000000001', '陈振波', 'full_member',"
                " '2024-01-01', 'a', 'd', '2024-01-01', 'a', 'd')"
            )
        )
    engine.dispose()

    workspace = open_workspace(data_dir)
    assert workspace.db.schema_revision() == SCHEMA_HEAD
    backups = list((data_dir / "backups").glob("redpair-before-schema-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    with workspace.db.read() as session:
        initials = session.execute(text("SELECT name_initials FROM person")).scalar()
    assert initials == "czb"
    workspace.close()


def test_a_second_current_roster_entry_is_refused(demo_workspace):
    from redpair_desktop.db.rosters.models import Membership

    with demo_workspace.db.read() as session:
        current = session.scalars(select(Membership).where(Membership.ended_on.is_(None))).first()
        person_id, branch_id = current.person_id, current.branch_id
    with pytest.raises(IntegrityError), demo_workspace.db.write() as session:
        session.add(Membership(person_id=person_id, branch_id=branch_id, status="normal"))


def test_people_merged_by_an_old_import_are_split_when_migrated(demo_data_dir):
    """0003: an extra current entry of one person gets a person of its own, without ID number."""
    from alembic import command
    from sqlalchemy import create_engine

    from redpair_desktop.db.migrate import alembic_config

    engine = create_engine(f"sqlite:///{demo_data_dir / DATABASE_FILE}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
        connection.execute(text("UPDATE person SET id_number = '42128119781128001X'"
                                " WHERE name = '陈振波'"))  # fmt: skip
        connection.execute(
            text(
                "INSERT INTO membership (id, person_id, branch_id, supply_service, status,"
                " created_at, created_by, created_device, updated_at, updated_by, updated_device)"
                " SELECT '0197aaaa000070008000000000000009', person_id, branch_id, 0, status,"
                " '2030-01-01', 'a', 'd', '2030-01-01', 'a', 'd' FROM membership m"
                " JOIN person p ON p.id = m.person_id WHERE p.name = '陈振波'"
            )
        )
    engine.dispose()
    workspace = open_workspace(demo_data_dir)
    with workspace.db.read() as session:
        people = session.execute(
            text("SELECT p.id, p.id_number, p.birth_date FROM person p WHERE p.name = '陈振波'"
                 " ORDER BY p.id_number IS NULL")
        ).all()  # fmt: skip
        moved = session.execute(
            text("SELECT person_id FROM membership WHERE id = '0197aaaa000070008000000000000009'")
        ).scalar()
        logged = session.scalar(select(func.count()).where(ChangeLogEntry.actor == "schema 0003"))
    workspace.close()
    assert [p.id_number for p in people] == ["42128119781128001X", None]
    assert people[0].birth_date == people[1].birth_date
    assert moved == people[1].id
    assert logged == 2
