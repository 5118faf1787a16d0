"""The brief PDF and the badge sheet: counts and place in the text; each badge's QR reads back."""

from __future__ import annotations

import io
import subprocess

import pdfplumber
import pytest
from PIL import Image

from redpair_desktop.domain.errors import CharacterNotPrintable
from redpair_desktop.reports.activities.badges import (
    BADGE_HEIGHT,
    BADGE_WIDTH,
    COLUMNS,
    LEFT,
    QR_SIDE,
    ROWS,
    TOP,
    badges_pdf,
)
from redpair_desktop.reports.activities.brief import brief_pdf
from redpair_desktop.reports.page import PAGE_HEIGHT
from tests.reports.activities.conftest import ceremony, entry, make_sheet


def test_the_brief_pdf_holds_place_time_and_counts(fonts):
    with pdfplumber.open(io.BytesIO(brief_pdf(ceremony(17), fonts))) as document:
        assert len(document.pages) == 1
        text = document.pages[0].extract_text().replace(" ", "").replace("\n", "")
    assert "时间：2024年3月6日" in text and "地点：大坪供电所会议室" in text
    assert "应到17人，实到17人，请假0人，缺席0人" in text and "主要内容：宣读协议" in text


def test_each_badge_qr_reads_back_as_its_code(fonts, tmp_path):
    """Each badge cut out on its own (as a scanner sees it), rendered at 200 dpi."""
    sheet = make_sheet([entry(i) for i in range(10)])
    pdf = tmp_path / "badges.pdf"
    pdf.write_bytes(badges_pdf(sheet, fonts))
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "p")], check=True)
    codes = []
    scale = 200 / 72
    for page in sorted(tmp_path.glob("p-*.png")):
        picture = Image.open(page)
        for place in range(COLUMNS * ROWS):
            x = LEFT + place % COLUMNS * BADGE_WIDTH
            top = PAGE_HEIGHT - TOP + place // COLUMNS * BADGE_HEIGHT
            box = (x, top, x + BADGE_WIDTH, top + BADGE_HEIGHT)
            badge = tmp_path / f"badge-{len(codes)}-{place}.png"
            picture.crop(tuple(round(v * scale) for v in box)).save(badge)
            read = subprocess.run(["zbarimg", "--raw", "-q", str(badge)], capture_output=True,
                                  text=True, check=False)  # fmt: skip
            codes += read.stdout.split()
    assert codes == [f"RP-{i:04d}" for i in range(10)]
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == 2
        text = "".join(page.extract_text() for page in document.pages)
    assert all(e.name in text for e in sheet.entries)


def test_the_badge_qr_is_at_least_20_mm():
    assert QR_SIDE >= 20 * 72 / 25.4


def test_a_badge_name_no_font_has_is_refused_naming_it(fonts):
    with pytest.raises(CharacterNotPrintable, match="陈\ue000波"):
        badges_pdf(make_sheet([entry(0, name="陈\ue000波")]), fonts)
