"""Pinyin search and sort keys for names: 陈振波 → initials ``czb``, syllables ``chen zhen bo``.

The readings come from pypinyin's character table (its ``pinyin_dict.json``), read here with a
streaming pattern match instead of ``json.loads``: one ``json.loads`` of that file holds the
interpreter lock for ~170 ms on a slow PC, which would freeze the window during an import.
A character with several readings takes its first, most common one, except a name's first
characters when they form a surname read otherwise (单 shan, 曾 zeng, 尉迟 yu chi …): pypinyin has
no surname table, so the common ones are listed here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

_ENTRY = re.compile(r'"(\d+)":\s*"([^",]*)')  # code point → first reading (tone marks kept)

# Surnames whose reading differs from the character's most common one: one syllable a character.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "单于": ("chan", "yu"), "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"),
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "仇": ("qiu",), "朴": ("piao",),
    "区": ("ou",), "查": ("zha",), "盖": ("ge",), "缪": ("miao",), "覃": ("qin",),
    "翟": ("zhai",), "乐": ("yue",), "薄": ("bo",), "秘": ("bi",), "召": ("shao",),
    "员": ("yun",), "种": ("chong",), "重": ("chong",), "长": ("chang",), "阚": ("kan",),
    "句": ("gou",), "繁": ("po",), "能": ("nai",), "黑": ("he",), "祭": ("zhai",),
    "折": ("she",), "隗": ("wei",), "冼": ("xian",), "洗": ("xian",), "藏": ("zang",),
}  # fmt: skip
SYLLABLE_SEPARATOR = " "  # sorts before every letter: hu an < hu chun hang < huang
NAME_SEPARATOR = "\x00"  # sorts before the separator: chen < chen zhen bo; then the characters


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
def _syllable(character: str) -> str:
    """The toneless reading of one character; letters and digits stand for themselves; ""
    for anything else."""
    reading = _table().get(ord(character))
    if reading is None:
        return character.lower() if character.isascii() and character.isalnum() else ""
    plain = unicodedata.normalize("NFD", reading)
    return "".join(c for c in plain if not unicodedata.combining(c))


def name_syllables(name: str) -> list[str]:
    """One syllable per character, surname first: 单田芳 → shan tian fang ("" where unknown)."""
    for length in (2, 1):
        surname = SURNAME_READINGS.get(name[:length])
        if surname is not None:
            return [*surname, *map(_syllable, name[length:])]
    return list(map(_syllable, name))


def name_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name: 陈振波 → ("czb", "chenzhenbo")."""
    syllables = [s for s in name_syllables(name) if s]
    return "".join(s[0] for s in syllables), "".join(syllables)


def search_key(names: Iterable[str]) -> str:
    """Each name, its pinyin initials and its full pinyin, one per line: what ``matches`` reads."""
    parts: list[str] = []
    for name in names:
        initials, full = name_keys(name)
        parts += [name.lower(), initials, full]
    return "\n".join(parts)


def matches(key: str, query: str) -> bool:
    """Every word of the query occurs in the key (``通城 大坪`` finds 大坪 in 通城)."""
    return all(word in key for word in query.lower().split())


def name_sort_key(name: str) -> str:
    """Orders names as a phone's contact list does: by pinyin syllable by syllable, surname
    first, then by the characters. A character without a reading stands for itself (after z)."""
    syllables = name_syllables(name)
    spelled = SYLLABLE_SEPARATOR.join(s or c for s, c in zip(syllables, name, strict=True))
    return f"{spelled}{NAME_SEPARATOR}{name}"
