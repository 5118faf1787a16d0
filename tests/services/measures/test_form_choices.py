"""What the window's forms offer: the owners of a new measure (the leading branches, the
station's pairing lead first choice) and the visits a submitted measure may be verified at
(inspections of its station on or after the submission); the board's last entry and the
evidence thumbnail of the log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.draft import InspectionStart
from redpair_desktop.domain.measures.codes import FindingCategory, MeasureEntryKind, Priority
from redpair_desktop.services.inspections.runs import start_inspection
from redpair_desktop.services.measures.board import list_measures, measure_log
from redpair_desktop.services.measures.findings import add_finding
from redpair_desktop.services.measures.measures import (
    Evidence,
    MeasureDraft,
    add_progress,
    create_measure,
    owner_choices,
    submit_for_verification,
    verification_visits,
    verify_measure,
)


@pytest.fixture
def finding(workspace, station):
    return add_finding(workspace.db, station, FindingCategory.IRREGULAR_LEDGER,
                       "工作票未按月装订", date(2024, 3, 26))  # fmt: skip


def test_the_owners_offered_are_the_leading_branches(workspace, branches, finding):
    lead, station = branches
    choices = owner_choices(workspace.db, finding)
    assert [o.id for o in choices.owners] == [lead]  # the station's own branch cannot own it
    assert choices.lead is None  # no pairing yet: the form asks for the owner
    assert (choices.station.id, choices.station.name) == (station, "大坪供电所党支部")


def test_visits_are_those_on_or_after_the_submission(workspace, branches, finding, photo):
    db, (lead, station) = workspace.db, branches
    draft = MeasureDraft(finding, "指导建立工作票台账", date(2024, 5, 31), Priority.MEDIUM, lead)
    measure = create_measure(db, draft)
    earlier = start_inspection(db, InspectionStart(station, date(2024, 3, 1), ("daily",)))
    assert [v.id for v in verification_visits(db, measure)] == [earlier]  # not submitted yet
    add_progress(db, measure, "补齐台账", "李帮扶", Evidence(photo, workspace.data_dir))
    submit_for_verification(db, measure, "台账已建立")
    assert verification_visits(db, measure) == []
    with pytest.raises(UserError, match="早于措施提请验证"):
        verify_measure(db, measure, earlier, True)
    today = date.today()
    visit = start_inspection(db, InspectionStart(station, today + timedelta(days=1), ("daily",)))
    (offered,) = verification_visits(db, measure)
    assert (offered.id, offered.held_on) == (visit, today + timedelta(days=1))

    (row,) = list_measures(db)
    assert row.station_branch_id == station
    assert row.last_entry is not None and row.last_entry.kind is MeasureEntryKind.SUBMITTED
    progress = measure_log(db, measure)[0]
    assert progress.thumbnail_path and (workspace.data_dir / progress.thumbnail_path).is_file()
