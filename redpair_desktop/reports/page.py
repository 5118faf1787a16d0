"""The GB/T 9704 page: A4, 版心 156 × 225 mm at 37 mm from the top and 28 mm from the left,
22 lines of 28 characters, “— n —” page numbers 7 mm below the block (odd pages right, even
pages left, one character in), and a hook for what else each page carries (a QR code)."""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.reports.grid import BLOCK_WIDTH, Line, Segment

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
BLOCK_HEIGHT = 225 * mm
LINES_PER_PAGE = 22
LINE_PITCH = 28.95  # pt: 22 lines fill the 225 mm block (Word's “文档网格” value)
BLOCK_TOP = PAGE_HEIGHT - TOP_MARGIN
BLOCK_BOTTOM = BLOCK_TOP - BLOCK_HEIGHT
PAGE_NUMBER_SIZE = 14.0  # 四号
PAGE_NUMBER_GAP = 7 * mm
QR_SIZE = 16 * mm  # 0.35 mm modules: read from a 300 dpi scan
QR_QUIET = 2  # modules of white around the code
MAX_PAGES = 60
EM_CENTRE = 0.379  # a CJK em box's centre above the baseline, in em

PageHook = Callable[[Canvas, int], None]  # (canvas, page number from 1)


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str = ""  # the record id, version and content hash, as in the QR code
    author: str = "RedPair Desktop"


def paginate(lines: Sequence[Line]) -> list[list[Line]]:
    """Up to 22 lines a page; a page never ends after a ``keep_with_next`` line unless the
    whole page is one kept group, and never starts with a blank line."""
    pages: list[list[Line]] = []
    rest = list(lines)
    while rest:
        while rest and rest[0].is_blank:
            rest.pop(0)
        if not rest:
            break
        end = min(LINES_PER_PAGE, len(rest))
        if end < len(rest):
            kept = end
            while kept > 0 and rest[kept - 1].keep_with_next:
                kept -= 1
            end = kept or end
        pages.append(rest[:end])
        rest = rest[end:]
    if len(pages) > MAX_PAGES:
        raise UserError(_("内容太长：超过 {count} 页。请精简条款。", count=MAX_PAGES))
    return pages


def baseline(index: int, size: float) -> float:
    """The baseline of grid line ``index`` (0 at the top) for text of ``size`` pt: the em box
    centred on the line."""
    return BLOCK_TOP - (index + 0.5) * LINE_PITCH - EM_CENTRE * size


def render(
    pages: Sequence[Sequence[Line]],
    fonts: FontSet,
    info: DocumentInfo,
    on_page: PageHook | None = None,
) -> bytes:
    buffer = io.BytesIO()
    body = fonts.chain(FontRole.BODY)[0].name
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=body)
    canvas.setTitle(info.title)
    canvas.setSubject(info.subject)
    canvas.setAuthor(info.author)
    canvas.setCreator("RedPair Desktop")
    for number, lines in enumerate(pages, start=1):
        for index, line in enumerate(lines):
            for segment in line.segments:
                draw_segment(
                    canvas, segment, LEFT_MARGIN + segment.x, baseline(index, segment.size)
                )
        draw_page_number(canvas, fonts, number)
        if on_page is not None:
            on_page(canvas, number)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def draw_segment(canvas: Canvas, segment: Segment, x: float, y: float) -> None:
    # Each piece (a run, cut where ReportLab changes to another 256-glyph subset of the font)
    # starts at its own measured position, so readers that drop the character spacing after
    # a string's last glyph (pdfminer, hence pdfplumber) place every glyph where it is drawn.
    text = canvas.beginText(x, y)
    text.setCharSpace(segment.char_space)
    for run in segment.runs:
        text.setFont(run.face.name, segment.size)
        text.setTextRenderMode(2 if run.face.bold_stroke else 0)
        start = 0
        for _subset, codes in run.face.font.splitString(run.text, canvas._doc):
            chars, start = run.text[start : start + len(codes)], start + len(codes)
            text.setTextOrigin(x, y)
            text.textOut(chars)
            x += sum(run.face.width(char) for char in chars) * segment.size
            x += segment.char_space * len(chars)
    # The render mode outlives the text object in the PDF's graphics state, while ReportLab
    # starts each text object believing it is 0: set it back, or all later text is stroked.
    text.setTextRenderMode(0)
    canvas.setLineWidth(segment.size * 0.03)
    canvas.drawText(text)


def draw_page_number(canvas: Canvas, fonts: FontSet, number: int) -> None:
    label = f"— {number} —"
    face = fonts.chain(FontRole.PAGE_NUMBER)[0]
    size = PAGE_NUMBER_SIZE
    width = sum(face.width(char) for char in label) * size
    y = BLOCK_BOTTOM - PAGE_NUMBER_GAP - (1 - 0.121) * size
    x = LEFT_MARGIN + BLOCK_WIDTH - size - width if number % 2 else LEFT_MARGIN + size
    canvas.setFont(face.name, size)
    canvas.drawString(x, y, label)


def draw_qr(canvas: Canvas, number: int, payload: str) -> None:
    """A small QR code in the bottom margin, on the side away from the page number."""
    x0 = LEFT_MARGIN if number % 2 else LEFT_MARGIN + BLOCK_WIDTH - QR_SIZE
    draw_qr_at(canvas, payload, x0, BLOCK_BOTTOM - PAGE_NUMBER_GAP - QR_SIZE)


def draw_qr_at(canvas: Canvas, payload: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """The QR code of ``payload``, ``size`` pt square with its quiet zone, bottom left at
    (x, y). It is drawn once per document, as a form that every page places (ReportLab's
    widget takes ~0.5 s a page), each row's runs of dark modules one rectangle."""
    name = "qr" + hashlib.sha256(f"{size:.2f}:{payload}".encode()).hexdigest()[:16]
    if not canvas.hasForm(name):
        canvas.beginForm(name, 0, 0, size, size)
        _draw_qr_modules(canvas, _qr_runs(payload), size)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _draw_qr_modules(
    canvas: Canvas, rows: tuple[tuple[tuple[int, int], ...], ...], size: float
) -> None:
    cell = size / (len(rows) + 2 * QR_QUIET)
    path = canvas.beginPath()
    for row, runs in enumerate(rows):
        y = size - (row + QR_QUIET + 1) * cell
        for start, length in runs:
            path.rect((start + QR_QUIET) * cell, y, length * cell, cell)
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)


@functools.lru_cache(maxsize=8)
def _qr_runs(payload: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Each row of the QR code of ``payload`` as runs of dark modules: (first column, length)."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    size = qr.getModuleCount()
    rows = []
    for r in range(size):
        runs: list[tuple[int, int]] = []
        for c in range(size):
            if not qr.isDark(r, c):
                continue
            if runs and runs[-1][0] + runs[-1][1] == c:
                runs[-1] = (runs[-1][0], runs[-1][1] + 1)
            else:
                runs.append((c, 1))
        rows.append(tuple(runs))
    return tuple(rows)
