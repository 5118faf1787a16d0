"""The roster operations the window runs on the database worker (``Backend.call``).

Each imports its service when it runs, on the worker, so the window paints before SQLAlchemy
and openpyxl load; each is typed, so a caller that passes the wrong thing fails the type check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid
    from datetime import date
    from pathlib import Path

    from redpair_desktop.domain.enums import EndReason
    from redpair_desktop.services.rosters.importer import ImportReport
    from redpair_desktop.services.rosters.people import HistoryEntry
    from redpair_desktop.services.rosters.query import RosterSnapshot
    from redpair_desktop.services.rosters.removal import RemovalFacts
    from redpair_desktop.services.rosters.workbook import Preview
    from redpair_desktop.services.workspace import Workspace


def load_roster(
    workspace: Workspace, scope: Sequence[uuid.UUID] | None
) -> tuple[RosterSnapshot, list[str]]:
    """The roster of these branches (None: all) and every branch's seal name."""
    from redpair_desktop.services.org.branches import branch_seal_names
    from redpair_desktop.services.rosters.query import load_roster

    return load_roster(workspace.db, scope), branch_seal_names(workspace.db)


def editor_values(workspace: Workspace, membership_id: uuid.UUID) -> dict[str, object]:
    from redpair_desktop.services.rosters.people import editor_values

    return editor_values(workspace.db, membership_id)


def save_person(
    workspace: Workspace, values: Mapping[str, object], membership_id: uuid.UUID | None
) -> uuid.UUID:
    from redpair_desktop.services.rosters.people import save_person

    return save_person(workspace.db, values, membership_id)


def transfer_member(
    workspace: Workspace, membership_id: uuid.UUID, target_branch: str, on: date
) -> uuid.UUID:
    from redpair_desktop.services.rosters.people import transfer_member

    return transfer_member(workspace.db, membership_id, target_branch, on)


def removal_facts(workspace: Workspace, membership_id: uuid.UUID) -> RemovalFacts:
    """What the 移出 question shows: the person, the branch, the start date, the secretary role."""
    from redpair_desktop.services.rosters.removal import removal_facts

    return removal_facts(workspace.db, membership_id)


def remove_from_roster(
    workspace: Workspace, membership_id: uuid.UUID, on: date, reason: EndReason
) -> None:
    from redpair_desktop.services.rosters.people import remove_from_roster

    remove_from_roster(workspace.db, membership_id, on, reason)


def person_history(workspace: Workspace, membership_id: uuid.UUID) -> list[HistoryEntry]:
    from redpair_desktop.services.rosters.people import person_history

    return person_history(workspace.db, membership_id)


def export_roster(snapshot: RosterSnapshot, path: Path, rows: Sequence[int]) -> int:
    from redpair_desktop.services.rosters.exporter import export_roster

    return export_roster(snapshot, path, rows=rows)


def write_template(path: Path, branch_names: Sequence[str]) -> None:
    from redpair_desktop.services.rosters.exporter import write_template

    write_template(path, branch_names)


def check_import(
    workspace: Workspace, path: Path, mapping: dict[str, str] | None
) -> tuple[Preview, dict[str, str], ImportReport]:
    """A dry run of the import: the file's first rows, the mapping used, every error.

    With no mapping the one remembered for this file's headers is used; a given one is
    remembered for next time."""
    from redpair_desktop.services.rosters.import_process import import_in_process
    from redpair_desktop.services.rosters.mappings import remember_mapping, remembered_mapping
    from redpair_desktop.services.rosters.workbook import preview

    shown = preview(path)
    if mapping is None:
        mapping = remembered_mapping(workspace.data_dir, shown.headers)
    else:
        remember_mapping(workspace.data_dir, shown.headers, mapping)
    return shown, mapping, import_in_process(workspace, path, dry_run=True, mapping=mapping)


def run_import(
    workspace: Workspace,
    path: Path,
    mapping: dict[str, str],
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> ImportReport:
    from redpair_desktop.services.rosters.import_process import import_in_process

    return import_in_process(
        workspace, path, mapping=mapping, progress=progress, cancelled=cancelled
    )
