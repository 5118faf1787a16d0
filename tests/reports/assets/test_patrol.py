"""The patrol printout of the demo's 10 kV 内冲线 patrol, with photos added to defects, read
back: text and its order, one image a photographed defect, fonts embedded, page numbers and
the QR payload; the blank sheet; a photo file gone is refused, naming it."""

from __future__ import annotations

import dataclasses
import io
import shutil

import pytest
from PIL import Image
from pypdf import PdfReader

from redpair_desktop.domain.assets.codes import DefectType
from redpair_desktop.domain.errors import UserError
from redpair_desktop.reports.assets.patrol import patrol_pdf, record_payload
from redpair_desktop.reports.fonts import FontSet
from redpair_desktop.services.assets.listing import list_patrols
from redpair_desktop.services.assets.patrols import MAX_NOTE, DefectDraft, save_defects
from redpair_desktop.services.assets.sheets import patrol_sheet
from redpair_desktop.services.workspace import open_workspace
from tests.reports.activities.test_roll import image_count, text_of
from tests.reports.inspections.test_report import flat


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory):
    """The demo patrol (its 37号杆 鸟窝 photographed) with two more defects, photographed, and
    its sheet."""
    folder = tmp_path_factory.mktemp("patrol")
    data_dir = folder / "data"
    shutil.copytree(demo_template.parent, data_dir)
    photos = []
    for index in range(2):
        photos.append(folder / f"缺陷{index}.jpg")
        Image.new("RGB", (800, 600), (60 + 90 * index, 120, 90)).save(photos[-1], "JPEG")
    workspace = open_workspace(data_dir)
    try:
        (row,) = list_patrols(workspace.db)
        drafts = [DefectDraft("101", DefectType.CRACK, "杆身纵向裂纹约 1 米", photos[0]),
                  DefectDraft("Z2", DefectType.OIL_LEAK, "", photos[1])]  # fmt: skip
        save_defects(workspace.db, row.id, drafts, data_dir)
        yield patrol_sheet(workspace.db, "demo"), data_dir
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def filled(demo):
    sheet, data_dir = demo
    return patrol_pdf(sheet, FontSet(), data_dir)


@pytest.fixture(scope="module")
def blank(demo):
    sheet, data_dir = demo
    return patrol_pdf(sheet, FontSet(), data_dir, blank=True)


def test_the_record_reads_heading_defects_then_every_asset(filled):
    text = text_of(filled)
    order = ["10kV内冲线巡视记录", "大坪供电所党支部（通城瑶族村）", "巡视人：陈振波",
             "杆塔128基，公变4台，专变4台；缺陷4处", "一、缺陷（4处）", "内冲线37号杆", "鸟窝",
             "内冲线86号杆", "拉线松弛", "杆身纵向裂纹约1米", "渗油",
             "二、逐杆巡视情况（128基）", "三、变压器（8台）", "四、签字确认",
             "巡视人", "审核人"]  # fmt: skip
    at = 0
    for part in order:  # each after the one before
        at = text.index(part, at) + len(part)
    assert text.count("缺陷") >= 4 + 2  # the pole table marks 37, 86 and 101 as 缺陷
    assert text.count("正常") == 136 - 4


def test_each_photographed_defect_has_its_photo_and_fonts_are_embedded(filled, demo):
    assert image_count(filled) == 3
    reader = PdfReader(io.BytesIO(filled))
    assert len(reader.pages) == 4
    assert reader.metadata.subject == record_payload(demo[0])
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            if font.get_object()["/BaseFont"] != "/Helvetica":  # ReportLab's unused default
                assert "/FontFile2" in font.get_object()["/FontDescriptor"].get_object()
    assert "—4—" in text_of(filled)


def test_the_blank_sheet_has_a_box_for_every_asset_and_no_photos(blank):
    text = text_of(blank)
    assert "10kV内冲线巡视记录表" in text and "年月日" in text
    assert text.count("□缺陷") == 136
    assert "正常" not in text and "陈振波" not in text
    assert image_count(blank) == 0


def test_a_photo_file_gone_is_refused_naming_it(demo, tmp_path):
    sheet, data_dir = demo
    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    gone = copy / next(d.photo for d in sheet.defects if d.photo)
    gone.unlink()
    with pytest.raises(UserError, match="找不到照片文件"):
        patrol_pdf(sheet, FontSet(), copy)


def test_a_note_of_the_longest_allowed_length_prints_in_full_under_notes(demo):
    sheet, data_dir = demo
    long = "拉线松弛，UT 型线夹锈蚀需更换；" * 29  # 493 characters, within the 500 allowed
    assert len(long) <= MAX_NOTE
    defects = (dataclasses.replace(sheet.defects[1], note=long), *sheet.defects[2:])
    pdf = patrol_pdf(dataclasses.replace(sheet, defects=(sheet.defects[0], *defects)),
                     FontSet(), data_dir)  # fmt: skip
    text = text_of(pdf)
    assert "见附注1" in text
    assert flat(long) in flat(text.split("五、附注")[1])
    assert image_count(pdf) == 3
