"""The line patrol operations the 线路巡视 tab and the patrol window run on the database worker
(``Backend.call``). Each imports its service when it runs, on the worker, so the window paints
before SQLAlchemy loads; photo thumbnails are read here too, never on the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

if TYPE_CHECKING:
    import uuid
    from datetime import date

    from redpair_desktop.domain.assets.codes import DefectType
    from redpair_desktop.domain.measures.codes import FindingCategory
    from redpair_desktop.services.assets.listing import LineRow, PatrolRow
    from redpair_desktop.services.assets.patrols import HistoryEntry, PatrolView
    from redpair_desktop.services.workspace import Workspace

Photo = Path | QImage  # a file picked, or an image pasted from the clipboard


@dataclass(frozen=True)
class PatrolScreen:
    """What the patrol window shows: the patrol and the thumbnail of each defect's photo."""

    view: PatrolView
    thumbnails: dict[uuid.UUID, bytes]  # by defect id, JPEG


@dataclass(frozen=True)
class DefectChoice:
    asset_number: str
    type: DefectType
    note: str
    photo: Photo | None


def lines(workspace: Workspace) -> list[LineRow]:
    from redpair_desktop.services.assets.listing import list_lines

    return list_lines(workspace.db)


def patrols(workspace: Workspace, line_id: uuid.UUID | None) -> list[PatrolRow]:
    from redpair_desktop.services.assets.listing import list_patrols

    return list_patrols(workspace.db, line_id)


def open_patrol(
    workspace: Workspace, line_id: uuid.UUID, patrolled_on: date, patroller: str
) -> uuid.UUID:
    from redpair_desktop.services.assets.patrols import open_patrol

    return open_patrol(workspace.db, line_id, patrolled_on, patroller)


def patrol_screen(workspace: Workspace, patrol_id: uuid.UUID) -> PatrolScreen:
    from redpair_desktop.services.assets.patrols import patrol

    view = patrol(workspace.db, patrol_id)
    thumbnails = {}
    for asset in view.assets:
        for defect in asset.defects:
            path = workspace.data_dir / defect.thumbnail_path if defect.thumbnail_path else None
            if path is not None and path.is_file():
                thumbnails[defect.id] = path.read_bytes()
    return PatrolScreen(view, thumbnails)


def mark_defect(workspace: Workspace, patrol_id: uuid.UUID, choice: DefectChoice) -> PatrolScreen:
    """Store one defect with its photo (a pasted image is written to a file first); the patrol
    read afresh."""
    from redpair_desktop.services.assets.patrols import DefectDraft, save_defects
    from redpair_desktop.ui.widgets.photo_source import pasted_file

    def save(photo: Path | None) -> None:
        draft = DefectDraft(choice.asset_number, choice.type, choice.note, photo)
        save_defects(workspace.db, patrol_id, [draft], workspace.data_dir)

    if isinstance(choice.photo, QImage):
        with pasted_file(choice.photo, workspace.data_dir) as path:
            save(path)
    else:
        save(choice.photo)
    return patrol_screen(workspace, patrol_id)


def remove_defect(workspace: Workspace, patrol_id: uuid.UUID, defect_id: uuid.UUID) -> PatrolScreen:
    from redpair_desktop.services.assets.patrols import remove_defect

    remove_defect(workspace.db, defect_id)
    return patrol_screen(workspace, patrol_id)


def complete_patrol(workspace: Workspace, patrol_id: uuid.UUID) -> PatrolScreen:
    from redpair_desktop.services.assets.patrols import complete_patrol

    complete_patrol(workspace.db, patrol_id)
    return patrol_screen(workspace, patrol_id)


def asset_history(workspace: Workspace, asset_id: uuid.UUID) -> list[HistoryEntry]:
    from redpair_desktop.services.assets.patrols import asset_history

    return asset_history(workspace.db, asset_id)


def finding_text(workspace: Workspace, defect_id: uuid.UUID) -> str:
    """The description a finding raised from the defect starts with."""
    from redpair_desktop.services.measures.findings import defect_description

    return defect_description(workspace.db, defect_id)


def raise_finding(
    workspace: Workspace, defect_id: uuid.UUID, category: FindingCategory, text: str
) -> uuid.UUID:
    from redpair_desktop.services.measures.findings import finding_from_defect

    return finding_from_defect(workspace.db, defect_id, category, text)


def printout(workspace: Workspace, patrol_id: uuid.UUID, blank: bool) -> bytes:
    """The patrol's PDF (or its blank sheet) in the fonts of 设置."""
    from redpair_desktop.reports.assets.patrol import patrol_pdf
    from redpair_desktop.reports.fonts import settings_fonts
    from redpair_desktop.services.assets.sheets import patrol_sheet

    sheet = patrol_sheet(workspace.db, str(patrol_id))
    fonts = settings_fonts(workspace.data_dir)
    return patrol_pdf(sheet, fonts, workspace.data_dir, blank=blank)
