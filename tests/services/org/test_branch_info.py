"""A branch's secretary, duties and goal; its pairing partners on its page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from redpair_desktop.db.change_log import ChangeLogEntry
from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.enums import PairingStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.org.branch_info import branch_info, save_branch_info
from redpair_desktop.services.org.branches import branch_summary, find_branch

DAPING = "大坪供电所党支部"
CENTRE = "综合服务中心党支部"


def branch_id(workspace, name: str):
    with workspace.db.read() as session:
        return find_branch(session, name).id


def test_the_form_offers_the_current_roster_and_the_stored_values(demo_workspace):
    info = branch_info(demo_workspace.db, branch_id(demo_workspace, DAPING))
    assert len(info.members) == 15
    secretary = next(m for m in info.members if m.person_id == info.secretary_id)
    assert secretary.name == "陈振波"
    assert info.unit_name == "国网通城县供电公司大坪供电所"


def test_saving_sets_all_three_in_one_logged_change(demo_workspace):
    db, daping = demo_workspace.db, branch_id(demo_workspace, DAPING)
    other = next(m for m in branch_info(db, daping).members if m.name != "陈振波")
    save_branch_info(
        db, daping, secretary_id=other.person_id, description="  抄表、收费、抢修  ", goal="零投诉"
    )
    summary = branch_summary(db, daping)
    assert (summary.secretary_name, summary.unit_description, summary.goal) == (
        other.name,
        "抄表、收费、抢修",
        "零投诉",
    )
    with db.read() as session:
        unit_id = session.get(Branch, daping).unit_id
        logged = set(
            session.execute(
                select(ChangeLogEntry.entity_id, ChangeLogEntry.action).where(
                    ChangeLogEntry.entity_id.in_([daping, unit_id]),
                    ChangeLogEntry.action == "update",
                )
            )
        )
    assert logged == {(daping, "update"), (unit_id, "update")}


def test_emptied_fields_are_stored_as_not_filled(demo_workspace):
    db, daping = demo_workspace.db, branch_id(demo_workspace, DAPING)
    save_branch_info(db, daping, secretary_id=None, description="   ", goal="")
    summary = branch_summary(db, daping)
    assert (summary.secretary_name, summary.unit_description, summary.goal) == (None, None, None)


def test_a_secretary_from_another_branch_is_refused_and_nothing_written(demo_workspace):
    db, daping = demo_workspace.db, branch_id(demo_workspace, DAPING)
    outsider = branch_info(db, branch_id(demo_workspace, CENTRE)).members[0]
    with pytest.raises(UserError, match="不在“大坪供电所党支部”的花名册上"):
        save_branch_info(db, daping, secretary_id=outsider.person_id, description="x", goal="y")
    summary = branch_summary(db, daping)
    assert (summary.secretary_name, summary.goal) == ("陈振波", None)


def test_an_overlong_goal_is_refused(demo_workspace):
    db, daping = demo_workspace.db, branch_id(demo_workspace, DAPING)
    with pytest.raises(UserError, match="支部目标不能超过 2000 个字"):
        save_branch_info(db, daping, secretary_id=None, description="", goal="标" * 2001)


def test_the_station_sees_its_lead_and_the_lead_its_stations(demo_workspace):
    db = demo_workspace.db
    (lead,) = branch_summary(db, branch_id(demo_workspace, DAPING)).partners
    assert (lead.name, lead.partner_leads, lead.status) == (CENTRE, True, PairingStatus.ACTIVE)
    assert lead.ended_on is not None and lead.started_on < lead.ended_on
    stations = branch_summary(db, branch_id(demo_workspace, CENTRE)).partners
    assert DAPING in [p.name for p in stations]
    assert not any(p.partner_leads for p in stations)
