"""The signature kiosk driven like the members at the ceremony: type a name, sign with the mouse,
confirm, and the next one; refusals said on the kiosk; leaving only with the operator PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from redpair_desktop.domain.activities.codes import AttendanceStatus
from redpair_desktop.services.pin import PinBackoff, hash_pin
from redpair_desktop.settings import load_settings, save_settings
from redpair_desktop.ui.activities.kiosk import open_kiosk
from redpair_desktop.ui.activities.pin_dialog import PinDialog
from tests.ui.activities.driving import attendees, demo_activity, draw, unsigned_present
from tests.ui.conftest import type_chinese

pytestmark = pytest.mark.gui


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def kiosk_of(qtbot, demo_app):
    opened = []

    def open_one():
        activity_id = demo_activity(qtbot, demo_app)
        kiosk = open_kiosk(
            demo_app.backend, demo_app.reporter.report, activity_id, demo_app.window,
            fullscreen=False,
        )  # fmt: skip
        kiosk.resize(1024, 768)
        opened.append(kiosk)
        qtbot.waitUntil(lambda: kiosk.pledge_title.text() == "党员身边无违章", timeout=15000)
        return kiosk, activity_id

    yield open_one
    for kiosk in opened:
        kiosk.release()


def find(qtbot, kiosk, text: str) -> None:
    kiosk.search.clear()
    if text.isascii():
        qtbot.keyClicks(kiosk.search, text)
    else:
        type_chinese(kiosk.search, text)
    qtbot.keyClick(kiosk.search, Qt.Key.Key_Return)


def signed_names(qtbot, application, activity_id) -> set[str]:
    return {row.name for row in attendees(qtbot, application, activity_id) if row.signed}


def test_two_members_sign_one_after_the_other(qtbot, demo_app, kiosk_of):
    kiosk, activity_id = kiosk_of()
    assert kiosk.isVisible() and kiosk.pledge_text.text().startswith("我是党员我承诺")
    first, second = unsigned_present(qtbot, demo_app, activity_id)[:2]
    for member in (first, second):
        find(qtbot, kiosk, member.name)
        qtbot.waitUntil(lambda m=member: m.name in kiosk.signer_label.text(), timeout=10000)
        assert kiosk.pad.isEnabled() and kiosk.pad.is_empty
        draw(qtbot, kiosk.pad)
        qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda m=member: m.name in signed_names(qtbot, demo_app, activity_id),
                        timeout=10000)  # fmt: skip
        qtbot.waitUntil(lambda: kiosk.pad.is_empty and "已签名，谢谢！" in kiosk.message.text())
        assert kiosk.focusWidget() is kiosk.search
        assert not kiosk.pad.isEnabled() and kiosk.signer is None


def test_pinyin_initials_find_the_member(qtbot, demo_app, kiosk_of):
    from redpair_desktop.domain.pinyin_keys import name_keys

    kiosk, activity_id = kiosk_of()
    members = unsigned_present(qtbot, demo_app, activity_id)
    initials = {member.name: min(name_keys(member.name), key=len) for member in members}
    name, key = next((n, k) for n, k in initials.items() if list(initials.values()).count(k) == 1)
    find(qtbot, kiosk, key)
    qtbot.waitUntil(lambda: name in kiosk.signer_label.text(), timeout=10000)


def test_an_empty_or_tiny_signature_is_refused_and_nothing_stored(qtbot, demo_app, kiosk_of):
    kiosk, activity_id = kiosk_of()
    member = unsigned_present(qtbot, demo_app, activity_id)[0]
    find(qtbot, kiosk, member.name)
    qtbot.waitUntil(lambda: kiosk.pad.isEnabled(), timeout=10000)
    qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    assert "签名太短或太小，没有保存" in kiosk.message.text()
    assert kiosk.message.isVisible()
    draw(qtbot, kiosk.pad, [QPoint(100, 100), QPoint(104, 103), QPoint(108, 100)])  # a tick
    qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    assert "签名太短或太小" in kiosk.message.text()
    assert not kiosk.pad.is_empty and kiosk.signer == member  # nothing lost
    assert member.name not in signed_names(qtbot, demo_app, activity_id)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("王不在", "名单上没有“王不在”"),
        ("RP1-ZZZZ-ZZZZ", "胸牌码“RP1-ZZZZ-ZZZZ”"),
        ("", "请输入您的姓名或拼音首字母"),
    ],
)
def test_someone_not_on_the_list_is_refused(qtbot, kiosk_of, typed, said):
    kiosk, _activity_id = kiosk_of()
    find(qtbot, kiosk, typed)
    qtbot.waitUntil(lambda: said in kiosk.message.text(), timeout=10000)
    assert kiosk.signer is None and not kiosk.pad.isEnabled()


def test_a_badge_of_another_activity_matches_nobody(qtbot, kiosk_of):
    from redpair_desktop.domain.activities.badges import badge_code
    from redpair_desktop.domain.ids import new_id

    kiosk, _activity_id = kiosk_of()
    code = badge_code(new_id())
    find(qtbot, kiosk, code)
    qtbot.waitUntil(lambda: "名单上没有" in kiosk.message.text(), timeout=10000)


def test_a_member_who_signed_already_is_told_so(qtbot, demo_app, kiosk_of):
    kiosk, activity_id = kiosk_of()
    signed = next(row for row in attendees(qtbot, demo_app, activity_id) if row.signed)
    find(qtbot, kiosk, signed.badge_code)
    qtbot.waitUntil(lambda: "已经签过名了" in kiosk.message.text(), timeout=10000)
    assert signed.name in kiosk.message.text() and kiosk.signer is None


def test_an_excused_member_who_signs_is_checked_in(qtbot, demo_app, kiosk_of):
    kiosk, activity_id = kiosk_of()
    excused = next(
        r for r in attendees(qtbot, demo_app, activity_id) if r.status is AttendanceStatus.EXCUSED
    )
    find(qtbot, kiosk, excused.badge_code)
    qtbot.waitUntil(lambda: kiosk.pad.isEnabled(), timeout=10000)
    draw(qtbot, kiosk.pad)
    qtbot.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: excused.name in signed_names(qtbot, demo_app, activity_id),
                    timeout=10000)  # fmt: skip
    row = next(r for r in attendees(qtbot, demo_app, activity_id) if r.id == excused.id)
    assert row.status is AttendanceStatus.PRESENT


# --- leaving ---------------------------------------------------------------------------------


def set_pin(data_dir, pin: str) -> None:
    settings = load_settings(data_dir)
    settings.kiosk_pin_hash = hash_pin(pin)
    save_settings(data_dir, settings)


def pin_dialog(qtbot, kiosk) -> PinDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in kiosk.findChildren(PinDialog)))
    return next(d for d in kiosk.findChildren(PinDialog) if d.isVisible())


def enter_pin(qtbot, dialog, pin: str) -> None:
    dialog.pin.clear()
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


def test_leaving_needs_the_pin_and_wrong_tries_back_off(qtbot, demo_app, demo_data_dir, kiosk_of):
    set_pin(demo_data_dir, "2580")
    kiosk, _activity_id = kiosk_of()
    clock = Clock()
    kiosk.backoff = PinBackoff(clock)
    kiosk.close()
    dialog = pin_dialog(qtbot, kiosk)
    assert kiosk.isVisible()
    for _try in range(3):
        enter_pin(qtbot, dialog, "1111")
    assert dialog.message.text() == "PIN 不正确。请 5 秒后再试。"
    enter_pin(qtbot, dialog, "2580")  # the right PIN, but the back-off runs
    assert "秒后再试" in dialog.message.text()
    assert kiosk.isVisible() and dialog.isVisible()
    dialog.reject()

    qtbot.keyClick(kiosk.search, Qt.Key.Key_Escape)
    dialog = pin_dialog(qtbot, kiosk)
    clock.now += 5
    enter_pin(qtbot, dialog, "2580")
    qtbot.waitUntil(lambda: not kiosk.isVisible())


def test_alt_f4_is_refused_without_the_pin(qtbot, demo_data_dir, kiosk_of):
    set_pin(demo_data_dir, "2580")
    kiosk, _activity_id = kiosk_of()
    qtbot.keyClick(kiosk, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    kiosk.close()  # what the window manager does on Alt+F4
    dialog = pin_dialog(qtbot, kiosk)
    dialog.reject()
    assert kiosk.isVisible()
    assert kiosk.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert kiosk.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


def test_without_a_pin_leaving_warns_first(qtbot, kiosk_of):
    kiosk, _activity_id = kiosk_of()
    assert kiosk.no_pin.isVisible() and "尚未设置操作员 PIN" in kiosk.no_pin.text()
    qtbot.keyClick(kiosk.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: kiosk.findChild(QMessageBox, "kioskLeaveWithoutPin") is not None)
    box = kiosk.findChild(QMessageBox, "kioskLeaveWithoutPin")
    qtbot.waitUntil(box.isVisible)
    assert kiosk.isVisible()
    qtbot.mouseClick(
        box.findChild(QPushButton, "kioskLeaveWithoutPinButton"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not kiosk.isVisible())


def test_the_main_window_stays_open_behind_a_locked_kiosk(qtbot, demo_app, demo_data_dir, kiosk_of):
    set_pin(demo_data_dir, "2580")
    kiosk, _activity_id = kiosk_of()
    demo_app.window.close()
    dialog = pin_dialog(qtbot, kiosk)
    assert demo_app.window.isVisible() and kiosk.isVisible()
    enter_pin(qtbot, dialog, "2580")
    qtbot.waitUntil(lambda: not kiosk.isVisible())
    demo_app.window.close()
    assert not demo_app.window.isVisible()
