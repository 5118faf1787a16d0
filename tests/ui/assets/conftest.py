"""The patrol screens on the demo data, on a real database worker: the tab, or the window of
the demo's 10 kV 内冲线 patrol (its 128 poles, 8 transformers, defects at 37 and 86)."""

from __future__ import annotations

import pytest

from redpair_desktop.services.assets.listing import list_patrols
from redpair_desktop.services.workspace import open_workspace
from redpair_desktop.ui.assets.patrol_window import PatrolWindow
from redpair_desktop.ui.assets.patrols_tab import PatrolsTab
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.operations import DbRunner


@pytest.fixture
def errors():
    return []


@pytest.fixture
def backend(demo_data_dir, errors):
    backend = Backend(DbRunner(errors.append), demo_data_dir)
    yield backend
    backend.close()


@pytest.fixture
def demo_patrol_id(demo_data_dir):
    workspace = open_workspace(demo_data_dir)
    try:
        (row,) = list_patrols(workspace.db)
        return row.id
    finally:
        workspace.close()


@pytest.fixture
def window(qtbot, backend, errors, demo_patrol_id):
    window = PatrolWindow(backend, errors.append, demo_patrol_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded, timeout=15000)
    window.activateWindow()
    window.table.setFocus()
    yield window
    assert not errors, errors  # every failure a test provokes is a refusal shown in place


@pytest.fixture
def tab(qtbot, backend, errors):
    tab = PatrolsTab(backend, errors.append)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded and tab.patrols_model.rowCount() > 0, timeout=15000)
    yield tab
    assert not errors, errors


def reopened_view(data_dir, patrol_id):
    """The patrol read from the database file afresh."""
    from redpair_desktop.services.assets.patrols import patrol

    workspace = open_workspace(data_dir)
    try:
        return patrol(workspace.db, patrol_id)
    finally:
        workspace.close()
