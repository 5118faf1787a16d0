"""The database worker: results come back on the GUI thread; work still queued when the window
closes is dropped quietly, except a write that must finish."""

from __future__ import annotations

import logging
import threading

from redpair_desktop.ui.operations import DbRunner


def test_a_result_comes_back_to_the_gui_thread(qtbot):
    runner = DbRunner(lambda error: None)
    seen: list[tuple[int, bool]] = []
    gui_thread = threading.current_thread()
    runner.run(
        lambda: 6 * 7, lambda value: seen.append((value, threading.current_thread() is gui_thread))
    )
    qtbot.waitUntil(lambda: seen == [(42, True)])
    runner.shutdown()


def test_work_queued_at_shutdown_calls_nothing_back_and_logs_nothing(qtbot, caplog):
    runner = DbRunner(lambda error: None)
    release = threading.Event()
    called: list[object] = []
    runner.run(release.wait, called.append)  # holds the worker until the queue is cancelled
    queued = [runner.run(lambda: "late", called.append, called.append) for _n in range(3)]
    stopper = threading.Thread(target=runner.shutdown)
    with caplog.at_level(logging.ERROR):
        stopper.start()
        qtbot.waitUntil(lambda: all(future.cancelled() for future in queued))
        release.set()
        stopper.join(timeout=10)
        qtbot.waitUntil(lambda: called == [True])
    assert not stopper.is_alive()
    assert [
        record for record in caplog.records if "exception calling callback" in record.message
    ] == []


def test_a_write_that_must_finish_runs_at_shutdown_while_reads_are_dropped(qtbot):
    runner = DbRunner(lambda error: None)
    release = threading.Event()
    written: list[str] = []
    runner.run(release.wait, lambda _result: None)  # holds the worker until shutdown begins
    read = runner.run(lambda: "read", lambda _result: None)
    write = runner.run(lambda: written.append("comment"), lambda _result: None, finish=True)
    stopper = threading.Thread(target=runner.shutdown)
    stopper.start()
    qtbot.waitUntil(read.cancelled)
    release.set()
    stopper.join(timeout=10)
    assert not stopper.is_alive()
    assert written == ["comment"] and write.done() and not write.cancelled()
