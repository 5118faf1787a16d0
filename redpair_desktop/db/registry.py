"""Every feature's tables: each feature keeps its mapping in ``db/<feature>/models.py``, and
this module imports them all, so relationships between features resolve and the metadata that
migrations compare against is complete. A new feature adds its package; nothing here changes."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import redpair_desktop.db as db_package
from redpair_desktop.db import change_log  # noqa: F401 - the shared change-log table


@cache
def load_models() -> tuple[str, ...]:
    """Import ``db/<feature>/models.py`` of every feature package; returns the features."""
    features = []
    for info in pkgutil.iter_modules(db_package.__path__):
        if info.ispkg and info.name != "migrations":
            importlib.import_module(f"{db_package.__name__}.{info.name}.models")
            features.append(info.name)
    return tuple(sorted(features))
