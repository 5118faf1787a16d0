"""Pinyin search and sort keys for names: 陈振波 → initials ``czb``, full ``chenzhenbo``.

The readings come from pypinyin's character table (its ``pinyin_dict.json``), read here with a
streaming pattern match instead of ``json.loads``: one ``json.loads`` of that file holds the
interpreter lock for ~170 ms on a slow PC, which would freeze the window during an import.
A character with several readings takes its first, most common one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.util import find_spec
from pathlib import Path

_ENTRY = re.compile(r'"(\d+)":\s*"([^",]*)')  # code point → first reading (tone marks kept)


@cache
def _table() -> dict[int, str]:
    # find_spec locates the package without importing it (its __init__ json.loads 2 big files)
    spec = find_spec("pypinyin")
    assert spec is not None and spec.submodule_search_locations, "pypinyin is a dependency"
    package = Path(next(iter(spec.submodule_search_locations)))
    text = (package / "pinyin_dict.json").read_text(encoding="utf-8")
    # finditer, not findall: the lock is released between matches, keeping the window live.
    return {int(m[1]): m[2] for m in _ENTRY.finditer(text)}


@cache
def _toneless(reading: str) -> str:
    plain = unicodedata.normalize("NFD", reading)
    return "".join(c for c in plain if not unicodedata.combining(c))


def _reading(character: str) -> str:
    """The toneless reading of one character; letters and digits stand for themselves."""
    reading = _table().get(ord(character))
    if reading is None:
        return character.lower() if character.isascii() and character.isalnum() else ""
    return _toneless(reading)


def name_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name."""
    readings = [_reading(character) for character in name]
    return "".join(r[0] for r in readings if r), "".join(readings)
