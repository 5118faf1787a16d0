"""The evidence page after an agreement signed on screen, read back from the PDF: its own pages
on the grid, both signers, the text's SHA-256, the event log, the notice, two signature images,
the QR code on every page."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime

import pdfplumber
import pypdf
import pytest

from redpair_desktop.domain.agreements.evidence import (
    EventKind,
    Evidence,
    EvidenceEvent,
    EvidenceSignature,
    local_time,
)
from redpair_desktop.domain.signatures import HONESTY_NOTICE, DeviceKind, encode, to_png
from redpair_desktop.reports.agreements.pdf import agreement_pdf
from tests.reports.agreements.conftest import LEAD, STATION, make_document
from tests.reports.agreements.test_pdf import BLOCK, TOLERANCE, text_chars
from tests.services.agreements.scribbles import scribble

HASH = "5e" * 32
SIGNED = datetime(2024, 3, 26, 1, 5, 3, tzinfo=UTC)


def signed(party, signer, shift):
    signature = scribble(shift, DeviceKind.PEN)
    png, strokes = to_png(signature), encode(signature)
    return EvidenceSignature(party, signer, "党支部书记", SIGNED, DeviceKind.PEN, "Wacom One",
                             png, strokes, signature.sha256, HASH)  # fmt: skip


EVIDENCE = Evidence(
    record_id=uuid.UUID(int=7),
    version=1,
    text_sha256=HASH,
    signatures=(signed("甲方", "涂娟雅", 0), signed("乙方", "陈振波", 9)),
    events=(
        EvidenceEvent(SIGNED, "host", EventKind.STARTED),
        EvidenceEvent(SIGNED, "host", EventKind.FIRST_PARTY_SIGNED, "涂娟雅"),
        EvidenceEvent(SIGNED, "host", EventKind.SECOND_PARTY_SIGNED, "陈振波"),
        EvidenceEvent(SIGNED, "host", EventKind.COMPLETED),
    ),
)


@pytest.fixture(scope="module")
def pdfs(fonts):
    document = make_document(content_hash=HASH)
    return agreement_pdf(document, fonts), agreement_pdf(document, fonts, EVIDENCE)


def evidence_text(data, plain_pages):
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "".join(p.extract_text() for p in reader.pages[plain_pages:]).replace("\n", "")


def test_the_evidence_pages_follow_the_agreement(pdfs):
    plain, with_evidence = (pypdf.PdfReader(io.BytesIO(d)) for d in pdfs)
    added = len(with_evidence.pages) - len(plain.pages)
    assert 1 <= added <= 2
    assert [p.extract_text() for p in with_evidence.pages[: len(plain.pages)]] == [
        p.extract_text() for p in plain.pages
    ]
    text = evidence_text(pdfs[1], len(plain.pages))
    assert text.startswith("签署过程记录")
    for expected in ("涂娟雅（党支部书记）", "陈振波（党支部书记）", LEAD, STATION, HASH,
                     str(EVIDENCE.record_id), "手写笔（Wacom One）", HONESTY_NOTICE,
                     "签字开始", "甲方签字：涂娟雅", "乙方签字：陈振波", "签字完成",
                     EVIDENCE.signatures[0].signature_sha256):  # fmt: skip
        assert expected in text, expected
    assert f"签字时间：{local_time(SIGNED)}" in text
    assert "年3月26日" in local_time(SIGNED) and "年03月" not in local_time(SIGNED)


def test_both_signature_images_are_on_the_evidence_pages(pdfs):
    plain_pages = len(pypdf.PdfReader(io.BytesIO(pdfs[0])).pages)
    with pdfplumber.open(io.BytesIO(pdfs[1])) as pdf:
        assert not any(page.images for page in pdf.pages[:plain_pages])
        images = [image for page in pdf.pages[plain_pages:] for image in page.images]
        assert len(images) == 2
        x0, top, x1, bottom = BLOCK
        for image in images:
            assert x0 <= image["x0"] and image["x1"] <= x1
            assert top <= image["top"] and image["bottom"] <= bottom
            assert image["width"] > 60 and image["height"] > 20  # drawn, not a speck


def test_the_evidence_pages_sit_on_the_grid_with_the_qr_code(pdfs):
    x0, top, x1, bottom = BLOCK
    plain_pages = len(pypdf.PdfReader(io.BytesIO(pdfs[0])).pages)
    with pdfplumber.open(io.BytesIO(pdfs[1])) as pdf:
        for page in pdf.pages[plain_pages:]:
            chars = text_chars(page)
            assert chars and {round(c["size"]) for c in chars} <= {22, 16}
            for c in chars:
                assert x0 - TOLERANCE <= c["x0"] and c["x1"] <= x1 + TOLERANCE, c
                assert top - TOLERANCE <= c["top"] and c["bottom"] <= bottom + TOLERANCE, c
            assert page.rects, "the page's QR code"
