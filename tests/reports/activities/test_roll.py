"""The 承诺签名册 and the 签到表 read back: images, names, 补录, counts, geometry, pages."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from PIL import Image

from redpair_desktop.domain.errors import CharacterNotPrintable, UserError
from redpair_desktop.reports.activities.roll import roll_pdf
from redpair_desktop.reports.activities.sign_in import sign_in_pdf
from redpair_desktop.reports.heading import clock
from tests.reports.activities.conftest import ceremony, entry, make_sheet, person_name

MM = 72 / 25.4
BLOCK = (28 * MM, 37 * MM, (28 + 156) * MM, (37 + 225) * MM)  # x0, top, x1, bottom
TOLERANCE = 0.5 * MM


def opened(pdf):
    return pdfplumber.open(io.BytesIO(pdf))


def text_of(pdf):
    with opened(pdf) as document:
        return "".join(page.extract_text() for page in document.pages).replace(" ", "")


def image_count(pdf):
    with opened(pdf) as document:
        return sum(len(page.images) for page in document.pages)


@pytest.fixture(scope="module")
def roll(fonts):
    return roll_pdf(ceremony(17), fonts)


def test_the_roll_has_one_image_per_signer_and_every_name(roll):
    assert image_count(roll) == 16  # the 5th was entered from the paper list: no image
    text = text_of(roll)
    for index in range(17):
        assert person_name(index) in text
    assert "党员身边无违章" in text and "补录" in text
    assert "应到17人，实到17人，请假0人，缺席0人" in text


def test_seventeen_captured_signatures_give_seventeen_images(fonts):
    assert image_count(roll_pdf(make_sheet([entry(i) for i in range(17)]), fonts)) == 17


def test_every_character_and_image_sits_inside_the_text_block(roll):
    x0, top, x1, bottom = BLOCK
    with opened(roll) as document:
        for page in document.pages:
            chars = [c for c in page.chars if c["top"] < bottom and c["text"].strip()]
            assert chars
            for c in chars:
                assert x0 - TOLERANCE <= c["x0"] and c["x1"] <= x1 + TOLERANCE, c
                assert top - TOLERANCE <= c["top"] and c["bottom"] <= bottom + TOLERANCE, c
            for image in page.images:
                assert x0 <= image["x0"] and image["x1"] <= x1 and top <= image["top"], image
                assert image["bottom"] <= bottom, image


def test_each_signature_sits_inside_its_cell(roll):
    with opened(roll) as document:
        page = document.pages[0]
        edges = sorted({round(line["x0"], 1) for line in page.lines if line["x0"] == line["x1"]})
        rows = sorted(
            {round(line["top"], 1) for line in page.lines if line["top"] == line["bottom"]}
        )
        for image in page.images:
            left = max(edge for edge in edges if edge <= image["x0"])
            right = min(edge for edge in edges if edge >= image["x1"])
            assert (left, right) == (edges[3], edges[4])  # the 签名 column
            above = max(row for row in rows if row <= image["top"])
            below = min(row for row in rows if row >= image["bottom"])
            assert below - above == pytest.approx(28.95, abs=0.2)  # within one row


def test_the_signature_is_drawn_black_and_legible(roll, tmp_path):
    with opened(roll) as document:
        page = document.pages[0]
        image = page.images[0]
        box = (image["x0"], image["top"], image["x1"], image["bottom"])
        picture = page.crop(box).to_image(resolution=150).original.convert("L")
    ink = sum(1 for value in picture.tobytes() if value < 100)
    assert ink > 100


def test_the_header_row_repeats_on_every_page(fonts):
    pdf = roll_pdf(make_sheet([entry(i) for i in range(60)]), fonts)
    with opened(pdf) as document:
        assert len(document.pages) >= 3
        for page in document.pages:
            text = page.extract_text().replace(" ", "")
            assert "序号姓名党支部／单位签名时间／备注" in text
        last = document.pages[-1].extract_text().replace(" ", "")
        assert "应到60人，实到60人" in last


def test_the_blank_roll_has_a_row_per_expected_name_and_no_image(fonts):
    sheet = make_sheet([entry(i) for i in range(17)])
    pdf = roll_pdf(sheet, fonts, blank=True)
    assert image_count(pdf) == 0
    text = text_of(pdf)
    for index in range(17):
        assert f"{index + 1}{person_name(index)}综合服务中心党支部" in text
    assert "18" not in text.split("党员身边无违章")[1].split("应到")[0].replace("2024", "")
    assert "应到17人，实到" in text and "补录" not in text


def test_absences_show_with_their_reason(fonts):
    sheet = make_sheet([
        entry(0),
        entry(1, status="excused", reason="外出参加培训", signature_png=None, signed_at=None),
        entry(2, status="absent", signature_png=None, signed_at=None),
    ])  # fmt: skip
    text = text_of(roll_pdf(sheet, fonts))
    assert "请假（外出\n" in text and "\n参加培训）" in text and "缺席" in text  # on two lines
    assert "应到3人，实到1人，请假1人，缺席1人" in text


def test_sign_in_filled_and_blank(fonts):
    sheet = ceremony(17)
    filled = sign_in_pdf(sheet, fonts, blank=False)
    assert image_count(filled) == 16
    text = text_of(filled)
    assert "签到表" in text and "签到时间" in text and "补录" in text
    assert all(person_name(i) in text for i in range(17))
    assert clock(sheet.entries[0].checked_in_at) in text  # the check-in time, not the signing
    assert clock(sheet.entries[0].signed_at) not in text
    blank = sign_in_pdf(sheet, fonts, blank=True)
    assert image_count(blank) == 0
    text = text_of(blank)
    assert all(f"{i + 1}{person_name(i)}" in text for i in range(17)) and "补录" not in text


def test_a_name_no_font_has_is_refused_naming_the_person(fonts):
    sheet = make_sheet([entry(0), entry(1, name="陈\ue000波")])
    for build in (lambda: roll_pdf(sheet, fonts), lambda: sign_in_pdf(sheet, fonts, True)):
        with pytest.raises(CharacterNotPrintable) as refusal:
            build()
        assert "陈\ue000波" in refusal.value.message and "U+E000" in refusal.value.message


def test_a_note_too_long_for_its_cell_is_refused_naming_it(fonts):
    long_reason = "因" * 40
    sheet = make_sheet([entry(0, status="excused", reason=long_reason, signature_png=None)])
    with pytest.raises(UserError, match=person_name(0)):
        roll_pdf(sheet, fonts)


def test_a_foreign_png_is_still_drawn(fonts):
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), "white").save(buffer, "PNG")
    sheet = make_sheet([entry(0, signature_png=buffer.getvalue())])
    assert image_count(roll_pdf(sheet, fonts)) == 1
