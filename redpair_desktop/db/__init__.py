"""Persistence: the SQLAlchemy mapping, the database file, its migrations and its change log."""
