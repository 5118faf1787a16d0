"""The window's one way to the data: services run on the database worker, never on the GUI
thread, always against the workspace that the first operation opened.

Each feature's operations live in ``ui/<feature>/ops.py``: typed functions of the workspace that
import their service when they run, on the worker, so the window paints before SQLAlchemy loads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.ui.operations import DbRunner

if TYPE_CHECKING:
    from concurrent.futures import Future

    from redpair_desktop.services.org.tree import OrgTree
    from redpair_desktop.services.workspace import Workspace

T = TypeVar("T")
Operation = Callable[["Workspace"], T]


class Backend(QObject):
    opened = Signal(object)  # the Workspace
    open_failed = Signal(object)  # the exception

    def __init__(self, runner: DbRunner, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.data_dir = data_dir
        self.workspace: Workspace | None = None  # set on the GUI thread once opened
        self._opening: Future | None = None
        self._closed = False

    def peek_tree(self, on_done: Callable[[OrgTree | None], Any]) -> None:
        """The tree straight from an up-to-date SQLite file, before anything heavy is loaded;
        ``None`` when the database has to be opened fully first."""

        def peek() -> OrgTree | None:
            from redpair_desktop.services.org.tree import peek_org_tree

            return peek_org_tree(self.data_dir / DATABASE_FILE)

        if not self._closed:
            self.runner.run(peek, on_done, lambda error: on_done(None))

    def open(self) -> None:
        """Open (create, migrate) the workspace on the worker; idempotent."""
        if self._opening is not None or self._closed:
            return
        data_dir = self.data_dir

        def open_workspace() -> Workspace:
            from redpair_desktop.services.workspace import open_workspace

            return open_workspace(data_dir)

        self._opening = self.runner.run(open_workspace, self._on_opened, self._on_failed)

    def call(
        self,
        operation: Operation[T],
        on_success: Callable[[T], Any],
        on_failure: Callable[[BaseException], Any] | None = None,
        *,
        finish: bool = False,
    ) -> None:
        """Run ``operation(workspace)`` on the worker, after the workspace is open; ``finish``:
        a write that runs even when the window closes while it waits."""
        if self._closed:
            return
        self.open()
        opening = self._opening
        assert opening is not None
        self.runner.run(lambda: operation(opening.result()), on_success, on_failure, finish=finish)

    def close(self) -> None:
        """Wait for the running operation, then close the database; later calls do nothing."""
        self._closed = True
        self.runner.shutdown()
        opening = self._opening  # cancelled by the shutdown if the window closes that soon
        opened = opening is not None and opening.done() and not opening.cancelled()
        if opened and opening.exception() is None:
            opening.result().close()
        self.workspace = None

    def _on_opened(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.opened.emit(workspace)

    def _on_failed(self, error: BaseException) -> None:
        self.open_failed.emit(error)
