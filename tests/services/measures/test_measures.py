"""Assistance measures through their statuses: started by progress, submitted, refused closure
without a visit, verified at a visit, re-opened; 督办 entries; the overdue list."""

from __future__ import annotations

from datetime import date

import pytest

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.draft import InspectionStart
from redpair_desktop.domain.measures.codes import (
    FindingCategory,
    MeasureEntryKind,
    MeasureStatus,
    Priority,
)
from redpair_desktop.services.inspections.runs import start_inspection
from redpair_desktop.services.measures.board import list_measures, measure_log
from redpair_desktop.services.measures.findings import add_finding
from redpair_desktop.services.measures.measures import (
    Evidence,
    MeasureDraft,
    add_progress,
    add_supervision,
    close_undone,
    create_measure,
    reopen_measure,
    submit_for_verification,
    verify_measure,
)

S = MeasureStatus


@pytest.fixture
def measure(workspace, branches):
    lead, station = branches
    finding = add_finding(workspace.db, station, FindingCategory.VAGUE_ASSESSMENT,
                          "绩效考核细则未细化到台区", date(2024, 3, 26))  # fmt: skip
    draft = MeasureDraft(finding, "帮助制定台区经理绩效考核细则", date(2024, 6, 30), Priority.HIGH,
                         owner_branch_id=lead)  # fmt: skip
    return create_measure(workspace.db, draft)


def _status(db):
    (row,) = list_measures(db, today=date(2024, 4, 1))
    return row.status


def test_a_measure_goes_through_its_statuses_and_is_reopened(workspace, station, measure, photo):
    db = workspace.db
    (row,) = list_measures(db, today=date(2024, 4, 1))
    assert (row.owner, row.co_owner, row.status) == (
        "综合服务中心党支部",
        "大坪供电所党支部",
        S.NOT_STARTED,
    )
    assert row.category is FindingCategory.VAGUE_ASSESSMENT and not row.overdue

    add_progress(db, measure, "已起草考核细则初稿", "李帮扶", Evidence(photo, workspace.data_dir))
    assert _status(db) is S.IN_PROGRESS
    add_supervision(db, measure, "请于 6 月底前完成", "综合服务中心党支部")
    with pytest.raises(UserError, match="当前为“进行中”，不能“验证通过”"):
        verify_measure(db, measure, uuid_of_visit(db, station, date(2024, 6, 20)), passed=True)
    submit_for_verification(db, measure, "细则已印发")
    assert _status(db) is S.AWAITING_VERIFICATION

    early = uuid_of_visit(db, station, date(2024, 1, 1))
    with pytest.raises(UserError, match="早于措施提请验证"):
        verify_measure(db, measure, early, passed=True)
    visit = uuid_of_visit(db, station, date.today())
    assert verify_measure(db, measure, visit, passed=False, text="尚未兑现") is S.IN_PROGRESS
    submit_for_verification(db, measure)
    assert verify_measure(db, measure, visit, passed=True) is S.DONE
    with pytest.raises(UserError, match="已关闭，不需要督办"):
        add_supervision(db, measure, "再催一次")
    with pytest.raises(UserError, match="请说明重新打开的原因"):
        reopen_measure(db, measure, " ")
    reopen_measure(db, measure, "7 月考核又未按细则兑现")
    assert _status(db) is S.IN_PROGRESS

    log = measure_log(db, measure)
    assert [entry.kind for entry in log] == [
        MeasureEntryKind.PROGRESS, MeasureEntryKind.SUPERVISION, MeasureEntryKind.SUBMITTED,
        MeasureEntryKind.REJECTED, MeasureEntryKind.SUBMITTED, MeasureEntryKind.VERIFIED,
        MeasureEntryKind.REOPENED,
    ]  # fmt: skip
    assert log[0].photo_path and (workspace.data_dir / log[0].photo_path).exists()
    assert log[5].inspection_id == visit


def uuid_of_visit(db, station, day):
    return start_inspection(db, InspectionStart(station, day, ("daily",)))


def test_a_closed_measure_takes_no_progress_and_the_overdue_list(workspace, measure):
    db = workspace.db
    close_undone(db, measure, "机构调整，措施取消")
    with pytest.raises(UserError, match="当前为“未完成”，不能“开始实施”"):
        add_progress(db, measure, "继续推进")
    assert list_measures(db, today=date(2024, 6, 30), overdue_only=True) == []
    (late,) = list_measures(db, today=date(2024, 7, 1), overdue_only=True)
    assert late.id == measure and late.status is S.NOT_DONE and late.overdue


def test_a_station_branch_cannot_own_a_measure(workspace, station):
    finding = add_finding(
        workspace.db, station, FindingCategory.OTHER, "其他问题", date(2024, 3, 26)
    )
    draft = MeasureDraft(finding, "措施", date(2024, 6, 30), owner_branch_id=station)
    with pytest.raises(UserError, match="是供电所党支部"):
        create_measure(workspace.db, draft)
    assert list_measures(workspace.db) == []
