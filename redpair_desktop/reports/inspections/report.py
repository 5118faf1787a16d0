"""An inspection's printout, read like the form: the heading (title, station and date, the
checklist and its version, the inspectors, the total score), the 不符合 items first with their
comment and photos, the findings (问题清单), every section as a table (序号, 检查内容, 结果 in
the response's colour, 上次, 备注) under its score, then the sign-off with both signatures;
the QR code of the inspection and its checklist's hash and the page number on every page.

``blank=True`` gives the checklist printed for paper use, entered later as 补录: the same
sections and items, each result a row of boxes of the response choices, an empty 备注, and
lines to sign."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.dates import chinese_date
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.printouts import (
    InspectionSheet,
    SheetItem,
    SheetSection,
    SheetSignoff,
)
from redpair_desktop.i18n import _
from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.reports.grid import Line, Typesetter
from redpair_desktop.reports.heading import centred_lines, clock, title_lines
from redpair_desktop.reports.ink import read_ink
from redpair_desktop.reports.page import DocumentInfo, draw_qr, render
from redpair_desktop.reports.table import (
    Block,
    Cell,
    Column,
    Notes,
    Row,
    TableSetter,
    lay_out,
    photo_row,
)

PHOTOS_PER_ROW = 4
PHOTO_LINES = 4  # grid lines: a photo box about 39 × 38 mm
SIGN_LINES = 2
ITEM_SIZE = 12.0  # 小四: every item, answer and comment at one size, rows as tall as they need
ROW_LINES = 4  # grid lines a row may take; a longer comment goes to 附注 and the cell says so
FLAGGED_COLUMNS = (Column("序号", 2), Column("检查内容", 10), Column("结果", 3),
                   Column("情况说明", 13))  # fmt: skip
FINDING_COLUMNS = (Column("序号", 2), Column("问题类别", 5), Column("问题描述", 21))
SECTION_COLUMNS = (Column("序号", 2), Column("检查内容", 12), Column("结果", 3.5),
                   Column("上次", 3.5), Column("备注", 7))  # fmt: skip
BLANK_COLUMNS = (Column("序号", 2), Column("检查内容", 11), Column("结果（在□内打√）", 9),
                 Column("备注", 6))  # fmt: skip
SIGN_COLUMNS = (Column("签字人", 7), Column("签名", 10), Column("姓名", 5), Column("时间", 6))
BLANK_SIGNERS = ("检查人", "被检查单位代表")
NUMERALS = "一二三四五六七八九十"
SECTIONS_HEADING = "检查情况（★为必查项）"
BLANK_NOTE = "纸质填写后录入系统，标注为补录。"
BLANK_ROW_LINES = 2  # room to tick and to write by hand


def inspection_pdf(
    sheet: InspectionSheet, fonts: FontSet, data_dir: Path, blank: bool = False
) -> bytes:
    setter = Typesetter(fonts)
    parts = _Parts(setter, sheet, data_dir)
    blocks = parts.blank_blocks() if blank else parts.filled_blocks()
    notes = parts.notes.lines(setter, parts.heading_line(4, "附注"))
    paged = lay_out(parts.heading(blank), blocks, notes)
    payload = record_payload(sheet)

    def on_page(canvas: Canvas, number: int) -> None:
        paged.draw(canvas, number)
        draw_qr(canvas, number, payload)

    info = DocumentInfo(title=f"{sheet.title}：{sheet.station}", subject=payload)
    return render(paged.pages, fonts, info, on_page=on_page)


def record_payload(sheet: InspectionSheet) -> str:
    """What each page's QR code and the PDF's subject say: the inspection and its checklist's
    SHA-256."""
    return f"redpair:inspection;id={sheet.inspection_id};checklist={sheet.checklist_sha256}"


def score_text(percent: float | None) -> str:
    return "—" if percent is None else f"{percent:g}分"


def choices_text(responses: tuple[str, ...]) -> str:
    """``□符合　□基本符合　□不符合　□不适用``."""
    return "　".join(f"□{label}" for label in responses)


class _Parts:
    def __init__(self, setter: Typesetter, sheet: InspectionSheet, data_dir: Path) -> None:
        self.setter, self.sheet, self.data_dir = setter, sheet, data_dir
        self.notes = Notes(ROW_LINES)

    def heading(self, blank: bool) -> list[Line]:
        sheet = self.sheet
        place = f"{sheet.station}　{chinese_date(sheet.held_on)}"
        version = f"第{sheet.version}版" + ("，补录" if sheet.backfilled else "")
        title = sheet.title + ("表" if blank else "记录")
        lines = [
            *title_lines(self.setter, title, _("检查名称")),
            *centred_lines(self.setter, place, _("被检查单位"), FontRole.BODY),
            *self._plain(f"检查表：{sheet.checklist}（{version}）", _("检查表")),
        ]
        if blank:
            return [*lines, *self._plain("检查人：", _("检查人")), *self._plain(BLANK_NOTE, "")]
        inspectors = "、".join(sheet.inspectors)
        lines += self._plain(f"检查人：{inspectors}　状态：{sheet.status}", _("检查人"))
        total = f"总得分：{score_text(sheet.score)}"
        if sheet.last_visit is not None:
            total += f"　上次检查：{chinese_date(sheet.last_visit)}"
        return [*lines, *self._plain(total, _("总得分"))]

    def filled_blocks(self) -> list[Block]:
        sheet, blocks = self.sheet, []
        heading = self.heading_line(0, f"不符合项（{len(sheet.flagged)}项）")
        if sheet.flagged:
            blocks.append(self._flagged_block(heading))
            heading = []
        findings = self.heading_line(1, f"问题清单（{len(sheet.findings)}项）")
        if sheet.findings:
            blocks.append(self._findings_block([*heading, *findings]))
            heading, findings = [], []
        lead = [*heading, *findings, *self.heading_line(2, SECTIONS_HEADING)]
        table = TableSetter(self.setter, SECTION_COLUMNS, ITEM_SIZE)
        flagged = {item.key for item in sheet.flagged}
        for number, section in enumerate(sheet.sections, start=1):
            rows = [
                row
                for index, item in enumerate(section.items, start=1)
                for row in self._section_rows(table, section, index, item, item.key in flagged)
            ]
            lead += self._section_line(number, section, score=True)
            blocks.append(Block(tuple(lead), table.header, tuple(rows)))
            lead = []
        blocks.append(self._signoff_block(3, blank=False))
        return blocks

    def blank_blocks(self) -> list[Block]:
        table = TableSetter(self.setter, BLANK_COLUMNS, ITEM_SIZE)
        choices = choices_text(self.sheet.responses)
        lead = self.heading_line(0, SECTIONS_HEADING)
        blocks = []
        for number, section in enumerate(self.sheet.sections, start=1):
            rows = [
                table.row([Cell(str(index)), self._text(item), Cell(choices), Cell()],
                          lines=BLANK_ROW_LINES)
                for index, item in enumerate(section.items, start=1)
            ]  # fmt: skip
            lead += self._section_line(number, section, score=False)
            blocks.append(Block(tuple(lead), table.header, tuple(rows)))
            lead = []
        blocks.append(self._signoff_block(1, blank=True))
        return blocks

    def _flagged_block(self, lead: list[Line]) -> Block:
        table = TableSetter(self.setter, FLAGGED_COLUMNS, ITEM_SIZE)
        rows: list[Row] = []
        for number, item in enumerate(self.sheet.flagged, start=1):
            answer = item.answer
            label, colour, comment = (
                (answer.label, answer.colour, answer.comment) if answer else ("", "", "")
            )
            cells = [Cell(str(number)), self._text(item), Cell(label, colour=colour),
                     Cell(comment, _("“{item}”的情况说明", item=item.text))]  # fmt: skip
            rows.append(self.notes.row(table, cells, f"不符合项第{number}项", -1))
            rows += self._photo_rows(item)
        return Block(tuple(lead), table.header, tuple(rows))

    def _findings_block(self, lead: list[Line]) -> Block:
        table = TableSetter(self.setter, FINDING_COLUMNS, ITEM_SIZE)
        rows = [
            self.notes.row(
                table,
                [
                    Cell(str(number)),
                    Cell(finding.category),
                    Cell(finding.description, _("问题描述")),
                ],
                f"问题清单第{number}项",
                -1,
            )
            for number, finding in enumerate(self.sheet.findings, start=1)
        ]
        return Block(tuple(lead), table.header, tuple(rows))

    def _section_rows(
        self, table: TableSetter, section: SheetSection, number: int, item: SheetItem,
        flagged: bool,
    ) -> list[Row]:  # fmt: skip
        answer, last = item.answer, item.last
        cells = [
            Cell(str(number)),
            self._text(item),
            Cell(answer.label, colour=answer.colour) if answer else Cell(),
            Cell(last.label, colour=last.colour) if last else Cell(),
            Cell(answer.comment, _("“{item}”的备注", item=item.text)) if answer else Cell(),
        ]
        rows = [self.notes.row(table, cells, f"{section.title}第{number}项", -1)]
        return rows if flagged else [*rows, *self._photo_rows(item)]  # flagged: drawn above

    def _photo_rows(self, item: SheetItem) -> list[Row]:
        paths = [str(self._photo(path)) for path in item.photos]
        return [photo_row(paths[start : start + PHOTOS_PER_ROW], PHOTOS_PER_ROW, PHOTO_LINES)
                for start in range(0, len(paths), PHOTOS_PER_ROW)]  # fmt: skip

    def _photo(self, relative: str) -> Path:
        path = self.data_dir / relative
        if not path.is_file():
            raise UserError(_("找不到照片文件“{path}”，无法打印。请检查数据文件夹。", path=path))
        return path

    def _signoff_block(self, number: int, blank: bool) -> Block:
        table = TableSetter(self.setter, SIGN_COLUMNS)
        if blank:
            rows = [table.row([Cell(role), Cell(), Cell(), Cell()], lines=SIGN_LINES)
                    for role in BLANK_SIGNERS]  # fmt: skip
        else:
            rows = [self._signoff_row(table, signoff) for signoff in self.sheet.signoffs]
            if not rows:
                return Block(tuple(self.heading_line(number, "签字确认：未签字")), table.header, ())
        return Block(tuple(self.heading_line(number, "签字确认")), table.header, tuple(rows))

    def _signoff_row(self, table: TableSetter, signoff: SheetSignoff) -> Row:
        moment = signoff.signed_at
        when = f"{chinese_date(moment.astimezone().date())} {clock(moment)}"
        cells = [Cell(signoff.role), Cell(ink=read_ink(signoff.image_png)),
                 Cell(signoff.signer, signoff.signer), Cell(when)]  # fmt: skip
        return table.row(cells, lines=SIGN_LINES)

    def _text(self, item: SheetItem) -> Cell:
        mark = "★" if item.mandatory else ""
        return Cell(mark + item.text, _("检查内容“{item}”", item=item.text))

    def _section_line(self, number: int, section: SheetSection, score: bool) -> list[Line]:
        text = f"（{NUMERALS[(number - 1) % 10]}）{section.part}·{section.title}"
        if score:
            text += f"　得分：{score_text(section.percent)}"
        return self.setter.paragraph([(text, FontRole.HEADING2)], _("检查项目"), indent=0)

    def heading_line(self, number: int, text: str) -> list[Line]:
        line = f"{NUMERALS[number]}、{text}"
        return self.setter.paragraph([(line, FontRole.HEADING1)], _("标题"), indent=0)

    def _plain(self, text: str, whose: str) -> list[Line]:
        return self.setter.paragraph([(text, FontRole.BODY)], whose, indent=0)
