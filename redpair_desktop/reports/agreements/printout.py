"""The one way to the printed PDF of an agreement version: its words in the fonts of 设置, after
them its evidence page when the version was signed on screen, the whole signed with this
installation's key. Every PDF the window and the CLI give out comes from ``printable_pdf``, so
each passes ``redpair verify`` and the 校验 dialog.

It lives here, not in ``services``, because services do not import reports (the layers go one
way); it asks the services for the evidence and the signature and hands the report plain data.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from redpair_desktop.reports.agreements.pdf import agreement_pdf
from redpair_desktop.reports.fonts import settings_fonts
from redpair_desktop.services.agreements.screen_signing import evidence
from redpair_desktop.services.agreements.signing import signed_agreement

if TYPE_CHECKING:
    from redpair_desktop.domain.agreements.document import AgreementDocument
    from redpair_desktop.services.workspace import Workspace


def printable_pdf(workspace: Workspace, document: AgreementDocument) -> bytes:
    """The signed PDF of recorded version ``document``, with the evidence page of its on-screen
    signing if there was one (and then that day's date under the seals)."""
    fonts = settings_fonts(workspace.data_dir)
    signed = evidence(workspace.db, document.record_id)
    if signed is not None and signed.is_complete:  # the date under the seals: the signing day
        last = max(signature.signed_at for signature in signed.signatures)
        document = replace(document, signed_on=last.astimezone().date())
    pdf = agreement_pdf(document, fonts, signed)
    return signed_agreement(workspace.db, workspace.data_dir, document, pdf)
