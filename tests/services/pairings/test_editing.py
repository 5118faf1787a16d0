"""Registering, editing and terminating pairings: the checks, the change log, the file."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from redpair_desktop.db.change_log import ChangeLogEntry
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.enums import PairingStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.pairings.draft import PairingDraft
from redpair_desktop.domain.pairings.rules import PairingFlag
from redpair_desktop.services.org.branch_info import branch_info
from redpair_desktop.services.org.branches import find_branch
from redpair_desktop.services.pairings.editing import (
    create_pairing,
    edit_pairing,
    pairing_draft,
    terminate_pairing,
)
from redpair_desktop.services.pairings.registry import list_pairings
from redpair_desktop.services.workspace import open_workspace

CENTRE, DAPING, MAISHI = "综合服务中心党支部", "大坪供电所党支部", "麦市供电所党支部"
OFFICE = "办公室党支部"
TODAY = date(2026, 6, 1)


def branch_id(workspace, name: str) -> uuid.UUID:
    with workspace.db.read() as session:
        return find_branch(session, name).id


def draft(workspace, lead=CENTRE, station=MAISHI, **changes) -> PairingDraft:
    values = {
        "lead_branch_id": branch_id(workspace, lead),
        "station_branch_id": branch_id(workspace, station),
        "started_on": date(2026, 4, 1),
        "ended_on": date(2029, 4, 1),
    }
    return PairingDraft(**{**values, **changes})


def row_of(db, pairing_id, today=TODAY):
    return next(row for row in list_pairings(db, today) if row.id == pairing_id)


def pairing_count(workspace) -> int:
    with workspace.db.read() as session:
        return session.scalar(select(func.count()).select_from(Pairing))


def logged(workspace, pairing_id) -> list[str]:
    with workspace.db.read() as session:
        entries = session.scalars(
            select(ChangeLogEntry.action)
            .where(ChangeLogEntry.entity_id == pairing_id)
            .order_by(ChangeLogEntry.id)
        )
        return list(entries)


def test_a_new_pairing_is_stored_logged_and_read_back_from_the_file(demo_data_dir):
    workspace = open_workspace(demo_data_dir)
    lead_liaison = branch_info(workspace.db, branch_id(workspace, CENTRE)).members[0]
    station_liaison = branch_info(workspace.db, branch_id(workspace, MAISHI)).members[0]
    new = draft(
        workspace,
        lead_liaison_id=lead_liaison.person_id,
        station_liaison_id=station_liaison.person_id,
        notes="  每季度联合开展一次主题党日。 ",
    )
    pairing_id = create_pairing(workspace.db, new)
    workspace.close()

    workspace = open_workspace(demo_data_dir)
    row = row_of(workspace.db, pairing_id)
    assert (row.lead_branch, row.station_branch) == (CENTRE, MAISHI)
    assert (row.started_on, row.ended_on) == (date(2026, 4, 1), date(2029, 4, 1))
    assert (row.stored_status, row.status) == (PairingStatus.SIGNED, PairingStatus.ACTIVE)
    assert (row.lead_liaison, row.station_liaison) == (lead_liaison.name, station_liaison.name)
    assert row.notes == "每季度联合开展一次主题党日。"
    assert logged(workspace, pairing_id) == ["insert"]
    assert pairing_draft(workspace.db, pairing_id).lead_liaison_id == lead_liaison.person_id
    workspace.close()


def test_editing_the_end_date_changes_the_status_shown(demo_workspace):
    db = demo_workspace.db
    pairing_id = create_pairing(db, draft(demo_workspace))
    stored = pairing_draft(db, pairing_id)
    edit_pairing(db, pairing_id, PairingDraft(**{**stored.__dict__, "ended_on": date(2026, 7, 1)}))
    row = row_of(db, pairing_id)
    assert row.ended_on == date(2026, 7, 1)
    assert (row.status, row.flags) == (PairingStatus.ACTIVE, (PairingFlag.ENDING_SOON,))
    assert row_of(db, pairing_id, date(2026, 7, 2)).flags == (PairingFlag.NOT_RENEWED,)
    assert logged(demo_workspace, pairing_id) == ["insert", "update"]


def test_a_pairing_in_preparation_stays_so_whatever_the_dates(demo_workspace):
    pairing_id = create_pairing(
        demo_workspace.db, draft(demo_workspace, status=PairingStatus.PREPARING)
    )
    assert row_of(demo_workspace.db, pairing_id, date(2030, 1, 1)).status is PairingStatus.PREPARING


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"lead": DAPING, "station": MAISHI},
            "“大坪供电所党支部”是供电所党支部，不能作为结对的牵头方",
        ),
        ({"lead": CENTRE, "station": OFFICE}, "“办公室党支部”不是供电所党支部"),
        ({"ended_on": date(2026, 4, 1)}, "结束日期必须晚于开始日期"),
        ({"ended_on": None}, "请填写结束日期"),
        ({"station": DAPING}, "已有一段结对（2024-03-26 至 2027-03-26），日期与之重叠"),
        ({"status": PairingStatus.TERMINATED}, "只能登记为筹备或已签约"),
        ({"status": PairingStatus.ACTIVE}, "只能登记为筹备或已签约"),
        ({"notes": "记" * 2001}, "备注不能超过 2000 个字"),
    ],
)
def test_bad_pairings_are_refused_and_nothing_is_written(demo_workspace, changes, message):
    names = {key: changes.pop(key) for key in ("lead", "station") if key in changes}
    before = pairing_count(demo_workspace)
    with pytest.raises(UserError, match=message):
        create_pairing(demo_workspace.db, draft(demo_workspace, **names, **changes))
    assert pairing_count(demo_workspace) == before


def test_a_liaison_must_be_on_the_roster_of_their_own_branch(demo_workspace):
    outsider = branch_info(demo_workspace.db, branch_id(demo_workspace, DAPING)).members[0]
    before = pairing_count(demo_workspace)
    for side, branch in (("lead_liaison_id", CENTRE), ("station_liaison_id", MAISHI)):
        with pytest.raises(UserError, match=f"所选联络员不在“{branch}”的花名册上"):
            create_pairing(demo_workspace.db, draft(demo_workspace, **{side: outsider.person_id}))
    assert pairing_count(demo_workspace) == before


def test_a_renewal_may_start_on_the_day_the_previous_pairing_ends(demo_workspace):
    db = demo_workspace.db
    renewal = create_pairing(
        db,
        draft(
            demo_workspace,
            station=DAPING,
            started_on=date(2027, 3, 26),
            ended_on=date(2030, 3, 26),
        ),
    )
    reference = next(
        row
        for row in list_pairings(db, date(2027, 6, 1))
        if row.station_branch == DAPING and row.id != renewal
    )
    assert (reference.status, reference.flags) == (PairingStatus.EXPIRED, ())


def test_an_edit_cannot_move_a_pairing_onto_another_of_the_same_two(demo_workspace):
    db = demo_workspace.db
    pairing_id = create_pairing(
        db, draft(demo_workspace, station=DAPING, started_on=date(2027, 3, 26))
    )
    moved = draft(demo_workspace, station=DAPING, started_on=date(2027, 1, 1))
    with pytest.raises(UserError, match="日期与之重叠"):
        edit_pairing(db, pairing_id, moved)
    assert pairing_draft(db, pairing_id).started_on == date(2027, 3, 26)


def test_terminating_records_the_day_and_keeps_the_pairing(demo_workspace):
    db = demo_workspace.db
    pairing_id = create_pairing(db, draft(demo_workspace))
    with pytest.raises(UserError, match="终止日期不能早于开始日期"):
        terminate_pairing(db, pairing_id, date(2026, 3, 1))
    with pytest.raises(UserError, match="已于 2029-04-01 到期"):
        terminate_pairing(db, pairing_id, date(2029, 5, 1))
    terminate_pairing(db, pairing_id, date(2026, 5, 20))
    row = row_of(db, pairing_id)
    assert (row.status, row.terminated_on) == (PairingStatus.TERMINATED, date(2026, 5, 20))
    with pytest.raises(UserError, match="该结对已经终止"):
        terminate_pairing(db, pairing_id, date(2026, 5, 21))
    # An edit keeps it terminated, and a new pairing of the same two may follow at once.
    edit_pairing(db, pairing_id, draft(demo_workspace, notes="机构调整"))
    assert row_of(db, pairing_id).stored_status is PairingStatus.TERMINATED
    create_pairing(db, draft(demo_workspace, started_on=date(2026, 6, 1)))
    assert logged(demo_workspace, pairing_id) == ["insert", "update", "update"]
