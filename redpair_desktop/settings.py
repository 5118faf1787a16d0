"""User settings kept as JSON in the data directory (with a format version for later changes)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from redpair_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES
from redpair_desktop.paths import SETTINGS_FILE

SETTINGS_VERSION = 1
PIN_HASH_PREFIX = "$argon2id$"  # anything else in kiosk_pin_hash is dropped


@dataclass
class Settings:
    language: str = DEFAULT_LANGUAGE
    window_geometry: str | None = None  # base64 of QWidget.saveGeometry()
    # official font files for the printouts: font role name (reports.fonts.FontRole) → path
    font_files: dict[str, str] = field(default_factory=dict)
    kiosk_pin_hash: str | None = None  # Argon2id hash of the signature kiosk's operator PIN


def load_settings(data_dir: Path) -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults."""
    try:
        raw = json.loads((data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    settings = Settings()
    if raw.get("language") in LANGUAGES:
        settings.language = raw["language"]
    if isinstance(raw.get("window_geometry"), str):
        settings.window_geometry = raw["window_geometry"]
    settings.font_files = _font_files(raw.get("font_files"))
    pin_hash = raw.get("kiosk_pin_hash")
    if isinstance(pin_hash, str) and pin_hash.startswith(PIN_HASH_PREFIX):
        settings.kiosk_pin_hash = pin_hash
    return settings


def _font_files(raw: object) -> dict[str, str]:
    """The entries that name a role and an absolute path; anything else is dropped."""
    if not isinstance(raw, dict):
        return {}
    return {
        role: path
        for role, path in raw.items()
        if isinstance(role, str) and isinstance(path, str) and Path(path).is_absolute()
    }


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write atomically: a crash mid-write leaves the previous file intact."""
    target = data_dir / SETTINGS_FILE
    temporary = target.with_suffix(".json.tmp")
    payload = {"version": SETTINGS_VERSION, **asdict(settings)}
    temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temporary, target)
