"""The demo holds the reference launch ceremony: 17 members of 综合服务中心 signed the pledge."""

from __future__ import annotations

from datetime import date

from redpair_desktop.domain.activities.pledge import DEFAULT_PLEDGE
from redpair_desktop.services.activities.attendance import attendance_log, expected_list
from redpair_desktop.services.activities.pledges import signatures
from redpair_desktop.services.activities.run_sheet import run_sheet
from redpair_desktop.services.activities.sheets import activity_id, sheet


def test_the_reference_ceremony_has_17_signatures_under_the_pledge(demo_workspace):
    ceremony = sheet(demo_workspace.db, "demo")
    assert (ceremony.type_label, ceremony.held_on) == ("启动仪式/签约仪式", date(2024, 3, 26))
    assert ceremony.branches == ("综合服务中心党支部", "大坪供电所党支部")
    assert "陈振波" in ceremony.hosts and len(ceremony.hosts) == 2
    assert (ceremony.pledge_title, ceremony.pledge_text) == (
        DEFAULT_PLEDGE.title,
        DEFAULT_PLEDGE.text,
    )
    assert ceremony.pledge_sha256 == DEFAULT_PLEDGE.sha256
    signed = [e for e in ceremony.entries if e.signature_png]
    assert len(signed) == 17
    assert {e.branch for e in signed} == {"综合服务中心党支部"}
    assert all(e.signature_png.startswith(b"\x89PNG") and e.signed_at for e in signed)
    counts = ceremony.counts
    assert (counts.expected, counts.present, counts.excused, counts.absent) == (22, 21, 1, 0)
    (excused,) = [e for e in ceremony.entries if e.status == "excused"]
    assert excused.branch == "大坪供电所党支部" and excused.reason
    assert excused.name != "陈振波"


def test_the_ceremony_happened_that_morning_and_its_run_sheet_is_ticked(demo_workspace):
    db = demo_workspace.db
    found = activity_id(db, "demo")
    log = attendance_log(db, found)
    assert len(log) == 22 + 17  # 21 check-ins, 1 请假, 17 signatures
    local = [e.at.astimezone().date() for e in log]
    assert set(local) <= {date(2024, 3, 26), date(2024, 3, 25)}  # whatever the machine's zone
    assert [e.at for e in log] == sorted(e.at for e in log)
    assert all(item.ticked for item in run_sheet(db, found))
    strokes = signatures(db, found)
    assert len({s.signature_sha256 for s in strokes}) == 17  # everyone signs differently
    assert all(p.badge_code for p in expected_list(db, found))
