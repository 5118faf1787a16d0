"""The inspection printout and the blank checklist of the demo's reference inspection, read back:
text and its order, images, geometry; a photo file gone is refused, naming it."""

from __future__ import annotations

import dataclasses
import io
import shutil

import pytest
from pypdf import PdfReader

from redpair_desktop.domain.errors import UserError
from redpair_desktop.reports.fonts import FontSet
from redpair_desktop.reports.inspections.report import inspection_pdf
from redpair_desktop.services.inspections.sheets import inspection_sheet
from redpair_desktop.services.workspace import open_workspace
from tests.reports.activities.test_roll import BLOCK, TOLERANCE, image_count, opened

PARTS = ("办公环境", "日常管理", "后勤安全")


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory):
    """The reference inspection's sheet and the data folder holding its photos."""
    data_dir = tmp_path_factory.mktemp("inspection") / "data"
    shutil.copytree(demo_template.parent, data_dir)
    workspace = open_workspace(data_dir)
    try:
        yield inspection_sheet(workspace.db, "demo"), data_dir
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def fonts():
    return FontSet()


@pytest.fixture(scope="module")
def filled(demo, fonts):
    sheet, data_dir = demo
    return inspection_pdf(sheet, fonts, data_dir)


@pytest.fixture(scope="module")
def blank(demo, fonts):
    sheet, data_dir = demo
    return inspection_pdf(sheet, fonts, data_dir, blank=True)


def flat(text):
    return "".join(text.split())


def text_of(pdf):
    """The text in the order it is drawn (a cell's lines one after the other), no spaces."""
    return flat("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def test_the_report_reads_like_the_form(demo, filled):
    sheet, _ = demo
    text = text_of(filled)
    assert "“党建+安全”现场检查记录" in text and "大坪供电所党支部2024年3月26日" in text
    assert "检查人：涂娟雅、综合服务中心后勤专责" in text and "总得分：85.4分" in text
    assert "办公环境、日常管理、后勤安全（第1版）" in text
    for part in PARTS:
        assert part in text
    sections = text.index("检查情况")
    assert text.index("不符合项（2项）") < text.index("问题清单（2项）") < sections
    for item in sheet.flagged:
        assert flat(item.text) in text[:sections]
    assert text.index("考核不细") < sections and text.index("台账不规范") < sections
    assert "2023年第四季度工作票" in text  # not broken inside 2023
    signoff = text.split("四、签字确认")[1]
    assert "检查人" in signoff and "涂娟雅" in signoff and "陈振波" in signoff


def test_photos_and_both_signatures_are_drawn_once_each(demo, filled):
    sheet, _ = demo
    photos = sum(len(item.photos) for section in sheet.sections for item in section.items)
    assert photos == 2 and len(sheet.signoffs) == 2
    assert image_count(filled) == photos + 2


def test_every_character_and_image_sits_inside_the_text_block(filled, blank):
    x0, top, x1, bottom = BLOCK
    for pdf in (filled, blank):
        with opened(pdf) as document:
            assert len(document.pages) >= 3
            for page in document.pages:
                chars = [c for c in page.chars if c["top"] < bottom and c["text"].strip()]
                assert chars
                for c in chars:
                    assert x0 - TOLERANCE <= c["x0"] and c["x1"] <= x1 + TOLERANCE, c
                    assert top - TOLERANCE <= c["top"] and c["bottom"] <= bottom + TOLERANCE, c
                for image in page.images:
                    assert x0 <= image["x0"] and image["x1"] <= x1, image
                    assert top <= image["top"] and image["bottom"] <= bottom, image


def test_the_blank_checklist_has_every_item_with_its_choices_and_no_image(demo, blank):
    sheet, _ = demo
    assert image_count(blank) == 0
    text = text_of(blank)
    assert "“党建+安全”现场检查表" in text and "标注为补录" in text
    for section in sheet.sections:
        assert f"{section.part}·{section.title}" in text
        for item in section.items:
            assert flat(item.text) in text, item.text
    assert text.count("□不符合") == sum(len(s.items) for s in sheet.sections)
    assert "□符合□基本符合" in text and "被检查单位代表" in text.split("二、签字确认")[1]
    assert "得分" not in text and "不符合项" not in text and "二、签字确认" in text


def test_a_photo_file_gone_is_refused_naming_it(demo, fonts, tmp_path):
    sheet, data_dir = demo
    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    (copy / sheet.flagged[0].photos[0]).unlink()
    with pytest.raises(UserError, match="找不到照片文件"):
        inspection_pdf(sheet, fonts, copy)
    assert image_count(inspection_pdf(sheet, fonts, copy, blank=True)) == 0


def test_a_draft_without_sign_off_says_so(demo, fonts):
    sheet, data_dir = demo
    draft = dataclasses.replace(sheet, signoffs=(), status="草稿")
    pdf = inspection_pdf(draft, fonts, data_dir)
    assert image_count(pdf) == 2  # the photos only
    assert "四、签字确认：未签字" in text_of(pdf)


def _item_sizes(pdf, heading="检查内容"):
    """The sizes of the body-font characters in the 检查内容 column below its header and above
    签字确认 (headings and table headers are in other faces), on every page."""
    sizes = set()
    with opened(pdf) as document:
        for page in document.pages:
            words = page.extract_words()
            headers = [w for w in words if w["text"] == heading]
            end = min([w["top"] for w in words if "签字确认" in w["text"]], default=page.height)
            for header in headers:
                sizes |= {
                    round(c["size"], 1)
                    for c in page.chars
                    if header["x0"] - 40 < c["x0"] < header["x1"] + 40
                    and header["bottom"] + 4 < c["top"] < end
                    and c["text"].strip()
                    and "Bousung" in c["fontname"]  # the bundled face for 仿宋
                }
    return sizes


def test_every_item_is_printed_at_one_size(filled, blank):
    assert _item_sizes(filled) == {12.0}
    assert _item_sizes(blank) == {12.0}


def test_a_comment_too_long_for_its_row_is_printed_in_full_under_notes(demo, fonts):
    sheet, data_dir = demo
    item = sheet.flagged[0]
    long = "灭火器压力不足，" * 120  # 960 characters, within the 1000 a comment may hold
    answer = dataclasses.replace(item.answer, comment=long)
    flagged = (dataclasses.replace(item, answer=answer), *sheet.flagged[1:])
    text = text_of(inspection_pdf(dataclasses.replace(sheet, flagged=flagged), fonts, data_dir))
    assert "见附注1" in text
    notes = text.split("五、附注")[1]
    assert notes.startswith("附注1（不符合项第1项）：") and flat(long) in notes
