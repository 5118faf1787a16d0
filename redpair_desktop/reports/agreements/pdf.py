"""The 共建协议书 as PDF bytes: laid out on the grid, one QR code a page."""

from __future__ import annotations

from redpair_desktop.domain.agreements.document import AgreementDocument
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


def agreement_pdf(document: AgreementDocument, fonts: FontSet) -> bytes:
    pages = paginate(agreement_lines(document, Typesetter(fonts)))
    payload = record_payload(document)
    info = DocumentInfo(title=document.title, subject=payload)
    return render(pages, fonts, info, on_page=lambda canvas, n: draw_qr(canvas, n, payload))
