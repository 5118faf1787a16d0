"""The demo database tells the reference case exactly."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.rosters.models import Person
from redpair_desktop.domain.enums import BranchKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.demo.loader import load_demo
from redpair_desktop.services.info import check_database, database_info
from redpair_desktop.services.org.branches import branch_summary, find_branch
from redpair_desktop.services.pairings.registry import list_pairings
from redpair_desktop.services.workspace import open_workspace


def summary_of(workspace, name):
    with workspace.db.read() as session:
        branch_id = find_branch(session, name).id
    return branch_summary(workspace.db, branch_id)


def test_the_service_centre_branch_has_19_staff_and_17_party_members(demo_workspace):
    summary = summary_of(demo_workspace, "综合服务中心党支部")
    assert summary.seal_name == "中共国网咸宁供电公司综合服务中心支部委员会"
    assert (summary.counts.staff, summary.counts.party_members) == (19, 17)
    for duty in ("后勤", "社保", "离退休", "职工健康"):
        assert duty in summary.unit_description


def test_the_daping_branch_has_15_staff_5_members_4_supply_service(demo_workspace):
    summary = summary_of(demo_workspace, "中共国网通城县供电公司大坪供电所支部委员会")
    assert summary.short_name == "大坪供电所党支部"
    assert summary.secretary_name == "陈振波"
    counts = summary.counts
    assert (counts.staff, counts.party_members, counts.supply_service_members) == (15, 5, 4)


def test_programme_statistics(demo_workspace):
    info = database_info(demo_workspace.db)
    assert info.stations == 66
    assert info.pairings == 46
    rows = list_pairings(demo_workspace.db)
    assert Counter(row.lead_kind for row in rows) == {
        BranchKind.HQ_DEPARTMENT: 18,
        BranchKind.URBAN_UNIT: 28,
    }
    assert min(row.started_on.year for row in rows) == 2021
    assert any(
        row.lead_branch == "综合服务中心党支部" and row.station_branch == "大坪供电所党支部"
        for row in rows
    )


def test_stations_sit_under_the_six_county_companies(demo_workspace):
    with demo_workspace.db.read() as session:
        stations = session.scalars(
            select(Branch).where(Branch.kind == str(BranchKind.SUPPLY_STATION))
        ).all()
        counties = Counter(branch.unit.parent.name for branch in stations)
    assert len(stations) == 66
    assert {name[2:4] for name in counties} == {"咸宁", "嘉鱼", "赤壁", "通城", "崇阳", "通山"}


def test_rare_characters_are_stored_exactly(demo_workspace):
    with demo_workspace.db.read() as session:
        names = set(session.scalars(select(Person.name)))
    assert {"王𠮷", "刘䶮", "阿依古丽·买买提"} <= names


def test_the_demo_is_the_same_every_time(tmp_path):
    def snapshot(directory):
        workspace = open_workspace(directory)
        load_demo(workspace)
        with workspace.db.read() as session:
            rows = session.execute(select(Person.id, Person.name, Person.birth_date)).all()
        workspace.close()
        return sorted(rows)

    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_a_second_demo_is_refused_and_changes_nothing(demo_workspace):
    before = database_info(demo_workspace.db)
    with pytest.raises(UserError, match="--reset"):
        load_demo(demo_workspace)
    assert database_info(demo_workspace.db) == before
    assert check_database(demo_workspace.db).ok
