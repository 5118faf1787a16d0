"""移出: the question's facts (secretary role, start date) and the stored date and reason."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from redpair_desktop.domain.enums import EndReason
from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.rosters.people import person_history, remove_from_roster
from redpair_desktop.services.rosters.query import load_roster
from redpair_desktop.services.rosters.removal import removal_facts


def membership_of(workspace, name: str):
    snapshot = load_roster(workspace.db)
    return snapshot.membership_ids[snapshot.columns["name"].index(name)]


def test_the_facts_say_whether_the_person_is_the_branch_secretary(demo_workspace):
    secretary = removal_facts(demo_workspace.db, uuid.UUID(membership_of(demo_workspace, "陈振波")))
    assert (secretary.branch, secretary.is_secretary) == ("大坪供电所党支部", True)
    assert secretary.started_on == date(2020, 1, 1)
    snapshot = load_roster(demo_workspace.db)
    other = next(
        m for m, b, n in zip(snapshot.membership_ids, snapshot.branch_short_names,
                             snapshot.columns["name"], strict=True)
        if b == "大坪供电所党支部" and n != "陈振波"
    )  # fmt: skip
    assert not removal_facts(demo_workspace.db, uuid.UUID(other)).is_secretary


def test_a_removal_keeps_its_date_and_reason(demo_workspace):
    membership = uuid.UUID(membership_of(demo_workspace, "陈振波"))
    remove_from_roster(demo_workspace.db, membership, date(2023, 5, 1), EndReason.RETIRED)
    last = person_history(demo_workspace.db, membership)[-1]
    assert (last.ended_on, last.end_reason) == (date(2023, 5, 1), EndReason.RETIRED)
    with pytest.raises(UserError, match="找不到"):
        removal_facts(demo_workspace.db, membership)


def test_a_removal_before_the_entry_began_or_as_a_transfer_is_refused(demo_workspace):
    membership = uuid.UUID(membership_of(demo_workspace, "陈振波"))
    with pytest.raises(UserError, match="2020-01-01"):
        remove_from_roster(demo_workspace.db, membership, date(2019, 12, 31), EndReason.DECEASED)
    with pytest.raises(ValueError, match="not a reason"):
        remove_from_roster(demo_workspace.db, membership, date.today(), EndReason.TRANSFERRED)
    assert removal_facts(demo_workspace.db, membership).name == "陈振波"
