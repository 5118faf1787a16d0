"""Badge codes: derived from the attendee's id, read forgivingly, mistakes caught."""

from __future__ import annotations

import uuid

from redpair_desktop.domain.activities.badges import ALPHABET, badge_code, read_badge


def test_a_badge_code_is_short_and_reads_back():
    code = badge_code(uuid.UUID("019b7447-8673-785a-bd2a-1fed38f80e65"))
    assert code.startswith("RP1-") and len(code) == 13
    assert read_badge(code) == code
    assert read_badge(f"  {code.lower()} ") == code


def test_every_single_mistyped_character_and_swap_is_caught():
    code = badge_code(uuid.UUID(int=0x1234_5678_9ABC_DEF0_1234_5678))
    tail = code[4:]
    for index, char in enumerate(tail):
        for other in ALPHABET:
            if other != char:
                changed = code[:4] + tail[:index] + other + tail[index + 1 :]
                assert read_badge(changed) is None, changed
    for index in range(len(tail) - 1):
        a, b = tail[index], tail[index + 1]
        if a != b:
            swapped = code[:4] + tail[:index] + b + a + tail[index + 2 :]
            assert read_badge(swapped) is None, swapped


def test_not_a_badge():
    assert read_badge("陈振波") is None
    assert read_badge("RP1-ABC") is None
