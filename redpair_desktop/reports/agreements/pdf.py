"""The 共建协议书 as PDF bytes: laid out on the grid, one QR code a page, and after it, when
the version was signed on screen, the evidence page (``evidence.py``)."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.agreements.document import AgreementDocument
from redpair_desktop.domain.agreements.evidence import Evidence
from redpair_desktop.reports.agreements.evidence import Placement, draw_images, evidence_sheet
from redpair_desktop.reports.agreements.layout import agreement_lines
from redpair_desktop.reports.fonts import FontSet
from redpair_desktop.reports.grid import Typesetter
from redpair_desktop.reports.page import DocumentInfo, draw_qr, paginate, render


def record_payload(document: AgreementDocument) -> str:
    """What each page's QR code and the PDF's subject say: record id, version, content hash."""
    return (
        f"redpair:agreement;id={document.record_id};v={document.version};"
        f"sha256={document.content_hash}"
    )


def agreement_pdf(
    document: AgreementDocument, fonts: FontSet, evidence: Evidence | None = None
) -> bytes:
    setter = Typesetter(fonts)
    pages = paginate(agreement_lines(document, setter))
    images: dict[int, list[Placement]] = {}  # by page number, from 1
    if evidence is not None:
        sheet = evidence_sheet(document, evidence, setter)
        images = {len(pages) + 1 + index: placed for index, placed in sheet.images.items()}
        pages += sheet.pages
    payload = record_payload(document)
    info = DocumentInfo(title=document.title, subject=payload)

    def on_page(canvas: Canvas, number: int) -> None:
        draw_qr(canvas, number, payload)
        draw_images(canvas, images.get(number, ()))

    return render(pages, fonts, info, on_page=on_page)
