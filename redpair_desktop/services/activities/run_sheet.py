"""The launch ceremony's run-sheet (宣读协议 → 签字 → 交换文本 → 承诺宣读签名 → 合影): each tick
lands in the activity's record, and every change of it in the change log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.activities.models import RunSheetTick
from redpair_desktop.db.database import Database
from redpair_desktop.domain.activities.codes import LAUNCH_STEPS, ActivityType, RunSheetStep
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.services.activities.records import get_activity


@dataclass(frozen=True)
class RunSheetItem:
    step: RunSheetStep
    label: str
    ticked: bool
    ticked_at: datetime | None  # when it was last ticked or unticked
    ticked_by: str | None


def run_sheet(db: Database, activity_id: uuid.UUID) -> list[RunSheetItem]:
    """The activity's steps in order with their ticks; empty for a type without a run-sheet."""
    with db.read() as session:
        return _items(session, activity_id)


def tick_step(
    db: Database, activity_id: uuid.UUID, step: RunSheetStep, ticked: bool = True
) -> list[RunSheetItem]:
    """Tick (or untick) one step; returns the whole run-sheet."""
    with db.write() as session:
        set_tick(session, activity_id, step, ticked)
        session.flush()
        return _items(session, activity_id)


def set_tick(session: Session, activity_id: uuid.UUID, step: RunSheetStep, ticked: bool) -> None:
    """``tick_step`` inside an open write session."""
    activity = get_activity(session, activity_id)
    if not ActivityType(activity.type).has_run_sheet:
        raise UserError(_("只有启动仪式/签约仪式有流程单。"))
    row = _ticks(session, activity_id).get(step)
    if row is None:
        session.add(RunSheetTick(activity_id=activity_id, step=step.value, ticked=ticked))
    elif row.ticked != ticked:
        row.ticked = ticked


def _ticks(session: Session, activity_id: uuid.UUID) -> dict[RunSheetStep, RunSheetTick]:
    rows = session.scalars(select(RunSheetTick).where(RunSheetTick.activity_id == activity_id))
    return {RunSheetStep(row.step): row for row in rows}


def _items(session: Session, activity_id: uuid.UUID) -> list[RunSheetItem]:
    activity = get_activity(session, activity_id)
    if not ActivityType(activity.type).has_run_sheet:
        return []
    ticks = _ticks(session, activity_id)
    return [
        RunSheetItem(
            step,
            label(step),
            bool(ticks.get(step) and ticks[step].ticked),
            ticks[step].updated_at if step in ticks else None,
            ticks[step].updated_by if step in ticks else None,
        )
        for step in LAUNCH_STEPS
    ]
