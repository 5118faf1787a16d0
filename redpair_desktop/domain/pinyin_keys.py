"""Pinyin search and sort keys for names: 陈振波 → initials ``czb``, full ``chenzhenbo``.

Uses pypinyin's character table directly (one dict look-up a character), which is fast enough
for a 100,000-row import. A character with several readings takes its first, most common one.
"""

from __future__ import annotations

import unicodedata
from functools import cache


@cache
def _table() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


def _reading(character: str) -> str:
    """The toneless reading of one character; letters and digits stand for themselves."""
    readings = _table().get(ord(character))
    if readings is None:
        return character.lower() if character.isascii() and character.isalnum() else ""
    first = readings.split(",", 1)[0]
    plain = unicodedata.normalize("NFD", first)
    return "".join(c for c in plain if not unicodedata.combining(c))


def name_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name."""
    readings = [_reading(character) for character in name]
    return "".join(r[0] for r in readings if r), "".join(readings)
