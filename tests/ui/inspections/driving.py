"""Driving the 检查 tab and the run window: the demo's 大坪供电所, operations run on the
application's worker, keys pressed on the item list, strokes drawn on the pads."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt

from redpair_desktop.ui.inspections.list_tab import InspectionsTab
from redpair_desktop.ui.inspections.run_window import RunWindow

STATION = "大坪供电所党支部"
ZIGZAG = [QPoint(60 + 14 * i, 40 + (60 if i % 2 else 0)) for i in range(24)]


def run(qtbot, application, operation):
    """``operation(workspace)`` on the application's worker; its result."""
    results: list = []
    application.backend.call(operation, results.append, application.reporter.report)
    qtbot.waitUntil(lambda: bool(results), timeout=15000)
    return results[0]


def inspections_tab(qtbot, application) -> InspectionsTab:
    application.window.select_section("inspections")
    tab = application.window.page("inspections").findChild(InspectionsTab)
    qtbot.waitUntil(lambda: tab.loaded, timeout=15000)
    return tab


def station_id(qtbot, application):
    def find(workspace):
        from sqlalchemy import select

        from redpair_desktop.db.org.models import Branch

        with workspace.db.read() as session:
            return session.scalars(select(Branch.id).where(Branch.short_name == STATION)).one()

    return run(qtbot, application, find)


def new_draft(qtbot, application, templates=("daily",), **fields):
    """A draft inspection of 大坪 made through the service; its id."""
    from redpair_desktop.domain.inspections.draft import InspectionStart
    from redpair_desktop.services.inspections.runs import start_inspection

    branch_id = station_id(qtbot, application)
    start = InspectionStart(branch_id, date(2024, 9, 1), templates, ("王检查",), **fields)
    return run(qtbot, application, lambda ws: start_inspection(ws.db, start))


def view_of(qtbot, application, inspection_id):
    from redpair_desktop.services.inspections.view import inspection

    return run(qtbot, application, lambda ws: inspection(ws.db, inspection_id))


def answers_of(qtbot, application, inspection_id) -> dict[str, str]:
    view = view_of(qtbot, application, inspection_id)
    return {s.item.key: s.response.key for s in view.items if s.response is not None}


def open_run(qtbot, application, inspection_id) -> RunWindow:
    window = inspections_tab(qtbot, application).open_run(inspection_id)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.view is not None and window.items.count() > 0, timeout=15000)
    return window


def press(qtbot, window: RunWindow, key, times: int = 1) -> None:
    """Keys on the item list, as the inspector presses them."""
    for _ in range(times):
        qtbot.keyClick(window.items, key)


def settled(qtbot, application) -> None:
    qtbot.waitUntil(lambda: application.runner.pending == 0, timeout=15000)


def draw(qtbot, pad, points=ZIGZAG):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])
