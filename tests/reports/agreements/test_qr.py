"""The QR code on every page of an agreement reads back, from a 300 dpi scan, as its record id,
version and content hash."""

import subprocess

from redpair_desktop.reports.agreements.pdf import agreement_pdf
from tests.reports.agreements.conftest import make_document


def test_every_page_carries_a_readable_qr_code(tmp_path, fonts):
    document = make_document(content_hash="ab" * 32)
    pdf = tmp_path / "agreement.pdf"
    pdf.write_bytes(agreement_pdf(document, fonts))
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    for page in pages:
        read = subprocess.run(
            ["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True, check=False
        )
        assert read.stdout.strip() == (
            f"redpair:agreement;id={document.record_id};v=1;sha256={'ab' * 32}"
        ), page.name
