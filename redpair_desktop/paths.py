"""The data directory: --data-dir, else $REDPAIR_DATA_DIR, else the platform's user data dir.

It holds the database, the settings, the logs and the backups made before migrations.
"""

from __future__ import annotations

import os
from pathlib import Path

from redpair_desktop.domain.errors import DataDirError
from redpair_desktop.i18n import _

ENV_VAR = "REDPAIR_DATA_DIR"
DATABASE_FILE = "redpair.sqlite3"
SETTINGS_FILE = "settings.json"
LOG_FILE = "redpair.log"
BACKUP_DIR = "backups"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("RedPair", appauthor=False))


def prepare_data_dir(path: Path) -> Path:
    """Create the directory if its parent exists and prove it is writable.

    A missing parent usually means an unplugged drive or a typo, so it is reported, not created.
    """
    path = path.absolute()
    if path.exists() and not path.is_dir():
        raise DataDirError(
            _("数据目录“{path}”是一个文件，不是文件夹。请另选一个文件夹。", path=path)
        )
    if not path.exists():
        if not path.parent.is_dir():
            raise DataDirError(
                _(
                    "数据目录“{path}”不存在，其上级文件夹也不存在。请检查路径或插好移动硬盘。",
                    path=path,
                )
            )
        try:
            path.mkdir()
        except OSError as exc:
            raise DataDirError(
                _("无法创建数据目录“{path}”：{reason}", path=path, reason=exc.strerror or exc)
            ) from exc
    probe = path / ".write-test"
    try:
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise DataDirError(
            _(
                "数据目录“{path}”不可写（{reason}）。请另选可写的文件夹，或请管理员开放写权限。",
                path=path,
                reason=exc.strerror or exc,
            )
        ) from exc
    return path
