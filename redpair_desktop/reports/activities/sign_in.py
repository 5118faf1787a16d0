"""签到表: one row per person on the list — 序号, 姓名, 党支部, 签到时间, the signature or the
note (补录, 请假/缺席 with the reason) — the header row on every page, the counts after the last
row. ``blank=True`` is the sheet printed before the event as the offline fallback: every name,
empty time and signature cells."""

from __future__ import annotations

from redpair_desktop.domain.activities.printouts import ActivitySheet, RollEntry
from redpair_desktop.reports.activities.sheet_parts import (
    ink_of,
    person_cells,
    render_table,
    sheet_heading,
    status_note,
    summary_line,
)
from redpair_desktop.reports.fonts import FontSet
from redpair_desktop.reports.grid import Typesetter
from redpair_desktop.reports.heading import clock
from redpair_desktop.reports.table import Cell, Column, TableSetter

TITLE = "签到表"
COLUMNS = (
    Column("序号", 2.5),
    Column("姓名", 4.5),
    Column("党支部／单位", 8),
    Column("签到时间", 4.5),
    Column("签名／备注", 8.5),
)


def sign_in_pdf(sheet: ActivitySheet, fonts: FontSet, blank: bool) -> bytes:
    setter = Typesetter(fonts)
    table = TableSetter(setter, COLUMNS)
    rows = [
        table.row(_row(number, entry, blank)) for number, entry in enumerate(sheet.entries, start=1)
    ]
    paged = table.paginate(
        sheet_heading(setter, TITLE, sheet), rows, [summary_line(setter, sheet, blank)]
    )
    return render_table(paged, fonts, sheet, TITLE)


def _row(number: int, entry: RollEntry, blank: bool) -> list[Cell]:
    cells = person_cells(number, entry)
    if blank:
        return [*cells, Cell(), Cell()]
    note = status_note(entry)
    time = "" if entry.backfilled else clock(entry.checked_in_at)
    last = Cell(note, entry.name) if note else Cell(ink=ink_of(entry))
    return [*cells, Cell(time), last]
