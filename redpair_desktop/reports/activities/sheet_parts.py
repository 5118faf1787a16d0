"""What the activity printouts share: the heading lines (the title, the activity line), the QR
payload of the record, and the rendering of a paged table with a QR code on every page."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.activities.brief import counts_text
from redpair_desktop.domain.activities.printouts import ActivitySheet, RollEntry
from redpair_desktop.domain.dates import chinese_date
from redpair_desktop.i18n import _
from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.reports.grid import Line, Typesetter
from redpair_desktop.reports.heading import centred_lines, title_lines
from redpair_desktop.reports.ink import Ink, read_ink
from redpair_desktop.reports.page import DocumentInfo, draw_qr, render
from redpair_desktop.reports.table import Cell, TablePages

ABSENCES = {"excused": "请假", "absent": "缺席"}  # AttendanceStatus values
BACKFILLED = "补录"
BLANK_COUNTS = "应到{expected}人，实到　　人，请假　　人，缺席　　人"


def record_payload(sheet: ActivitySheet) -> str:
    """What each page's QR code and the PDF's subject say: the activity and the pledge text's
    SHA-256."""
    return f"redpair:activity;id={sheet.activity_id};pledge={sheet.pledge_sha256}"


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


def render_table(paged: TablePages, fonts: FontSet, sheet: ActivitySheet, title: str) -> bytes:
    payload = record_payload(sheet)

    def on_page(canvas: Canvas, number: int) -> None:
        paged.draw(canvas, number)
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
