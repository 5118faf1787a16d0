"""Read a few rows from an up-to-date SQLite database file without SQLAlchemy.

Start-up uses it to show the organisation tree before SQLAlchemy (a third of a second to import
on a slow PC) is loaded. It answers ``None`` whenever the full open has something to say — no
file yet, not a database, a schema that needs migrating or is newer, any SQLite error — and the
caller then takes the full path, which explains the problem or migrates.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from redpair_desktop.db.schema import SCHEMA_HEAD

SQLITE_HEADER = b"SQLite format 3\x00"


def peek_rows(path: Path, statements: list[str]) -> list[list[tuple]] | None:
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        connection = sqlite3.connect(path, timeout=1)
    except OSError:
        return None
    try:
        connection.execute("PRAGMA query_only=ON")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != SCHEMA_HEAD:
            return None
        return [connection.execute(statement).fetchall() for statement in statements]
    except sqlite3.Error:
        return None
    finally:
        connection.close()
