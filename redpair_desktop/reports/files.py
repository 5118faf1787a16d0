"""Saving a finished printout: into a temporary file beside the target, then renamed into
place, so a failed save leaves neither a partial file nor a damaged earlier one."""

from __future__ import annotations

import errno
import os
import uuid
from pathlib import Path

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _


def save_pdf(data: bytes, path: Path) -> None:
    if not path.parent.is_dir():
        raise UserError(
            _("文件夹“{folder}”不存在。请换一个位置，或先建好这个文件夹。", folder=path.parent)
        )
    temporary = path.with_name(f".~{uuid.uuid4().hex[:12]}-{path.name}")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as error:
        raise _write_error(path, error) from error
    finally:
        temporary.unlink(missing_ok=True)


def _write_error(path: Path, error: OSError) -> UserError:
    if error.errno == errno.ENOSPC:
        return UserError(_("磁盘空间不足，无法保存“{path}”。请腾出空间，或换一个位置。", path=path))
    if isinstance(error, PermissionError):
        return UserError(
            _("无法写入“{path}”：没有写入权限，或文件正被其他程序打开。请关闭它，或换一个位置。",
              path=path)
        )  # fmt: skip
    return UserError(
        _("无法写入“{path}”：{reason}。请换一个位置。", path=path, reason=error.strerror or error)
    )
