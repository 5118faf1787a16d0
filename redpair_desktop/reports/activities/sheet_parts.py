"""What the activity printouts share: the heading lines (a title in balanced lines, centred
lines, the activity line), the QR payload of the record, local times, and the rendering of a
paged table with a QR code on every page."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime

from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.activities.brief import counts_text
from redpair_desktop.domain.activities.printouts import ActivitySheet, RollEntry
from redpair_desktop.domain.dates import chinese_date
from redpair_desktop.i18n import _
from redpair_desktop.reports.activities.ink import Ink, read_ink
from redpair_desktop.reports.activities.table import Cell, TablePages, TableSetter
from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.reports.grid import BLOCK_WIDTH, TITLE_SIZE, Line, Segment, Typesetter
from redpair_desktop.reports.page import DocumentInfo, draw_qr, render

ABSENCES = {"excused": "请假", "absent": "缺席"}  # AttendanceStatus values
BACKFILLED = "补录"
BLANK_COUNTS = "应到{expected}人，实到　　人，请假　　人，缺席　　人"


def record_payload(sheet: ActivitySheet) -> str:
    """What each page's QR code and the PDF's subject say: the activity and the pledge text's
    SHA-256."""
    return f"redpair:activity;id={sheet.activity_id};pledge={sheet.pledge_sha256}"


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


def activity_line(sheet: ActivitySheet) -> str:
    """``启动仪式　2024年3月26日　大坪供电所``."""
    return "　".join(part for part in (sheet.type_label, chinese_date(sheet.held_on), sheet.place)
                    if part)  # fmt: skip


def sheet_heading(setter: Typesetter, title: str, sheet: ActivitySheet) -> list[Line]:
    """The document's title, then the activity's title and its type, date and place."""
    return [
        *title_lines(setter, title, _("标题")),
        *centred_lines(setter, sheet.title, _("活动名称"), FontRole.BODY),
        *centred_lines(setter, activity_line(sheet), _("活动地点"), FontRole.BODY),
    ]


def render_table(
    table: TableSetter, paged: TablePages, fonts: FontSet, sheet: ActivitySheet, title: str
) -> bytes:
    payload = record_payload(sheet)

    def on_page(canvas: Canvas, number: int) -> None:
        if number in paged.frames:
            table.draw(canvas, paged.frames[number])
        draw_qr(canvas, number, payload)

    info = DocumentInfo(title=f"{title}：{sheet.title}", subject=payload)
    return render(paged.pages, fonts, info, on_page=on_page)


def person_cells(number: int, entry: RollEntry) -> list[Cell]:
    """序号, 姓名 and 党支部 (a guest's unit) of a row."""
    return [
        Cell(str(number)),
        Cell(entry.name, entry.name),
        Cell(entry.branch, _("{name}的党支部", name=entry.name)),
    ]


def status_note(entry: RollEntry) -> str:
    """请假（reason）/缺席（reason） for those who were not there, 补录 before it for an entry
    from the paper list; nothing for a member present on the day."""
    note = ""
    if entry.status in ABSENCES:
        label = ABSENCES[entry.status]
        note = f"{label}（{entry.reason}）" if entry.reason else label
    if entry.backfilled:
        note = f"{BACKFILLED}，{note}" if note else BACKFILLED
    return note


def ink_of(entry: RollEntry) -> Ink | None:
    return read_ink(entry.signature_png) if entry.signature_png else None


def summary_line(setter: Typesetter, sheet: ActivitySheet, blank: bool) -> Line:
    """应到 N 人，实到 N 人，请假 N 人，缺席 N 人 — on a blank sheet only 应到, the rest left to
    fill in by hand."""
    text = BLANK_COUNTS.format(expected=len(sheet.entries)) if blank else counts_text(sheet.counts)
    return setter.paragraph([(text, FontRole.BODY)], _("人数统计"), indent=2)[0]
