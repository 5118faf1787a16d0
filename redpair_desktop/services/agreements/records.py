"""Which agreement versions the database holds: the lookup ``verify`` checks a file against."""

from __future__ import annotations

from redpair_desktop.db.database import Database


def recorded_content_hash(db: Database, record_id: str) -> str | None:
    """The content hash stored for agreement version ``record_id``, None if there is none.

    The agreement tables arrive with the agreement registry; until then no record is known.
    """
    del db, record_id
    return None
