"""Saving several defects at once with their photos, the lines and patrols the 线路巡视 tab
lists, the patrol's printout data, and a defect raised as a finding with its own words."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image

from redpair_desktop.domain.assets.codes import AssetKind, DefectType, PatrolStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.measures.codes import FindingCategory
from redpair_desktop.services.assets.listing import list_lines, list_patrols
from redpair_desktop.services.assets.patrols import (
    DefectDraft,
    complete_patrol,
    open_patrol,
    patrol,
    remove_defect,
    save_defects,
)
from redpair_desktop.services.assets.register import add_line, add_transformer
from redpair_desktop.services.assets.sheets import patrol_sheet
from redpair_desktop.services.measures.findings import (
    defect_description,
    finding_from_defect,
    list_findings,
)


@pytest.fixture
def line(workspace, station):
    line_id = add_line(workspace.db, "10 kV 内冲线", station, poles=12, serves="通城瑶族村")
    add_transformer(workspace.db, line_id, AssetKind.PUBLIC_TRANSFORMER, "内冲村1号公变", "G1", 200)
    add_transformer(workspace.db, line_id, AssetKind.DEDICATED_TRANSFORMER, "水厂专变", "Z1", 315)
    return line_id


@pytest.fixture
def photos(tmp_path):
    paths = []
    for index in range(3):
        path = tmp_path / f"缺陷{index}.jpg"
        Image.new("RGB", (640, 480), (40 * index, 90, 160)).save(path, "JPEG")
        paths.append(path)
    return paths


def photo_files(data_dir):
    return sorted(p.name for p in (data_dir / "photos").rglob("*") if p.is_file())


def test_several_defects_with_photos_are_stored_in_one_go(workspace, data_dir, line, photos):
    patrol_id = open_patrol(workspace.db, line, date(2024, 3, 26), "陈振波")
    drafts = [
        DefectDraft("3", DefectType.BIRD_NEST, "横担上有鸟窝", photos[0]),
        DefectDraft("7号杆", DefectType.TILT, "", photos[1]),
        DefectDraft("G1", DefectType.OIL_LEAK, "油枕渗油", photos[2]),
        DefectDraft("9", DefectType.CRACK),
    ]
    rows = save_defects(workspace.db, patrol_id, drafts, data_dir)
    assert [row.type for row in rows] == [d.type for d in drafts]
    assert all((data_dir / row.thumbnail_path).is_file() for row in rows[:3])
    assert rows[3].photo_path is None and rows[3].thumbnail_path is None
    assert len(photo_files(data_dir)) == 9  # original, display copy, thumbnail of each
    view = patrol(workspace.db, patrol_id)
    marked = {a.number: a.defects[0].note for a in view.assets if a.defects}
    assert marked == {"3": "横担上有鸟窝", "7": "", "G1": "油枕渗油", "9": ""}


def test_one_bad_defect_stores_none_of_them(workspace, data_dir, line, photos, tmp_path):
    patrol_id = open_patrol(workspace.db, line, date(2024, 3, 26), "陈振波")
    unknown = [DefectDraft("3", DefectType.BIRD_NEST, "", photos[0]),
               DefectDraft("13", DefectType.CRACK, "", photos[1])]  # fmt: skip
    with pytest.raises(UserError, match="没有编号为“13”的杆塔或变压器"):
        save_defects(workspace.db, patrol_id, unknown, data_dir)
    not_a_photo = tmp_path / "说明.jpg"
    not_a_photo.write_text("这不是照片", encoding="utf-8")
    with pytest.raises(UserError, match="不是 JPEG 或 PNG 照片"):
        save_defects(workspace.db, patrol_id, [DefectDraft("3", DefectType.CRACK, "",
                                                           not_a_photo)], data_dir)  # fmt: skip
    assert patrol(workspace.db, patrol_id).defect_count == 0
    assert photo_files(data_dir) == []


def test_the_lines_and_their_patrols_are_listed_with_counts(workspace, line):
    (row,) = list_lines(workspace.db)
    assert (row.name, row.serves, row.poles) == ("10 kV 内冲线", "通城瑶族村", 12)
    assert (row.public_transformers, row.dedicated_transformers) == (1, 1)
    first = open_patrol(workspace.db, line, date(2024, 3, 26), "陈振波")
    second = open_patrol(workspace.db, line, date(2024, 6, 20), "王 强")
    rows = save_defects(workspace.db, first, [DefectDraft("3", DefectType.CRACK),
                                              DefectDraft("4", DefectType.TILT)], None)  # fmt: skip
    remove_defect(workspace.db, rows[1].id)
    complete_patrol(workspace.db, first)
    listed = list_patrols(workspace.db, line)
    assert [(p.id, p.patroller, p.defects) for p in listed] == [(second, "王 强", 0),
                                                                (first, "陈振波", 1)]  # fmt: skip
    assert listed[1].status is PatrolStatus.COMPLETED
    assert list_patrols(workspace.db) == listed


def test_the_printout_data_has_the_defects_first_and_every_asset(workspace, data_dir, line,
                                                                 photos):  # fmt: skip
    patrol_id = open_patrol(workspace.db, line, date(2024, 3, 26), "陈振波")
    save_defects(workspace.db, patrol_id, [DefectDraft("5", DefectType.BIRD_NEST, "鸟窝",
                                                       photos[0])], data_dir)  # fmt: skip
    sheet = patrol_sheet(workspace.db, str(patrol_id))
    assert (sheet.line, sheet.serves, sheet.patroller) == ("10 kV 内冲线", "通城瑶族村", "陈振波")
    (defect,) = sheet.defects
    assert (defect.asset, defect.type) == ("内冲线5号杆", "鸟窝")
    assert defect.photo and (data_dir / defect.photo).is_file()
    assert [p.number for p in sheet.poles] == [str(n) for n in range(1, 13)]
    assert [p.defective for p in sheet.poles].count(True) == 1
    assert [t.kind for t in sheet.transformers] == ["公变", "专变"]
    with pytest.raises(UserError, match="不是巡视编号"):
        patrol_sheet(workspace.db, "37")
    assert patrol_sheet(workspace.db, "demo").patrol_id == patrol_id  # 内冲线's first patrol


def test_a_defect_becomes_a_finding_in_the_words_given(workspace, line):
    patrol_id = open_patrol(workspace.db, line, date(2024, 3, 26), "陈振波")
    draft = DefectDraft("8", DefectType.SLACK_STAY, "UT 线夹松动")
    (defect,) = save_defects(workspace.db, patrol_id, [draft], None)
    assert defect_description(workspace.db, defect.id) == "内冲线8号杆：拉线松弛，UT 线夹松动"
    finding_from_defect(workspace.db, defect.id, FindingCategory.SAFETY_HAZARD, "8号杆拉线需紧固")
    (finding,) = list_findings(workspace.db)
    assert finding.description == "8号杆拉线需紧固"
    with pytest.raises(UserError, match="已列入问题清单"):
        finding_from_defect(workspace.db, defect.id)
