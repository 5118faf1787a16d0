"""Ruled tables on the GB/T 9704 grid: a row is one grid line (28.95 pt, about 10 mm) or a few,
a table's header row is repeated at the top of every page it runs onto, the columns span the
156 mm text block, the lines after the last table (a summary) never alone on a page. Several
tables, each with lines leading into it (a heading), can follow each other (``lay_out``).

Cell text is 四号 (14 pt), checked against the fonts like every printed string, centred in its
cell, and made smaller (down to 8 pt) and broken over more lines when it would not fit; past
that it is refused, naming it. A form's table may instead set every cell at one size, broken
over as many lines as its row needs. A cell may hold a signature image instead, fitted into the cell
with its aspect kept; a full-width row may hold a row of photos."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

from reportlab.lib.colors import HexColor, black
from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
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
from redpair_desktop.reports.ink import Ink, draw_ink
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
    colour: str = ""  # of the text, "#c62828"; black when empty


@dataclass(frozen=True)
class Photo:
    """A picture file drawn into a box of a full-width row: its left and right edge, pt from
    the block's left edge."""

    path: str  # absolute
    left: float
    right: float


@dataclass(frozen=True)
class Placed:
    """A piece of cell text: its segment and its baseline, down from the top of its row."""

    segment: Segment
    drop: float
    colour: str = ""


@dataclass(frozen=True)
class Row:
    texts: tuple[Placed, ...]
    inks: tuple[tuple[int, Ink], ...]  # (column, image)
    edges: tuple[float, ...]  # the column rules, pt from the block's left edge
    lines: int = 1  # grid lines tall
    photos: tuple[Photo, ...] = ()


@dataclass(frozen=True)
class TableFrame:
    """Where a table sits on one page: the grid line of its header and its rows."""

    top: int
    rows: tuple[Row, ...]  # the header first


@dataclass(frozen=True)
class Block:
    """A table in a run of tables: the lines leading into it (kept with its first rows), its
    header row and its rows."""

    lead: tuple[Line, ...]
    header: Row
    rows: tuple[Row, ...]


@dataclass
class TablePages:
    pages: list[list[Line]] = field(default_factory=list)
    frames: dict[int, list[TableFrame]] = field(default_factory=dict)  # by page number, from 1

    def draw(self, canvas: Canvas, number: int) -> None:
        """The tables of page ``number``."""
        for frame in self.frames.get(number, ()):
            draw_frame(canvas, frame)


class TableSetter:
    def __init__(
        self, setter: Typesetter, columns: Sequence[Column], text_size: float | None = None
    ) -> None:
        """``text_size``: every cell below the header at that one size, broken over lines and
        the row made taller rather than made smaller (a form's items read evenly)."""
        self.setter = setter
        self.columns = tuple(columns)
        self.edges = (0.0, *accumulate(c.chars * CHAR_PITCH for c in self.columns))
        self.text_size = text_size
        self.header = self.row([Cell(c.heading, c.heading) for c in self.columns], HEADING)

    def row(
        self,
        cells: Sequence[Cell],
        role: FontRole = FontRole.BODY,
        lines: int = 1,
        smallest: float = MIN_SIZE,
    ) -> Row:
        texts: list[Placed] = []
        for index, cell in enumerate(cells):
            if cell.text:
                texts += self._fitted(cell, index, role, lines, smallest)
        inks = tuple((index, cell.ink) for index, cell in enumerate(cells) if cell.ink)
        return Row(tuple(texts), inks, self.edges, lines)

    def fitting_row(self, cells: Sequence[Cell], most_lines: int = 3, least_lines: int = 1) -> Row:
        """The row of ``cells`` ``least_lines`` grid lines tall, or as few more as its texts
        need to be printed in 五号 or larger; at ``most_lines`` smaller if need be."""
        for lines in range(least_lines, most_lines + 1):
            try:
                return self.row(cells, lines=lines, smallest=ONE_LINE_MIN)
            except UserError:
                continue
        return self.row(cells, lines=most_lines)

    def _fitted(
        self, cell: Cell, index: int, role: FontRole, lines: int, smallest: float
    ) -> list[Placed]:
        """The cell's text on one line, made smaller until it fits, else on as many lines as
        the row's height holds (two a grid line)."""
        glyphs = self.setter.glyphs([(cell.text, role)], cell.whose)
        height = lines * LINE_PITCH
        fixed = self.text_size if role is not HEADING else None
        one_line, broken = (
            ([fixed], [fixed]) if fixed else (_sizes(TABLE_SIZE, ONE_LINE_MIN),
                                              _sizes(ONE_LINE_MIN, smallest))
        )  # fmt: skip
        for size in one_line:
            placed = self._line(glyphs, index, size, height / 2)
            if placed is not None:
                return [replace(placed, colour=cell.colour)]
        for size in broken:
            most = int(height / (size * LEADING)) if fixed else 2 * lines
            for count in range(2, most + 1):
                pieces = self._broken(glyphs, index, size, count, height)
                if pieces is not None:
                    return [replace(line, colour=cell.colour) for line in pieces]
        raise UserError(
            _("“{whose}”的“{text}”太长，表格的“{column}”一栏放不下。请缩短。",
              whose=cell.whose, text=cell.text, column=self.columns[index].heading)
        )  # fmt: skip

    def _broken(
        self, glyphs: list[tuple[str, Face]], index: int, size: float, count: int, height: float
    ) -> list[Placed] | None:
        """The glyphs in ``count`` lines of equal length, centred in the cell; None when they
        do not fit."""
        leading = size * LEADING
        per_line, placed, start = -(-len(glyphs) // count), [], 0
        for number in range(count):
            end = min(len(glyphs), start + per_line)
            while end < len(glyphs) and glyphs[end][0] in NO_LINE_START:
                end += 1
            while start + 1 < end < len(glyphs) and _in_word(glyphs[end - 1][0], glyphs[end][0]):
                end -= 1  # not inside 2023 or 10kV
            centre = height / 2 + (number - (count - 1) / 2) * leading
            line = self._line(glyphs[start:end], index, size, centre) if start < end else None
            if line is None:
                return None
            placed.append(line)
            start = end
        return placed if start == len(glyphs) else None

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
        return lay_out([*head], [Block((), self.header, tuple(rows))], tail)


@dataclass
class Notes:
    """附注: cell texts too long for a row ``most_lines`` grid lines tall, each printed in full
    after the tables while its cell says 见附注n — a record the app accepted always prints."""

    most_lines: int = 4
    entries: list[tuple[str, str]] = field(default_factory=list)  # (where, text)

    def row(
        self, table: TableSetter, cells: Sequence[Cell], where: str, column: int, least: int = 1
    ) -> Row:
        try:
            return table.fitting_row(cells, self.most_lines, least)
        except UserError:
            if not cells[column].text:
                raise
        self.entries.append((where, cells[column].text))
        shortened = list(cells)
        shortened[column] = Cell(f"见附注{len(self.entries)}")
        return table.fitting_row(shortened, self.most_lines, least)

    def lines(self, setter: Typesetter, heading: list[Line]) -> list[Line]:
        """``heading`` and each note as a paragraph; nothing when there is no note."""
        if not self.entries:
            return []
        for number, (where, text) in enumerate(self.entries, start=1):
            paragraph = [(f"附注{number}（{where}）：{text}", FontRole.BODY)]
            heading = [*heading, *setter.paragraph(paragraph, where, indent=0)]
        return heading


def photo_row(paths: Sequence[str], per_row: int, lines: int) -> Row:
    """A full-width row ``lines`` grid lines tall with the pictures side by side, each in a
    box of 1/``per_row`` of the width."""
    width = BLOCK_WIDTH / per_row
    photos = tuple(
        Photo(path, index * width, (index + 1) * width) for index, path in enumerate(paths)
    )
    return Row((), (), (0.0, BLOCK_WIDTH), lines, photos)


def lay_out(head: list[Line], blocks: Sequence[Block], tail: list[Line]) -> TablePages:
    """``head`` on the first page, then each block's lead and table (the header on every page
    it runs onto, the lead and the header never without a row below), then ``tail`` on the page
    of the last row."""
    result = TablePages()
    page: list[Line] = list(head)
    frames: list[TableFrame] = []

    def close() -> None:
        nonlocal page, frames
        result.pages.append(page)
        result.frames[len(result.pages)] = frames
        page, frames = [], []

    for position, block in enumerate(blocks):
        rest, lead = list(block.rows), list(block.lead)
        last = position == len(blocks) - 1
        if not rest:  # a heading with nothing under it (未签字)
            if len(page) + len(lead) > LINES_PER_PAGE:
                close()
            page += lead
        while rest:
            room = LINES_PER_PAGE - len(page) - len(lead) - block.header.lines
            count = _fitting(rest, room)
            if last and count == len(rest) and _height(rest) + len(tail) > room:
                count -= 1  # the last row goes over with the tail
            if count == 0 and page:
                close()
                continue
            count = max(count, 1)  # a row taller than a page: drawn past the block, not lost
            page += lead
            frames.append(TableFrame(len(page), (block.header, *rest[:count])))
            page += [BLANK] * (block.header.lines + _height(rest[:count]))
            rest, lead = rest[count:], []
            if rest:
                close()
    if len(page) + len(tail) > LINES_PER_PAGE:
        close()
    page += tail
    close()
    if len(result.pages) > MAX_PAGES:
        raise UserError(_("内容太长：超过 {count} 页。", count=MAX_PAGES))
    return result


def _height(rows: Sequence[Row]) -> int:
    return sum(row.lines for row in rows)


def _fitting(rows: Sequence[Row], room: int) -> int:
    """How many of ``rows`` from the first fit in ``room`` grid lines."""
    used = count = 0
    for row in rows:
        if used + row.lines > room:
            break
        used, count = used + row.lines, count + 1
    return count


def draw_frame(canvas: Canvas, frame: TableFrame) -> None:
    """The rules of a table on its page, the text and the images in their cells."""
    top = BLOCK_TOP - frame.top * LINE_PITCH
    for row in frame.rows:
        _draw_rules(canvas, row, top)
        for text in row.texts:
            _draw_text(canvas, text, top)
        for column, ink in row.inks:
            _draw_ink(canvas, ink, row, top, column)
        for photo in row.photos:
            _draw_photo(canvas, photo, row, top)
        top -= row.lines * LINE_PITCH


def _draw_text(canvas: Canvas, text: Placed, top: float) -> None:
    canvas.saveState()
    canvas.setFillColor(HexColor(text.colour) if text.colour else black)
    draw_segment(canvas, text.segment, LEFT_MARGIN + text.segment.x, top - text.drop)
    canvas.restoreState()


def _draw_rules(canvas: Canvas, row: Row, top: float) -> None:
    bottom = top - row.lines * LINE_PITCH
    canvas.saveState()
    canvas.setLineWidth(RULE_WIDTH)
    canvas.setStrokeGray(0)
    path = canvas.beginPath()
    for y in (top, bottom):
        path.moveTo(LEFT_MARGIN, y)
        path.lineTo(LEFT_MARGIN + BLOCK_WIDTH, y)
    for edge in row.edges:
        path.moveTo(LEFT_MARGIN + edge, top)
        path.lineTo(LEFT_MARGIN + edge, bottom)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def _draw_ink(canvas: Canvas, ink: Ink, row: Row, top: float, column: int) -> None:
    left, right = row.edges[column], row.edges[column + 1]
    row_height = row.lines * LINE_PITCH
    box_width, box_height = right - left - 2 * PADDING, row_height - 2 * PADDING
    scale = min(box_width / ink.width, box_height / ink.height)
    width, height = ink.width * scale, ink.height * scale
    x = LEFT_MARGIN + left + (right - left - width) / 2
    draw_ink(canvas, ink, x, top - (row_height + height) / 2, width, height)


def _draw_photo(canvas: Canvas, photo: Photo, row: Row, top: float) -> None:
    height = row.lines * LINE_PITCH - 2 * PADDING
    canvas.drawImage(
        photo.path,
        LEFT_MARGIN + photo.left + PADDING,
        top - PADDING - height,
        photo.right - photo.left - 2 * PADDING,
        height,
        preserveAspectRatio=True,
        anchor="c",
    )


def _in_word(before: str, after: str) -> bool:
    return before.isascii() and after.isascii() and before.isalnum() and after.isalnum()


def _sizes(largest: float, smallest: float) -> list[float]:
    count = round((largest - smallest) / SIZE_STEP)
    return [largest - step * SIZE_STEP for step in range(count + 1)]
