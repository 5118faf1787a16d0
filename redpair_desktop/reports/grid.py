"""Setting text on the GB/T 9704 grid: 28 characters a line, lines that printouts stack 22 a page.

A paragraph is a list of pieces, each in a font role (a run-in 楷体 subheading, then 仿宋 text);
it is checked against the fonts, split into runs per face and wrapped at the block's width with
the usual line-breaking rules (no closing punctuation at a line's start, no opening one at its
end). Full-width characters advance one grid character; half-width digits and letters advance
their own width.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from redpair_desktop.reports.fonts import Face, FontRole, FontSet, Run

CHARS_PER_LINE = 28
BLOCK_WIDTH = 156 / 25.4 * 72  # pt
CHAR_PITCH = BLOCK_WIDTH / CHARS_PER_LINE  # ≈ 15.79 pt
BODY_SIZE = 16.0  # 三号
TITLE_SIZE = 22.0  # 二号
NO_LINE_START = set("，。、；：？！）》」』”’…—·,.;:?!)%")
NO_LINE_END = set("（《「『“‘(")


@dataclass(frozen=True)
class Segment:
    x: float  # from the block's left edge, pt
    runs: tuple[Run, ...]
    size: float
    char_space: float  # added after every character
    width: float


@dataclass(frozen=True)
class Line:
    segments: tuple[Segment, ...] = ()
    keep_with_next: bool = False  # a page must not end after this line

    @property
    def is_blank(self) -> bool:
        return not self.segments

    def keeping(self) -> Line:
        return Line(self.segments, keep_with_next=True)


BLANK = Line()
Piece = tuple[str, FontRole]


class Typesetter:
    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts

    def glyphs(self, pieces: list[Piece], whose: str) -> list[tuple[str, Face]]:
        glyphs: list[tuple[str, Face]] = []
        for text, role in pieces:
            for run in self.fonts.runs(text, role, whose):
                glyphs += [(char, run.face) for char in run.text]
        return glyphs

    def segment(
        self, glyphs: list[tuple[str, Face]], x: float = 0.0, size: float = BODY_SIZE
    ) -> Segment:
        char_space = CHAR_PITCH * size / BODY_SIZE - size
        runs: list[Run] = []
        for char, face in glyphs:
            if runs and runs[-1].face is face:
                runs[-1] = Run(face, runs[-1].text + char)
            else:
                runs.append(Run(face, char))
        width = sum(face.width(char) * size + char_space for char, face in glyphs)
        return Segment(x, tuple(runs), size, char_space, width)

    def paragraph(
        self, pieces: list[Piece], whose: str, *, indent: int = 2, hanging: int = 0
    ) -> list[Line]:
        """Lines of a paragraph: the first indented ``indent`` characters, the others
        ``hanging`` characters (flush left by default)."""
        glyphs = self.glyphs(pieces, whose)
        lines, start, first = [], 0, True
        while start < len(glyphs):
            offset = (indent if first else hanging) * CHAR_PITCH
            end = _break(glyphs, start, BLOCK_WIDTH - offset)
            lines.append(Line((self.segment(glyphs[start:end], offset),)))
            start, first = end, False
        return lines

    def centred(self, pieces: list[Piece], whose: str, size: float) -> Line:
        segment = self.segment(self.glyphs(pieces, whose), size=size)
        return Line((replace(segment, x=(BLOCK_WIDTH - segment.width) / 2),))


def _break(glyphs: list[tuple[str, Face]], start: int, width: float) -> int:
    """Where the line starting at ``start`` ends: as many characters as fit, then one fewer
    while the next line would start with closing punctuation or this one end with opening."""
    char_space = CHAR_PITCH - BODY_SIZE
    used, end = 0.0, start
    while end < len(glyphs):
        char, face = glyphs[end]
        advance = face.width(char) * BODY_SIZE + char_space
        if used + advance > width + 0.01:
            break
        used, end = used + advance, end + 1
    if end == len(glyphs):
        return end
    while end - start > 1 and (
        glyphs[end][0] in NO_LINE_START or glyphs[end - 1][0] in NO_LINE_END
    ):
        end -= 1
    return end
