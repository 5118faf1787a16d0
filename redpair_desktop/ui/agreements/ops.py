"""The agreement operations the window runs on the database worker (``Backend.call``).

Each imports its service when it runs, on the worker, so the window paints before SQLAlchemy
loads."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from redpair_desktop.services.agreements.checking import AgreementCheck
    from redpair_desktop.services.workspace import Workspace


def check_agreement_file(workspace: Workspace, path: Path) -> AgreementCheck:
    """校验: ``path`` against its signature and the records, as ``redpair verify`` does."""
    from redpair_desktop.services.agreements.checking import check_agreement_file

    return check_agreement_file(workspace.db, path)
