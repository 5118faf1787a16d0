"""Runs of ruled tables on the grid: a table's lead and header never end a page without a row
under them, rows several grid lines tall are counted as such, a lead with no table still prints."""

from __future__ import annotations

from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.reports.grid import BLANK, Typesetter
from redpair_desktop.reports.page import LINES_PER_PAGE
from redpair_desktop.reports.table import Block, Cell, Column, TableSetter, lay_out

COLUMNS = (Column("序号", 4), Column("内容", 24))


def setup():
    setter = Typesetter(FontSet())
    table = TableSetter(setter, COLUMNS)
    lead = tuple(setter.paragraph([("一、检查情况", FontRole.HEADING1)], "", indent=0))
    return setter, table, lead


def test_a_lead_and_header_move_over_with_their_first_row():
    _, table, lead = setup()
    head = [BLANK] * (LINES_PER_PAGE - 2)  # room for the lead and the header, not for a row
    rows = tuple(table.row([Cell(str(n)), Cell("符合")]) for n in range(3))
    paged = lay_out(head, [Block(lead, table.header, rows)], [])
    assert len(paged.pages) == 2 and paged.frames[1] == []
    (frame,) = paged.frames[2]
    assert frame.top == 1 and len(frame.rows) == 4  # under the lead: header and the 3 rows


def test_tall_rows_take_their_grid_lines_and_a_lead_alone_still_prints():
    _, table, lead = setup()
    rows = tuple(table.row([Cell(str(n)), Cell("")], lines=4) for n in range(6))
    alone = Block(lead, table.header, ())
    paged = lay_out([], [Block(lead, table.header, rows), alone], [])
    first, second = paged.frames[1][0], paged.frames[2][0]
    assert len(first.rows) == 1 + 5 and len(second.rows) == 1 + 1  # 1 + 1 + 5 × 4 = 22 lines
    assert len(paged.pages[1]) == 1 + 4 + 1  # the header again, the last row, the lead alone
    assert not paged.pages[1][0].segments and paged.pages[1][-1].segments


def test_a_long_cell_text_takes_a_taller_row_in_a_readable_size():
    _, table, _ = setup()
    row = table.fitting_row([Cell("1"), Cell("绩效考核沿用县公司通用模板，未细化到台区经理，" * 5)])
    assert row.lines > 1 and min(text.segment.size for text in row.texts) >= 10.5
