"""The inspection operations the 检查 tab and the run window run on the database worker
(``Backend.call``). Each imports its service when it runs, on the worker, so the window paints
before SQLAlchemy loads. Every change of a run returns the run as it now stands (``Run``), with
the thumbnails of its photos read here, never on the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid
    from pathlib import Path

    from PySide6.QtGui import QImage

    from redpair_desktop.domain.inspections.codes import SignoffRole
    from redpair_desktop.domain.inspections.draft import InspectionStart
    from redpair_desktop.domain.signatures import Signature
    from redpair_desktop.services.inspections.listing import InspectionRow
    from redpair_desktop.services.inspections.runs import Completed
    from redpair_desktop.services.inspections.templates import TemplateRow
    from redpair_desktop.services.inspections.view import InspectionView
    from redpair_desktop.services.org.tree import OrgTree
    from redpair_desktop.services.workspace import Workspace


@dataclass(frozen=True)
class NewChoices:
    """What the new-inspection dialog offers: the stations and the current templates."""

    tree: OrgTree
    templates: tuple[TemplateRow, ...]


@dataclass(frozen=True)
class Run:
    view: InspectionView
    thumbnails: dict[uuid.UUID, bytes]  # photo id → JPEG


@dataclass(frozen=True)
class Finished:
    completed: Completed
    run: Run


def list_inspections(workspace: Workspace) -> list[InspectionRow]:
    from redpair_desktop.services.inspections.listing import list_inspections

    return list_inspections(workspace.db)


def new_choices(workspace: Workspace) -> NewChoices:
    from redpair_desktop.services.inspections.templates import list_templates
    from redpair_desktop.services.org.branches import load_org_tree

    return NewChoices(load_org_tree(workspace.db), tuple(list_templates(workspace.db)))


def start_inspection(workspace: Workspace, start: InspectionStart) -> uuid.UUID:
    from redpair_desktop.services.inspections.runs import start_inspection

    return start_inspection(workspace.db, start)


def run(workspace: Workspace, inspection_id: uuid.UUID) -> Run:
    from redpair_desktop.services.inspections.view import inspection

    view = inspection(workspace.db, inspection_id)
    thumbnails = {
        photo.id: (workspace.data_dir / photo.thumbnail_path).read_bytes()
        for state in view.items
        for photo in state.photos
    }
    return Run(view, thumbnails)


def answer(workspace: Workspace, inspection_id: uuid.UUID, item_key: str, response: str) -> Run:
    from redpair_desktop.services.inspections.runs import answer_item

    answer_item(workspace.db, inspection_id, item_key, response)
    return run(workspace, inspection_id)


def clear_answer(workspace: Workspace, inspection_id: uuid.UUID, item_key: str) -> Run:
    from redpair_desktop.services.inspections.runs import clear_answer

    clear_answer(workspace.db, inspection_id, item_key)
    return run(workspace, inspection_id)


def set_comment(workspace: Workspace, inspection_id: uuid.UUID, item_key: str, text: str) -> Run:
    from redpair_desktop.services.inspections.runs import set_comment

    set_comment(workspace.db, inspection_id, item_key, text)
    return run(workspace, inspection_id)


def add_photo(workspace: Workspace, inspection_id: uuid.UUID, item_key: str, path: Path) -> Run:
    from redpair_desktop.services.inspections.photos import add_item_photo

    add_item_photo(workspace.db, workspace.data_dir, inspection_id, item_key, path)
    return run(workspace, inspection_id)


def paste_photo(
    workspace: Workspace, inspection_id: uuid.UUID, item_key: str, image: QImage
) -> Run:
    from redpair_desktop.ui.widgets.photo_source import pasted_file

    with pasted_file(image, workspace.data_dir) as path:
        return add_photo(workspace, inspection_id, item_key, path)


def remove_photo(workspace: Workspace, inspection_id: uuid.UUID, photo_id: uuid.UUID) -> Run:
    from redpair_desktop.services.inspections.photos import remove_item_photo

    remove_item_photo(workspace.db, photo_id)
    return run(workspace, inspection_id)


def sign_off(
    workspace: Workspace,
    inspection_id: uuid.UUID,
    role: SignoffRole,
    signer: str,
    signature: Signature,
    device: str,
) -> Run:
    from redpair_desktop.services.inspections.signoffs import sign_off

    sign_off(workspace.db, inspection_id, role, signer, signature, device)
    return run(workspace, inspection_id)


def complete(workspace: Workspace, inspection_id: uuid.UUID) -> Finished:
    from redpair_desktop.services.inspections.runs import complete_inspection

    completed = complete_inspection(workspace.db, inspection_id)
    return Finished(completed, run(workspace, inspection_id))


def correct(workspace: Workspace, inspection_id: uuid.UUID) -> uuid.UUID:
    """A new draft version of a completed inspection; its id."""
    from redpair_desktop.services.inspections.runs import correct_inspection

    return correct_inspection(workspace.db, inspection_id)


def printout(workspace: Workspace, inspection_id: uuid.UUID, blank: bool) -> bytes:
    """The inspection's record (or its blank checklist for paper), the same as
    ``redpair inspection pdf``, in the fonts of 设置."""
    from redpair_desktop.reports.fonts import settings_fonts
    from redpair_desktop.reports.inspections.report import inspection_pdf
    from redpair_desktop.services.inspections.sheets import inspection_sheet

    sheet = inspection_sheet(workspace.db, str(inspection_id))
    fonts = settings_fonts(workspace.data_dir)
    return inspection_pdf(sheet, fonts, workspace.data_dir, blank=blank)
