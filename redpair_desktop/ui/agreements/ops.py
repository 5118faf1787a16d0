"""The agreement operations the window runs on the database worker (``Backend.call``).

Each imports its service when it runs, on the worker, so the window paints before SQLAlchemy
and ReportLab load."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redpair_desktop.domain.agreements.document import AgreementDocument, Clause
    from redpair_desktop.services.agreements.versions import VersionSummary
    from redpair_desktop.services.workspace import Workspace


@dataclass(frozen=True)
class DraftingState:
    """What the drafting window opens with: the versions (newest first) and the words to
    edit — the latest version's, else the filled template."""

    versions: list[VersionSummary]
    document: AgreementDocument


@dataclass(frozen=True)
class Printout:
    content_hash: str
    pdf: bytes


def drafting_state(workspace: Workspace, pairing_id: uuid.UUID) -> DraftingState:
    from redpair_desktop.services.agreements.builder import template_document
    from redpair_desktop.services.agreements.versions import latest_document, list_versions

    document = latest_document(workspace.db, pairing_id)
    if document is None:
        document = template_document(workspace.db, str(pairing_id))
    return DraftingState(list_versions(workspace.db, pairing_id), document)


def list_versions(workspace: Workspace, pairing_id: uuid.UUID) -> list[VersionSummary]:
    from redpair_desktop.services.agreements.versions import list_versions

    return list_versions(workspace.db, pairing_id)


def version_document(workspace: Workspace, record_id: uuid.UUID) -> AgreementDocument:
    from redpair_desktop.services.agreements.versions import version_document

    return version_document(workspace.db, record_id)


def template_document(workspace: Workspace, pairing_id: uuid.UUID) -> AgreementDocument:
    from redpair_desktop.services.agreements.builder import template_document

    return template_document(workspace.db, str(pairing_id))


def save_version(
    workspace: Workspace, pairing_id: uuid.UUID, preamble: str, clauses: tuple[Clause, ...]
) -> AgreementDocument:
    from redpair_desktop.services.agreements.versions import save_version

    return save_version(workspace.db, pairing_id, preamble, clauses)


def draft_printout(
    workspace: Workspace, pairing_id: uuid.UUID, preamble: str, clauses: tuple[Clause, ...]
) -> Printout:
    """The PDF of edited words as they would be saved; a UserError says what cannot print."""
    from redpair_desktop.services.agreements.versions import draft_document

    return _printout(draft_document(workspace.db, pairing_id, preamble, clauses))


def version_printout(workspace: Workspace, record_id: uuid.UUID) -> Printout:
    from redpair_desktop.services.agreements.versions import version_document

    return _printout(version_document(workspace.db, record_id))


def _printout(document: AgreementDocument) -> Printout:
    from redpair_desktop.reports.agreements.pdf import agreement_pdf
    from redpair_desktop.reports.fonts import FontSet

    return Printout(document.content_hash, agreement_pdf(document, FontSet()))
