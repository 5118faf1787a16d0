"""A line patrol's printout: the heading (the line, its station and the village it serves, the
date, the patroller, how many poles and transformers and defects), the defects first (asset,
type, note, the photo in its row), every pole in a compact table of several 杆号 → 正常/缺陷
pairs a row, the transformers with name and capacity, and the lines to sign; the QR code of the
patrol and the page number on every page.

``blank=True`` gives the sheet a patroller takes along on paper: the same poles and
transformers with a □ to tick for a defect, empty rows to describe the defects, and the lines
to sign."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.assets.printouts import PatrolSheet, SheetAsset, SheetDefect
from redpair_desktop.domain.dates import chinese_date
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.reports.grid import Line, Typesetter
from redpair_desktop.reports.heading import centred_lines, title_lines
from redpair_desktop.reports.page import DocumentInfo, draw_qr, render
from redpair_desktop.reports.table import (
    Block,
    Cell,
    Column,
    Notes,
    Photo,
    Row,
    TableSetter,
    lay_out,
)

PAIRS = 4  # 杆号 → 状态 pairs side by side in a row of the pole table
POLE_COLUMNS = tuple(
    column for _pair in range(PAIRS) for column in (Column("杆号", 2.5), Column("状态", 4.5))
)
DEFECT_COLUMNS = (Column("序号", 2), Column("设备", 6), Column("缺陷类型", 4),
                  Column("缺陷说明", 9), Column("照片", 7))  # fmt: skip
TRANSFORMER_COLUMNS = (Column("序号", 2), Column("编号", 3), Column("名称", 11), Column("类型", 3),
                       Column("容量", 4), Column("状态", 5))  # fmt: skip
SIGN_COLUMNS = (Column("签字人", 7), Column("签名", 12), Column("日期", 9))
SIGNERS = ("巡视人", "审核人")
PHOTO_LINES = 3  # grid lines: a defect's photo about 39 × 28 mm
SIGN_LINES = 2
NOTE_SIZE = 12.0  # 小四: every defect's words at one size
NOTE_COLUMN = 3  # 缺陷说明
ROW_LINES = 4  # a longer note goes to 附注
BLANK_DEFECT_ROWS = 6  # with the heading, the first page
BLANK_ROW_LINES = 2
NORMAL, DEFECT, TICK = "正常", "缺陷", "□缺陷"
DEFECT_COLOUR = "#c62828"
NUMERALS = "一二三四五"
BLANK_NOTE = "逐杆、逐台巡视，有缺陷的在□内打√并在缺陷记录中写明；纸质填写后录入系统。"


def patrol_pdf(sheet: PatrolSheet, fonts: FontSet, data_dir: Path, blank: bool = False) -> bytes:
    setter = Typesetter(fonts)
    parts = _Parts(setter, sheet, data_dir, blank)
    blocks = parts.blocks()
    notes = parts.notes.lines(setter, parts.heading_line(4, "附注"))
    paged = lay_out(parts.heading(), blocks, notes)
    payload = record_payload(sheet)

    def on_page(canvas: Canvas, number: int) -> None:
        paged.draw(canvas, number)
        draw_qr(canvas, number, payload)

    info = DocumentInfo(title=f"{sheet.line}巡视记录：{sheet.station}", subject=payload)
    return render(paged.pages, fonts, info, on_page=on_page)


def record_payload(sheet: PatrolSheet) -> str:
    """What each page's QR code and the PDF's subject say: the patrol."""
    return f"redpair:patrol;id={sheet.patrol_id}"


def counts_text(sheet: PatrolSheet, blank: bool) -> str:
    """``杆塔 128 基，公变 4 台，专变 4 台；缺陷 2 处``."""
    kinds = [asset.kind for asset in sheet.transformers]
    text = f"杆塔 {len(sheet.poles)} 基，" + "，".join(
        f"{kind} {kinds.count(kind)} 台" for kind in dict.fromkeys(kinds)
    )
    return text if blank else f"{text}；缺陷 {len(sheet.defects)} 处"


class _Parts:
    def __init__(self, setter: Typesetter, sheet: PatrolSheet, data_dir: Path, blank: bool):
        self.setter, self.sheet, self.data_dir, self.blank = setter, sheet, data_dir, blank
        self.notes = Notes(ROW_LINES)

    def heading(self) -> list[Line]:
        sheet = self.sheet
        served = f"（{sheet.serves}）" if sheet.serves else ""
        day = "　年　月　日" if self.blank else chinese_date(sheet.patrolled_on)
        lines = [
            *title_lines(self.setter, f"{sheet.line}巡视记录" + ("表" if self.blank else ""),
                         _("线路名称")),
            *centred_lines(self.setter, f"{sheet.station}{served}　{day}", _("供电所"),
                           FontRole.BODY),
        ]  # fmt: skip
        if self.blank:
            return [*lines, *self._plain("巡视人：", ""), *self._plain(BLANK_NOTE, "")]
        facts = f"巡视人：{sheet.patroller}　状态：{sheet.status}"
        return [*lines, *self._plain(facts, _("巡视人")), *self._plain(counts_text(sheet, False),
                                                                        "")]  # fmt: skip

    def blocks(self) -> list[Block]:
        defects = self._blank_defects() if self.blank else self._defects()
        return [defects, self._poles(), self._transformers(), self._signatures()]

    def _defects(self) -> Block:
        table = TableSetter(self.setter, DEFECT_COLUMNS, NOTE_SIZE)
        rows = [self._defect_row(table, n, d) for n, d in enumerate(self.sheet.defects, start=1)]
        lead = self.heading_line(0, f"缺陷（{len(rows)}处）" if rows else "缺陷：无")
        return Block(tuple(lead), table.header, tuple(rows))

    def _defect_row(self, table: TableSetter, number: int, defect: SheetDefect) -> Row:
        note = Cell(defect.note, _("“{asset}”的缺陷说明", asset=defect.asset))
        cells = [Cell(str(number)), Cell(defect.asset, defect.asset),
                 Cell(defect.type, colour=DEFECT_COLOUR), note, Cell()]  # fmt: skip
        least = 1 if defect.photo is None else PHOTO_LINES
        row = self.notes.row(table, cells, f"缺陷第{number}处", NOTE_COLUMN, least)
        if defect.photo is None:
            return row
        left, right = table.edges[-2], table.edges[-1]
        return replace(row, photos=(Photo(str(self._photo(defect.photo)), left, right),))

    def _blank_defects(self) -> Block:
        table = TableSetter(self.setter, DEFECT_COLUMNS)
        rows = [
            table.row([Cell(str(n)), Cell(), Cell(), Cell(), Cell()], lines=BLANK_ROW_LINES)
            for n in range(1, BLANK_DEFECT_ROWS + 1)
        ]
        return Block(tuple(self.heading_line(0, "缺陷记录")), table.header, tuple(rows))

    def _poles(self) -> Block:
        table = TableSetter(self.setter, POLE_COLUMNS)
        poles = self.sheet.poles
        rows = [
            table.row([cell for pole in poles[start : start + PAIRS]
                       for cell in self._pole_cells(pole)])
            for start in range(0, len(poles), PAIRS)
        ]  # fmt: skip
        lead = self.heading_line(1, f"逐杆巡视情况（{len(poles)}基）")
        return Block(tuple(lead), table.header, tuple(rows))

    def _pole_cells(self, pole: SheetAsset) -> tuple[Cell, Cell]:
        return Cell(pole.number, pole.name), self._state(pole)

    def _transformers(self) -> Block:
        table = TableSetter(self.setter, TRANSFORMER_COLUMNS)
        rows = [
            table.fitting_row([
                Cell(str(number)), Cell(asset.number, asset.name), Cell(asset.name, asset.name),
                Cell(asset.kind), Cell(f"{asset.capacity_kva} kVA" if asset.capacity_kva else ""),
                self._state(asset),
            ])
            for number, asset in enumerate(self.sheet.transformers, start=1)
        ]  # fmt: skip
        lead = self.heading_line(2, f"变压器（{len(rows)}台）")
        return Block(tuple(lead), table.header, tuple(rows))

    def _state(self, asset: SheetAsset) -> Cell:
        if self.blank:
            return Cell(TICK)
        return Cell(DEFECT, colour=DEFECT_COLOUR) if asset.defective else Cell(NORMAL)

    def _signatures(self) -> Block:
        table = TableSetter(self.setter, SIGN_COLUMNS)
        rows = [table.row([Cell(role), Cell(), Cell()], lines=SIGN_LINES) for role in SIGNERS]
        return Block(tuple(self.heading_line(3, "签字确认")), table.header, tuple(rows))

    def _photo(self, relative: str) -> Path:
        path = self.data_dir / relative
        if not path.is_file():
            raise UserError(_("找不到照片文件“{path}”，无法打印。请检查数据文件夹。", path=path))
        return path

    def heading_line(self, number: int, text: str) -> list[Line]:
        line = f"{NUMERALS[number]}、{text}"
        return self.setter.paragraph([(line, FontRole.HEADING1)], _("标题"), indent=0)

    def _plain(self, text: str, whose: str) -> list[Line]:
        return self.setter.paragraph([(text, FontRole.BODY)], whose, indent=0)
