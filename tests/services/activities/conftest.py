"""An activity of the reference pairing on a copy of the demo database."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from redpair_desktop.domain.activities.codes import ActivityType
from redpair_desktop.domain.activities.draft import ActivityDraft
from redpair_desktop.services.activities.activities import create_activity
from redpair_desktop.services.agreements.builder import pairing_id


def draft_for(pairing: uuid.UUID, **changes: object) -> ActivityDraft:
    values: dict = {
        "type": ActivityType.THEMED_PARTY_DAY,
        "held_on": date(2024, 7, 1),
        "pairing_id": pairing,
        "title": "“七一”联合主题党日",
        "place": "综合服务中心三楼会议室",
        "hosts": ("陈振波",),
        "agenda": "重温入党誓词",
    }
    return ActivityDraft(**(values | changes))


@pytest.fixture
def reference_pairing(demo_workspace) -> uuid.UUID:
    return pairing_id(demo_workspace.db, "demo")


@pytest.fixture
def activity_id(demo_workspace, reference_pairing) -> uuid.UUID:
    return create_activity(demo_workspace.db, draft_for(reference_pairing))
