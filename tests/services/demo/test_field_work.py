"""The demo's field work: 内冲线 with 128 poles and 4 + 4 transformers, the reference “党建+安全”
inspection of 大坪 completed with two findings → measures (one overdue), one patrol with two
pole defects; the printout data of the reference inspection."""

from __future__ import annotations

from datetime import date

from redpair_desktop.domain.assets.codes import AssetKind, AssetState
from redpair_desktop.domain.inspections.codes import InspectionStatus
from redpair_desktop.domain.measures.codes import FindingCategory, MeasureStatus
from redpair_desktop.services.assets.patrols import asset_history
from redpair_desktop.services.assets.register import list_assets
from redpair_desktop.services.inspections.listing import list_inspections
from redpair_desktop.services.inspections.sheets import inspection_sheet
from redpair_desktop.services.measures.board import list_measures
from redpair_desktop.services.measures.findings import list_findings


def test_the_demo_has_the_nei_chong_line_with_128_poles_and_4_plus_4_transformers(demo_workspace):
    rows = list_assets(demo_workspace.db, line="内冲线")
    kinds = [row.kind for row in rows]
    assert kinds.count(AssetKind.LINE) == 1 and kinds.count(AssetKind.POLE) == 128
    assert kinds.count(AssetKind.PUBLIC_TRANSFORMER) == 4
    assert kinds.count(AssetKind.DEDICATED_TRANSFORMER) == 4
    assert {row.station for row in rows} == {"大坪供电所党支部"}
    transformer = next(row for row in rows if row.name == "内冲村1号公变")
    assert transformer.capacity_kva == 200


def test_the_reference_inspection_is_completed_with_two_findings_first(demo_workspace):
    db = demo_workspace.db
    sheet = inspection_sheet(db, "demo")
    assert sheet.title == "“党建+安全”现场检查" and sheet.held_on == date(2024, 3, 26)
    assert sheet.checklist == "办公环境、日常管理、后勤安全"
    assert sheet.station == "大坪供电所党支部" and sheet.status == "已完成"
    assert [item.answer.label for item in sheet.flagged] == ["不符合", "不符合"]
    assert all(item.photos and item.answer.comment for item in sheet.flagged)
    assert all((demo_workspace.data_dir / p).exists() for i in sheet.flagged for p in i.photos)
    assert {f.category for f in sheet.findings} == {"考核不细", "台账不规范"}
    assert [s.role for s in sheet.signoffs] == ["检查人", "被检查单位代表"]
    assert sheet.signoffs[1].signer == "陈振波"
    assert all(s.image_png.startswith(b"\x89PNG") for s in sheet.signoffs)
    assert [s.part for s in sheet.sections][::2] == ["办公环境", "日常管理", "后勤安全"]
    assert sheet.score is not None and 80 < sheet.score < 95
    reference = next(r for r in list_inspections(db) if r.id == sheet.inspection_id)
    assert (reference.findings, reference.status) == (2, InspectionStatus.COMPLETED)


def test_the_return_visit_shows_the_last_answers(demo_workspace):
    db = demo_workspace.db
    (visit,) = [r for r in list_inspections(db) if r.title == "回访检查"]
    sheet = inspection_sheet(db, str(visit.id))
    assert sheet.last_visit == date(2024, 3, 26)
    item = next(i for s in sheet.sections for i in s.items if i.key == "daily.1.2")
    assert (item.last.label, item.answer.label) == ("不符合", "基本符合")


def test_the_measures_are_owned_by_the_lead_branch_and_one_is_overdue(demo_workspace):
    rows = list_measures(demo_workspace.db, today=date(2025, 12, 31))
    assert {(row.owner, row.co_owner) for row in rows} == {
        ("综合服务中心党支部", "大坪供电所党支部")
    }
    assert {row.category: row.status for row in rows} == {
        FindingCategory.VAGUE_ASSESSMENT: MeasureStatus.IN_PROGRESS,
        FindingCategory.IRREGULAR_LEDGER: MeasureStatus.DONE,
    }
    (overdue,) = list_measures(demo_workspace.db, today=date(2025, 12, 31), overdue_only=True)
    assert overdue.category is FindingCategory.VAGUE_ASSESSMENT
    assert len(list_findings(demo_workspace.db)) == 2


def test_the_patrol_marked_two_pole_defects(demo_workspace):
    rows = list_assets(demo_workspace.db, line="10 kV 内冲线")
    pole = next(row for row in rows if row.kind is AssetKind.POLE and row.number == "37")
    (entry,) = asset_history(demo_workspace.db, pole.id)
    assert entry.state is AssetState.DEFECT and entry.patrolled_on == date(2024, 3, 26)
    healthy = next(row for row in rows if row.kind is AssetKind.POLE and row.number == "38")
    assert [h.state for h in asset_history(demo_workspace.db, healthy.id)] == [AssetState.NORMAL]
