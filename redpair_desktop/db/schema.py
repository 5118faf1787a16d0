"""Which schema this build writes. Migration ``NNNN`` brings a database to version ``int(NNNN)``;
a test keeps ``SCHEMA_HEAD`` equal to the newest migration."""

SCHEMA_HEAD = "0008"


def schema_number(revision: str | None) -> int:
    """0 for a new database, else the revision's number (an unknown text revision is newer)."""
    if revision is None:
        return 0
    return int(revision) if revision.isdigit() else 10**6
