"""The expected list and check-in: by name, pinyin initials or badge; refusals never guess."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from redpair_desktop.db.activities.models import AttendanceEvent
from redpair_desktop.domain.activities.badges import badge_code
from redpair_desktop.domain.activities.codes import AttendanceEventKind, AttendanceStatus
from redpair_desktop.domain.errors import AmbiguousEntry, UserError
from redpair_desktop.domain.pinyin_keys import name_keys
from redpair_desktop.services.activities.attendance import (
    add_guest,
    attendance_log,
    check_in,
    check_in_attendee,
    counts,
    expected_list,
    live_status,
    mark_absent,
    mark_excused,
    undo,
)
from redpair_desktop.services.workspace import open_workspace

LEAD, STATION = "综合服务中心党支部", "大坪供电所党支部"


def test_the_expected_list_holds_both_branches_party_members(demo_workspace, activity_id):
    people = expected_list(demo_workspace.db, activity_id)
    assert [p.unit for p in people] == [LEAD] * 17 + [STATION] * 5
    assert "陈振波" in [p.name for p in people if p.unit == STATION]
    assert {p.role for p in people} <= {"正式党员", "预备党员"}
    assert all(p.status is AttendanceStatus.EXPECTED for p in people)
    assert len({p.badge_code for p in people}) == 22
    assert counts(demo_workspace.db, activity_id).expected == 22


def test_17_members_check_in_by_name_and_by_pinyin_initials(demo_workspace, activity_id):
    people = expected_list(demo_workspace.db, activity_id)
    lead = [p for p in people if p.unit == LEAD]
    initials = [name_keys(p.name)[0] for p in people]
    for index, person in enumerate(lead):
        unique = initials.count(name_keys(person.name)[0]) == 1
        text = name_keys(person.name)[0].upper() if index % 2 and unique else person.name
        assert check_in(demo_workspace.db, activity_id, text).id == person.id
    demo_workspace.close()

    reopened = open_workspace(demo_workspace.data_dir)
    tally = counts(reopened.db, activity_id)
    present = [p for p in expected_list(reopened.db, activity_id) if p.status == "present"]
    reopened.close()
    assert (tally.expected, tally.present, tally.excused, tally.absent) == (22, 17, 0, 0)
    assert {p.id for p in present} == {p.id for p in lead}
    assert all(p.checked_in_at is not None for p in present)


def test_a_second_check_in_is_refused_naming_the_time(demo_workspace, activity_id):
    first = check_in(demo_workspace.db, activity_id, "陈振波")
    local = first.checked_in_at.astimezone()
    with pytest.raises(UserError) as refused:
        check_in(
            demo_workspace.db,
            activity_id,
            "czb" if _unique(demo_workspace, activity_id, "czb") else "陈振波",
        )
    assert (
        refused.value.message == f"陈振波 已于 {local.hour}:{local.minute:02d} 签到，不必重复签到。"
    )
    with pytest.raises(UserError, match="已于"):
        check_in_attendee(demo_workspace.db, activity_id, first.id)
    assert _events(demo_workspace, activity_id) == 1


def test_initials_that_fit_two_people_list_both_with_their_unit(demo_workspace, activity_id):
    zhang = add_guest(demo_workspace.db, activity_id, "张伟", "党委党建部")
    zhao = add_guest(demo_workspace.db, activity_id, "赵薇", "党委组织部", "联络员")
    with pytest.raises(AmbiguousEntry) as refused:
        check_in(demo_workspace.db, activity_id, "zw")
    assert "张伟（党委党建部）" in refused.value.message
    assert "赵薇（党委组织部）" in refused.value.message
    assert {c.id for c in refused.value.choices} == {zhang.id, zhao.id}
    assert all(p.status == "expected" for p in expected_list(demo_workspace.db, activity_id))
    chosen = check_in_attendee(demo_workspace.db, activity_id, zhao.id)
    assert (chosen.status, chosen.role, chosen.is_guest) == ("present", "联络员", True)
    assert zhang.role == "来宾"
    assert counts(demo_workspace.db, activity_id).expected == 22  # guests are not counted


def test_a_badge_checks_in_and_a_strange_one_is_refused(demo_workspace, activity_id):
    person = expected_list(demo_workspace.db, activity_id)[3]
    assert check_in(demo_workspace.db, activity_id, person.badge_code.lower()).id == person.id
    with pytest.raises(UserError, match="不属于本次活动"):
        check_in(demo_workspace.db, activity_id, badge_code(uuid.uuid4()))
    with pytest.raises(UserError, match="不是有效的胸牌码"):
        check_in(demo_workspace.db, activity_id, person.badge_code[:-3])
    with pytest.raises(UserError, match="名单上没有"):
        check_in(demo_workspace.db, activity_id, "诸葛亮")
    with pytest.raises(UserError, match="请输入姓名"):
        check_in(demo_workspace.db, activity_id, "  ")
    assert _events(demo_workspace, activity_id) == 1


def test_excused_absent_and_undo_keep_every_event(demo_workspace, activity_id):
    db = demo_workspace.db
    a, b, c = expected_list(db, activity_id)[:3]
    with pytest.raises(UserError, match="请假原因"):
        mark_excused(db, activity_id, a.id, " ")
    assert mark_excused(db, activity_id, a.id, "外出 培训").reason == "外出 培训"
    assert mark_absent(db, activity_id, b.id).status == "absent"
    check_in_attendee(db, activity_id, c.id)
    with pytest.raises(UserError, match="请先撤销签到"):
        mark_absent(db, activity_id, c.id)
    assert undo(db, activity_id, c.id).status == "expected"
    with pytest.raises(UserError, match="无需撤销"):
        undo(db, activity_id, c.id)
    check_in_attendee(db, activity_id, a.id)  # came after all
    assert (counts(db, activity_id).present, counts(db, activity_id).excused) == (1, 0)
    log = attendance_log(db, activity_id)
    assert [e.kind for e in log] == [
        AttendanceEventKind.EXCUSED,
        AttendanceEventKind.ABSENT,
        AttendanceEventKind.CHECK_IN,
        AttendanceEventKind.UNDO,
        AttendanceEventKind.CHECK_IN,
    ]
    assert _events(demo_workspace, activity_id) == 5
    assert live_status(db, activity_id).counts.present == 1


def test_someone_from_another_activity_is_not_on_this_list(demo_workspace, activity_id):
    from redpair_desktop.services.activities.sheets import activity_id as find

    stranger = expected_list(demo_workspace.db, find(demo_workspace.db, "demo"))[0]
    with pytest.raises(UserError, match="不在本次活动的名单上"):
        check_in_attendee(demo_workspace.db, activity_id, stranger.id)


def _unique(workspace, activity_id, initials):
    people = expected_list(workspace.db, activity_id)
    return [name_keys(p.name)[0] for p in people].count(initials) == 1


def _events(workspace, activity_id) -> int:
    with workspace.db.read() as session:
        query = select(func.count()).where(AttendanceEvent.activity_id == activity_id)
        return session.scalar(query.where(AttendanceEvent.kind != "guest_added"))
