"""The activity brief (活动简报) as a one-page document on the GB/T 9704 grid: the activity's
title, then 时间、地点、主持、参加人员 (with 应到/实到/请假/缺席) and 主要内容, each item led by its
label in 黑体; the QR code of the record at the foot."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.activities.brief import brief_items
from redpair_desktop.domain.activities.printouts import ActivitySheet
from redpair_desktop.i18n import _
from redpair_desktop.reports.activities.sheet_parts import record_payload
from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.reports.grid import BLANK, Line, Typesetter
from redpair_desktop.reports.heading import title_lines
from redpair_desktop.reports.page import DocumentInfo, draw_qr, paginate, render


def brief_pdf(sheet: ActivitySheet, fonts: FontSet) -> bytes:
    setter = Typesetter(fonts)
    lines = [*title_lines(setter, sheet.title, _("活动名称")), BLANK]
    for label, text in brief_items(sheet):
        lines += _item(setter, label, text)
    payload = record_payload(sheet)

    def on_page(canvas: Canvas, number: int) -> None:
        draw_qr(canvas, number, payload)

    info = DocumentInfo(title=f"活动简报：{sheet.title}", subject=payload)
    return render(paginate(lines), fonts, info, on_page=on_page)


def _item(setter: Typesetter, label: str, text: str) -> list[Line]:
    """The label and the first paragraph of the text, then its other paragraphs."""
    first, *others = [part.strip() for part in text.splitlines() if part.strip()]
    whose = _("活动简报的“{label}”", label=label)
    lines = setter.paragraph([(f"{label}：", FontRole.HEADING1), (first, FontRole.BODY)], whose)
    for paragraph in others:
        lines += setter.paragraph([(paragraph, FontRole.BODY)], whose)
    return lines
