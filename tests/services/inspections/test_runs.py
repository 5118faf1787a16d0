"""An inspection from start to completion on a real database file: failed items need a comment
and a photo, sign-off by both sides, completion makes it immutable, a correction is version 2,
the next visit shows the last answers."""

from __future__ import annotations

from datetime import date

import pytest

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.builtin import OFFICE
from redpair_desktop.domain.inspections.codes import InspectionStatus, SignoffRole
from redpair_desktop.domain.inspections.draft import InspectionStart
from redpair_desktop.domain.measures.codes import FindingCategory
from redpair_desktop.services.demo.scribbles import demo_signature
from redpair_desktop.services.inspections.listing import list_inspections
from redpair_desktop.services.inspections.photos import add_item_photo
from redpair_desktop.services.inspections.runs import (
    answer_item,
    complete_inspection,
    correct_inspection,
    start_inspection,
)
from redpair_desktop.services.inspections.signoffs import sign_off
from redpair_desktop.services.inspections.view import inspection
from redpair_desktop.services.measures.findings import list_findings
from redpair_desktop.services.workspace import open_workspace

DAY = date(2024, 3, 26)
FAILED = "office.2.3"  # 党员示范岗、共产党员服务队标识上墙 (重业务轻党建)


def _start(db, station, **changes):
    start = InspectionStart(station, DAY, ("office",), ("王检查",), **changes)
    return start_inspection(db, start)


def _answer_all(db, inspection_id, failed=()):
    for state in inspection(db, inspection_id).items:
        response = "fail" if state.item.key in failed else "pass"
        answer_item(db, inspection_id, state.item.key, response)


def _sign(db, inspection_id):
    sign_off(db, inspection_id, SignoffRole.INSPECTOR, "王检查", demo_signature("王检查"))
    sign_off(db, inspection_id, SignoffRole.INSPECTED, "陈振波", demo_signature("陈振波"))


def test_a_failed_answer_without_comment_and_photo_blocks_completion(workspace, station, photo):
    db = workspace.db
    made = _start(db, station)
    _answer_all(db, made, failed={FAILED})
    view = inspection(db, made)
    (state,) = [s for s in view.items if s.failed]
    assert state.needs_comment and state.needs_photo
    assert view.problems == ("“党员示范岗、共产党员服务队标识上墙”判为不合格，需填写说明并拍照。",)
    with pytest.raises(UserError, match="需填写说明并拍照"):
        sign_off(db, made, SignoffRole.INSPECTOR, "王检查", demo_signature("王检查"))
    with pytest.raises(UserError, match="需填写说明并拍照"):
        complete_inspection(db, made)
    answer_item(db, made, FAILED, "fail", "示范岗牌匾未上墙")
    assert inspection(db, made).problems == (
        "“党员示范岗、共产党员服务队标识上墙”判为不合格，需拍照。",
    )
    add_item_photo(db, workspace.data_dir, made, FAILED, photo)
    assert inspection(db, made).problems == ()
    with pytest.raises(UserError, match="检查人尚未签字"):
        complete_inspection(db, made)
    assert inspection(db, made).status is InspectionStatus.DRAFT
    assert list_findings(db) == []


def test_completion_scores_raises_the_finding_and_makes_the_inspection_immutable(
    data_dir, workspace, station, photo
):
    db = workspace.db
    made = _start(db, station)
    _answer_all(db, made, failed={FAILED})
    answer_item(db, made, FAILED, "fail", "示范岗牌匾未上墙")
    add_item_photo(db, workspace.data_dir, made, FAILED, photo)
    _sign(db, made)
    with pytest.raises(UserError, match="已签字确认"):
        answer_item(db, made, "office.1.1", "partial")
    done = complete_inspection(db, made)
    # 12 weight points, 10 earned: the failed item weighs 2.
    assert done.score == round(100 * 10 / 12, 1) == 83.3
    workspace.close()

    reopened = open_workspace(data_dir)
    db = reopened.db
    (finding,) = list_findings(db)
    assert (finding.category, finding.item_key) == (FindingCategory.BUSINESS_OVER_PARTY, FAILED)
    assert finding.description == "党员示范岗、共产党员服务队标识上墙：示范岗牌匾未上墙"
    view = inspection(db, made)
    assert view.status is InspectionStatus.COMPLETED
    assert [s.role for s in view.signoffs] == [SignoffRole.INSPECTOR, SignoffRole.INSPECTED]
    for change in (
        lambda: answer_item(db, made, "office.1.1", "partial"),
        lambda: add_item_photo(db, reopened.data_dir, made, "office.1.1", photo),
        lambda: complete_inspection(db, made),
    ):
        with pytest.raises(UserError, match="已完成，不能再修改"):
            change()
    (row,) = list_inspections(db)
    assert (row.score, row.findings, row.template) == (83.3, 1, "办公环境")
    reopened.close()


def test_a_correction_is_version_2_and_keeps_the_finding(workspace, station, photo):
    db = workspace.db
    made = _start(db, station)
    _answer_all(db, made, failed={FAILED})
    answer_item(db, made, FAILED, "fail", "示范岗牌匾未上墙")
    add_item_photo(db, workspace.data_dir, made, FAILED, photo)
    _sign(db, made)
    complete_inspection(db, made)

    fixed = correct_inspection(db, made)
    view = inspection(db, fixed)
    assert (view.version, view.corrects_id, view.status) == (2, made, InspectionStatus.DRAFT)
    assert view.signoffs == ()
    assert next(s for s in view.items if s.item.key == FAILED).photos
    answer_item(db, fixed, "office.1.1", "partial", "桌面略有杂物")
    _sign(db, fixed)
    assert complete_inspection(db, fixed).findings == ()  # the item's finding exists already
    with pytest.raises(UserError, match="已有更正版本"):
        correct_inspection(db, made)
    assert inspection(db, made).score.percent == 83.3  # the first version is as it was
    (row,) = list_inspections(db)
    assert (row.id, row.version, row.findings) == (fixed, 2, 1)


def test_the_next_visit_shows_the_last_answers_beside_each_item(workspace, station, photo):
    db = workspace.db
    first = _start(db, station)
    _answer_all(db, first, failed={FAILED})
    answer_item(db, first, FAILED, "fail", "示范岗牌匾未上墙")
    add_item_photo(db, workspace.data_dir, first, FAILED, photo)
    _sign(db, first)
    complete_inspection(db, first)

    later = start_inspection(
        db, InspectionStart(station, date(2024, 6, 20), inspectors=("王检查",), from_last=True)
    )
    view = inspection(db, later)
    assert view.follows_id == first and view.checklist.title == "办公环境"
    state = next(s for s in view.items if s.item.key == FAILED)
    assert state.response is None  # shown as last time, not answered
    assert (state.last.response.label, state.last.comment) == ("不符合", "示范岗牌匾未上墙")
    assert all(s.last is not None and s.response is None for s in view.items)


def test_starting_from_the_last_visit_without_one_is_refused(workspace, station):
    with pytest.raises(UserError, match="还没有已完成的检查"):
        start_inspection(workspace.db, InspectionStart(station, DAY, from_last=True))
    assert list_inspections(workspace.db) == []


def test_an_unknown_response_or_item_is_refused(workspace, station):
    made = _start(workspace.db, station)
    with pytest.raises(UserError, match="不是“符合性”中的选项"):
        answer_item(workspace.db, made, "office.1.1", "defect")
    with pytest.raises(UserError, match=r"没有编号为“office\.9\.9”"):
        answer_item(workspace.db, made, "office.9.9", "pass")
    assert inspection(workspace.db, made).score.percent == 0.0  # mandatory items count as 0


def test_a_lead_branch_is_no_station_to_inspect(workspace, branches):
    with pytest.raises(UserError, match="不是基层供电所党支部"):
        start_inspection(workspace.db, InspectionStart(branches[0], DAY, ("office",)))
    assert OFFICE.key == "office"


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_is_stored(workspace, station, tmp_path):
    made = _start(workspace.db, station)
    answer_item(workspace.db, made, FAILED, "fail", "示范岗牌匾未上墙")
    fake = tmp_path / "照片.jpg"
    fake.write_text("不是照片", encoding="utf-8")
    with pytest.raises(UserError, match="不是 JPEG 或 PNG 照片"):
        add_item_photo(workspace.db, workspace.data_dir, made, FAILED, fake)
    assert not (workspace.data_dir / "photos").exists()
    (state,) = [s for s in inspection(workspace.db, made).items if s.item.key == FAILED]
    assert state.needs_photo and state.photos == ()
