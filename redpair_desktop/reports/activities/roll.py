"""承诺签名册: the pledge at the head, then one row per person on the list — 序号, 姓名, 党支部,
the signature drawn into its cell, the time it was signed or 补录/请假/缺席 — the header row
on every page, 应到/实到/请假/缺席 after the last row, the QR code of the activity and the
pledge text's hash on every page.

``blank=True`` gives the offline fallback printed before the event: every name on the list,
the signature and note cells empty, the counts other than 应到 left to fill in by hand."""

from __future__ import annotations

from redpair_desktop.domain.activities.printouts import ActivitySheet, RollEntry
from redpair_desktop.i18n import _
from redpair_desktop.reports.activities.sheet_parts import (
    ink_of,
    person_cells,
    render_table,
    sheet_heading,
    status_note,
    summary_line,
)
from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.reports.grid import Line, Typesetter
from redpair_desktop.reports.heading import clock
from redpair_desktop.reports.table import Cell, Column, TableSetter

TITLE = "承诺签名册"
COLUMNS = (
    Column("序号", 2.5),
    Column("姓名", 4.5),
    Column("党支部／单位", 8),
    Column("签名", 8),
    Column("时间／备注", 5),
)


def roll_pdf(sheet: ActivitySheet, fonts: FontSet, blank: bool = False) -> bytes:
    setter = Typesetter(fonts)
    table = TableSetter(setter, COLUMNS)
    rows = [
        table.row(_row(number, entry, blank)) for number, entry in enumerate(sheet.entries, start=1)
    ]
    head = [*sheet_heading(setter, TITLE, sheet), *pledge_lines(setter, sheet)]
    paged = table.paginate(head, rows, [summary_line(setter, sheet, blank)])
    return render_table(paged, fonts, sheet, TITLE)


def pledge_lines(setter: Typesetter, sheet: ActivitySheet) -> list[Line]:
    """承诺：<title> in 黑体, then the pledge text's paragraphs."""
    whose = _("承诺书")
    lines = setter.paragraph([(f"承诺：{sheet.pledge_title}", FontRole.HEADING1)], whose)
    for paragraph in sheet.pledge_text.splitlines():
        if paragraph.strip():
            lines += setter.paragraph([(paragraph.strip(), FontRole.BODY)], whose)
    return lines


def _row(number: int, entry: RollEntry, blank: bool) -> list[Cell]:
    cells = person_cells(number, entry)
    if blank:
        return [*cells, Cell(), Cell()]
    note = status_note(entry) or clock(entry.signed_at)
    return [*cells, Cell(ink=ink_of(entry)), Cell(note, entry.name)]
