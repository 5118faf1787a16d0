"""Log records, tracebacks included, go to a file in the data directory."""

from __future__ import annotations

import logging
from pathlib import Path

from redpair_desktop.paths import LOG_FILE


def configure_logging(data_dir: Path) -> Path:
    log_path = data_dir / LOG_FILE
    handler = logging.FileHandler(log_path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for previous in root.handlers[:]:
        root.removeHandler(previous)
        previous.close()
    root.addHandler(handler)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # one line per plugin
    root.setLevel(logging.INFO)
    return log_path
