"""设置 → 签名终端操作员 PIN: the form saves only an Argon2id hash, asks twice, and changing the PIN
needs the old one."""

from __future__ import annotations

from PySide6.QtCore import Qt

from redpair_desktop.paths import SETTINGS_FILE
from redpair_desktop.services.pin import check_pin
from redpair_desktop.settings import load_settings


def open_form(application):
    application.window.select_section("settings")
    return application.window.page("settings").pin


def enter(qtbot, form, new: str, repeat: str, old: str = "") -> None:
    for field, text in ((form.old_pin, old), (form.new_pin, new), (form.repeat_pin, repeat)):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def test_setting_a_pin_saves_its_argon2id_hash_and_never_the_pin(qtbot, open_app, data_dir):
    application = open_app(data_dir)
    form = open_form(application)
    assert "尚未设置" in form.state.text()
    assert not form.old_pin.isVisible()
    enter(qtbot, form, "73915", "73915")
    qtbot.waitUntil(lambda: load_settings(data_dir).kiosk_pin_hash is not None, timeout=10000)
    pin_hash = load_settings(data_dir).kiosk_pin_hash
    assert pin_hash.startswith("$argon2id$")
    assert check_pin("73915", pin_hash)
    assert "73915" not in (data_dir / SETTINGS_FILE).read_text(encoding="utf-8")
    assert form.message.text() == "已保存新的 PIN。"
    assert form.state.text() == "已设置 PIN。" and form.old_pin.isVisible()
    assert form.new_pin.text() == form.repeat_pin.text() == ""


def test_a_short_pin_or_a_different_repeat_is_refused_and_nothing_saved(qtbot, open_app, data_dir):
    application = open_app(data_dir)
    form = open_form(application)
    enter(qtbot, form, "123", "123")
    assert form.message.text() == "PIN 须为 4 到 8 位数字。"
    enter(qtbot, form, "1234", "1243")
    assert form.message.text() == "两次输入的新 PIN 不一致，未保存。"
    assert form.message.isVisible()
    assert load_settings(data_dir).kiosk_pin_hash is None


def test_changing_the_pin_needs_the_old_one(qtbot, open_app, data_dir):
    application = open_app(data_dir)
    form = open_form(application)
    enter(qtbot, form, "1111", "1111")
    qtbot.waitUntil(lambda: load_settings(data_dir).kiosk_pin_hash is not None, timeout=10000)
    first = load_settings(data_dir).kiosk_pin_hash

    enter(qtbot, form, "2222", "2222", old="9999")
    qtbot.waitUntil(lambda: form.message.text() == "原 PIN 不正确，未更改。", timeout=10000)
    assert load_settings(data_dir).kiosk_pin_hash == first

    enter(qtbot, form, "2222", "2222", old="1111")
    qtbot.waitUntil(lambda: load_settings(data_dir).kiosk_pin_hash != first, timeout=10000)
    assert check_pin("2222", load_settings(data_dir).kiosk_pin_hash)
