"""The database file: opening it safely, and the read and write sessions services use.

Opening checks the file (SQLite header, ``PRAGMA quick_check``), refuses one written by a newer
version, and applies pending migrations after copying the file aside into ``backups/``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from redpair_desktop.db.audit import WRITE_CONTEXT, WriteContext
from redpair_desktop.db.registry import load_models
from redpair_desktop.db.schema import SCHEMA_HEAD, schema_number
from redpair_desktop.db.sqlite_peek import SQLITE_HEADER
from redpair_desktop.domain.errors import (
    DataDirError,
    IntegrityProblem,
    NewerSchemaError,
    UserError,
)
from redpair_desktop.i18n import _

BUSY_TIMEOUT_MS = 10_000


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, connection_record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _damaged(path: Path | None, detail: object) -> IntegrityProblem:
    return IntegrityProblem(
        _(
            "数据库文件“{path}”已损坏，无法安全使用（{detail}）。文件未被改动；"
            "请从 backups 文件夹中的备份恢复，或联系管理员。",
            path=path,
            detail=detail,
        )
    )


class Database:
    """An open database. Services use ``read()`` and ``write()``; nothing else touches SQL."""

    def __init__(self, engine: Engine, path: Path | None, *, actor: str, device: str) -> None:
        load_models()
        self.engine = engine
        self.path = path
        self.actor = actor
        self.device = device
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open_sqlite(cls, path: Path, *, actor: str, device: str, backup_dir: Path) -> Database:
        _check_header(path)
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 10})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        try:
            database = cls(engine, path, actor=actor, device=device)
            database.quick_check_or_raise()
            database.migrate(backup_dir)
        except OperationalError as exc:
            engine.dispose()
            raise _operational_error(path, exc) from exc
        except DatabaseError as exc:
            engine.dispose()
            raise _damaged(path, exc.orig or exc) from exc
        except BaseException:
            engine.dispose()
            raise
        return database

    @classmethod
    def attach_sqlite(cls, path: Path, *, actor: str, device: str) -> Database:
        """A second connection to a database another process has opened (checked, migrated)."""
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 10})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return cls(engine, path, actor=actor, device=device)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; flushing anything from it is a programming error."""
        with self._sessions() as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self, context: WriteContext | None = None) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        context = context or WriteContext(actor=self.actor, device=self.device)
        with self._sessions() as session, session.begin():
            session.info[WRITE_CONTEXT] = context
            yield session

    def integrity_problems(self, *, foreign_keys: bool = True) -> list[str]:
        """What SQLite's quick_check (and foreign_key_check) find; empty when healthy."""
        with self.engine.connect() as connection:
            rows = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check")]
            problems = [] if rows == ["ok"] else rows
            if foreign_keys:
                for table, rowid, parent, _fk in connection.exec_driver_sql(
                    "PRAGMA foreign_key_check"
                ):
                    problems.append(
                        _(
                            "表 {table} 第 {rowid} 行引用了不存在的 {parent} 记录",
                            table=table,
                            rowid=rowid,
                            parent=parent,
                        )
                    )
        return problems

    def quick_check_or_raise(self) -> None:
        problems = self.integrity_problems(foreign_keys=False)
        if problems:
            raise _damaged(self.path, "; ".join(problems[:3]))

    def schema_revision(self) -> str | None:
        with self.engine.connect() as connection:
            has_table = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).first()
            if not has_table:
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def migrate(self, backup_dir: Path) -> None:
        revision = self.schema_revision()
        current, head = schema_number(revision), schema_number(SCHEMA_HEAD)
        if current > head:
            raise NewerSchemaError(
                _(
                    "此数据库由较新版本的红心结对写入（数据结构版本 {current}），"
                    "本程序只支持到版本 {head}。请升级本程序后再打开；数据库未被改动。",
                    current=revision,
                    head=SCHEMA_HEAD,
                )
            )
        if current == head:
            return
        if revision is None:
            self._refuse_foreign_file()
        else:
            self.backup_to(backup_dir, reason=f"before-schema-{SCHEMA_HEAD}")
        from redpair_desktop.db.migrate import upgrade_to_head

        upgrade_to_head(self.engine)

    def _refuse_foreign_file(self) -> None:
        with self.engine.connect() as connection:
            tables = connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type='table'"
            ).scalar()
        if tables:
            raise UserError(
                _(
                    "“{path}”是其他程序的数据库，不是红心结对的数据库；文件未被改动。",
                    path=self.path,
                )
            )

    def backup_to(self, backup_dir: Path, *, reason: str) -> Path:
        """Copy the whole database (WAL included) with SQLite's online backup."""
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = backup_dir / f"redpair-{reason}-{stamp}.sqlite3"
        source = self.engine.raw_connection()
        try:
            destination = sqlite3.connect(target)
            try:
                cast(sqlite3.Connection, source.driver_connection).backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
        return target


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DataDirError(
            _("无法读取数据库文件“{path}”：{reason}", path=path, reason=exc)
        ) from exc
    if header and header != SQLITE_HEADER:
        raise _damaged(path, _("文件头不是 SQLite 数据库"))


def _operational_error(path: Path, exc: OperationalError) -> Exception:
    detail = str(exc.orig or exc)
    if "locked" in detail or "busy" in detail:
        return UserError(_("数据库“{path}”正被另一个程序占用，请关闭后重试。", path=path))
    if "readonly" in detail or "read-only" in detail or "unable to open" in detail:
        return DataDirError(_("无法写入数据库“{path}”：{reason}", path=path, reason=detail))
    if "disk is full" in detail or "full" in detail:
        return DataDirError(_("磁盘已满，无法写入数据库“{path}”。请清理空间后重试。", path=path))
    return _damaged(path, detail)
