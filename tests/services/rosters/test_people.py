"""The editor's service: saving refuses what the rules refuse; transfers move the counts."""

from __future__ import annotations

from datetime import date

import pytest

from redpair_desktop.services.org.branches import branch_summary, find_branch
from redpair_desktop.services.rosters.people import (
    RecordInvalid,
    editor_values,
    person_history,
    remove_from_roster,
    save_person,
    transfer_member,
)
from redpair_desktop.services.rosters.query import load_roster
from tests.conftest import valid_id


def counts(workspace, name):
    with workspace.db.read() as session:
        branch_id = find_branch(session, name).id
    return branch_summary(workspace.db, branch_id).counts


def new_person(**changes):
    values = {"name": "孙八", "category": "正式党员", "branch": "大坪供电所党支部",
              "joined_on": "2015-07-01", "confirmed_on": "2016-07-01"}  # fmt: skip
    values.update(changes)
    return values


def test_a_bad_id_number_is_refused_with_the_reason(demo_workspace):
    with pytest.raises(RecordInvalid) as refused:
        save_person(demo_workspace.db, new_person(id_number="421281199001011239"))
    assert "id_number" in refused.value.errors
    assert counts(demo_workspace, "大坪供电所党支部").staff == 15


def test_a_good_person_is_saved_and_counted(demo_workspace):
    good = valid_id("42128119900101123")
    membership = save_person(demo_workspace.db, new_person(id_number=good, supply_service=True))
    after = counts(demo_workspace, "大坪供电所党支部")
    assert (after.staff, after.party_members, after.supply_service_members) == (16, 6, 5)
    values = editor_values(demo_workspace.db, membership)
    assert values["id_number"] == good and values["birth_date"] == date(1990, 1, 1)


def test_the_same_id_number_twice_is_refused(demo_workspace):
    good = valid_id("42128119900101123")
    save_person(demo_workspace.db, new_person(id_number=good))
    with pytest.raises(RecordInvalid) as refused:
        save_person(demo_workspace.db, new_person(name="孙九", id_number=good))
    assert "孙八" in refused.value.errors["id_number"]


def test_editing_keeps_the_entry_and_refuses_a_branch_change(demo_workspace):
    membership = save_person(demo_workspace.db, new_person())
    changed = save_person(demo_workspace.db, new_person(phone="13800138000"), membership)
    assert changed == membership
    with pytest.raises(RecordInvalid) as refused:
        save_person(demo_workspace.db, new_person(branch="综合服务中心党支部"), membership)
    assert "调转" in refused.value.errors["branch"]


def test_a_transfer_moves_the_counts_and_records_both_dates(demo_workspace):
    membership = save_person(demo_workspace.db, new_person())
    today = date.today()
    moved = transfer_member(demo_workspace.db, membership, "综合服务中心党支部", today)
    assert counts(demo_workspace, "大坪供电所党支部").party_members == 5
    assert counts(demo_workspace, "综合服务中心党支部").party_members == 18
    history = person_history(demo_workspace.db, moved)
    assert [(h.branch, h.started_on, h.ended_on) for h in history] == [
        ("大坪供电所党支部", today, today),
        ("综合服务中心党支部", today, None),
    ]
    assert history[0].end_reason is not None and history[1].end_reason is None


def test_a_transfer_before_the_entry_date_is_refused(demo_workspace):
    membership = save_person(demo_workspace.db, new_person())
    with pytest.raises(Exception, match="不能早于"):
        transfer_member(demo_workspace.db, membership, "综合服务中心党支部", date(2000, 1, 1))


def test_a_transfer_to_the_same_branch_is_refused(demo_workspace):
    membership = save_person(demo_workspace.db, new_person())
    with pytest.raises(Exception, match="已在"):
        transfer_member(demo_workspace.db, membership, "大坪供电所党支部", date.today())


def test_search_keys_find_people_by_pinyin_initials(demo_workspace):
    snapshot = load_roster(demo_workspace.db)
    found = [snapshot.columns["name"][i] for i, k in enumerate(snapshot.search_keys) if "czb" in k]
    assert "陈振波" in found


def test_removing_someone_ends_the_entry_keeps_the_history_and_drops_the_counts(demo_workspace):
    membership = save_person(demo_workspace.db, new_person())
    remove_from_roster(demo_workspace.db, membership, date.today())
    assert counts(demo_workspace, "大坪供电所党支部").party_members == 5
    history = person_history(demo_workspace.db, membership)
    assert history[-1].ended_on == date.today() and history[-1].end_reason.value == "left"
    with pytest.raises(Exception, match="找不到"):
        remove_from_roster(demo_workspace.db, membership, date.today())
