"""Badges for the check-in scanner: eight to an A4 sheet (2 × 4, 90 × 62 mm each, dashed cut
lines), each with the activity's title, the name large, the branch (a guest's unit) and the
QR code of the badge code, 26 mm square: a USB scanner reads it at arm's length."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.activities.printouts import ActivitySheet, RollEntry
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.reports.grid import Segment, Typesetter
from redpair_desktop.reports.page import PAGE_HEIGHT, PAGE_WIDTH, draw_qr_at, draw_segment

COLUMNS, ROWS = 2, 4
BADGE_WIDTH, BADGE_HEIGHT = 90 * mm, 62 * mm
QR_SIDE = 26 * mm
INSET = 5 * mm
LEFT = (PAGE_WIDTH - COLUMNS * BADGE_WIDTH) / 2
TOP = (PAGE_HEIGHT + ROWS * BADGE_HEIGHT) / 2
NAME_SIZE, BRANCH_SIZE, TITLE_SIZE = 26.0, 12.0, 9.0  # 一号, 小四, 小五-ish
TEXT_WIDTH = BADGE_WIDTH - QR_SIDE - 3 * INSET
TITLE_WIDTH = BADGE_WIDTH - 2 * INSET


def badges_pdf(sheet: ActivitySheet, fonts: FontSet) -> bytes:
    setter = Typesetter(fonts)
    people = [entry for entry in sheet.entries if entry.badge_code]
    if not people:
        raise UserError(_("名单中没有人有胸牌码，无法打印胸牌。"))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"胸牌：{sheet.title}")
    canvas.setCreator("RedPair Desktop")
    per_page = COLUMNS * ROWS
    for start in range(0, len(people), per_page):
        _cut_lines(canvas)
        for place, entry in enumerate(people[start : start + per_page]):
            x = LEFT + place % COLUMNS * BADGE_WIDTH
            y = TOP - (place // COLUMNS + 1) * BADGE_HEIGHT
            _badge(canvas, setter, sheet, entry, x, y)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _badge(
    canvas: Canvas, setter: Typesetter, sheet: ActivitySheet, entry: RollEntry, x: float, y: float
) -> None:
    text_x = x + INSET
    title = _fitted(setter, sheet.title, FontRole.BODY, TITLE_SIZE, _("活动名称"), TITLE_WIDTH)
    name = _fitted(setter, entry.name, FontRole.HEADING1, NAME_SIZE, entry.name)
    branch = _fitted(setter, entry.branch, FontRole.BODY, BRANCH_SIZE,
                     _("{name}的党支部", name=entry.name))  # fmt: skip
    draw_segment(canvas, title, text_x, y + BADGE_HEIGHT - INSET - TITLE_SIZE)
    draw_segment(canvas, name, text_x, y + BADGE_HEIGHT / 2 - NAME_SIZE * 0.3)
    draw_segment(canvas, branch, text_x, y + INSET + 2 * mm)
    qr_y = y + (BADGE_HEIGHT - QR_SIDE) / 2 - 3 * mm
    draw_qr_at(canvas, entry.badge_code, x + BADGE_WIDTH - INSET - QR_SIDE, qr_y, QR_SIDE)


def _fitted(
    setter: Typesetter,
    text: str,
    role: FontRole,
    size: float,
    whose: str,
    width: float = TEXT_WIDTH,
) -> Segment:
    """``text`` at ``size``, or smaller so that it fits ``width`` (beside the QR code)."""
    glyphs = setter.glyphs([(text, role)], whose)
    segment = setter.segment(glyphs, size=size)
    if segment.width > width:
        segment = setter.segment(glyphs, size=size * width / segment.width)
    return segment


def _cut_lines(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.setStrokeGray(0.55)
    canvas.setDash(3, 3)
    for column in range(COLUMNS + 1):
        x = LEFT + column * BADGE_WIDTH
        canvas.line(x, 0, x, PAGE_HEIGHT)
    for row in range(ROWS + 1):
        y = TOP - row * BADGE_HEIGHT
        canvas.line(0, y, PAGE_WIDTH, y)
    canvas.restoreState()
