"""Small PDFs for the agreement tests, made with ReportLab, pyHanko and pypdf."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from redpair_desktop.services.agreements.keys import signing_identity
from redpair_desktop.services.agreements.signing import RecordStamp, sign_pdf

RECORD = RecordStamp(record_id="0190f1e2-agreement", version=3, content_hash="ab" * 32)


def two_page_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in (1, 2):
        pdf.drawString(100, 700, f"Agreement page {page}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def signed_pdf(data_dir: Path, name: str = "signed.pdf") -> Path:
    identity = signing_identity(data_dir, device="test-pc", company="国网咸宁供电公司")
    target = data_dir / name
    sign_pdf(two_page_pdf(), target, identity, record=RECORD)
    return target


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(two_page_pdf())))
    writer.encrypt("secret", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
