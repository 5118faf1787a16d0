"""The pairing operations the window runs on the database worker (``Backend.call``).

Each imports its service when it runs, on the worker, so the window paints before SQLAlchemy
loads."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid
    from datetime import date
    from pathlib import Path

    from redpair_desktop.domain.pairings.draft import PairingDraft
    from redpair_desktop.services.agreements.records import ImportedScan
    from redpair_desktop.services.org.branch_info import RosterChoice
    from redpair_desktop.services.pairings.registry import PairingRow
    from redpair_desktop.services.workspace import Workspace


def list_pairings(workspace: Workspace, today: date) -> list[PairingRow]:
    from redpair_desktop.services.pairings.registry import list_pairings

    return list_pairings(workspace.db, today)


def pairing_draft(workspace: Workspace, pairing_id: uuid.UUID) -> PairingDraft:
    from redpair_desktop.services.pairings.editing import pairing_draft

    return pairing_draft(workspace.db, pairing_id)


def save_pairing(
    workspace: Workspace, draft: PairingDraft, pairing_id: uuid.UUID | None
) -> uuid.UUID:
    """Register a new pairing (``pairing_id`` None) or store the edited one; its id."""
    from redpair_desktop.services.pairings.editing import create_pairing, edit_pairing

    if pairing_id is None:
        return create_pairing(workspace.db, draft)
    edit_pairing(workspace.db, pairing_id, draft)
    return pairing_id


def terminate_pairing(workspace: Workspace, pairing_id: uuid.UUID, on: date) -> None:
    from redpair_desktop.services.pairings.editing import terminate_pairing

    terminate_pairing(workspace.db, pairing_id, on)


def roster_choices(workspace: Workspace, branch_id: uuid.UUID) -> tuple[RosterChoice, ...]:
    """The branch's current roster, in pinyin order: who can be its liaison."""
    from redpair_desktop.services.org.branch_info import branch_info

    return branch_info(workspace.db, branch_id).members


def agreement_pdf(workspace: Workspace, pairing_id: uuid.UUID) -> bytes:
    """The pairing's agreement as the signed PDF that is printed (the fonts of 设置, the
    evidence page of an on-screen signing); a UserError names what is missing (a secretary,
    a character no font can draw)."""
    from redpair_desktop.reports.agreements.printout import printable_pdf
    from redpair_desktop.services.agreements.builder import agreement_document

    return printable_pdf(workspace, agreement_document(workspace.db, str(pairing_id)))


def import_scan(workspace: Workspace, pairing_id: uuid.UUID, path: Path) -> ImportedScan:
    """Store the scan of the signed paper original against the pairing's latest agreement
    version, which becomes 已签署（纸质原件存档）; a UserError says why a file is refused."""
    from redpair_desktop.services.agreements.records import import_paper_scan

    return import_paper_scan(workspace.db, workspace.data_dir, pairing_id, path)
