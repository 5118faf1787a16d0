"""Alembic environment: runs on the connection handed over by ``db.migrate``."""

from alembic import context

from redpair_desktop.db.base import Base
from redpair_desktop.db.registry import load_models

load_models()

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
