"""The preview of a PDF exactly as it will be printed: its pages in a scrollable column, zoom
to the window's width or 100 % (the page's physical size), print, save as PDF.

Pages are rendered by PDFium (pypdfium2) on the database worker, one task a page, so the window
never waits for them: a placeholder of the page's size shows until its image arrives. Zooming
past the resolution a page was rendered at renders the pages in view again at the new scale
(after a short pause, so a run of + presses renders once); the softer image shows meanwhile.
PDFium is not thread-safe; the single worker thread is the only place that calls it.

Printing paints each page, rendered at the printer's resolution, at its physical size in
millimetres in full-page mode: never fitted to the paper, so the layout's millimetres survive.
The print dialog opens on A4 portrait; paper the user chooses that is smaller than the page is
named in a question before anything prints. Ctrl+P prints, Ctrl+S saves, + and − zoom, Esc
closes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPixmap,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.files import save_atomically
from redpair_desktop.i18n import _
from redpair_desktop.ui.operations import DbRunner
from redpair_desktop.ui.widgets.confirm import confirm

POINTS_PER_INCH = 72
PREVIEW_DPI = 150  # sharp up to about 1.5× the physical size (fit-width on a wide screen)
MAX_PRINT_DPI = 600  # a PDF "printer" reports 1200 dpi: an A4 page would take half a gigabyte
MAX_ZOOM = 6.0  # screen pixels per point
RERENDER_DELAY_MS = 250
PAGE_GAP = 12
ZOOM_STEP = 1.25
MM_PER_POINT = 25.4 / POINTS_PER_INCH
PAPER_TOLERANCE_MM = 1.0


@dataclass(frozen=True)
class PageSize:
    """A page's size in PDF points (1/72 inch)."""

    width: float
    height: float


def page_sizes(data: bytes) -> list[PageSize]:
    """The size of every page; runs on the worker."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return [PageSize(*document[i].get_size()) for i in range(len(document))]
    finally:
        document.close()


def render_page(data: bytes, index: int, dpi: float) -> QImage:
    """Page ``index`` rendered at ``dpi``, white behind; runs on the worker."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        bitmap = document[index].render(
            scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True
        )
        image = QImage(
            bitmap.buffer,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGBX8888,
        )
        return image.copy()  # the bitmap's memory goes with the document
    finally:
        document.close()


def page_pixmap(image: QImage, width: int, height: int, ratio: float) -> QPixmap:
    """A rendered page scaled smoothly to ``width`` × ``height`` logical pixels on a screen
    with device pixel ratio ``ratio``."""
    pixmap = QPixmap.fromImage(
        image.scaled(
            round(width * ratio),
            round(height * ratio),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def a4_printer(printer: QPrinter) -> QPrinter:
    """``printer`` as the print dialog first offers it: A4 portrait, full page."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def paper_fits(printer: QPrinter, sizes: list[PageSize]) -> bool:
    """Whether every page fits, at 100 %, on the paper chosen (in its orientation)."""
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    return all(
        size.width * MM_PER_POINT <= paper.width() + PAPER_TOLERANCE_MM
        and size.height * MM_PER_POINT <= paper.height() + PAPER_TOLERANCE_MM
        for size in sizes
    )


class PdfPreviewDialog(QDialog):
    """Shows, prints and saves ``data``, the very bytes that will be printed."""

    def __init__(
        self,
        runner: DbRunner,
        data: bytes,
        title: str,
        suggested_name: str,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self.runner, self.data, self.report_error = runner, data, report_error
        self.suggested_name = suggested_name
        self.sizes: list[PageSize] = []
        self.images: dict[int, QImage] = {}
        self.image_dpi: dict[int, float] = {}  # the resolution each page's image has
        self.wanted_dpi: dict[int, float] = {}  # the resolution last asked of the worker
        self.rerender_timer = QTimer(self, singleShot=True, interval=RERENDER_DELAY_MS)
        self.rerender_timer.timeout.connect(self._render_pages_in_view)
        self.page_labels: list[QLabel] = []
        self.zoom: float | None = None  # None: fit the width; else pixels per point
        self.printed_pages = 0  # pages sent to the printer by the last print (tests read it)
        self.paper_question: QMessageBox | None = None  # asked when the paper is too small
        self.pages = QWidget(objectName="pdfPages")
        self.column = QVBoxLayout(self.pages)
        self.column.setSpacing(PAGE_GAP)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.status = QLabel(_("正在打开…"), objectName="pdfStatus")
        self.column.addWidget(self.status)
        self.scroll = QScrollArea(objectName="pdfScroll")
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)
        self.scroll.verticalScrollBar().valueChanged.connect(self._on_view_moved)
        layout = QVBoxLayout(self)
        layout.addLayout(self._zoom_bar())
        layout.addWidget(self.scroll, 1)
        footer = QHBoxLayout()
        note = _("协议书为 A4 纵向页面，按 100% 比例打印，不缩放。")
        footer.addWidget(QLabel(note, objectName="printNote", wordWrap=True), 1)
        footer.addWidget(self._buttons())
        layout.addLayout(footer)
        self.resize(860, 900)
        self.runner.run(lambda: page_sizes(data), self._on_sizes, self._on_failed)

    def _zoom_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for name, text, slot, keys in (
            ("fitWidth", _("适合宽度"), self.fit_width, []),
            ("actualSize", _("100%"), self.actual_size, []),
            ("zoomOut", _("缩小"), lambda: self.zoom_by(1 / ZOOM_STEP), ["-", "Ctrl+-"]),
            ("zoomIn", _("放大"), lambda: self.zoom_by(ZOOM_STEP), ["+", "=", "Ctrl++"]),
        ):
            button = QPushButton(text, objectName=name, autoDefault=False)
            button.clicked.connect(slot)
            if keys:
                button.setToolTip(keys[0])
                for key in keys:
                    self._shortcut(key, slot)
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        for name, text, slot, key, button_role in (
            (
                "print",
                _("打印…"),
                self.print_pages,
                QKeySequence.StandardKey.Print,
                role.ActionRole,
            ),
            (
                "save",
                _("另存为 PDF…"),
                self.save_as,
                QKeySequence.StandardKey.Save,
                role.ActionRole,
            ),
            ("close", _("关闭"), self.reject, None, role.RejectRole),
        ):
            button = buttons.addButton(text, button_role)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            if key is not None:
                button.setToolTip(
                    QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
                )
                self._shortcut(key, slot)
        return buttons

    def _shortcut(self, key: object, slot: Callable[[], object]) -> None:
        QShortcut(QKeySequence(key), self, slot)

    # --- rendering ------------------------------------------------------------------------

    def _on_sizes(self, sizes: list[PageSize]) -> None:
        self.sizes = sizes
        self.status.hide()
        for index in range(len(sizes)):
            label = QLabel(_("正在生成第 {page} 页…", page=index + 1), objectName=f"pdfPage{index}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFrameShape(QFrame.Shape.Box)
            label.setAutoFillBackground(True)
            label.setStyleSheet("background: white; color: #888;")
            self.column.addWidget(label)
            self.page_labels.append(label)
            self._render(index, PREVIEW_DPI * self.devicePixelRatioF())
        self._lay_out_pages()

    def _render(self, index: int, dpi: float) -> None:
        self.wanted_dpi[index] = dpi
        data = self.data
        self.runner.run(
            lambda: render_page(data, index, dpi),
            lambda image: self._on_page_rendered(index, image, dpi),
            self._on_failed,
        )

    def _on_page_rendered(self, index: int, image: QImage, dpi: float) -> None:
        if dpi < self.image_dpi.get(index, 0):
            return  # a sharper image arrived first: keep it
        self.images[index], self.image_dpi[index] = image, dpi
        self._show_page(index)

    def _on_view_moved(self) -> None:
        if self.sizes:
            self.rerender_timer.start()

    def _render_pages_in_view(self) -> None:
        """Render again, at the scale shown, the pages in view whose image is too coarse."""
        dpi = self._scale() * POINTS_PER_INCH * self.devicePixelRatioF()
        for index, label in enumerate(self.page_labels):
            if label.visibleRegion().isEmpty():
                continue
            if dpi > self.wanted_dpi.get(index, 0) * 1.05:
                self._render(index, dpi)

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(_("无法显示这份 PDF。"))
        self.status.show()
        self.report_error(error)

    def shown_page_count(self) -> int:
        """How many pages show their image (not the placeholder)."""
        return sum(1 for label in self.page_labels if not label.pixmap().isNull())

    # --- zoom -----------------------------------------------------------------------------

    def fit_width(self) -> None:
        self.zoom = None
        self._lay_out_pages()

    def actual_size(self) -> None:
        self.zoom = self.logicalDpiX() / POINTS_PER_INCH
        self._lay_out_pages()

    def zoom_by(self, factor: float) -> None:
        self.zoom = min(max(self._scale() * factor, 0.2), MAX_ZOOM)
        self._lay_out_pages()

    def _scale(self) -> float:
        """Screen pixels per PDF point."""
        if self.zoom is not None or not self.sizes:
            return self.zoom or 1.0
        widest = max(size.width for size in self.sizes)
        margins = self.column.contentsMargins()
        room = self.scroll.viewport().width() - margins.left() - margins.right()
        return max(room, 100) / widest

    def _lay_out_pages(self) -> None:
        for index in range(len(self.page_labels)):
            self._show_page(index)
        if self.sizes:
            self.rerender_timer.start()

    def _show_page(self, index: int) -> None:
        size, label = self.sizes[index], self.page_labels[index]
        scale = self._scale()
        width, height = round(size.width * scale), round(size.height * scale)
        label.setFixedSize(width, height)
        image = self.images.get(index)
        if image is not None:
            label.setPixmap(page_pixmap(image, width, height, self.devicePixelRatioF()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.zoom is None:
            self._lay_out_pages()

    # --- print and save -------------------------------------------------------------------

    def print_pages(self) -> None:
        printer = a4_printer(QPrinter(QPrinter.PrinterMode.HighResolution))
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if paper_fits(printer, self.sizes):
            self.print_to(printer)
            return
        paper = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
        self.paper_question = confirm(
            self,
            name="paperTooSmall",
            title=_("纸张小于 A4"),
            text=_("所选纸张（{width} × {height} 毫米）小于协议书的 A4 页面（210 × 297 毫米）。",
                   width=round(paper.width()), height=round(paper.height())),
            details=_("协议书按 100% 比例打印，不缩放：纸张以外的部分不会印出。"
                      "请在打印对话框中选择 A4 纵向纸张。"),
            action=_("仍按 100% 打印"),
            on_confirmed=lambda: self.print_to(printer),
        )  # fmt: skip

    def print_to(self, printer: QPrinter) -> None:
        """Print every page on ``printer`` at 100 %: rendered on the worker one page at a time
        (a 600 dpi page is 140 MB), painted at the page's physical size from the paper's top
        left corner, on the paper the user chose."""
        printer.setFullPage(True)
        self.printed_pages = 0
        painter = QPainter()
        if not painter.begin(printer):
            self.report_error(UserError(_("无法开始打印。请检查打印机。")))
            return
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        self._print_page(printer, painter, 0, dpi)

    def _print_page(self, printer: QPrinter, painter: QPainter, index: int, dpi: float) -> None:
        if index >= len(self.sizes):
            painter.end()
            return
        data = self.data

        def paint(image: QImage) -> None:
            if index > 0:
                printer.newPage()
            size, to_device = self.sizes[index], printer.resolution() / POINTS_PER_INCH
            target = QRectF(0, 0, size.width * to_device, size.height * to_device)
            painter.drawImage(target, image)
            self.printed_pages = index + 1
            self._print_page(printer, painter, index + 1, dpi)

        def failed(error: BaseException) -> None:
            painter.end()
            self.report_error(error)

        self.runner.run(lambda: render_page(data, index, dpi), paint, failed)

    def save_as(self) -> None:
        path = self.ask_save_path()
        if path is None:
            return
        data = self.data
        try:
            save_atomically(path, lambda temporary: temporary.write_bytes(data))
        except UserError as error:
            self.report_error(error)

    def ask_save_path(self) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("另存为 PDF"), self.suggested_name, _("PDF 文件 (*.pdf)")
        )
        if not chosen:
            return None
        return Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
