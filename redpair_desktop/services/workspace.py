"""A workspace is an open data directory: its database, device identity and log file."""

from __future__ import annotations

import getpass
import json
import socket
from dataclasses import dataclass
from pathlib import Path

from redpair_desktop.db.database import Database
from redpair_desktop.domain.errors import DataDirError
from redpair_desktop.domain.ids import new_id
from redpair_desktop.i18n import _
from redpair_desktop.paths import BACKUP_DIR, DATABASE_FILE, prepare_data_dir

DEVICE_FILE = "device.json"


@dataclass
class Workspace:
    data_dir: Path
    db: Database

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_FILE

    def close(self) -> None:
        self.db.close()


def open_workspace(data_dir: Path) -> Workspace:
    """Prepare the directory, then open (creating or migrating) its database."""
    data_dir = prepare_data_dir(data_dir)
    database = Database.open_sqlite(
        data_dir / DATABASE_FILE,
        actor=current_actor(),
        device=device_id(data_dir),
        backup_dir=data_dir / BACKUP_DIR,
    )
    return Workspace(data_dir=data_dir, db=database)


def current_actor() -> str:
    """Who is writing. Accounts arrive with the data-safety capability; until then, the OS user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def device_id(data_dir: Path) -> str:
    """This installation's identity, created once and kept in the data directory."""
    path = data_dir / DEVICE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))["device_id"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    identity = f"{socket.gethostname()[:24]}-{new_id().hex[-12:]}"
    try:
        path.write_text(json.dumps({"device_id": identity}), encoding="utf-8")
    except OSError as exc:
        raise DataDirError(_("无法写入“{path}”：{reason}", path=path, reason=exc)) from exc
    return identity


def reset_database(workspace: Workspace) -> tuple[Workspace, Path]:
    """Back the database up, then start a new empty one in its place.

    Returns the reopened workspace and the backup's path; the old file is never deleted before
    its backup is complete.
    """
    backup = workspace.db.backup_to(workspace.backup_dir, reason="before-reset")
    workspace.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{workspace.database_path}{suffix}").unlink(missing_ok=True)
    return open_workspace(workspace.data_dir), backup
