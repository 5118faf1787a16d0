"""Every database call leaves the GUI thread through ``DbRunner.run``.

The idea is Anki's ``QueryOp``/``CollectionOp``: one worker thread owns all database work (so
calls never race each other or the GUI), the result comes back to the GUI thread by a queued
signal, and failures reach a handler instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

T = TypeVar("T")


class DbRunner(QObject):
    """Runs callables on a single worker thread and delivers results on the GUI thread."""

    _delivered = Signal(object, object)  # (callback, argument)

    def __init__(
        self, on_error: Callable[[BaseException], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = None  # made at the first run, after the paint
        self._stopped = False
        self._on_error = on_error
        self._pending = 0
        self._droppable: set[Future[Any]] = set()  # queued work shutdown may cancel
        self._delivered.connect(self._on_delivered)

    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        operation: Callable[[], T],
        on_success: Callable[[T], Any],
        on_failure: Callable[[BaseException], Any] | None = None,
        *,
        finish: bool = False,
    ) -> Future[T]:
        """Run ``operation`` off the GUI thread; call back with its result or its error.
        After ``shutdown`` (the window is closing) nothing runs and nothing calls back; work
        still queued then is dropped unless ``finish`` (a write the user made) says it must
        run."""
        if self._stopped:
            from concurrent.futures import Future

            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped
        self._pending += 1
        failure = on_failure or self._on_error
        future = self._worker().submit(operation)
        if not finish:
            self._droppable.add(future)
            future.add_done_callback(self._droppable.discard)
        future.add_done_callback(lambda done: self._deliver(done, on_success, failure))
        return future

    def _deliver(self, future: Future, on_success: Callable, on_failure: Callable) -> None:
        # Runs on the worker thread: hand over to the GUI thread by signal. Work still queued
        # when the window closed was cancelled by ``shutdown``: nothing calls back.
        if future.cancelled():
            return
        error = future.exception()
        if error is None:
            self._delivered.emit(on_success, future.result())
        else:
            self._delivered.emit(on_failure, error)

    def _on_delivered(self, callback: Callable[[Any], Any], argument: object) -> None:
        self._pending -= 1
        callback(argument)

    def _worker(self) -> ThreadPoolExecutor:
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="redpair-db")
        return self._executor

    def shutdown(self) -> None:
        """Wait for the running operation (never cut a transaction short) and the queued work
        that must finish, then stop."""
        self._stopped = True  # later runs are dropped
        for future in list(self._droppable):
            future.cancel()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
