"""The live preview beside the drafting form: the very PDF that would be printed, its pages
rendered by ``ui/widgets/pdf_preview`` on the worker and fitted to the pane's width; a words
problem the printout refuses (a heading too long, a character no font has) shows as a red
message in place of the pages."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.widgets.pdf_preview import page_pixmap, page_sizes, render_page

PREVIEW_DPI = 110  # about twice the pane's width: sharp after scaling down
PAGE_GAP = 8


@dataclass(frozen=True)
class RenderedPdf:
    content_hash: str
    pdf: bytes
    pages: list[QImage]


def render_pdf(content_hash: str, pdf: bytes, dpi: float) -> RenderedPdf:
    """Every page of ``pdf`` as an image; runs on the worker (PDFium's one thread)."""
    pages = [render_page(pdf, index, dpi) for index in range(len(page_sizes(pdf)))]
    return RenderedPdf(content_hash, pdf, pages)


class DraftPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="draftPreview")
        self.shown: RenderedPdf | None = None  # what the pages show (tests read it)
        self.error = error_label("previewError")
        self.error.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error.hide()
        self.pages = QWidget(objectName="previewPages")
        self.column = QVBoxLayout(self.pages)
        self.column.setSpacing(PAGE_GAP)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.labels: list[QLabel] = []
        self.scroll = QScrollArea(objectName="previewScroll", widgetResizable=True)
        self.scroll.setWidget(self.pages)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error)
        layout.addWidget(self.scroll, 1)

    def show_pdf(self, rendered: RenderedPdf) -> None:
        self.shown = rendered
        self.error.hide()
        self.scroll.show()
        while len(self.labels) > len(rendered.pages):
            self.labels.pop().deleteLater()
        while len(self.labels) < len(rendered.pages):
            label = QLabel(objectName=f"previewPage{len(self.labels)}")
            label.setFrameShape(QFrame.Shape.Box)
            self.column.addWidget(label)
            self.labels.append(label)
        self._fit()

    def show_error(self, message: str) -> None:
        self.shown = None
        self.error.setText(message)
        self.error.show()
        self.scroll.hide()

    def page_count(self) -> int:
        return len(self.shown.pages) if self.shown else 0

    def _fit(self) -> None:
        if self.shown is None:
            return
        margins = self.column.contentsMargins()
        width = max(self.scroll.viewport().width() - margins.left() - margins.right(), 100)
        ratio = self.devicePixelRatioF()
        for label, image in zip(self.labels, self.shown.pages, strict=True):
            height = round(width * image.height() / image.width())
            label.setFixedSize(width, height)
            label.setPixmap(page_pixmap(image, width, height, ratio))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
