"""Files the agreements feature writes: whole or not at all (a temporary file beside the
target, then renamed), so a full disk or a crash never leaves half a PDF or key."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _


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


def _write_error(path: Path, exc: OSError) -> UserError:
    return UserError(_("无法写入“{path}”：{reason}", path=path, reason=exc.strerror or exc))
