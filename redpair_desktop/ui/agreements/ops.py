"""The agreement operations the window runs on the database worker (``Backend.call``).

Each imports its service when it runs, on the worker, so the window paints before SQLAlchemy
loads."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid
    from pathlib import Path

    from redpair_desktop.domain.agreements.evidence import Evidence, EvidenceSignature
    from redpair_desktop.domain.signatures import Signature
    from redpair_desktop.services.agreements.checking import AgreementCheck
    from redpair_desktop.services.agreements.screen_signing import SigningSheet
    from redpair_desktop.services.workspace import Workspace


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
