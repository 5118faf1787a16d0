"""The 问题与帮扶 operations the page runs on the database worker (``Backend.call``). Each
imports its service when it runs, on the worker, so the window paints before SQLAlchemy loads.
A photo arrives as a path (imported) or an image (pasted, written to a file here)."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from redpair_desktop.ui.widgets.photo_source import pasted_file

if TYPE_CHECKING:
    from datetime import date

    from redpair_desktop.domain.measures.codes import FindingCategory, Priority
    from redpair_desktop.services.measures.board import EntryRow, MeasureRow
    from redpair_desktop.services.measures.findings import FindingRow
    from redpair_desktop.services.measures.measures import OwnerChoices, Visit
    from redpair_desktop.services.org.tree import OrgTree
    from redpair_desktop.services.workspace import Workspace

Photo = Path | QImage  # imported from a file, or pasted


@dataclass(frozen=True)
class FindingItem:
    row: FindingRow
    measures: int

    @property
    def id(self) -> uuid.UUID:
        return self.row.id


@dataclass(frozen=True)
class Board:
    findings: list[FindingItem]
    measures: list[MeasureRow]


@dataclass(frozen=True)
class Draft:
    """制定帮扶措施 as the form holds it (the co-owner is the finding's station)."""

    finding_id: uuid.UUID
    title: str
    due_on: date
    priority: Priority
    owner_id: uuid.UUID | None


@dataclass(frozen=True)
class LogEntry:
    row: EntryRow
    thumbnail: bytes | None  # JPEG, when the entry has an evidence photo


def board(workspace: Workspace, today: date) -> Board:
    from redpair_desktop.services.measures.board import list_measures
    from redpair_desktop.services.measures.findings import list_findings

    measures = list_measures(workspace.db, today=today)
    counts = Counter(row.finding_id for row in measures)
    findings = [FindingItem(row, counts[row.id]) for row in list_findings(workspace.db)]
    return Board(findings, measures)


def measure_log(workspace: Workspace, measure_id: uuid.UUID) -> list[LogEntry]:
    from redpair_desktop.services.measures.board import measure_log

    return [
        LogEntry(row, _thumbnail(workspace.data_dir, row.thumbnail_path))
        for row in measure_log(workspace.db, measure_id)
    ]


def _thumbnail(data_dir: Path, relative: str | None) -> bytes | None:
    path = data_dir / relative if relative else None
    return path.read_bytes() if path is not None and path.is_file() else None


def org_tree(workspace: Workspace) -> OrgTree:
    from redpair_desktop.services.org.branches import load_org_tree

    return load_org_tree(workspace.db)


def add_finding(
    workspace: Workspace,
    station_id: uuid.UUID,
    category: FindingCategory,
    text: str,
    found_on: date,
) -> uuid.UUID:
    from redpair_desktop.services.measures.findings import add_finding

    return add_finding(workspace.db, station_id, category, text, found_on)


def owner_choices(workspace: Workspace, finding_id: uuid.UUID) -> OwnerChoices:
    from redpair_desktop.services.measures.measures import owner_choices

    return owner_choices(workspace.db, finding_id)


def create_measure(workspace: Workspace, draft: Draft) -> uuid.UUID:
    from redpair_desktop.services.measures.measures import MeasureDraft, create_measure

    made = MeasureDraft(draft.finding_id, draft.title, draft.due_on, draft.priority, draft.owner_id)
    return create_measure(workspace.db, made)


def add_progress(
    workspace: Workspace, measure_id: uuid.UUID, text: str, author: str, photo: Photo | None
) -> None:
    from redpair_desktop.services.measures.measures import Evidence, add_progress

    if photo is None:
        add_progress(workspace.db, measure_id, text, author)
    elif isinstance(photo, QImage):
        with pasted_file(photo, workspace.data_dir) as path:
            evidence = Evidence(path, workspace.data_dir)
            add_progress(workspace.db, measure_id, text, author, evidence)
    else:
        evidence = Evidence(photo, workspace.data_dir)
        add_progress(workspace.db, measure_id, text, author, evidence)


def add_supervision(workspace: Workspace, measure_id: uuid.UUID, text: str, author: str) -> None:
    from redpair_desktop.services.measures.measures import add_supervision

    add_supervision(workspace.db, measure_id, text, author)


def submit(workspace: Workspace, measure_id: uuid.UUID, text: str, author: str) -> None:
    from redpair_desktop.services.measures.measures import submit_for_verification

    submit_for_verification(workspace.db, measure_id, text, author)


def visits(workspace: Workspace, measure_id: uuid.UUID) -> list[Visit]:
    from redpair_desktop.services.measures.measures import verification_visits

    return verification_visits(workspace.db, measure_id)


def verify(
    workspace: Workspace,
    measure_id: uuid.UUID,
    inspection_id: uuid.UUID,
    passed: bool,
    text: str,
    author: str,
) -> None:
    from redpair_desktop.services.measures.measures import verify_measure

    verify_measure(workspace.db, measure_id, inspection_id, passed, text, author)


def close_undone(workspace: Workspace, measure_id: uuid.UUID, text: str, author: str) -> None:
    from redpair_desktop.services.measures.measures import close_undone

    close_undone(workspace.db, measure_id, text, author)


def reopen(workspace: Workspace, measure_id: uuid.UUID, text: str, author: str) -> None:
    from redpair_desktop.services.measures.measures import reopen_measure

    reopen_measure(workspace.db, measure_id, text, author)
