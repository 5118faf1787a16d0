"""A ruled table on the GB/T 9704 grid: one grid line (28.95 pt, about 10 mm) a row, the header
row repeated at the top of every page, the columns spanning the 156 mm text block, the lines
after the table (a summary) never alone on a page.

Cell text is 四号 (14 pt), checked against the fonts like every printed string, centred in its
cell, and made smaller (down to 8 pt) when it would not fit; past that it is refused, naming
it. A cell may hold a signature image instead, fitted into the cell with its aspect kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.reports.activities.ink import Ink, draw_ink
from redpair_desktop.reports.fonts import Face, FontRole
from redpair_desktop.reports.grid import (
    BLANK,
    BLOCK_WIDTH,
    CHAR_PITCH,
    NO_LINE_START,
    Line,
    Segment,
    Typesetter,
)
from redpair_desktop.reports.page import (
    BLOCK_TOP,
    EM_CENTRE,
    LEFT_MARGIN,
    LINE_PITCH,
    LINES_PER_PAGE,
    MAX_PAGES,
    draw_segment,
)

HEADING = FontRole.HEADING1

TABLE_SIZE = 14.0  # 四号
ONE_LINE_MIN = 10.5  # 五号: smaller than this, a cell's text goes on two lines
MIN_SIZE = 8.0
LEADING = 1.15  # of two lines in a cell, times the size
SIZE_STEP = 0.5
PADDING = 3.0  # pt, between a cell's rules and what it holds
RULE_WIDTH = 0.6  # pt


@dataclass(frozen=True)
class Column:
    heading: str
    chars: float  # width in grid characters (15.79 pt each); a table's columns add up to 28


@dataclass(frozen=True)
class Cell:
    text: str = ""
    whose: str = ""  # named when a character of ``text`` cannot be printed
    ink: Ink | None = None


@dataclass(frozen=True)
class Placed:
    """A piece of cell text: its segment and its baseline, down from the top of its row."""

    segment: Segment
    drop: float


@dataclass(frozen=True)
class Row:
    texts: tuple[Placed, ...]
    inks: tuple[tuple[int, Ink], ...]  # (column, image)


@dataclass(frozen=True)
class TableFrame:
    """Where the table sits on one page: the grid line of its header and its rows."""

    top: int
    rows: tuple[Row, ...]  # the header first


@dataclass
class TablePages:
    pages: list[list[Line]] = field(default_factory=list)
    frames: dict[int, TableFrame] = field(default_factory=dict)  # by page number, from 1


class TableSetter:
    def __init__(self, setter: Typesetter, columns: Sequence[Column]) -> None:
        self.setter = setter
        self.columns = tuple(columns)
        self.edges = (0.0, *accumulate(c.chars * CHAR_PITCH for c in self.columns))
        self.header = self.row([Cell(c.heading, c.heading) for c in self.columns], HEADING)

    def row(self, cells: Sequence[Cell], role: FontRole = FontRole.BODY) -> Row:
        texts: list[Placed] = []
        for index, cell in enumerate(cells):
            if cell.text:
                texts += self._fitted(cell, index, role)
        inks = tuple((index, cell.ink) for index, cell in enumerate(cells) if cell.ink)
        return Row(tuple(texts), inks)

    def _fitted(self, cell: Cell, index: int, role: FontRole) -> list[Placed]:
        """The cell's text on one line, made smaller until it fits, else on two lines."""
        glyphs = self.setter.glyphs([(cell.text, role)], cell.whose)
        for size in _sizes(TABLE_SIZE, ONE_LINE_MIN):
            placed = self._line(glyphs, index, size, LINE_PITCH / 2)
            if placed is not None:
                return [placed]
        half = (len(glyphs) + 1) // 2
        while half < len(glyphs) and glyphs[half][0] in NO_LINE_START:
            half += 1
        for size in _sizes(ONE_LINE_MIN, MIN_SIZE):
            leading = size * LEADING
            first = self._line(glyphs[:half], index, size, (LINE_PITCH - leading) / 2)
            second = self._line(glyphs[half:], index, size, (LINE_PITCH + leading) / 2)
            if first is not None and second is not None:
                return [first, second]
        raise UserError(
            _("“{whose}”的“{text}”太长，表格的“{column}”一栏放不下。请缩短。",
              whose=cell.whose, text=cell.text, column=self.columns[index].heading)
        )  # fmt: skip

    def _line(
        self, glyphs: list[tuple[str, Face]], index: int, size: float, centre: float
    ) -> Placed | None:
        """The glyphs centred in column ``index`` at ``size``, their em box centred ``centre``
        pt below the row's top; None when they do not fit."""
        segment = self.setter.segment(glyphs, size=size)
        width = segment.width - segment.char_space
        left, right = self.edges[index], self.edges[index + 1]
        if width > right - left - 2 * PADDING:
            return None
        placed = replace(segment, x=left + (right - left - width) / 2)
        return Placed(placed, centre + EM_CENTRE * size)

    def paginate(self, head: list[Line], rows: Sequence[Row], tail: list[Line]) -> TablePages:
        """``head`` on the first page, then the table (its header on every page), then
        ``tail`` on the page of the last row."""
        rest = list(rows)
        result = TablePages()
        page: list[Line] = list(head)
        if LINES_PER_PAGE - len(page) < 2:  # not even the header and one row below the head
            result.pages.append(page)
            page = []
        while True:
            room = LINES_PER_PAGE - len(page) - 1
            count = min(room, len(rest))
            if count == len(rest) and count + len(tail) > room and count:
                count -= 1  # the last row goes over with the tail
            result.frames[len(result.pages) + 1] = TableFrame(
                len(page), (self.header, *rest[:count])
            )
            result.pages.append([*page, *[BLANK] * (1 + count)])
            rest = rest[count:]
            if not rest and count + len(tail) <= room:
                result.pages[-1] += tail
                break
            page = []
        if len(result.pages) > MAX_PAGES:
            raise UserError(_("内容太长：超过 {count} 页。", count=MAX_PAGES))
        return result

    def draw(self, canvas: Canvas, frame: TableFrame) -> None:
        """The rules of the table on this page, the text and the images in their cells."""
        top = BLOCK_TOP - frame.top * LINE_PITCH
        self._draw_rules(canvas, top, len(frame.rows))
        for number, row in enumerate(frame.rows):
            row_top = top - number * LINE_PITCH
            for text in row.texts:
                draw_segment(
                    canvas, text.segment, LEFT_MARGIN + text.segment.x, row_top - text.drop
                )
            for column, ink in row.inks:
                self._draw_ink(canvas, ink, row_top, column)

    def _draw_rules(self, canvas: Canvas, top: float, rows: int) -> None:
        canvas.saveState()
        canvas.setLineWidth(RULE_WIDTH)
        canvas.setStrokeGray(0)
        path = canvas.beginPath()
        for row in range(rows + 1):
            path.moveTo(LEFT_MARGIN, top - row * LINE_PITCH)
            path.lineTo(LEFT_MARGIN + BLOCK_WIDTH, top - row * LINE_PITCH)
        for edge in self.edges:
            path.moveTo(LEFT_MARGIN + edge, top)
            path.lineTo(LEFT_MARGIN + edge, top - rows * LINE_PITCH)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()

    def _draw_ink(self, canvas: Canvas, ink: Ink, row_top: float, column: int) -> None:
        left, right = self.edges[column], self.edges[column + 1]
        box_width, box_height = right - left - 2 * PADDING, LINE_PITCH - 2 * PADDING
        scale = min(box_width / ink.width, box_height / ink.height)
        width, height = ink.width * scale, ink.height * scale
        x = LEFT_MARGIN + left + (right - left - width) / 2
        draw_ink(canvas, ink, x, row_top - (LINE_PITCH + height) / 2, width, height)


def _sizes(largest: float, smallest: float) -> list[float]:
    count = round((largest - smallest) / SIZE_STEP)
    return [largest - step * SIZE_STEP for step in range(count + 1)]
