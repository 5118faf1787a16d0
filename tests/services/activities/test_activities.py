"""Recording activities and listing them with their counts."""

from __future__ import annotations

from datetime import date

import pytest

from redpair_desktop.domain.activities.codes import ActivityType
from redpair_desktop.domain.errors import RecordInvalid, UserError
from redpair_desktop.services.activities.activities import (
    activity,
    create_activity,
    edit_activity,
    list_activities,
)
from redpair_desktop.services.activities.attendance import check_in, mark_excused
from redpair_desktop.services.pairings.registry import list_pairings
from redpair_desktop.services.workspace import open_workspace
from tests.services.activities.conftest import draft_for


def test_a_created_activity_is_listed_with_its_counts_after_reopening(
    demo_workspace, reference_pairing
):
    made = create_activity(demo_workspace.db, draft_for(reference_pairing, title=" 主题党日 "))
    check_in(demo_workspace.db, made, "陈振波")
    (member,) = [r for r in _list(demo_workspace) if r.id == made]
    demo_workspace.close()

    reopened = open_workspace(demo_workspace.data_dir)
    rows = list_activities(reopened.db)
    reopened.close()
    assert [r.held_on for r in rows] == [date(2024, 7, 1), date(2024, 3, 26)]  # newest first
    row = rows[0]
    assert (row.id, row.type, row.title) == (made, ActivityType.THEMED_PARTY_DAY, "主题党日")
    assert (row.expected, row.present, row.excused, row.absent) == (22, 1, 0, 0)
    assert row.pairing == "综合服务中心党支部—大坪供电所党支部"
    assert member == row


def test_counts_follow_statuses_and_the_list_is_filtered_by_pairing(
    demo_workspace, activity_id, reference_pairing
):
    from redpair_desktop.services.activities.attendance import expected_list

    people = expected_list(demo_workspace.db, activity_id)
    mark_excused(demo_workspace.db, activity_id, people[0].id, "出差")
    (row,) = [
        r for r in list_activities(demo_workspace.db, reference_pairing) if r.id == activity_id
    ]
    assert (row.expected, row.present, row.excused, row.absent) == (22, 0, 1, 0)
    assert all(r.pairing_id == reference_pairing for r in _list(demo_workspace))


def test_an_activity_is_edited_but_keeps_its_pairing(
    demo_workspace, activity_id, reference_pairing
):
    edit_activity(
        demo_workspace.db,
        activity_id,
        draft_for(reference_pairing, place="大坪供电所", hosts=("甲", " ", "乙")),
    )
    detail = activity(demo_workspace.db, activity_id)
    assert (detail.draft.place, detail.draft.hosts) == ("大坪供电所", ("甲", "乙"))
    assert detail.branches == ("综合服务中心党支部", "大坪供电所党支部")
    other = next(p.id for p in list_pairings(demo_workspace.db) if p.id != reference_pairing)
    with pytest.raises(UserError, match="不能更改"):
        edit_activity(demo_workspace.db, activity_id, draft_for(other))


def test_a_draft_without_a_title_is_refused(demo_workspace, reference_pairing):
    before = len(_list(demo_workspace))
    with pytest.raises(RecordInvalid) as refused:
        create_activity(demo_workspace.db, draft_for(reference_pairing, title="  "))
    assert set(refused.value.errors) == {"title"}
    assert len(_list(demo_workspace)) == before


def test_an_unknown_activity_is_refused(demo_workspace):
    import uuid

    with pytest.raises(UserError, match="找不到编号"):
        activity(demo_workspace.db, uuid.uuid4())


def _list(workspace):
    return list_activities(workspace.db)
