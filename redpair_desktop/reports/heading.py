"""Heading lines every printout shares: a 二号 title in balanced lines, centred 三号 lines, and
the local clock time of a moment."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime

from redpair_desktop.reports.fonts import FontRole
from redpair_desktop.reports.grid import BLOCK_WIDTH, TITLE_SIZE, Line, Segment, Typesetter


def clock(moment: datetime | None) -> str:
    """``9:02`` in the computer's time zone; nothing for no time."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{local.hour}:{local.minute:02d}"


def title_lines(setter: Typesetter, text: str, whose: str) -> list[Line]:
    """A 二号 title centred in as few lines as it needs, the lines of equal length."""
    glyphs = setter.glyphs([(text, FontRole.TITLE)], whose)
    width = setter.segment(glyphs, size=TITLE_SIZE).width
    count = max(1, math.ceil(width / BLOCK_WIDTH))
    per_line = math.ceil(len(glyphs) / count)
    chunks = [glyphs[start : start + per_line] for start in range(0, len(glyphs), per_line)]
    return [_centre(setter.segment(chunk, size=TITLE_SIZE)) for chunk in chunks]


def centred_lines(setter: Typesetter, text: str, whose: str, role: FontRole) -> list[Line]:
    """``text`` in 三号, wrapped at the block's width, each line centred."""
    lines = setter.paragraph([(text, role)], whose, indent=0)
    return [_centre(line.segments[0]) for line in lines]


def _centre(segment: Segment) -> Line:
    return Line((replace(segment, x=(BLOCK_WIDTH - (segment.width - segment.char_space)) / 2),))
