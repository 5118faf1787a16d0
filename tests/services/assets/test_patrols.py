"""The asset register and line patrols: a 128-pole line, a patrol where every asset is 正常
until a defect is marked, each asset's history across patrols, unknown numbers refused."""

from __future__ import annotations

from datetime import date

import pytest

from redpair_desktop.domain.assets.codes import AssetKind, AssetState, DefectType
from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.assets.patrols import (
    asset_history,
    complete_patrol,
    mark_defect,
    open_patrol,
    patrol,
)
from redpair_desktop.services.assets.register import add_line, add_transformer, list_assets
from redpair_desktop.services.workspace import open_workspace


@pytest.fixture
def line(workspace, station):
    db = workspace.db
    line_id = add_line(db, "10 kV 内冲线", station, poles=128, serves="通城瑶族村")
    for n in range(1, 5):
        add_transformer(db, line_id, AssetKind.PUBLIC_TRANSFORMER, f"内冲村{n}号公变", f"G{n}", 200)
        add_transformer(db, line_id, AssetKind.DEDICATED_TRANSFORMER, f"专变{n}", f"Z{n}", 315)
    return line_id


def test_the_register_lists_the_line_its_poles_then_its_transformers(workspace, line):
    rows = list_assets(workspace.db, line="内冲线")
    assert [row.kind for row in rows[:2]] == [AssetKind.LINE, AssetKind.POLE]
    assert [row.number for row in rows[1:129]] == [str(n) for n in range(1, 129)]
    assert rows[128].name == "内冲线128号杆"
    assert sum(row.kind is AssetKind.PUBLIC_TRANSFORMER for row in rows) == 4
    assert sum(row.kind is AssetKind.DEDICATED_TRANSFORMER for row in rows) == 4
    assert {row.line for row in rows} == {"10 kV 内冲线"}
    with pytest.raises(UserError, match="没有名为“外冲线”的线路"):
        list_assets(workspace.db, line="外冲线")


def test_a_128_pole_patrol_opens_with_every_asset_normal(data_dir, workspace, line):
    # How fast it opens is measured by benchmarks/patrol.py, not here.
    db = workspace.db
    patrol_id = open_patrol(db, line, date(2024, 3, 26), "陈振波")
    view = patrol(db, patrol_id)
    assert len(view.assets) == 136
    assert all(asset.state is AssetState.NORMAL for asset in view.assets)

    mark_defect(db, patrol_id, "17", DefectType.BIRD_NEST, "横担上有鸟窝")
    mark_defect(db, patrol_id, "88号杆", DefectType.TILT, "杆身向路侧倾斜约 5°")
    workspace.close()
    reopened = open_workspace(data_dir)
    view = patrol(reopened.db, patrol_id)
    marked = {a.number: a.defects[0].type for a in view.assets if a.state is AssetState.DEFECT}
    assert marked == {"17": DefectType.BIRD_NEST, "88": DefectType.TILT}
    assert view.defect_count == 2
    reopened.close()


def test_an_unknown_number_or_a_defect_that_does_not_fit_is_refused(workspace, line):
    db = workspace.db
    patrol_id = open_patrol(db, line, date(2024, 3, 26), "陈振波")
    with pytest.raises(UserError, match="内冲线没有编号为“129”的杆塔或变压器"):
        mark_defect(db, patrol_id, "129", DefectType.CRACK)
    with pytest.raises(UserError, match="“渗油”不适用于内冲线5号杆"):
        mark_defect(db, patrol_id, "5", DefectType.OIL_LEAK)
    mark_defect(db, patrol_id, "G2", DefectType.OIL_LEAK, "油枕下方渗油")
    assert patrol(db, patrol_id).defect_count == 1


def test_an_asset_shows_its_history_across_patrols(workspace, line):
    db = workspace.db
    first = open_patrol(db, line, date(2024, 3, 26), "陈振波")
    mark_defect(db, first, "17", DefectType.BIRD_NEST)
    complete_patrol(db, first)
    with pytest.raises(UserError, match="已结束"):
        mark_defect(db, first, "18", DefectType.CRACK)
    second = open_patrol(db, line, date(2024, 6, 20), "刘巡视")
    pole = next(a for a in patrol(db, second).assets if a.number == "17")
    history = asset_history(db, pole.asset_id)
    assert [(h.patrolled_on, h.state) for h in history] == [
        (date(2024, 6, 20), AssetState.NORMAL),
        (date(2024, 3, 26), AssetState.DEFECT),
    ]
    assert history[1].defects[0].type is DefectType.BIRD_NEST
