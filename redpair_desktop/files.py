"""Files written whole or not at all: into a temporary file beside the target, then renamed into
place, so a failed save (a missing folder, a file open in another program, a full disk, a
crash) leaves neither a partial file nor a damaged earlier one, and says which it was.

``save_atomically`` saves what the user asked for where they asked (exports, printouts);
``write_file`` writes the app's own files in the data folder (keys, stored scans)."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _


def check_folder(path: Path) -> None:
    """Refuse early (before any work) a file whose folder does not exist."""
    if not path.parent.is_dir():
        raise UserError(
            _("文件夹“{folder}”不存在。请换一个位置，或先建好这个文件夹。", folder=path.parent)
        )


def save_atomically(
    path: Path, write: Callable[[Path], object], on_failure: Callable[[], object] | None = None
) -> None:
    """``write`` the file to a temporary path beside ``path``, then rename it into place;
    ``on_failure`` runs when writing failed (to close what the writer left open)."""
    check_folder(path)
    temporary = path.with_name(f".~{uuid.uuid4().hex[:12]}-{path.name}")
    try:
        write(temporary)
        os.replace(temporary, path)
    except OSError as error:
        if on_failure is not None:
            on_failure()
        raise _write_error(path, error) from error
    finally:
        temporary.unlink(missing_ok=True)


def write_file(
    path: Path, data: bytes, *, private: bool = False, keep_existing: bool = False
) -> None:
    """Write ``data`` to ``path``. ``private``: readable by the owner only (0600).
    ``keep_existing``: if ``path`` appears meanwhile (another process), that file wins."""
    try:
        path.parent.mkdir(mode=0o700 if private else 0o777, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise _write_error(path, exc) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if not private:
            os.chmod(temporary, 0o644)
        _move_into_place(temporary, path, keep_existing=keep_existing)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    finally:
        Path(temporary).unlink(missing_ok=True)


def _move_into_place(temporary: str, path: Path, *, keep_existing: bool) -> None:
    if not keep_existing:
        os.replace(temporary, path)
        return
    with contextlib.suppress(FileExistsError):
        os.link(temporary, path)


def _write_error(path: Path, error: OSError) -> UserError:
    if error.errno == errno.ENOSPC:
        return UserError(_("磁盘空间不足，无法保存“{path}”。请腾出空间，或换一个位置。", path=path))
    if isinstance(error, PermissionError):
        return UserError(
            _("无法写入“{path}”：没有写入权限，或文件正被 Excel 等程序打开。"
              "请关闭它，或换一个位置。", path=path)
        )  # fmt: skip
    if isinstance(error, FileNotFoundError):
        return UserError(
            _("文件夹“{folder}”不存在。请换一个位置，或先建好这个文件夹。", folder=path.parent)
        )
    return UserError(
        _("无法写入“{path}”：{reason}。请换一个位置。", path=path, reason=error.strerror or error)
    )
