"""Editing the organisation tree: every rule refuses with a reason, and every write is logged."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from redpair_desktop.db.change_log import ChangeLogEntry
from redpair_desktop.db.org.models import Branch, OrgUnit
from redpair_desktop.domain.enums import BranchKind, UnitKind
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.pairings.draft import PairingDraft
from redpair_desktop.services.org import editing
from redpair_desktop.services.org.branches import find_branch, load_org_tree
from redpair_desktop.services.pairings.editing import add_pairing

COUNTY = "国网通城县供电公司"
OTHER_COUNTY = "国网咸宁市咸安区供电公司"
DAPING_UNIT = "国网通城县供电公司大坪供电所"
DAPING = "大坪供电所党支部"
SERVICE_CENTRE = "综合服务中心党支部"


def unit_id(workspace, name: str) -> uuid.UUID:
    with workspace.db.read() as session:
        return session.scalars(
            select(OrgUnit.id).where(OrgUnit.name == name, OrgUnit.deleted_at.is_(None))
        ).one()


def branch_id(workspace, name: str) -> uuid.UUID:
    with workspace.db.read() as session:
        return find_branch(session, name).id


def top_id(workspace) -> uuid.UUID:
    return load_org_tree(workspace.db).units[0].id


def log_actions(workspace, entity_id: uuid.UUID) -> list[str]:
    with workspace.db.read() as session:
        return list(
            session.scalars(
                select(ChangeLogEntry.action)
                .where(ChangeLogEntry.entity_id == entity_id)
                .order_by(ChangeLogEntry.at, ChangeLogEntry.id)
            )
        )


def new_station(workspace, town: str = "新城") -> tuple[uuid.UUID, uuid.UUID]:
    """An empty supply station and its branch (no members, no pairing)."""
    db = workspace.db
    unit = editing.create_unit(
        db, unit_id(workspace, COUNTY), f"{COUNTY}{town}供电所", UnitKind.SUPPLY_STATION
    )
    branch = editing.create_branch(
        db,
        unit,
        f"中共{COUNTY}{town}供电所支部委员会",
        f"{town}供电所党支部",
        BranchKind.SUPPLY_STATION,
    )
    return unit, branch


def pair(workspace, lead_id: uuid.UUID, station_id: uuid.UUID, started_on: date) -> None:
    with workspace.db.write() as session:
        add_pairing(
            session,
            PairingDraft(
                lead_id, station_id, started_on, started_on.replace(year=started_on.year + 3)
            ),
        )


# --- creating -----------------------------------------------------------------------------


def test_a_new_unit_and_branch_join_the_tree_and_the_change_log(demo_workspace):
    unit, branch = new_station(demo_workspace)
    tree = load_org_tree(demo_workspace.db)
    node = next(u for u in tree.units if u.id == unit)
    assert (node.name, node.kind) == (f"{COUNTY}新城供电所", UnitKind.SUPPLY_STATION)
    assert node.parent_id == unit_id(demo_workspace, COUNTY)
    item = next(b for b in tree.branches if b.id == branch)
    assert (item.unit_id, item.short_name) == (unit, "新城供电所党支部")
    with demo_workspace.db.read() as session:
        assert find_branch(session, "中共国网通城县供电公司新城供电所支部委员会").id == branch
    assert log_actions(demo_workspace, unit) == ["insert"]
    assert log_actions(demo_workspace, branch) == ["insert"]


def test_unit_names_are_stripped_and_checked(demo_workspace):
    db, county = demo_workspace.db, unit_id(demo_workspace, COUNTY)
    created = editing.create_unit(db, county, "  新设部门  ", UnitKind.HQ_DEPARTMENT)
    assert next(u for u in load_org_tree(db).units if u.id == created).name == "新设部门"
    with pytest.raises(UserError, match="请填写单位名称"):
        editing.create_unit(db, county, "   ", UnitKind.HQ_DEPARTMENT)
    with pytest.raises(UserError, match="128"):
        editing.create_unit(db, county, "长" * 129, UnitKind.HQ_DEPARTMENT)
    with pytest.raises(UserError, match="顶层公司"):
        editing.create_unit(db, county, "第二公司", UnitKind.COMPANY)
    with pytest.raises(UserError, match="找不到目标单位"):
        editing.create_unit(db, uuid.uuid4(), "某单位", UnitKind.HQ_DEPARTMENT)


def test_a_branch_needs_a_seal_name_and_names_of_its_own(demo_workspace):
    db, unit = demo_workspace.db, unit_id(demo_workspace, DAPING_UNIT)
    with pytest.raises(UserError, match="不规范"):
        editing.create_branch(
            db, unit, "大坪第二党支部", "大坪第二党支部", BranchKind.SUPPLY_STATION
        )
    with pytest.raises(UserError, match=f"简称“{DAPING}”已被"):
        editing.create_branch(
            db, unit, "中共通城大坪第二支部委员会", DAPING, BranchKind.SUPPLY_STATION
        )
    seal = "中共国网通城县供电公司大坪供电所支部委员会"
    with pytest.raises(UserError, match=f"全称“{seal}”已被“{DAPING}”使用"):
        editing.create_branch(db, unit, seal, "大坪第二党支部", BranchKind.SUPPLY_STATION)
    with pytest.raises(UserError, match="请填写党支部简称"):
        editing.create_branch(db, unit, "中共大坪第二支部委员会", " ", BranchKind.SUPPLY_STATION)
    # A general branch (总支部委员会) is a valid seal name too.
    created = editing.create_branch(
        db, unit, "中共通城大坪总支部委员会", "大坪党总支", BranchKind.SUPPLY_STATION
    )
    assert branch_id(demo_workspace, "大坪党总支") == created


# --- renaming -----------------------------------------------------------------------------


def test_renaming_a_unit(demo_workspace):
    unit = unit_id(demo_workspace, DAPING_UNIT)
    editing.rename_unit(demo_workspace.db, unit, " 国网通城县供电公司大坪中心供电所 ")
    assert unit_id(demo_workspace, "国网通城县供电公司大坪中心供电所") == unit
    assert log_actions(demo_workspace, unit) == ["insert", "update"]
    with pytest.raises(UserError, match="请填写单位名称"):
        editing.rename_unit(demo_workspace.db, unit, "")


def test_renaming_a_branch_refuses_a_name_another_branch_has(demo_workspace):
    db, daping = demo_workspace.db, branch_id(demo_workspace, DAPING)
    with pytest.raises(UserError, match=f"简称“{SERVICE_CENTRE}”已被"):
        editing.rename_branch(db, daping, "中共通城大坪支部委员会", SERVICE_CENTRE)
    centre_seal = "中共国网咸宁供电公司综合服务中心支部委员会"
    with pytest.raises(UserError, match=f"全称“{centre_seal}”已被“{SERVICE_CENTRE}”使用"):
        editing.rename_branch(db, daping, centre_seal, "大坪党支部")
    with pytest.raises(UserError, match="不规范"):
        editing.rename_branch(db, daping, "中共大坪供电所", "大坪党支部")

    # Its own names are no clash: changing only the short name works.
    editing.rename_branch(db, daping, "中共国网通城县供电公司大坪供电所支部委员会", "大坪党支部")
    assert branch_id(demo_workspace, "大坪党支部") == daping
    with demo_workspace.db.read() as session:
        assert find_branch(session, DAPING) is None
    assert log_actions(demo_workspace, daping)[-1] == "update"


# --- moving -------------------------------------------------------------------------------


def test_moving_a_unit_under_another(demo_workspace):
    station, other = unit_id(demo_workspace, DAPING_UNIT), unit_id(demo_workspace, OTHER_COUNTY)
    editing.move_unit(demo_workspace.db, station, other)
    node = next(u for u in load_org_tree(demo_workspace.db).units if u.id == station)
    assert node.parent_id == other


def test_a_unit_cannot_move_under_itself_or_its_descendants(demo_workspace):
    db, county = demo_workspace.db, unit_id(demo_workspace, COUNTY)
    station = unit_id(demo_workspace, DAPING_UNIT)
    with pytest.raises(UserError, match="它自己或它的下级单位"):
        editing.move_unit(db, county, station)
    with pytest.raises(UserError, match="它自己或它的下级单位"):
        editing.move_unit(db, county, county)
    with pytest.raises(UserError, match="不能移动顶层公司"):
        editing.move_unit(db, top_id(demo_workspace), county)
    unit, branch = new_station(demo_workspace)
    editing.retire_branch(db, branch)
    editing.retire_unit(db, unit)
    with pytest.raises(UserError, match="找不到目标单位"):
        editing.move_unit(db, station, unit)
    assert next(u for u in load_org_tree(db).units if u.id == station).parent_id == county


def test_moving_a_branch_to_another_unit(demo_workspace):
    daping, other = branch_id(demo_workspace, DAPING), unit_id(demo_workspace, OTHER_COUNTY)
    editing.move_branch(demo_workspace.db, daping, other)
    item = next(b for b in load_org_tree(demo_workspace.db).branches if b.id == daping)
    assert item.unit_id == other
    with pytest.raises(UserError, match="找不到目标单位"):
        editing.move_branch(demo_workspace.db, daping, uuid.uuid4())


# --- retiring units -----------------------------------------------------------------------


def test_a_unit_with_children_or_branches_cannot_be_retired(demo_workspace):
    db = demo_workspace.db
    with pytest.raises(UserError, match="还有 11 个下级单位、0 个党支部"):
        editing.retire_unit(db, unit_id(demo_workspace, COUNTY))
    with pytest.raises(UserError, match="还有 0 个下级单位、1 个党支部"):
        editing.retire_unit(db, unit_id(demo_workspace, DAPING_UNIT))
    with pytest.raises(UserError, match="不能撤销顶层公司"):
        editing.retire_unit(db, top_id(demo_workspace))


def test_an_empty_unit_is_retired_softly(demo_workspace):
    db = demo_workspace.db
    unit = editing.create_unit(db, top_id(demo_workspace), "临时工作组", UnitKind.URBAN_UNIT)
    editing.retire_unit(db, unit)
    assert unit not in {u.id for u in load_org_tree(db).units}
    with db.read() as session:
        assert session.get(OrgUnit, unit).deleted_at is not None
    assert log_actions(demo_workspace, unit) == ["insert", "delete"]
    with pytest.raises(UserError, match="找不到该单位"):
        editing.rename_unit(db, unit, "又一个名字")


# --- retiring branches --------------------------------------------------------------------


def test_a_branch_with_people_on_its_roster_cannot_be_retired(demo_workspace):
    with pytest.raises(UserError, match=f"“{DAPING}”的花名册上还有 15 人.*转出或移除"):
        editing.retire_branch(demo_workspace.db, branch_id(demo_workspace, DAPING))
    assert branch_id(demo_workspace, DAPING)


def test_a_branch_in_an_active_pairing_cannot_be_retired(demo_workspace):
    db = demo_workspace.db
    _unit, station = new_station(demo_workspace)
    pair(demo_workspace, branch_id(demo_workspace, SERVICE_CENTRE), station, date.today())
    with pytest.raises(UserError, match=f"与“{SERVICE_CENTRE}”的结对仍在进行（进行中）"):
        editing.retire_branch(db, station)


def test_a_lead_branch_in_a_planned_pairing_cannot_be_retired(demo_workspace):
    db = demo_workspace.db
    lead = editing.create_branch(
        db,
        top_id(demo_workspace),
        "中共国网咸宁供电公司临时支部委员会",
        "临时党支部",
        BranchKind.URBAN_UNIT,
    )
    _unit, station = new_station(demo_workspace)
    pair(demo_workspace, lead, station, date.today() + timedelta(days=30))
    with pytest.raises(UserError, match="与“新城供电所党支部”的结对仍在进行（已签约）"):
        editing.retire_branch(db, lead)


def test_a_retired_branch_leaves_the_tree_and_the_lookups(demo_workspace):
    db = demo_workspace.db
    _unit, station = new_station(demo_workspace)
    # A pairing that ended long ago does not hold the branch back.
    pair(demo_workspace, branch_id(demo_workspace, SERVICE_CENTRE), station, date(2015, 3, 1))
    editing.retire_branch(db, station)
    assert station not in {b.id for b in load_org_tree(db).branches}
    with db.read() as session:
        assert find_branch(session, "新城供电所党支部") is None
        assert session.get(Branch, station).deleted_at is not None
    assert log_actions(demo_workspace, station) == ["insert", "delete"]
    with pytest.raises(UserError, match="找不到该党支部"):
        editing.retire_branch(db, station)
    # Its names are free again.
    _unit2, again = new_station(demo_workspace)
    assert again != station
