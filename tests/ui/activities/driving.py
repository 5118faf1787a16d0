"""Driving the kiosk and the projector: the demo's reference launch ceremony, operations run on
the application's worker, strokes drawn on a pad."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

ZIGZAG = [QPoint(80 + 14 * i, 60 + (70 if i % 2 else 0)) for i in range(24)]


def run(qtbot, application, operation):
    """``operation(workspace)`` on the application's worker; its result."""
    results: list = []
    application.backend.call(operation, results.append, application.reporter.report)
    qtbot.waitUntil(lambda: bool(results), timeout=15000)
    return results[0]


def demo_activity(qtbot, application):
    def find(workspace):
        from redpair_desktop.services.activities.sheets import activity_id

        return activity_id(workspace.db, "demo")

    return run(qtbot, application, find)


def attendees(qtbot, application, activity_id):
    def rows(workspace):
        from redpair_desktop.services.activities.attendance import expected_list

        return expected_list(workspace.db, activity_id)

    return run(qtbot, application, rows)


def unsigned_present(qtbot, application, activity_id):
    """Members of the station branch who came but have not signed (the demo's 综合 17 have)."""
    from redpair_desktop.domain.activities.codes import AttendanceStatus

    rows = attendees(qtbot, application, activity_id)
    return [r for r in rows if r.status is AttendanceStatus.PRESENT and not r.signed]


def draw(qtbot, pad, points=ZIGZAG):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])
