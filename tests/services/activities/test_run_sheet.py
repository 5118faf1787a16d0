"""The launch ceremony's run-sheet."""

from __future__ import annotations

import pytest

from redpair_desktop.domain.activities.codes import ActivityType, RunSheetStep
from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.activities.activities import create_activity
from redpair_desktop.services.activities.run_sheet import run_sheet, tick_step
from tests.services.activities.conftest import draft_for


def test_steps_are_ticked_and_unticked_in_order(demo_workspace, reference_pairing):
    db = demo_workspace.db
    ceremony = create_activity(db, draft_for(reference_pairing, type=ActivityType.LAUNCH_CEREMONY))
    items = run_sheet(db, ceremony)
    assert [i.label for i in items] == ["宣读协议", "签字", "交换文本", "承诺宣读签名", "合影"]
    assert not any(i.ticked for i in items)
    tick_step(db, ceremony, RunSheetStep.READ_AGREEMENT)
    items = tick_step(db, ceremony, RunSheetStep.SIGN_AGREEMENT)
    assert [i.ticked for i in items] == [True, True, False, False, False]
    assert items[0].ticked_by == db.actor and items[0].ticked_at is not None
    items = tick_step(db, ceremony, RunSheetStep.READ_AGREEMENT, ticked=False)
    assert [i.ticked for i in items] == [False, True, False, False, False]


def test_other_activities_have_no_run_sheet(demo_workspace, activity_id):
    assert run_sheet(demo_workspace.db, activity_id) == []
    with pytest.raises(UserError, match="流程单"):
        tick_step(demo_workspace.db, activity_id, RunSheetStep.GROUP_PHOTO)
