"""The PDF preview shows, saves and prints the very bytes it was given, at 100 %."""

from __future__ import annotations

import io

import pypdf
import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from redpair_desktop.ui.operations import DbRunner
from redpair_desktop.ui.widgets import pdf_preview
from redpair_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

PAGES = 3
SQUARE_MM = (20, 30, 50)  # a black square: left, top, side in millimetres from the top left


def three_page_pdf() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    left, top, side = SQUARE_MM
    for _page in range(PAGES):
        pdf.rect(left * mm, A4[1] - (top + side) * mm, side * mm, side * mm, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.fixture
def runner():
    errors: list[BaseException] = []
    runner = DbRunner(errors.append)
    yield runner
    runner.shutdown()
    assert not errors


@pytest.fixture
def open_preview(qtbot, runner):
    errors: list[BaseException] = []

    def open_it(data: bytes, report_error=errors.append) -> PdfPreviewDialog:
        dialog = PdfPreviewDialog(runner, data, "预览", "协议书.pdf", report_error)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.shown_page_count() == PAGES, timeout=10000)
        return dialog

    yield open_it
    assert not errors


def dark_box(data: bytes, page: int, dpi: int = 100) -> tuple[int, int, int, int]:
    """The bounding box, in pixels at ``dpi``, of the page's black pixels."""
    document = pypdfium2.PdfDocument(data)
    image = document[page].render(scale=dpi / 72, grayscale=True).to_pil()
    document.close()
    return image.point(lambda v: 255 if v < 64 else 0).getbbox()


def test_shows_every_page_as_an_image(open_preview):
    dialog = open_preview(three_page_pdf())
    assert len(dialog.page_labels) == PAGES
    for label in dialog.page_labels:
        assert not label.pixmap().isNull()
        assert label.width() > 100 and abs(label.height() / label.width() - 297 / 210) < 0.01


def test_zoom_100_percent_is_the_physical_size_and_plus_enlarges(qtbot, open_preview):
    dialog = open_preview(three_page_pdf())
    dialog.actual_size()
    expected = round(210 / 25.4 * dialog.logicalDpiX())
    assert abs(dialog.page_labels[0].width() - expected) <= 1
    qtbot.keyClick(dialog, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: dialog.page_labels[0].width() > expected * 1.2)
    qtbot.keyClick(dialog, Qt.Key.Key_Minus)
    qtbot.waitUntil(lambda: abs(dialog.page_labels[0].width() - expected) <= 1)


def test_ctrl_s_saves_the_identical_bytes(qtbot, open_preview, tmp_path, monkeypatch):
    data = three_page_pdf()
    dialog = open_preview(data)
    target = tmp_path / "协议书"
    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = tmp_path / "协议书.pdf"
    qtbot.waitUntil(saved.exists)
    assert saved.read_bytes() == data


def test_save_into_a_missing_folder_reports_and_writes_nothing(open_preview, tmp_path):
    errors: list[BaseException] = []
    dialog = open_preview(three_page_pdf(), errors.append)
    dialog.ask_save_path = lambda: tmp_path / "missing" / "x.pdf"
    dialog.save_as()
    assert "不存在" in str(errors[0])
    assert not (tmp_path / "missing").exists()


def test_ctrl_p_prints_on_a4_at_100_percent(qtbot, open_preview, tmp_path, monkeypatch):
    data = three_page_pdf()
    dialog = open_preview(data)
    out = tmp_path / "printed.pdf"

    class AcceptingPrintDialog:
        def __init__(self, printer, parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            printer.setResolution(300)

        def exec(self):
            return pdf_preview.QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_preview, "QPrintDialog", AcceptingPrintDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.printed_pages == PAGES and out.exists(), timeout=20000)
    qtbot.waitUntil(lambda: len(pypdf.PdfReader(out).pages) == PAGES)
    printed = out.read_bytes()
    for page in pypdf.PdfReader(io.BytesIO(printed)).pages:
        width_mm = float(page.mediabox.width) * 25.4 / 72
        height_mm = float(page.mediabox.height) * 25.4 / 72
        assert abs(width_mm - 210) <= 0.5 and abs(height_mm - 297) <= 0.5
    left, top, side = SQUARE_MM
    px = 100 / 25.4  # pixels per millimetre at 100 dpi
    expected = (left * px, top * px, (left + side) * px, (top + side) * px)
    for page in range(PAGES):
        box = dark_box(printed, page)
        assert all(abs(got - want) <= 2 for got, want in zip(box, expected, strict=True)), box
        assert box == pytest.approx(dark_box(data, page), abs=2)


def test_escape_closes(qtbot, open_preview):
    dialog = open_preview(three_page_pdf())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_zooming_past_the_rendered_resolution_renders_the_page_again(qtbot, open_preview):
    dialog = open_preview(three_page_pdf())
    first = dialog.images[0].width()
    for _press in range(4):
        qtbot.keyClick(dialog, Qt.Key.Key_Plus)
    wanted = dialog._scale() * 72 * dialog.devicePixelRatioF()
    assert wanted > pdf_preview.PREVIEW_DPI * 1.5
    qtbot.waitUntil(lambda: dialog.image_dpi[0] == pytest.approx(wanted), timeout=10000)
    assert dialog.images[0].width() == pytest.approx(
        first * wanted / pdf_preview.PREVIEW_DPI, abs=2
    )
    assert dialog.page_labels[0].pixmap().width() >= dialog.page_labels[0].width()


def test_paper_smaller_than_a4_is_named_before_anything_prints(
    qtbot, open_preview, tmp_path, monkeypatch
):
    dialog = open_preview(three_page_pdf())
    out = tmp_path / "a5.pdf"

    class A5PrintDialog:
        def __init__(self, printer, parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            printer.setResolution(150)
            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))

        def exec(self):
            return pdf_preview.QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_preview, "QPrintDialog", A5PrintDialog)
    dialog.print_pages()
    box = dialog.paper_question
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert "148 × 210 毫米" in box.text() and "不缩放" in box.informativeText()
    assert dialog.printed_pages == 0 and not out.exists()
    box.findChild(QPushButton, "paperTooSmallButton").click()
    qtbot.waitUntil(lambda: dialog.printed_pages == PAGES, timeout=20000)
    page = pypdf.PdfReader(out).pages[0]
    assert round(float(page.mediabox.width) * 25.4 / 72) == 148  # the paper chosen, not A4
