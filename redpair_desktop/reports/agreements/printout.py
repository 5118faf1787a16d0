"""The one way to the printed PDF of an agreement version: its words, and after them its
evidence page when the version was signed on screen. Every PDF the window and the CLI build
comes from ``printable_pdf``.

It lives here, not in ``services``, because services do not import reports (the layers go one
way); it asks the service for the evidence and hands the report plain data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from redpair_desktop.reports.agreements.pdf import agreement_pdf
from redpair_desktop.services.agreements.screen_signing import evidence

if TYPE_CHECKING:
    from redpair_desktop.domain.agreements.document import AgreementDocument
    from redpair_desktop.reports.fonts import FontSet
    from redpair_desktop.services.workspace import Workspace


def printable_pdf(workspace: Workspace, document: AgreementDocument, fonts: FontSet) -> bytes:
    """The PDF of recorded version ``document`` (not yet signed with the installation key),
    with the evidence page of its on-screen signing if there was one."""
    return agreement_pdf(document, fonts, evidence(workspace.db, document.record_id))
