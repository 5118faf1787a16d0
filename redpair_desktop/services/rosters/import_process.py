"""The roster import run in a child process, for the window.

A big spreadsheet keeps the interpreter busy for tens of seconds (XML parsing, validation,
bulk writes). In a thread of the window's own process that work shares one interpreter lock
with the event loop, and the window stutters; in a child process the window's worker thread only
waits on a queue. The child opens the same SQLite file (WAL lets the parent keep its connection)
and runs the very same ``import_roster``; progress, cancel and the report cross a queue.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redpair_desktop.domain.errors import ImportCancelled, RedPairError, UserError
from redpair_desktop.i18n import _, current_language, set_language
from redpair_desktop.services.rosters.importer import ImportReport, Progress
from redpair_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import Queue
    from multiprocessing.synchronize import Event

log = logging.getLogger(__name__)
POLL_SECONDS = 0.1


def import_in_process(
    workspace: Workspace,
    path: Path,
    *,
    dry_run: bool = False,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """``import_roster`` in a child process; same report, same errors, same all-or-nothing."""
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    cancel = context.Event()
    db = workspace.db
    child = context.Process(
        target=_child,
        args=(
            str(workspace.database_path), db.actor, db.device, str(path), dry_run,
            dict(mapping or {}), current_language(), messages, cancel,
        ),
        daemon=True,
    )  # fmt: skip
    child.start()
    try:
        return _follow(child, messages, cancel, progress, cancelled)
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.terminate()


def _follow(
    child: BaseProcess,
    messages: Queue[tuple[str, Any]],
    cancel: Event,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> ImportReport:
    while True:
        try:
            kind, payload = messages.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if cancelled is not None and cancelled():
                cancel.set()
            if not child.is_alive() and messages.empty():
                raise UserError(_("导入进程意外退出，未写入任何数据。详情见日志。")) from None
            continue
        if kind == "progress":
            if progress is not None:
                progress(*payload)
        elif kind == "done":
            return payload
        elif kind == "cancelled":
            raise ImportCancelled
        elif kind == "refused":
            raise UserError(payload)
        else:
            log.error("import process failed:\n%s", payload)
            raise RuntimeError(_("导入时发生意外错误，未写入任何数据。"))


def _child(
    database: str,
    actor: str,
    device: str,
    path: str,
    dry_run: bool,
    mapping: dict[str, str],
    language: str,
    messages: Queue[tuple[str, Any]],
    cancel: Event,
) -> None:
    """Runs in the child process."""
    from redpair_desktop.db.database import Database
    from redpair_desktop.services.rosters.importer import import_roster

    set_language(language)
    db = Database.attach_sqlite(Path(database), actor=actor, device=device)
    try:
        report = import_roster(
            db,
            Path(path),
            dry_run=dry_run,
            mapping=mapping,
            progress=lambda done, total: messages.put(("progress", (done, total))),
            cancelled=cancel.is_set,
        )
        report.records = []  # the parent needs the outcome, not 50,000 records
        messages.put(("done", report))
    except ImportCancelled:
        messages.put(("cancelled", None))
    except RedPairError as error:
        messages.put(("refused", error.message))
    except Exception:
        messages.put(("crashed", traceback.format_exc()))
    finally:
        db.close()
