"""GUI fixtures: the real application object on a real data directory."""

from __future__ import annotations

import pytest

from redpair_desktop.ui.app import Application


@pytest.fixture
def open_app(qtbot, qapp):
    """Start the application on a data directory and wait until the tree (or first-run) shows."""
    started: list[Application] = []

    def start(data_dir) -> Application:
        application = Application(qapp, data_dir)
        qtbot.addWidget(application.window)
        with qtbot.waitSignal(application.window.tree_shown, timeout=15000):
            application.start()
        started.append(application)
        return application

    yield start
    for application in started:
        application.window.close()


def wait_idle(qtbot, application) -> None:
    """Wait until every database operation has delivered its result."""
    qtbot.waitUntil(lambda: application.runner.pending == 0, timeout=15000)


def type_chinese(widget, text: str) -> None:
    """Type text the way an input method delivers it (QTest's key clicks are ASCII-only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
