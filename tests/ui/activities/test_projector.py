"""The projector view follows the ceremony: a check-in made through the service and announced,
or a signature at the kiosk, shows in its count and its latest signers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from redpair_desktop.domain.activities.codes import AttendanceStatus
from redpair_desktop.ui.activities import live
from redpair_desktop.ui.activities.kiosk import open_kiosk
from redpair_desktop.ui.activities.projector import open_projector
from tests.ui.activities.driving import attendees, demo_activity, draw, run, unsigned_present
from tests.ui.conftest import type_chinese

pytestmark = pytest.mark.gui


@pytest.fixture
def projector(qtbot, demo_app):
    activity_id = demo_activity(qtbot, demo_app)
    window = open_projector(
        demo_app.backend, demo_app.reporter.report, activity_id, demo_app.window, fullscreen=False
    )
    qtbot.waitUntil(lambda: window.counts["expected"].text() != "–", timeout=15000)
    yield window, activity_id
    window.close()


def count(window, key: str) -> int:
    return int(window.counts[key].text())


def test_the_count_follows_a_check_in(qtbot, demo_app, projector):
    window, activity_id = projector
    rows = attendees(qtbot, demo_app, activity_id)
    members = [r for r in rows if not r.is_guest]
    present = sum(r.status is AttendanceStatus.PRESENT for r in members)
    assert count(window, "expected") == len(members)
    assert (count(window, "present"), count(window, "excused")) == (present, 1)
    assert window.pledge_title.text() == "党员身边无违章"
    excused = next(r for r in members if r.status is AttendanceStatus.EXCUSED)

    def check_in(workspace):
        from redpair_desktop.services.activities.attendance import check_in

        return check_in(workspace.db, activity_id, excused.badge_code)

    run(qtbot, demo_app, check_in)
    live.announce(activity_id)
    qtbot.waitUntil(lambda: window.counts["present"].text() == str(present + 1))
    assert window.counts["excused"].text() == "0"


def test_the_latest_signer_from_the_kiosk_shows_first(qtbot, demo_app, projector):
    window, activity_id = projector
    member = unsigned_present(qtbot, demo_app, activity_id)[0]
    assert not window.latest.text().startswith(member.name)
    kiosk = open_kiosk(demo_app.backend, demo_app.reporter.report, activity_id, fullscreen=False)
    qtbot.addWidget(kiosk)
    try:
        qtbot.waitUntil(lambda: kiosk.pledge_sha256 is not None, timeout=10000)
        type_chinese(kiosk.search, member.name)
        qtbot.keyClick(kiosk.search, Qt.Key.Key_Return)
        qtbot.waitUntil(kiosk.pad.isEnabled, timeout=10000)
        draw(qtbot, kiosk.pad)
        qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.latest.text().startswith(member.name), timeout=10000)
    finally:
        kiosk.release()


def test_only_its_own_activity_s_changes_are_read(demo_app, projector, monkeypatch):
    import uuid

    window, activity_id = projector
    reads = []
    monkeypatch.setattr(window, "refresh", lambda: reads.append(True))
    live.announce(uuid.uuid4())  # delivered at once: the signal is emitted on this thread
    assert reads == []
    live.announce(activity_id)
    assert reads == [True]


def test_with_one_screen_it_opens_as_a_window_with_a_note(projector):
    window, _activity_id = projector
    assert window.note.isVisible() and "只找到一块屏幕" in window.note.text()


def test_esc_closes_it(qtbot, projector):
    window, _activity_id = projector
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())
