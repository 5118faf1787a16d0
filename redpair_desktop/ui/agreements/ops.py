"""The agreement operations the window runs on the database worker (``Backend.call``).

Each imports its service when it runs, on the worker, so the window paints before SQLAlchemy
and ReportLab load."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from redpair_desktop.domain.agreements.document import AgreementDocument, Clause
    from redpair_desktop.domain.agreements.evidence import Evidence, EvidenceSignature
    from redpair_desktop.domain.signatures import Signature
    from redpair_desktop.services.agreements.checking import AgreementCheck
    from redpair_desktop.services.agreements.screen_signing import SigningSheet
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
    from redpair_desktop.reports.agreements.pdf import agreement_pdf
    from redpair_desktop.reports.fonts import settings_fonts
    from redpair_desktop.services.agreements.versions import draft_document

    document = draft_document(workspace.db, pairing_id, preamble, clauses)
    return Printout(
        document.content_hash, agreement_pdf(document, settings_fonts(workspace.data_dir))
    )


def version_printout(workspace: Workspace, record_id: uuid.UUID) -> Printout:
    """A stored version as it prints: signed, with the evidence of an on-screen signing."""
    from redpair_desktop.reports.agreements.printout import printable_pdf
    from redpair_desktop.services.agreements.versions import version_document

    document = version_document(workspace.db, record_id)
    return Printout(document.content_hash, printable_pdf(workspace, document))


def check_agreement_file(workspace: Workspace, path: Path) -> AgreementCheck:
    """校验: ``path`` against its signature and the records, as ``redpair verify`` does."""
    from redpair_desktop.services.agreements.checking import check_agreement_file

    return check_agreement_file(workspace.db, path)


def signing_sheet(
    workspace: Workspace, pairing_id: uuid.UUID
) -> tuple[SigningSheet, Evidence | None]:
    """The pairing's latest agreement version (recorded now if new) for signing on screen:
    who signs for each party, and the signatures already on record."""
    from redpair_desktop.services.agreements.builder import agreement_document
    from redpair_desktop.services.agreements.screen_signing import evidence, signing_sheet

    document = agreement_document(workspace.db, str(pairing_id))
    return signing_sheet(workspace.db, document.record_id), evidence(
        workspace.db, document.record_id
    )


def record_signature(
    workspace: Workspace,
    record_id: uuid.UUID,
    party: str,
    signer: str,
    signature: Signature,
    device_name: str,
) -> EvidenceSignature:
    """Store a secretary's signature drawn on the pad; a UserError says why it was refused."""
    from redpair_desktop.domain.agreements.evidence import SECRETARY_ROLE
    from redpair_desktop.services.agreements.screen_signing import record_signature

    return record_signature(
        workspace.db, record_id, party, signer, SECRETARY_ROLE, signature, device_name
    )
