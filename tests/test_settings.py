"""The settings file: what is saved comes back, junk is dropped, older files still load."""

from __future__ import annotations

import json

from redpair_desktop.paths import SETTINGS_FILE
from redpair_desktop.settings import Settings, load_settings, save_settings


def test_font_files_round_trip(tmp_path):
    body = str(tmp_path / "仿宋_GB2312.ttf")
    save_settings(tmp_path, Settings(language="en", font_files={"body": body}))
    loaded = load_settings(tmp_path)
    assert loaded.font_files == {"body": body}
    assert loaded.language == "en"


def test_junk_font_entries_are_dropped_and_the_rest_kept(tmp_path):
    title = str(tmp_path / "小标宋.ttf")
    raw = {
        "version": 1,
        "language": "en",
        "font_files": {"title": title, "body": 42, "heading1": "relative/黑体.ttf", "7": None},
    }
    (tmp_path / SETTINGS_FILE).write_text(json.dumps(raw), encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.font_files == {"title": title}
    assert loaded.language == "en"


def test_font_files_that_are_not_a_mapping_give_none(tmp_path):
    raw = {"version": 1, "font_files": ["/a.ttf"]}
    (tmp_path / SETTINGS_FILE).write_text(json.dumps(raw), encoding="utf-8")
    assert load_settings(tmp_path).font_files == {}


def test_a_file_from_before_font_files_loads(tmp_path):
    raw = {"version": 1, "language": "en", "window_geometry": "AAA="}
    (tmp_path / SETTINGS_FILE).write_text(json.dumps(raw), encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert (loaded.language, loaded.window_geometry, loaded.font_files) == ("en", "AAA=", {})


def test_the_kiosk_pin_hash_round_trips_and_anything_else_is_dropped(tmp_path):
    pin_hash = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g"
    save_settings(tmp_path, Settings(kiosk_pin_hash=pin_hash))
    assert load_settings(tmp_path).kiosk_pin_hash == pin_hash
    for junk in ("1234", 1234, ["$argon2id$"], "$2b$12$bcrypt"):
        raw = {"version": 1, "kiosk_pin_hash": junk}
        (tmp_path / SETTINGS_FILE).write_text(json.dumps(raw), encoding="utf-8")
        assert load_settings(tmp_path).kiosk_pin_hash is None
